import Commands
import Foundation
import Ingest
import Logging
import KPIMetrics
import Reports
import Store
import Wording

/// `motcua run`: imports every new file of the inbox, then writes the reports of every period
/// the data covers that is not yet written, or whose figures changed since (the old report is
/// kept with a version suffix); with `provisional`, also the period that holds the newest data,
/// marked so. Running it twice in a row does nothing the second time.
public struct UnattendedRun {
    public var configuration: RunConfiguration
    public var logger: Logger
    /// The language of the log and of the notes beside files set aside.
    public var language: Language
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
        /// Provisional reports removed once their period's final report was written.
        public var provisionalRemoved: [String] = []
    }

    public init(configuration: RunConfiguration, logger: Logger, language: Language) {
        self.configuration = configuration
        self.logger = logger
        self.language = language
    }

    public func perform() throws(CommandError) -> Outcome {
        var outcome = Outcome()
        for folder in [configuration.inbox, configuration.archive, configuration.reports] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                // The folder that could not be made, whichever of the three.
                throw CommandError(file: folder, .cannotMakeFolder)
            }
        }
        // Read before the inbox is imported: a catalogue that cannot be read stops the run before
        // it changes the store.
        let catalogue = try readCatalogue()
        let store = try Inputs.open(configuration.store, .create)
        try importInbox(into: store, outcome: &outcome)
        try writeReports(from: store, catalogue: catalogue, outcome: &outcome)
        logger.info("\(language[.runDone, [.count: String(outcome.imported.count), .rows: String(outcome.alreadyImported.count), .rejected: String(outcome.setAside.count), .files: String(outcome.reportsWritten.count)]])")
        return outcome
    }

    // MARK: - Inbox

    /// The names of the inbox's files, in code-point order. What else it holds is logged, never
    /// passed over in silence: a folder (but `failed/`, the run's own), a link to nothing, a
    /// name that is not UTF-8 (read from the directory's bytes: Foundation would drop it).
    /// Hidden files (a dot first) are not exports: the run's own temporary files among them.
    private func inboxNames() -> [String] {
        guard let directory = opendir(configuration.inbox) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard bytes.first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                skipped(String(decoding: bytes, as: UTF8.self), .ingestNameNotUTF8)
                continue
            }
            var status = stat()
            let path = (configuration.inbox as NSString).appendingPathComponent(name)
            if stat(path, &status) != 0 {
                skipped(name, .runSkipUnreadable)
            } else if status.st_mode & S_IFMT == S_IFDIR {
                if name != "failed" { skipped(name, .runSkipFolder) }
            } else {
                names.append(name)
            }
        }
        return names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    private func skipped(_ name: String, _ reason: Phrase) {
        logger.warning("\(language[.runInboxSkipped, [.file: name, .reason: language[reason]]])")
    }

    private func importInbox(into store: any DossierStore, outcome: inout Outcome) throws(CommandError) {
        let names = inboxNames()
        if names.isEmpty { logger.info("\(language[.runInboxEmpty, [.file: configuration.inbox]])") }
        let paths = names.map { (configuration.inbox as NSString).appendingPathComponent($0) }
        try ExportOpening.oneAhead(paths: paths, names: names, options: ImportOptions()) { (index, this) throws(CommandError) in
            let (path, name) = (paths[index], names[index])
            logger.info("\(language[.runImporting, [.file: name]])")
            do {
                switch try store.importFile(this.value(), options: ImportOptions(), progress: { progress?(name, $0) },
                                            onReject: { _ in }) {
                case .imported(let record):
                    logger.info("\(ImportOutcome.imported(record).message(file: name, language))")
                    if let cutOff = record.cutOff { logger.warning("\(name): \(cutOff.warning(language))") }
                    outcome.imported.append(name)
                case .alreadyImported(let record):
                    logger.notice("\(ImportOutcome.alreadyImported(record).message(file: name, language))")
                    outcome.alreadyImported.append(name)
                }
                try move(path, to: configuration.archive, name: name)
            } catch let error as IngestError {
                try setAside(path, name: name, reason: error.message(language))
                outcome.setAside.append(name)
            } catch let error as StoreError {
                throw CommandError(file: error.path, .store(error))
            } catch {
                throw CommandError(file: path, .cannotWriteReport)
            }
        }
    }

    private func setAside(_ path: String, name: String, reason: String) throws(CommandError) {
        let failed = (configuration.inbox as NSString).appendingPathComponent("failed")
        do {
            try FileManager.default.createDirectory(atPath: failed, withIntermediateDirectories: true)
            let moved = try move(path, to: failed, name: name)
            try Data((reason + "\n").utf8).write(to: URL(fileURLWithPath: moved + ".txt"))
        } catch {
            throw CommandError(file: failed, .cannotWriteReport)
        }
        logger.error("\(language[.runSetAside, [.file: name, .name: failed, .reason: reason]])")
    }

    /// Moves a file into `folder`, never over another: a name taken gets `-1`, `-2`, … before
    /// its extension. Returns the new path.
    @discardableResult
    private func move(_ path: String, to folder: String, name: String) throws -> String {
        let fm = FileManager.default
        var target = (folder as NSString).appendingPathComponent(name)
        var n = 1
        while fm.fileExists(atPath: target) {
            target = (folder as NSString).appendingPathComponent(Self.later(name, n))
            n += 1
        }
        try fm.moveItem(atPath: path, toPath: target)
        return target
    }

    /// The archive's name for the `n`th later file named `name`: `xa.csv` → `xa_0001.csv`.
    ///
    /// Why this form: two imports of one name and one as-of tie in the store, and the later
    /// wins; a report rerun from the archive ranks them by name (``FileRank``), so the later
    /// file's name must rank above: `_` sorts after `.` (and a shorter name first), and the
    /// numbers, four digits wide, sort as they count.
    static func later(_ name: String, _ n: Int) -> String {
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        let number = String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
        return ext.isEmpty ? "\(base)_\(number)" : "\(base)_\(number).\(ext)"
    }
}
