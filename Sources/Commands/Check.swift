import Ingest
import Reports

/// `motcua check`: each export read on its own, described, its rejected rows counted; a file
/// that cannot be read does not stop the others. With a catalogue, the procedures the files'
/// dossiers use that it lacks, as `report` and `run` name them.
public struct Check {
    public let inputs: Inputs

    public init(_ inputs: Inputs) {
        self.inputs = inputs
    }

    /// What a check found across the files.
    public struct Outcome: Sendable {
        /// Files that could not be read.
        public var failures = 0
        /// Rows rejected, in every file (the catalogue's included).
        public var rejected = 0
        /// The procedure catalogue, when one was given and could be read.
        public var catalogue: Catalogue?
        /// The procedures the dossiers of the files read use that the catalogue lacks, with how
        /// many dossiers use each (``DossierSet/missingProcedures(from:)``).
        public var missingProcedures: [(code: String, dossiers: Int)] = []
    }

    /// Reads every file, writing rejected rows to `rejects`; `each` gets a file's summary or
    /// its error, as soon as it is read.
    public func perform(rejects path: String? = nil, progress: Progress? = nil,
                        each: (Result<InputSummary, CommandError>) -> Void) throws(CommandError) -> Outcome {
        let loader = DossierLoader(aliases: try inputs.aliases(), options: inputs.read)
        loader.onProgress = progress
        var rejects = try RejectsFile(path: path)
        loader.onReject = { rejects.add($0) }
        var outcome = Outcome()
        loader.load(paths: inputs.files) { result in
            switch result {
            case .success(let summary):
                outcome.rejected += summary.rejected
                each(.success(summary))
            case .failure(let error):
                outcome.failures += 1
                each(.failure(CommandError(file: error.file, line: error.line, .input(error))))
            }
            return true
        }
        if let path = inputs.catalogue {
            do {
                let catalogue = try Catalogue(path: path) { rejects.add($0) }
                outcome.rejected += catalogue.rejected
                outcome.catalogue = catalogue
                outcome.missingProcedures = loader.result.missingProcedures(from: catalogue)
            } catch {
                outcome.failures += 1
                each(.failure(CommandError(file: error.file, line: error.line, .input(error))))
            }
        }
        try rejects.close()
        return outcome
    }
}
