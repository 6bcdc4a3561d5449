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
    /// The new file the rows go to until ``close()`` renames it over `target`, when the path
    /// is a regular file (or still to be made): a rejects file is then whole or as it was.
    /// A full disk used to leave half of one, which looked whole, after the old one was gone.
    /// A signal that ends the process removes it (``PendingFiles``).
    private var pending: String?
    /// The file `path` leads to (links followed), which the pending file replaces.
    private let target: String

    /// Creates the file at `path` (replacing it at ``close()``): through a link, the file it
    /// points to; a pipe or a device is written as it is, never replaced by a new file;
    /// `/dev/stdout` and its kin are the descriptor the process holds (``OutputDescriptor``).
    public init(path: String) throws {
        self.path = path
        target = OutputPath.resolvedLinks(path)
        let replaceable = OutputPath.isReplaceable(target)
        if let held = OutputDescriptor.standard(path) {
            handle = FileHandle(fileDescriptor: held, closeOnDealloc: false)
            ownsDescriptor = false
        } else if replaceable, case let (descriptor, pending)? = try Self.openPending(beside: target, path: path) {
            self.pending = pending
            PendingFiles.add(pending)
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            ownsDescriptor = true
        } else {
            // A pipe or a device; or a file this user may write in a folder it may not add to.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | (replaceable ? O_TRUNC : 0))
            guard descriptor >= 0 else { throw Self.cannotWrite(path) }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            ownsDescriptor = true
        }
        buffer = Self.header
    }

    deinit { discard() }

    /// A new file beside `target` (so that the rename stays on its file system), with the
    /// permissions of the file it will replace; nil when the folder takes no new file but the
    /// target may be written (it is then written in place, as before).
    private static func openPending(beside target: String, path: String) throws -> (Int32, String)? {
        let folder = (target as NSString).deletingLastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + (target as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            let refused = [EACCES, EPERM, EROFS].contains(errno)
            if refused, access(target, W_OK) == 0 { return nil }
            throw cannotWrite(path)
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        // mkstemp makes the file private; a rejects file is readable as any output is.
        fchmod(descriptor, mode(replacing: target))
        return (descriptor, String(cString: template))
    }

    private static func cannotWrite(_ path: String) -> CocoaError {
        CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }

    /// The permissions of the file replaced, or those a new file gets under the umask.
    private static func mode(replacing target: String) -> mode_t {
        var status = stat()
        if stat(target, &status) == 0 { return status.st_mode & 0o7777 }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
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

    /// Writes what is left; a pending file then replaces the target. On a fault the pending
    /// file is removed: the target stays as it was.
    public func close() throws {
        do {
            try flush()
            if ownsDescriptor { try handle.close() }
            if let pending {
                guard rename(pending, target) == 0 else { throw Self.cannotWrite(path) }
                self.pending = nil
                PendingFiles.remove(pending)
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Gives up the rows written: a pending file is removed, the target left as it was.
    public func discard() {
        guard let pending else { return }
        self.pending = nil
        unlink(pending)
        PendingFiles.remove(pending)
    }
}
