import Foundation
import Ingest

/// Writes rejected rows as the spec's rejects output: UTF-8 CSV, header
/// `file,line,field,reason,raw`, one row per rejected record, as they are found.
public final class RejectsWriter {
    private let handle: FileHandle
    public let path: String
    private var buffer = ""

    /// Whether the descriptor is this writer's to close (not standard output's).
    private let ownsDescriptor: Bool

    /// Creates (or truncates) the file at `path`: through a link, the file it points to; a
    /// pipe or a device is written as it is, never replaced by a new file; `/dev/stdout` and
    /// its kin are the descriptor the process holds (``OutputDescriptor``).
    public init(path: String) throws {
        self.path = path
        if let held = OutputDescriptor.standard(path) {
            handle = FileHandle(fileDescriptor: held, closeOnDealloc: false)
            ownsDescriptor = false
        } else {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            ownsDescriptor = true
        }
        buffer = Self.header
    }

    /// The whole rejects output for `rejects`, as text.
    public static func csv(_ rejects: [Reject]) -> String {
        header + rejects.map(line).joined()
    }

    private static let header = CSVText.line(["file", "line", "field", "reason", "raw"])

    private static func line(_ reject: Reject) -> String {
        CSVText.line([reject.file, String(reject.line), reject.field ?? "", reject.sentence, reject.raw])
    }

    public func write(_ reject: Reject) {
        buffer += Self.line(reject)
        if buffer.utf8.count > 1 << 16 { try? flush() }
    }

    public func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    public func close() throws {
        try flush()
        if ownsDescriptor { try handle.close() }
    }
}
