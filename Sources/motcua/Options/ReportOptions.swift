import ArgumentParser
import KPIMetrics
import Reports
import Wording

/// What to compute and how to show it.
struct ReportOptions: ParsableArguments {
    @Option(help: "Period: 2023-Q3, 2023-H1, 2023-9M, 2023 (also Q3/2023, 'quý 3/2023', '6 tháng 2023', 'năm 2023').")
    var period: PeriodArgument

    @Option(help: "Period basis: decree09 (15th to 14th, the default) or calendar.")
    var basis: PeriodBasis = .decree09

    @Option(help: "Output format: table, form06a, md, html or xlsx (for people; xlsx needs --output), csv or json (for machines).")
    var format: ReportFormat = .table

    @Option(help: "Rows by unit or by field of procedures (TenLinhVuc).")
    var by: KPITable.Grouping = .unit

    @Option(help: "Split the period into quarters or halves: one table of units × sub-periods with the on-time rate of each.")
    var breakdown: KPIBreakdown.Step?

    @Option(help: "On-time target in percent.")
    var target: TargetArgument = TargetArgument(value: .onTimeDefault)

    @Option(help: "Language of the table and summary: vi or en.")
    var lang: Language = .vi

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?
}

extension ReportFormat: ExpressibleByArgument {}
extension KPITable.Grouping: ExpressibleByArgument {}
extension KPIBreakdown.Step: ExpressibleByArgument {}

extension PeriodBasis: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

struct PeriodArgument: ExpressibleByArgument {
    var value: Period
    init?(argument: String) {
        guard let value = try? Period(parsing: argument) else { return nil }
        self.value = value
    }
}

struct TargetArgument: ExpressibleByArgument {
    var value: Target
    init(value: Target) { self.value = value }
    init?(argument: String) {
        guard let value = Target(argument) else { return nil }
        self.value = value
    }
    var defaultValueDescription: String { value.description }
}
