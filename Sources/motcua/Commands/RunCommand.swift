import ArgumentParser
import Foundation
import Ingest
import Logging
import KPIMetrics
import Reports
import Store
import Stores
import Unattended
import Wording

/// `motcua run`: the scheduled job. Imports the inbox, writes the reports of closed periods.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import every new file of the inbox, then write the reports of every closed period.",
        discussion: """
            Reads motcua.toml (--config); every key can be given here too. Files that import are moved \
            to the archive; a file that fails goes to inbox/failed/ with a .txt saying why. Exit 0 when \
            all went well, 65 when a file was set aside, 75 when another run holds the lock.
            """)

    @Option(help: "The configuration file (TOML). Default: motcua.toml in the current folder, if there is one.")
    var config: String?

    @Option(help: "The store (overrides the configuration).")
    var db: String?

    @Option(help: "The inbox folder.")
    var inbox: String?

    @Option(help: "The archive folder.")
    var archive: String?

    @Option(help: "The reports folder.")
    var reports: String?

    @Option(name: .customLong("format"), help: "A report format to write (csv, json, table, form06a); repeat for several.")
    var formats: [String] = []

    @Option(help: "Period basis: decree09 or calendar.")
    var basis: PeriodBasis?

    @Option(help: "On-time target in percent.")
    var target: TargetArgument?

    @Option(help: "Language of the reports for people: vi or en.")
    var lang: Language?

    @Option(help: "Unit aliases: a CSV file of name,unit lines (added to the configuration's).")
    var units: String?

    @Option(help: ArgumentHelp("Decide which periods have closed as of this day (default: today).", visibility: .hidden))
    var today: MomentArgument?

    @Flag(help: "Log warnings and errors only.")
    var quiet = false

    @Flag(help: "Log every step, debug details included.")
    var verbose = false

    func run() throws {
        let level: Logger.Level = verbose ? .debug : quiet ? .warning : .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let settings = try resolvedConfiguration()
        // Beside an SQLite store; beside the inbox for a PostgreSQL one (offices importing into
        // one database from inboxes of their own run side by side).
        let lockPath = (StoreLocation.isPostgres(settings.store) ? (settings.inbox as NSString).standardizingPath : settings.store) + ".lock"
        let lock: RunLock
        do {
            lock = try RunLock(path: lockPath)
        } catch {
            switch error {
            case .held(let pid):
                Terminal.fail("\(lockPath): another motcua run is running\(pid.map { " (pid \($0))" } ?? "")")
                throw ExitCode(75)
            case .cannotOpen(let reason):
                Terminal.fail("\(lockPath): cannot take the lock: \(reason)")
                throw ExitCode(74)
            }
        }
        defer { withExtendedLifetime(lock) {} }
        var job = UnattendedRun(configuration: settings, today: today?.value ?? UnattendedRun.now,
                                logger: Logger(label: "motcua"))
        let progress = ProgressLine()
        job.progress = { progress.update($0, $1) }
        let outcome: UnattendedRun.Outcome
        do {
            outcome = try job.perform()
            progress.finish()
        } catch let error as StoreError {
            progress.finish()
            throw StoreFailure(error)
        } catch {
            progress.finish()
            Terminal.fail(String(describing: error))
            throw ExitCode(74)
        }
        if !outcome.setAside.isEmpty { throw ExitCode(Exit.dataError) }
    }

    /// The configuration file's settings, with the command line's on top.
    private func resolvedConfiguration() throws -> RunConfiguration {
        var settings = RunConfiguration()
        let file = config ?? (FileManager.default.fileExists(atPath: "motcua.toml") ? "motcua.toml" : nil)
        if let file {
            do { settings = try RunConfiguration(file: file) } catch {
                Terminal.fail(error.description)
                throw ExitCode(Exit.noInput)
            }
        }
        if let db { settings.store = db } else if config == nil, let env = ProcessInfo.processInfo.environment["MOTCUA_DB"], !env.isEmpty {
            settings.store = env
        }
        if let inbox { settings.inbox = inbox }
        if let archive { settings.archive = archive }
        if let reports { settings.reports = reports }
        if !formats.isEmpty {
            let parsed = formats.compactMap { ReportFormat(rawValue: $0.lowercased()) }
            guard parsed.count == formats.count else {
                throw ValidationError("--format takes \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            settings.formats = parsed
        }
        if let basis { settings.basis = basis }
        if let target { settings.target = target.value }
        if let lang { settings.language = lang }
        for entry in try InputOptions.aliases(from: units).entries { settings.aliases.add(name: entry.name, unit: entry.unit) }
        return settings
    }
}
