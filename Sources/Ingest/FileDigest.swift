import Crypto
import Foundation

/// A file's SHA-256 (hex), computed on a thread of its own while the file is being read:
/// what identifies an input in a report's manifest and in the store.
public final class FileDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<String, IngestError> = .failure(IngestError(file: "", kind: .empty))

    /// Starts hashing `path` at once.
    public init(path: String, name: String) {
        Thread.detachNewThread { [self] in
            result = Result { () throws(IngestError) -> String in try Self.sha256(of: path, name: name) }
            done.signal()
        }
    }

    /// Waits for the hash.
    public func value() throws(IngestError) -> String {
        done.wait()
        done.signal()
        return try result.get()
    }

    /// The SHA-256 of a file, hex, read in 1 MiB chunks.
    public static func sha256(of path: String, name: String) throws(IngestError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(file: name, kind: .unreadable("cannot open"))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw IngestError(file: name, kind: .unreadable(error.localizedDescription))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
