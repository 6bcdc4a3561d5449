import KPIMetrics
import Wording

/// The people's plan table or service index, built once from the computed counts: a row per
/// unit and target (or indicator), units in Vietnamese alphabetical order and the total last,
/// each unit's missed targets (or indicators below full marks), and for the index the points
/// per unit. The table, Markdown, the page and the workbook each show it.
struct ServiceReport {
    enum Kind { case plan, index }

    let table: ServiceTable
    let kind: Kind
    let goals: Goals
    let language: Language
    let period: PeriodWording
    /// The catalogue's name and SHA-256, or nil when none was given.
    let catalogue: (name: String, sha256: String)?
    /// Unit rows in Vietnamese alphabetical order, or rolled up, then the total.
    let rows: [ServiceTable.Row]
    /// The labels of the subtotal rows (`--by parent`).
    let subtotals: Set<KPITable.Label>
    /// How the rows are rolled up, in a sentence; nil when they are not.
    let rollUpLine: String?

    init(_ table: ServiceTable, _ settings: ReportSettings, catalogue: (name: String, sha256: String)?) {
        self.table = table
        kind = settings.table == .plan ? .plan : .index
        goals = settings.goals
        language = settings.language
        period = PeriodWording(table.period, basis: table.basis, target: settings.goals[.onTime], language,
                               provisional: settings.provisional)
        self.catalogue = catalogue
        let total = ServiceTable.Row(label: .total, counts: table.total)
        if let rolled = settings.peopleRows(table.unitRows) {
            rows = rolled.rows.map { ServiceTable.Row(label: $0.label, counts: $0.counts) } + [total]
            subtotals = rolled.subtotals
        } else {
            rows = table.rows.sortedVietnamese { $0.name ?? "" } + [total]
            subtotals = []
        }
        rollUpLine = settings.rollUpLine
    }

    var title: String { language[kind == .plan ? .planTitle : .indexTitle] }

    func name(_ row: ServiceTable.Row) -> String { row.name ?? language[.total] }

    static func phrase(_ target: PlanTarget) -> Phrase {
        switch target {
        case .onTime: return .targetOnTime
        case .eligibleOnline: return .targetEligibleOnline
        case .digitisedResult: return .targetDigitisedResult
        case .satisfied: return .targetSatisfied
        case .electronicRouting: return .targetElectronicRouting
        }
    }

    static func phrase(_ indicator: IndexIndicator) -> Phrase {
        switch indicator {
        case .progress: return .indicatorProgress
        case .fullOnline: return .indicatorFullOnline
        case .onlinePayment: return .indicatorOnlinePayment
        case .eResult: return .indicatorEResult
        case .digitised: return .indicatorDigitised
        case .reuse: return .indicatorReuse
        case .dataStore: return .indicatorDataStore
        case .vneid: return .indicatorVNeID
        case .satisfaction: return .indicatorSatisfaction
        }
    }

    /// The table as people read it: the csv's figures, a row per unit and target or indicator.
    var people: PeopleTable {
        let figure = { (title: Phrase, key: String) in PeopleTable.Column(title: language[title], key: key) }
        var columns = [PeopleTable.Column(title: language[.unit], key: "unit", role: .name),
                       PeopleTable.Column(title: language[kind == .plan ? .columnTarget : .columnIndicator],
                                          key: kind == .plan ? "target" : "indicator", role: .text),
                       figure(.columnNumerator, "numerator"), figure(.columnDenominator, "denominator"),
                       figure(.columnRate, "rate")]
        columns += kind == .plan ? [figure(.columnGoal, "goal"), PeopleTable.Column(title: language[.columnMet], key: "met", role: .text)]
            : [figure(.columnMaxPoints, "max_points"), figure(.columnPoints, "points")]
        var out: [PeopleTable.Row] = []
        for row in rows {
            let key = row.name ?? "TOTAL"
            var lines: [(cells: [PeopleTable.Value], flagged: Bool)] = []
            switch kind {
            case .plan:
                for f in row.counts.plan(goals) {
                    let met: String = f.met.map { language[$0 ? .met : .notMet] } ?? "—"
                    lines.append(([.text(language[Self.phrase(f.target)]), .count(f.numerator), .count(f.denominator),
                                   .rate(f.rate), .text(language.percent(f.goal.description)), .text(met)], f.met == false))
                }
            case .index:
                for f in row.counts.index {
                    lines.append(([.text(language[Self.phrase(f.indicator)]), f.numerator.map(PeopleTable.Value.count) ?? .empty,
                                   f.denominator.map(PeopleTable.Value.count) ?? .empty, .rate(f.rate?.percentage),
                                   .count(f.indicator.maxPoints), .points(f.points?.hundredths())], false))
                }
                let total = row.counts.indexTotal
                lines.append(([.text(language[.indicatorTotal]), .empty, .empty,
                               .rate(total.rateHundredths.flatMap { Percentage($0, of: 10_000) }),
                               .count(total.maxPoints), .points(total.pointsHundredths)], false))
            }
            for (index, line) in lines.enumerated() {
                let name: PeopleTable.Value = index == 0 ? .text(name(row)) : .text("")
                out.append(PeopleTable.Row(key: key, cells: [PeopleTable.Cell(value: name)]
                    + line.cells.map { PeopleTable.Cell(value: $0) },
                                           isTotal: row.label == .total, isSubtotal: subtotals.contains(row.label),
                                           isFlagged: line.flagged))
            }
        }
        return PeopleTable(columns: columns, rows: out, flagsRows: true, marksMissingRates: true)
    }

    /// One line per unit with a target not met (plan) or an indicator below full marks (index).
    var missed: [String] {
        var lines: [String] = []
        for row in rows where !subtotals.contains(row.label) {
            let names: [String]
            switch kind {
            case .plan: names = row.counts.plan(goals).filter { $0.met == false }.map { language[Self.phrase($0.target)] }
            case .index:
                names = row.counts.index.filter(\.isBelowFullMarks).map { language[Self.phrase($0.indicator)] }
            }
            if !names.isEmpty {
                lines.append(language[kind == .plan ? .missedTargets : .belowFullMarks,
                                      [.unit: name(row), .list: names.joined(separator: "; ")]])
            }
        }
        return lines.isEmpty ? [language[kind == .plan ? .allTargetsMet : .allFullMarks]] : lines
    }

    /// The lines under the table: the period's dates, the goals or the 62-point ceiling, the
    /// catalogue.
    var notes: [String] {
        var notes = [period.dates]
        if kind == .plan {
            let list = PlanTarget.allCases.map { "\(language[Self.phrase($0)]) \(language.percent(goals[$0].description))" }
            notes.append(language[.goalsLine, [.list: list.joined(separator: ", ")]])
        } else {
            notes.append(language[.indexOutOf62])
        }
        notes.append(catalogue.map { language[.catalogueUsed, [.file: $0.name, .hash: String($0.sha256.prefix(12))]] } ?? language[.noCatalogue])
        if let rollUpLine { notes.append(rollUpLine) }
        return notes
    }
}
