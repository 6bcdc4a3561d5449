import Foundation
import Ingest
import Logging
import KPIMetrics
import Reports
import Store
import Stores

/// `motcua run`: imports every new file of the inbox, then writes the reports of every period
/// that has closed and is not yet written, or whose figures changed since (the old report is
/// kept with a version suffix). Running it twice in a row does nothing the second time.
public struct UnattendedRun {
    public var configuration: RunConfiguration
    /// "Today" for deciding which periods have closed (tests set it; normally the clock).
    public var today: LocalMoment
    public var logger: Logger
    /// Called with a fraction done and a label while a long import runs (a progress bar).
    public var progress: ((String, Double) -> Void)?

    /// What the run did.
    public struct Outcome: Sendable, Equatable {
        public var imported: [String] = []
        public var alreadyImported: [String] = []
        /// Files moved to `inbox/failed/`, with why.
        public var setAside: [String] = []
        public var reportsWritten: [String] = []
        /// Older reports renamed with a version suffix because their figures changed.
        public var reportsSuperseded: [String] = []
    }

    public init(configuration: RunConfiguration, today: LocalMoment, logger: Logger) {
        self.configuration = configuration
        self.today = today
        self.logger = logger
    }

    /// The moment now, in Vietnam.
    public static var now: LocalMoment {
        LocalMoment(seconds: Int64(Date().timeIntervalSince1970) + LocalMoment.utcOffset)
    }

    public func perform() throws -> Outcome {
        var outcome = Outcome()
        let fm = FileManager.default
        for folder in [configuration.inbox, configuration.archive, configuration.reports] {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let store = try StoreLocation(configuration.store).open(.create)
        try importInbox(into: store, outcome: &outcome)
        try writeReports(from: store, outcome: &outcome)
        logger.info("done: \(outcome.imported.count) imported, \(outcome.alreadyImported.count) already in the store, \(outcome.setAside.count) set aside, \(outcome.reportsWritten.count) reports written")
        return outcome
    }

    // MARK: - Inbox

    private func importInbox(into store: any DossierStore, outcome: inout Outcome) throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: configuration.inbox).filter { name in
            var isDirectory: ObjCBool = false
            let path = (configuration.inbox as NSString).appendingPathComponent(name)
            return !name.hasPrefix(".") && fm.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        if names.isEmpty { logger.info("inbox \(configuration.inbox): no new file") }
        for name in names {
            let path = (configuration.inbox as NSString).appendingPathComponent(name)
            logger.info("importing \(name)")
            do {
                let result = try store.importFile(path: path, name: name, options: ImportOptions(),
                                                  progress: { progress?(name, $0) }, onReject: { _ in })
                switch result {
                case .imported(let record):
                    logger.info("imported \(name) as #\(record.id ?? 0): \(record.rowsRead) rows, \(record.accepted) accepted, \(record.rejected) rejected")
                    outcome.imported.append(name)
                case .alreadyImported(let record):
                    logger.notice("\(name) is already in the store as #\(record.id ?? 0) (\(record.fileName)): nothing changed")
                    outcome.alreadyImported.append(name)
                }
                try move(path, to: configuration.archive, name: name)
            } catch let error as IngestError {
                try setAside(path, name: name, reason: error.description)
                outcome.setAside.append(name)
            }
        }
    }

    private func setAside(_ path: String, name: String, reason: String) throws {
        let failed = (configuration.inbox as NSString).appendingPathComponent("failed")
        try FileManager.default.createDirectory(atPath: failed, withIntermediateDirectories: true)
        let moved = try move(path, to: failed, name: name)
        try Data((reason + "\n").utf8).write(to: URL(fileURLWithPath: moved + ".txt"))
        logger.error("set aside \(name) in \(failed): \(reason)")
    }

    /// Moves a file into `folder`, never over another: a name taken gets `-1`, `-2`, … before
    /// its extension. Returns the new path.
    @discardableResult
    private func move(_ path: String, to folder: String, name: String) throws -> String {
        let fm = FileManager.default
        var target = (folder as NSString).appendingPathComponent(name)
        var n = 1
        while fm.fileExists(atPath: target) {
            let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
            target = (folder as NSString).appendingPathComponent(ext.isEmpty ? "\(base)-\(n)" : "\(base)-\(n).\(ext)")
            n += 1
        }
        try fm.moveItem(atPath: path, toPath: target)
        return target
    }

    // MARK: - Reports

    private func writeReports(from store: any DossierStore, outcome: inout Outcome) throws {
        let set = try store.dossiers(only: nil, aliases: configuration.aliases).dossierSet()
        guard let first = set.dossiers.map(\.received).min() else {
            logger.info("the store has no dossiers yet: no report to write")
            return
        }
        // From the year of the earliest dossier: periods before it would be empty anyway.
        let years = (first.civil.year)...max(first.civil.year, today.civil.year)
        let periods = ClosedPeriods.periods(kinds: configuration.periods, years: years, basis: configuration.basis, today: today)
        for period in periods {
            let settings = ReportSettings(period: period, basis: configuration.basis, target: configuration.target,
                                          language: configuration.language)
            let report = Report(settings: settings, set: set)
            guard !report.table.rows.isEmpty else { continue }
            try write(report, outcome: &outcome)
        }
    }

    /// Writes one period's reports unless the same figures are already written.
    private func write(_ report: Report, outcome: inout Outcome) throws {
        let period = report.settings.period
        let stem = (configuration.reports as NSString).appendingPathComponent("\(period).\(configuration.basis.rawValue)")
        let bodies = try configuration.formats.map { format in ("\(stem).\(format.fileExtension)", try report.render(format)) }
        // The figures and the settings that shape the files decide whether anything changed.
        let fingerprint = try report.render(.csv) + Data(("\n" + configuration.formats.map(\.rawValue).joined(separator: ",")
            + "\n" + configuration.language.rawValue + "\n" + report.manifest.aliases.map { "\($0.name)→\($0.unit)" }.joined(separator: ";")).utf8)
        let stamp = stem + ".figures"
        if FileManager.default.contents(atPath: stamp) == fingerprint,
           bodies.allSatisfy({ FileManager.default.fileExists(atPath: $0.0) }) {
            logger.debug("\(period): up to date")
            return
        }
        let version = nextVersion(stem: stem)
        for (path, data) in bodies {
            if FileManager.default.fileExists(atPath: path) {
                let old = versioned(path, stem: stem, version: version)
                try FileManager.default.moveItem(atPath: path, toPath: old)
                outcome.reportsSuperseded.append(old)
                logger.notice("figures of \(period) changed: kept the old report as \(old)")
            }
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            outcome.reportsWritten.append(path)
            logger.info("wrote \(path)")
        }
        try fingerprint.write(to: URL(fileURLWithPath: stamp), options: .atomic)
    }

    /// `reports/2023-Q1.decree09.v2.csv` for `reports/2023-Q1.decree09.csv`.
    private func versioned(_ path: String, stem: String, version: Int) -> String {
        stem + ".v\(version)" + path.dropFirst(stem.count)
    }

    /// The first version number no file of this period uses yet.
    private func nextVersion(stem: String) -> Int {
        let folder = (stem as NSString).deletingLastPathComponent, base = (stem as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var version = 1
        while names.contains(where: { $0.hasPrefix("\(base).v\(version).") }) { version += 1 }
        return version
    }
}
