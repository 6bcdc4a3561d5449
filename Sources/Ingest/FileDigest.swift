import Crypto
import Foundation

/// A file's SHA-256 (hex), computed on a thread of its own while the file is being read:
/// what identifies an input in a report's manifest and in the store.
public final class FileDigest: Sendable {
    private let hash: Background<String>

    /// Starts hashing `file` at once (through its own offsets: the file is not opened again).
    public init(file: InputFile) {
        hash = Background { () throws(IngestError) -> String in try Self.sha256(of: file) }
    }

    /// Waits for the hash.
    public func value() throws(IngestError) -> String {
        try hash.value()
    }

    /// The SHA-256 of a file, hex, read in 1 MiB chunks.
    public static func sha256(of file: InputFile) throws(IngestError) -> String {
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while offset < file.size {
            let n = try file.read(into: &buffer, max: buffer.count, fileOffset: offset)
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            offset += n
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of the file at `path`, hex.
    public static func sha256(of path: String, name: String) throws(IngestError) -> String {
        try sha256(of: InputFile(path: path, name: name))
    }
}
