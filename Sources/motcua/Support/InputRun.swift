import ArgumentParser
import Ingest
import Reports

/// Reads every input of a command into one loader, writing rejects as they are found.
struct InputRun {
    let loader: DossierLoader
    /// Inputs that could not be read, with their one-line errors (check goes on past them).
    var failures: [IngestError] = []
    private(set) var firstReject: Reject?

    /// Loads `options.files`. With `stopAtFirstFailure`, an unreadable input prints its error
    /// and ends the command with status 66.
    init(_ options: InputOptions, stopAtFirstFailure: Bool, digests: Bool = false,
         afterEach: (Result<InputSummary, IngestError>) -> Void = { _ in }) throws {
        loader = try options.makeLoader()
        loader.computesDigests = digests
        let progress = ProgressLine()
        loader.onProgress = { progress.update($0, $1) }
        defer { progress.finish() }
        var writer: RejectsWriter?
        if let path = options.rejects {
            do {
                writer = try RejectsWriter(path: path)
            } catch {
                Terminal.fail("\(path): cannot write the rejects file")
                throw ExitCode(Exit.cannotCreate)
            }
        }
        var first: Reject?
        loader.onReject = { reject in
            if first == nil { first = reject }
            writer?.write(reject)
        }
        defer { firstReject = first }
        for file in options.files {
            do {
                let summary = try loader.load(path: file)
                progress.finish()
                afterEach(.success(summary))
            } catch {
                progress.finish()
                afterEach(.failure(error))
                failures.append(error)
                if stopAtFirstFailure {
                    try? writer?.close()
                    Terminal.fail(error.description)
                    throw ExitCode(Exit.noInput)
                }
            }
        }
        do {
            try writer?.close()
        } catch {
            Terminal.fail("\(options.rejects ?? ""): cannot write the rejects file")
            throw ExitCode(Exit.cannotCreate)
        }
    }
}
