import ArgumentParser
import Commands
import Foundation
import Logging
import KPIMetrics
import Reports
import Stores
import Unattended
import Wording

/// `motcua run`: the scheduled job. Imports the inbox, writes the reports the data covers.
struct RunCommand: ParsableCommand {
    static let configuration = commandConfiguration("run", .helpRun, .helpRunDetails)

    @Option(help: help(.helpConfig))
    var config: String?

    @Option(help: help(.helpDB))
    var db: String?

    @Option(help: help(.helpInbox))
    var inbox: String?

    @Option(help: help(.helpArchive))
    var archive: String?

    @Option(help: help(.helpReportsFolder))
    var reports: String?

    @Option(name: .customLong("format"), help: help(.helpRunFormat))
    var formats: [String] = []

    @Option(help: help(.helpBasis))
    var basis: PeriodBasis?

    @Option(help: help(.helpTarget))
    var target: String?

    @Option(help: help(.helpCompare))
    var compare: ComparisonOption?

    @Option(name: .customLong("reporting-unit"), help: help(.helpReportingUnit))
    var reportingUnit: String?

    @Option(name: .customLong("receiving-unit"), help: help(.helpReceivingUnit))
    var receivingUnit: String?

    @OptionGroup var language: LanguageOption

    @Option(help: help(.helpUnits))
    var units: String?

    @Option(help: help(.helpRunBy))
    var by: String?

    @Flag(help: help(.helpProvisional))
    var provisional = false

    @Flag(name: [.short, .long], help: help(.helpRunQuiet))
    var quiet = false

    @Flag(help: help(.helpVerbose))
    var verbose = false

    func validate() throws {
        if db?.isEmpty == true { throw usage(.usageEmptyDB) }
        if let target, Target(target) == nil { throw usage(.usageTarget, [.text: target]) }
        let names = ReportFormat.allCases.map(\.rawValue)
        if let wrong = formats.first(where: { ReportFormat(rawValue: $0.lowercased()) == nil }) {
            throw usage(.usageRunFormat, [.text: wrong, .list: names.joined(separator: ", ")])
        }
        if let by {
            do { _ = try RunConfiguration.rollUp(by, file: "") } catch {
                throw usage(.usageRunBy, [.text: by, .list: RunConfiguration.byValues.joined(separator: ", ")])
            }
        }
    }

    func run() throws {
        let level: Logger.Level = verbose ? .debug : quiet ? .warning : .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let settings = try resolvedConfiguration()
        // Messages: --lang, else MOTCUA_LANG, else the configuration's language.
        let words = language.given ?? CommandLanguage.explicit ?? settings.language
        // Beside an SQLite store; beside the inbox for a PostgreSQL one (offices importing into
        // one database from inboxes of their own run side by side; a URL is no path, and may
        // hold a password).
        let lockPath = (StoreLocation.isPostgres(settings.store) ? (settings.inbox as NSString).standardizingPath : settings.store) + ".lock"
        let lock: RunLock
        do {
            lock = try RunLock(path: lockPath)
        } catch {
            switch error {
            case .held(let pid):
                Terminal.fail("\(lockPath): " + words[.runLockHeld, [.reason: pid.map { words[.runLockPid, [.id: String($0)]] } ?? ""]])
                throw ExitCode(ExitStatus.busy)
            case .cannotOpen(let reason):
                Terminal.fail("\(lockPath): " + words[.runLockFailed, [.reason: reason]])
                throw ExitCode(ExitStatus.ioError)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        var job = UnattendedRun(configuration: settings, logger: Logger(label: "motcua"), language: words)
        let progress = ProgressLine()
        job.progress = { progress.update($0, $1) }
        defer { progress.finish() }
        let outcome = try failing(words) { try job.perform() }
        if !outcome.setAside.isEmpty { throw ExitCode(ExitStatus.dataError) }
    }

    /// The configuration file's settings, with the command line's on top.
    private func resolvedConfiguration() throws -> RunConfiguration {
        var settings = RunConfiguration()
        let file = config ?? (FileManager.default.fileExists(atPath: "motcua.toml") ? "motcua.toml" : nil)
        let given = language.given ?? CommandLanguage.explicit
        if let file {
            do { settings = try RunConfiguration(file: file, language: given) } catch {
                Terminal.fail(error.message(given ?? error.language ?? .vi))
                throw ExitCode(ExitStatus.noInput)
            }
        }
        // Later faults of the command line's settings: in the language the run will speak.
        let words = given ?? settings.language
        // `--db`, else the file's `store`, else `$MOTCUA_DB`, else motcua.sqlite (beside the file).
        if let db { settings.store = db } else if !settings.storeFromFile, let env = ProcessInfo.processInfo.environment["MOTCUA_DB"], !env.isEmpty {
            settings.store = env
        }
        if let inbox { settings.inbox = inbox }
        if let archive { settings.archive = archive }
        if let reports { settings.reports = reports }
        if !formats.isEmpty { settings.formats = formats.compactMap { ReportFormat(rawValue: $0.lowercased()) } }
        if let basis { settings.basis = basis }
        if let target = target.flatMap(Target.init) { settings.target = target }
        if let compare { settings.comparison = compare.value }
        if let reportingUnit { settings.reportingUnit = reportingUnit }
        if let receivingUnit { settings.receivingUnit = receivingUnit }
        if let lang = language.given { settings.language = lang }
        if provisional { settings.provisional = true }
        if let units {
            let read = try failing(words, { try Inputs.units(from: units) })
            for entry in read.aliases.entries {
                settings.aliases.add(name: entry.name, unit: entry.unit)
            }
            // The command line's units file wins for the hierarchy, as for every key.
            settings.hierarchy = read.hierarchy
            try failing(words, { try settings.useUnitsFile(units) })
        }
        if let by { settings.rollUp = try? RunConfiguration.rollUp(by, file: "") }
        if by != nil || units != nil || !formats.isEmpty {
            if settings.rollUp != nil, file == nil, units == nil {
                throw usage(.usageRollUpUnits, [.text: settings.rollUp?.argument ?? ""])
            }
            do {
                try settings.checkRollUp(file: file ?? units ?? "")
            } catch {
                Terminal.fail(error.message(words))
                throw ExitCode(ExitStatus.noInput)
            }
        }
        // The command line's folders, formats and form 06a names are checked as the file's are.
        do {
            try settings.checkFormats(file: file ?? "--format")
            try settings.checkFolders(file: file ?? "--inbox", configuration: file)
        } catch {
            Terminal.fail(error.message(words))
            throw ExitCode(ExitStatus.noInput)
        }
        return settings
    }
}
