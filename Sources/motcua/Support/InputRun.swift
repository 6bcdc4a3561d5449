import ArgumentParser
import Ingest
import Reports
import Store

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

extension InputOptions {
    /// Where the command's dossiers come from: the files named, else the store.
    func dossierSource(store: StoreOptions, digests: Bool = false) throws -> any DossierSource {
        if files.isEmpty { return try store.open(.read).dossiers(only: nil, aliases: try aliases()) }
        let source = ExportFiles(paths: files, options: readOptions, aliases: try aliases())
        source.computesDigests = digests
        return source
    }
}

/// Reads the dossiers of `source`, writing its rejected rows to `rejectsPath` as they come;
/// returns them with the first rejected row. A fault of the source ends the command with one
/// line and its exit status.
func readDossiers(from source: any DossierSource, rejects rejectsPath: String? = nil) throws -> (DossierSet, Reject?) {
    let progress = ProgressLine()
    defer { progress.finish() }
    (source as? ExportFiles)?.onProgress = { progress.update($0, $1) }
    var writer: RejectsWriter?
    if let rejectsPath {
        do {
            writer = try RejectsWriter(path: rejectsPath)
        } catch {
            Terminal.fail("\(rejectsPath): cannot write the rejects file")
            throw ExitCode(Exit.cannotCreate)
        }
    }
    var first: Reject?
    let set: DossierSet
    do {
        set = try failing {
            try source.dossierSet { reject in
                if first == nil { first = reject }
                writer?.write(reject)
            }
        }
    } catch {
        progress.finish()
        try? writer?.close()
        throw error
    }
    progress.finish()
    do {
        try writer?.close()
    } catch {
        Terminal.fail("\(rejectsPath ?? ""): cannot write the rejects file")
        throw ExitCode(Exit.cannotCreate)
    }
    return (set, first)
}

/// Runs `body`, turning a fault of a dossier source into one line and its exit status.
func failing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as IngestError {
        Terminal.fail(error.description)
        throw ExitCode(Exit.noInput)
    } catch let error as StoreError {
        throw StoreFailure(error)
    }
}
