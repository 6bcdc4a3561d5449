import KPIMetrics
import Wording

/// The breakdown for people, built once: units × sub-periods of on-time rates (cells below
/// target flagged, a total row), units in Vietnamese alphabetical order, its title and the lines
/// around it.
struct BreakdownReport {
    let breakdown: KPIBreakdown
    let language: Language
    /// The whole period, worded.
    let period: PeriodWording

    init(breakdown: KPIBreakdown, settings: ReportSettings) {
        self.breakdown = breakdown
        language = settings.language
        period = PeriodWording(breakdown.period, basis: breakdown.basis, target: breakdown.target, settings.language,
                               provisional: settings.provisional)
    }

    init(breakdown: KPIBreakdown, language: Language) {
        self.init(breakdown: breakdown, settings: ReportSettings(period: breakdown.period, language: language))
    }

    /// "Tỷ lệ giải quyết đúng hạn theo quý".
    var title: String { language[breakdown.step == .quarter ? .breakdownByQuarter : .breakdownByHalf] }

    /// The text format's first line: "Tỷ lệ giải quyết đúng hạn theo quý, 2023".
    var heading: String {
        language[breakdown.step == .quarter ? .breakdownHeadingQuarter : .breakdownHeadingHalf, [.period: period.period]]
    }

    /// Each sub-period's dates, on the breakdown's basis.
    var dates: String {
        let parts = breakdown.tables.map { PeriodWording($0, language) }
        return PeriodWording.dates(of: parts, basis: breakdown.basis, language)
    }

    var table: PeopleTable {
        let columns = [PeopleTable.Column(title: language[.unit], key: "unit", role: .name)]
            + breakdown.tables.map { PeopleTable.Column(title: $0.period.description, key: $0.period.description) }
        let units = breakdown.units.sortedVietnamese { $0 }
        let rows = (units.map(Optional.some) + [nil]).map { unit in
            let cells = breakdown.tables.indices.map { index -> PeopleTable.Cell in
                guard let counts = breakdown.counts(unit: unit, at: index) else { return PeopleTable.Cell(value: .empty) }
                let rate = counts.onTimeRate
                return PeopleTable.Cell(value: .rate(rate), isFlagged: rate?.isBelow(breakdown.target) == true)
            }
            return PeopleTable.Row(key: unit ?? "TOTAL", cells: [PeopleTable.Cell(value: .text(unit ?? language[.total]))] + cells,
                                   isTotal: unit == nil)
        }
        return PeopleTable(columns: columns, rows: rows, marksMissingRates: true)
    }
}
