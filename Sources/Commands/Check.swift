import Ingest
import Reports

/// `motcua check`: each export read on its own, described, its rejected rows counted; a file
/// that cannot be read does not stop the others.
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
            } catch {
                outcome.failures += 1
                each(.failure(CommandError(file: error.file, line: error.line, .input(error))))
            }
        }
        try rejects.close()
        return outcome
    }
}
