import Foundation
import Commands
import Ingest
import KPIMetrics
import Reports
import Stores
import Wording

/// Everything an unattended run needs: where the store, inbox, archive and reports are, what
/// to write, and how to count. Read from `motcua.toml` (`RunConfiguration+File.swift`); the
/// command line's options win over it (`periods`, `tables`, `catalogue` and `[goals]` have none).
public struct RunConfiguration: Sendable {
    public var store = "motcua.sqlite"
    /// The configuration file named the store (`store =`): it then wins over `$MOTCUA_DB`.
    public var storeFromFile = false
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
    /// Rows rolled up through the units' hierarchy (`by = "parent"`, `by = "level=huyện"`);
    /// nil: by unit, as without the key.
    public var rollUp: RollUp?
    /// The units' parents and levels, from the `units` file.
    public var hierarchy = UnitHierarchy()
    /// The units file the hierarchy comes from, if any (``useUnitsFile(_:)``).
    public private(set) var unitsFile: String?
    /// Its SHA-256, for the manifest of a rolled-up report.
    private var unitsSHA256: String?

    /// Takes the hierarchy's units file (already read): a rolled-up report's manifest names it.
    public mutating func useUnitsFile(_ path: String) throws(CommandError) {
        unitsSHA256 = try CommandError.from { try FileDigest.sha256(of: path, name: path) }
        unitsFile = path
    }

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
        settings.rollUp = rollUp
        settings.hierarchy = hierarchy
        settings.unitsFile = unitsFile.flatMap { file in unitsSHA256.map { (file, $0) } }
        return settings
    }

    /// The values `by` takes: `unit` (the default), `parent`, `level=` and each level.
    public static let byValues = ["unit", "parent"] + UnitLevel.allCases.map { "level=" + $0.rawValue }

    /// Refuses formats that leave a listed table nothing to write: form 06a is the KPI
    /// table's form, so without `kpi` among the tables it cannot be the only format (the run
    /// would write no report, silently).
    public func checkFormats(file: String) throws(ConfigurationError) {
        // The units form 06a names appear only on it (and on the workbook's 06a sheet), which
        // only the KPI table has: a name nothing shows would be dropped without a word.
        if !(tables.contains(.kpi) && formats.contains(where: { $0 == .form06a || $0 == .xlsx })),
           let key = reportingUnit != nil ? "reporting-unit" : receivingUnit != nil ? "receiving-unit" : nil {
            throw ConfigurationError(file: file, reason: .unusedFormatKey(key: key, formats: "form06a, xlsx (kpi)"))
        }
        guard !tables.contains(.kpi), !formats.isEmpty, formats.allSatisfy({ $0 == .form06a }) else { return }
        let others = ReportFormat.allCases.filter { $0 != .form06a }.map(\.rawValue).joined(separator: ", ")
        throw ConfigurationError(file: file, reason: .badValue(key: "formats", value: ReportFormat.form06a.rawValue, allowed: others))
    }

    /// Refuses an archive or reports folder that is the inbox, and a store or configuration
    /// file in it: the run takes every file of the inbox for an export, and would set its own
    /// files aside (or import its reports). `configuration`: the file read, if any.
    public func checkFolders(file: String, configuration: String?) throws(ConfigurationError) {
        func real(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let inbox = real(self.inbox)
        for (key, folder) in [("archive", archive), ("reports", reports)] where real(folder) == inbox {
            throw ConfigurationError(file: file, reason: .inInbox(key: key, path: folder))
        }
        var files = [(key: "store", path: store)].filter { !StoreLocation.isPostgres($0.path) }
        if let configuration { files.append((key: "--config", path: configuration)) }
        for (key, path) in files where real((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent) == inbox {
            throw ConfigurationError(file: file, reason: .inInbox(key: key, path: path))
        }
    }

    /// Refuses a roll-up that cannot be made, naming `file` (the configuration, else the units
    /// file) and the key: no units file, or one that gives no parent and no level; or form
    /// 06a among the formats (it is by unit, as `report --by` refuses it).
    public func checkRollUp(file: String) throws(ConfigurationError) {
        guard let rollUp else { return }
        if hierarchy.isEmpty {
            throw ConfigurationError(file: file, reason: .noHierarchy(value: rollUp.argument, units: unitsFile))
        }
        if formats.contains(.form06a) {
            throw ConfigurationError(file: file, reason: .rollUpFormat(value: rollUp.argument))
        }
    }
}

/// A configuration file that cannot be used: the file, the key, what is wrong. One line in the
/// reader's language; the run stops (exit 66) rather than apply a setting it did not understand.
public struct ConfigurationError: Error, Sendable {
    public enum Reason: Sendable {
        case unreadable
        /// Not UTF-8 text, or a NUL byte (where the parser would stop reading): the line.
        case notText(line: Int)
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
        /// `by` asks for a roll-up and no units file gives a parent or a level (the file, if any).
        case noHierarchy(value: String, units: String?)
        /// `by` asks for a roll-up and `formats` has form 06a, which is by unit.
        case rollUpFormat(value: String)
        /// A key only some tables use (`catalogue`, a plan goal), and `tables` lists none of them.
        case unusedKey(key: String, tables: String)
        /// A key only some formats show (`reporting-unit`: form 06a, the workbook's 06a sheet),
        /// and `formats` lists none of them.
        case unusedFormatKey(key: String, formats: String)
        /// Two `[aliases]` keys that are the same unit name, given two units.
        case aliasConflict(first: String, second: String)
        /// A folder or file the run writes (`archive`, `reports`, the store, the configuration)
        /// in the inbox, whose every file the run takes for an export.
        case inInbox(key: String, path: String)
    }

    public var file: String
    public var reason: Reason
    /// The language the file's `lang` asks for, when it names one: what the error is worded
    /// in when the command was given none.
    public var language: Language?

    public func message(_ language: Language) -> String {
        let what: String
        switch reason {
        case .unreadable: what = language[.configUnreadable]
        case .notText(let line): return "\(file):\(line): " + language[.configNotText]
        case .syntax(let message, let line):
            return file + (line.map { ":\($0)" } ?? "") + ": " + language[.configSyntax, [.reason: message]]
        case .unknownKey(let key): what = language[.configUnknownKey, [.name: key, .list: RunConfiguration.keys.joined(separator: ", ")]]
        case .wrongType(let key, let expected): what = language[.configWrongType, [.name: key, .kind: language[expected]]]
        case .badValue(let key, let value, let allowed):
            what = language[.configBadValue, [.name: key, .text: value, .list: allowed]]
        case .units(let message): return message
        case .noHierarchy(let value, let units?): what = language[.configByNoHierarchy, [.text: value, .file: units]]
        case .noHierarchy(let value, nil): what = language[.configByNoUnits, [.text: value]]
        case .rollUpFormat(let value): what = language[.configByForm06a, [.text: value]]
        case .unusedKey(let key, let tables): what = language[.configUnusedKey, [.name: key, .list: tables]]
        case .unusedFormatKey(let key, let formats): what = language[.configUnusedFormatKey, [.name: key, .list: formats]]
        case .aliasConflict(let first, let second): what = language[.configAliasConflict, [.first: first, .second: second]]
        case .inInbox(let key, let path): what = language[.configInInbox, [.name: key, .text: path]]
        }
        return "\(file): \(what)"
    }
}
