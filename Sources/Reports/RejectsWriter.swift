import Foundation
import Ingest

/// Writes rejected rows as the spec's rejects output: UTF-8 CSV, header
/// `file,line,field,reason,raw`, one row per rejected record, as they are found.
public final class RejectsWriter {
    private let handle: FileHandle
    public let path: String
    private var buffer = ""

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer = CSVText.line(["file", "line", "field", "reason", "raw"])
    }

    public func write(_ reject: Reject) {
        buffer += CSVText.line([reject.file, String(reject.line), reject.field?.rawValue ?? "", reject.sentence, reject.raw])
        if buffer.utf8.count > 1 << 16 { try? flush() }
    }

    public func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
    }

    public func close() throws {
        try flush()
        try handle.close()
    }
}
