import ArgumentParser
import Foundation
import Ingest
import Reports

extension Terminal {
    /// Writes a report to `path` (atomically: readers never see half a file) or to stdout.
    static func deliver(_ body: String, to path: String?) throws {
        guard let path else {
            write(body)
            return
        }
        do {
            try Data(body.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            fail("\(path): cannot write the report")
            throw ExitCode(Exit.cannotCreate)
        }
    }
}

/// The rejects file of a command, when `--rejects` asked for one.
struct RejectsSink {
    private var writer: RejectsWriter?
    private let path: String?

    init(path: String?) {
        self.path = path
    }

    mutating func add(_ reject: Reject) {
        guard let path else { return }
        if writer == nil { writer = try? RejectsWriter(path: path) }
        writer?.write(reject)
    }

    mutating func close() throws {
        guard let path else { return }
        do {
            if writer == nil { writer = try RejectsWriter(path: path) }
            try writer?.close()
        } catch {
            Terminal.fail("\(path): cannot write the rejects file")
            throw ExitCode(Exit.cannotCreate)
        }
    }
}
