import Foundation
import Ingest
import KPIMetrics
import Reports

/// `motcua report`: the dossiers of a source, then the figures of one period, then the bytes
/// of the report in one format, and the summary of what was read.
public struct ReportRun {
    public var settings: ReportSettings
    public var format: ReportFormat
    /// No report when a row is rejected (the rejects file is still written).
    public var strict = false
    /// Mark the rows below target for a terminal.
    public var colour = false
    /// `--fill-deadlines` and `--calendar`.
    public var deadlines = DeadlineSettings()

    public init(settings: ReportSettings, format: ReportFormat, strict: Bool = false, colour: Bool = false) {
        self.settings = settings
        self.format = format
        self.strict = strict
        self.colour = colour
    }

    /// What a run gives: the report's bytes and the summary of its inputs.
    public struct Outcome {
        public var bytes: Data
        public var summary: RunSummary
    }

    /// Reads `inputs` (writing their rejected rows to `rejects`), computes and renders the
    /// report. `output` names the report in an error (nil: standard output).
    public func perform(_ inputs: Inputs, rejects: String? = nil, output: String? = nil,
                        progress: Progress? = nil) throws(CommandError) -> Outcome {
        var settings = settings
        if let rollUp = settings.rollUp {
            settings.hierarchy = try inputs.units().hierarchy
            if settings.hierarchy.isEmpty {
                throw CommandError(file: inputs.unitsFile, .unitsNoHierarchy(rollUp: rollUp.argument))
            }
            if let path = inputs.unitsFile {
                settings.unitsFile = (path, try CommandError.from { try FileDigest.sha256(of: path, name: path) })
            }
        }
        let source = try inputs.source(digests: format.namesInputsByHash)
        let read = try ReadDossiers(source, catalogue: inputs.catalogue, rejects: rejects, progress: progress)
        if strict, let reject = read.firstReject {
            throw CommandError(file: reject.file, line: reject.line, .strictReject(reject))
        }
        var set = read.set
        let bytes: Data
        if deadlines.isUsed || settings.table == .resolution {
            let (rules, manifest) = try deadlines.apply(to: &set, catalogue: read.catalogue)
            settings.deadlines = manifest
            if settings.table == .resolution {
                let bytes = try resolution(set, source: source, rules: rules, output: output)
                return Outcome(bytes: bytes, summary: RunSummary(read.set, catalogue: read.catalogue))
            }
        }
        // Figures of a period the data does not reach to the end of are not final: every
        // format says so, as `run` marks its open periods.
        settings.markProvisional(newestAsOf: set.newestAsOf)
        do {
            bytes = try Report(settings: settings, set: set, catalogue: read.catalogue).render(format, colour: colour)
        } catch {
            throw CommandError(file: output ?? "stdout", .cannotRender(String(describing: error)))
        }
        return Outcome(bytes: bytes, summary: RunSummary(read.set, catalogue: read.catalogue))
    }
}

extension ReportRun {
    /// `--table resolution`: resolution time per unit and procedure, names read back from the
    /// source.
    func resolution(_ set: DossierSet, source: any DossierSource, rules: DeadlineRules,
                    output: String?) throws(CommandError) -> Data {
        let dossiers = set.dossiers
        let counted = ResolutionTable.counted(dossiers: dossiers, bounds: settings.period.bounds(settings.basis))
        let labels = try source.labels(set, sources: Set(counted.map { dossiers[$0].source }))
        let inputs = set.inputs
        let table = ResolutionTable(period: settings.period, basis: settings.basis, labels: labels, rules: rules) { file in
            Int(file) < inputs.count ? inputs[Int(file)].asOf : nil
        }
        let listing = DossierListing.resolution(table, language: settings.language, forPeople: format.isForPeople)
        return try ListingFile.render(listing, format, language: settings.language, inputs: inputs, output: output)
    }
}

/// Writing a report's file.
public enum ReportFile {
    /// Writes `bytes` at `path` atomically: readers never see half a file.
    ///
    /// Through a link, the file it points to is written (the link stays a link). `/dev/stdout`
    /// and its kin are the descriptor the process holds (``OutputDescriptor``: `>> run.log`
    /// keeps what it had). A path that is no regular file (a pipe, a device) is written as it
    /// is, in place: an atomic write would rename a new file over it, replacing it.
    public static func write(_ bytes: Data, to path: String) throws(CommandError) {
        do {
            if let held = OutputDescriptor.standard(path) {
                try FileHandle(fileDescriptor: held, closeOnDealloc: false).write(contentsOf: bytes)
                return
            }
            try ReplacingFile.write(bytes, to: path)
        } catch {
            throw CommandError(file: path, .cannotWriteReport)
        }
    }
}
