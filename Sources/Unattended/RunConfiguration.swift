import Foundation
import Ingest
import KPIMetrics
import Reports
import Wording

/// Everything an unattended run needs: where the store, inbox, archive and reports are, what
/// to write, and how to count. Read from `motcua.toml` (`RunConfiguration+File.swift`); every
/// key can also be given on the command line, which wins.
public struct RunConfiguration: Sendable {
    public var store = "motcua.sqlite"
    public var inbox = "inbox"
    public var archive = "archive"
    public var reports = "reports"
    public var formats: [ReportFormat] = [.csv, .json, .table]
    public var basis: PeriodBasis = .decree09
    public var target: Target = .onTimeDefault
    public var language: Language = .vi
    /// Which periods to write once the data covers them.
    public var periods: [PeriodKind] = PeriodKind.allCases
    public var aliases = UnitAliases()
    /// Also write the period that holds the newest data, marked provisional.
    public var provisional = false
    /// The period each unit's on-time rate is shown beside, in the people's formats.
    public var comparison: Comparison? = .previous
    /// Form 06a's reporting and receiving units.
    public var reportingUnit: String?
    public var receivingUnit: String?
    /// The tables written for each period: `kpi`, `plan`, `index766`.
    public var tables: [ReportTable] = [.kpi]
    /// The procedure catalogue the plan and index tables are computed with.
    public var catalogue: String?
    /// The goals of the plan's targets other than on_time (whose goal is `target`).
    public var goals = Goals()

    public init() {}

    /// The kinds of period the reports cover.
    public enum PeriodKind: String, Sendable, CaseIterable, Codable {
        case quarter, half, nineMonths = "9m", year
    }

    /// What a report of `period` is made with.
    func settings(_ period: Period, provisional: Bool) -> ReportSettings {
        var settings = ReportSettings(period: period, basis: basis, target: target, language: language)
        settings.goals = goals
        settings.goals[.onTime] = target
        settings.comparison = comparison
        settings.provisional = provisional
        settings.reportingUnit = reportingUnit
        settings.receivingUnit = receivingUnit
        return settings
    }
}

/// A configuration file that cannot be used: the file, the key, what is wrong. One line in the
/// reader's language; the run stops (exit 66) rather than apply a setting it did not understand.
public struct ConfigurationError: Error, Sendable {
    public enum Reason: Sendable {
        case unreadable
        /// Not TOML: the parser's message and line.
        case syntax(String, line: Int?)
        /// A key motcua does not know (a typo: `format` for `formats`).
        case unknownKey(String)
        /// A key whose value has the wrong type: the key, and what it takes.
        case wrongType(key: String, expected: Phrase)
        /// A value outside the key's vocabulary: the key, the value, what it takes.
        case badValue(key: String, value: String, allowed: String)
        /// The `units` file cannot be read.
        case units(String)
    }

    public var file: String
    public var reason: Reason

    public func message(_ language: Language) -> String {
        let what: String
        switch reason {
        case .unreadable: what = language[.configUnreadable]
        case .syntax(let message, let line):
            return file + (line.map { ":\($0)" } ?? "") + ": " + language[.configSyntax, [.reason: message]]
        case .unknownKey(let key): what = language[.configUnknownKey, [.name: key, .list: RunConfiguration.keys.joined(separator: ", ")]]
        case .wrongType(let key, let expected): what = language[.configWrongType, [.name: key, .kind: language[expected]]]
        case .badValue(let key, let value, let allowed):
            what = language[.configBadValue, [.name: key, .text: value, .list: allowed]]
        case .units(let message): return message
        }
        return "\(file): \(what)"
    }
}
