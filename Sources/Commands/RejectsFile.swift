import Ingest
import Reports

/// The rejects file of a command (`--rejects PATH`), when one is asked for: created at once,
/// rows added as they are found, closed at the end.
public struct RejectsFile {
    private var writer: RejectsWriter?
    private let path: String?

    /// Creates the file at `path`; none when nil.
    public init(path: String?) throws(CommandError) {
        self.path = path
        guard let path else { return }
        do {
            writer = try RejectsWriter(path: path)
        } catch {
            throw CommandError(file: path, .cannotWriteRejects)
        }
    }

    public mutating func add(_ reject: Reject) {
        writer?.write(reject)
    }

    /// Writes what is left and closes the file.
    public mutating func close() throws(CommandError) {
        guard let writer, let path else { return }
        self.writer = nil
        do {
            try writer.close()
        } catch {
            throw CommandError(file: path, .cannotWriteRejects)
        }
    }

    /// Closes the file after a fault, whatever state it is in (the fault is what is reported).
    public mutating func abandon() {
        try? writer?.close()
        writer = nil
    }

    /// The whole rejects file of `rejects`, at `path`.
    public static func write(_ rejects: [Reject], to path: String) throws(CommandError) {
        var file = try RejectsFile(path: path)
        for reject in rejects { file.add(reject) }
        try file.close()
    }
}
