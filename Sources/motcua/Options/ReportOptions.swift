import ArgumentParser
import Ingest
import KPIMetrics
import Reports
import Wording

/// What to compute and how to show it.
struct ReportOptions: ParsableArguments {
    @Option(help: help(.helpPeriod))
    var period: String

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis?

    @Option(help: help(.helpFormat))
    var format: ReportFormat = .table

    @Option(help: help(.helpTable))
    var table: ReportTable = .kpi

    @Option(help: help(.helpBy))
    var by: RowsOption = RowsOption(grouping: .unit)

    @Option(help: help(.helpBreakdown))
    var breakdown: KPIBreakdown.Step?

    @Option(help: help(.helpCompare))
    var compare: ComparisonOption = .previous

    @Option(help: help(.helpTarget))
    var target: String?

    @Option(name: .customLong("goal"), help: help(.helpGoal))
    var goals: [String] = []

    @Option(name: .customLong("reporting-unit"), help: help(.helpReportingUnit))
    var reportingUnit: String?

    @Option(name: .customLong("receiving-unit"), help: help(.helpReceivingUnit))
    var receivingUnit: String?

    @OptionGroup var language: LanguageOption

    @Option(help: help(.helpOutput))
    var output: String?

    func validate() throws {
        let period = try parsedPeriod()
        _ = try parsedGoals()
        if let step = breakdown {
            guard format.showsBreakdown else { throw usage(.usageBreakdownFormat) }
            switch (step, period.span) {
            case (.quarter, .year), (.quarter, .half), (.quarter, .nineMonths), (.half, .year): break
            default: throw usage(.usageBreakdownPeriod, [.kind: step.rawValue])
            }
        }
        if format == .xlsx, output == nil { throw usage(.usageXLSXOutput) }
        if by.grouping == .field, !format.isForPeople { throw usage(.usageByField) }
        if table == .form06a, !format.isForPeople { throw usage(.usageTableMachine) }
        if table.isService, format == .form06a { throw usage(.usageForm06aTable, [.text: table.rawValue]) }
        // They fill form 06a's heading only (a sheet of every KPI workbook too): another table or
        // format would drop them without a word.
        let rendersForm = table == .form06a || format == .form06a || (format == .xlsx && !table.isService)
        if let given = [("--reporting-unit", reportingUnit), ("--receiving-unit", receivingUnit)].first(where: { $0.1 != nil }),
           !rendersForm {
            throw usage(.usageFormUnit, [.name: given.0])
        }
        // The goals but on_time's (the target) are the plan's: another table would ignore them.
        if table != .plan, let other = try parsedGoals().given.first(where: { $0 != .onTime }) {
            throw usage(.usageGoalTable, [.name: other.name, .text: table.rawValue])
        }
        if table.isService || table == .resolution, breakdown != nil || by.grouping == .field {
            throw usage(.usageBreakdownTable, [.name: breakdown != nil ? "--breakdown" : "--by field", .text: table.rawValue])
        }
        if table == .resolution, format == .json || format == .form06a { throw usage(.usageListFormat, [.text: format.rawValue]) }
        if let rollUp = by.rollUp, table == .form06a || table == .resolution || format == .form06a || breakdown != nil {
            throw usage(.usageRollUpTable, [.text: rollUp.argument])
        }
    }

    func parsedPeriod() throws -> Period { try PeriodText.parse(period) }

    func parsedTarget() throws -> Target {
        guard let target else { return .onTimeDefault }
        guard let value = Target(target) else { throw usage(.usageTarget, [.text: target]) }
        return value
    }

    /// The plan's goals: `--target` sets on_time's, each `--goal` one more; one given twice,
    /// or both ways, is a usage error.
    func parsedGoals() throws -> Goals {
        let target = try parsedTarget()
        do {
            return try Goals(target: self.target.map { _ in target.description }, assignments: goals)
        } catch .invalid(let text) {
            throw usage(.usageGoal, [.text: text, .list: PlanTarget.allCases.map(\.name).joined(separator: ", ")])
        } catch .twice(let name) {
            throw usage(.usageGoalTwice, [.name: name])
        }
    }

    /// The report these options ask for.
    func settings() throws -> ReportSettings {
        let goals = try parsedGoals()
        var settings = ReportSettings(period: try parsedPeriod(), basis: basis ?? table.defaultBasis, target: goals[.onTime],
                                      grouping: by.grouping, breakdown: breakdown, language: language.value)
        settings.table = table
        settings.goals = goals
        settings.comparison = compare.value
        settings.reportingUnit = reportingUnit
        settings.receivingUnit = receivingUnit
        settings.rollUp = by.rollUp
        return settings
    }
}

/// A period as people write it, read by Metrics; a wrong one is worded with the forms accepted.
enum PeriodText {
    static func parse(_ text: String) throws -> Period {
        do {
            return try Period(parsing: text)
        } catch {
            throw usage(.usagePeriod, [.text: text, .list: Period.acceptedForms.joined(separator: ", ")])
        }
    }
}

/// `--compare previous|last-year|none`.
enum ComparisonOption: String, CaseIterable, ExpressibleByArgument {
    case previous, lastYear = "last-year", none

    var value: Comparison? {
        switch self {
        case .previous: return .previous
        case .lastYear: return .lastYear
        case .none: return nil
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension ReportTable: ExpressibleByArgument {}

/// `--by unit|field|parent|level=LEVEL`: rows by unit or by field of procedures, or unit rows
/// rolled up through the `--units` file's hierarchy.
struct RowsOption: ExpressibleByArgument, CustomStringConvertible {
    var grouping: KPITable.Grouping
    var rollUp: RollUp?

    init(grouping: KPITable.Grouping) {
        self.grouping = grouping
    }

    init?(argument: String) {
        if let grouping = KPITable.Grouping(rawValue: argument.lowercased()) {
            self.grouping = grouping
        } else if let rollUp = RollUp(argument: argument) {
            grouping = .unit
            self.rollUp = rollUp
        } else {
            return nil
        }
    }

    var description: String { rollUp?.argument ?? grouping.rawValue }

    static var allValueStrings: [String] {
        KPITable.Grouping.allCases.map(\.rawValue) + ["parent"] + UnitLevel.allCases.map { "level=" + $0.rawValue }
    }
}
extension KPIBreakdown.Step: ExpressibleByArgument {}
extension PeriodBasis: ExpressibleByArgument {}

/// `--format` of a command that writes only some formats (`late`, `deadlines`, `apologies`):
/// its help lists those. Any format is read, so that one it does not write is refused by the
/// command in the reader's language, naming the ones it does.
protocol FormatSubset {
    static var formats: [ReportFormat] { get }
}

struct FormatOption<Subset: FormatSubset>: ExpressibleByArgument {
    var format: ReportFormat

    init(_ format: ReportFormat) { self.format = format }

    init?(argument: String) {
        guard let format = ReportFormat(argument: argument) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }
    static var allValueStrings: [String] { Subset.formats.map(\.rawValue) }
}

/// The formats of a listing (`late`, `deadlines`).
enum ListFormats: FormatSubset {
    static let formats: [ReportFormat] = [.table, .csv, .md, .html, .xlsx]
}

/// The formats of a letter (`apologies`).
enum LetterFormats: FormatSubset {
    static let formats: [ReportFormat] = [.md, .html]
}
