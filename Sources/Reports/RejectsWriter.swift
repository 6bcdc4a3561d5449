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
    /// The new file the rows go to until ``close()`` renames it over the file `path` leads
    /// to, when that is a regular file (or still to be made): a rejects file is then whole or
    /// as it was. A full disk used to leave half of one, which looked whole, after the old one
    /// was gone.
    private var replacing: ReplacingFile?

    /// Creates the file at `path` (replacing it at ``close()``): through a link, the file it
    /// points to; a pipe or a device is written as it is, never replaced by a new file;
    /// `/dev/stdout` and its kin are the descriptor the process holds (``OutputDescriptor``).
    public init(path: String) throws {
        self.path = path
        // As ``ReplacingFile/write(_:to:followingLinks:)`` does: asked of the path, through links.
        let replaceable = OutputPath.isReplaceable(path)
        let target = OutputPath.resolvedLinks(path)
        if let held = OutputDescriptor.standard(path) {
            handle = FileHandle(fileDescriptor: held, closeOnDealloc: false)
            ownsDescriptor = false
        } else if replaceable, let file = try ReplacingFile.open(replacing: target, path: path) {
            replacing = file
            handle = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: true)
            ownsDescriptor = true
        } else {
            handle = FileHandle(fileDescriptor: try ReplacingFile.openInPlace(path, truncating: replaceable), closeOnDealloc: true)
            ownsDescriptor = true
        }
        buffer = Self.header
    }

    deinit { discard() }

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

    /// Writes what is left; a pending file then replaces the target. On a fault the pending
    /// file is removed: the target stays as it was.
    public func close() throws {
        do {
            try flush()
            replacing?.written()
            if ownsDescriptor { try handle.close() }
            try replacing?.commit()
        } catch {
            discard()
            throw error
        }
    }

    /// Gives up the rows written: a pending file is removed, the target left as it was.
    public func discard() {
        replacing?.discard()
    }
}
