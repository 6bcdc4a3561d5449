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
        let source = try inputs.source(digests: format.namesInputsByHash)
        let read = try ReadDossiers(source, catalogue: inputs.catalogue, rejects: rejects, progress: progress)
        if strict, let reject = read.firstReject {
            throw CommandError(file: reject.file, line: reject.line, .strictReject(reject))
        }
        let bytes: Data
        do {
            bytes = try Report(settings: settings, set: read.set, catalogue: read.catalogue).render(format, colour: colour)
        } catch {
            throw CommandError(file: output ?? "stdout", .cannotRender(String(describing: error)))
        }
        return Outcome(bytes: bytes, summary: RunSummary(read.set, catalogue: read.catalogue))
    }
}

/// Writing a report's file.
public enum ReportFile {
    /// Writes `bytes` at `path` atomically: readers never see half a file.
    public static func write(_ bytes: Data, to path: String) throws(CommandError) {
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError(file: path, .cannotWriteReport)
        }
    }
}
