import KPIMetrics
import Wording

extension KPIReport {
    /// A column beside the on-time rate: its title and how a row fills it.
    typealias ComparingColumn = (column: PeopleTable.Column, value: (KPITable.Row) -> PeopleTable.Cell)

    /// The row's on-time rate in the period compared with (`—` when it had none).
    func previousRate(_ row: KPITable.Row) -> Percentage? { previousRates[row.label] }

    /// The change of the row's on-time rate since the period compared with, in hundredths of a
    /// percentage point, from the exact fractions; nil when either has no value.
    func change(_ row: KPITable.Row) -> Int? {
        guard let now = row.counts.onTimeRate, let before = previousRate(row) else { return nil }
        return now.change(from: before)
    }

    /// The on-time rate of the period compared with, and the change: the columns after the
    /// on-time rate.
    func comparisonColumns(_ view: View, group: Phrase?) -> [ComparingColumn] {
        let previousTitle: Phrase = comparison == .previous ? .onTimePrevious : .onTimeLastYear
        return [
            (PeopleTable.Column(title: language[previousTitle], key: "previous_on_time_rate", group: group.map { language[$0] }),
             { PeopleTable.Cell(value: .rate(previousRate($0))) }),
            (PeopleTable.Column(title: language[.onTimeChange], key: "on_time_rate_change", group: group.map { language[$0] }),
             { PeopleTable.Cell(value: .change(change($0))) }),
        ]
    }

    /// "So sánh với kỳ 2022-Q4 (từ 15/09/2022 đến 14/12/2022); thay đổi tính bằng điểm phần
    /// trăm.", when the report compares.
    var comparisonLine: String? {
        guard let previous else { return nil }
        let wording = PeriodWording(previous, language)
        return language[.comparedWith, [.period: wording.period, .start: wording.start, .end: wording.end]]
    }
}
