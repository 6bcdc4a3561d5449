#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An export file, opened once: every pass over it (hashing, checking its encoding, parsing)
/// reads through this one descriptor, each at offsets of its own (`pread`), so passes may run on
/// different threads at once.
///
/// Only a regular file is an input. The file is opened without blocking and checked before a
/// byte is read, so a pipe without a writer or a device is refused at once, never waited on.
/// Its size when opened is what is read: a file that ends sooner shrank while it was read (an
/// error, not partial counts); bytes appended later are not read.
public final class InputFile: @unchecked Sendable {
    /// The file as named on the command line.
    public let name: String
    public let path: String
    /// Size in bytes when opened.
    public let size: Int
    private let descriptor: Int32
    /// The bytes of an input made in memory (data shipped in the binary), else nil.
    private let contents: [UInt8]?

    public init(path: String, name: String? = nil) throws(IngestError) {
        let name = name ?? path
        self.path = path
        self.name = name
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = Self.lastErrorMessage()
            if Self.isNonUTF8Argument(path) { throw IngestError(file: name, kind: .nameNotUTF8) }
            throw IngestError(file: name, kind: .unreadable(reason))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = Self.lastErrorMessage()
            close(fd)
            throw IngestError(file: name, kind: .unreadable(message))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            close(fd)
            throw IngestError(file: name, kind: .isDirectory)
        case let type:
            close(fd)
            throw IngestError(file: name, kind: .notRegularFile(Self.nodeKind(type)))
        }
        // Regular files never block; clear the flag all the same, for plain reads.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        descriptor = fd
        size = Int(info.st_size)
        contents = nil
    }

    /// An input whose bytes are in memory (a CSV resource shipped in the binary), read like a
    /// file of those bytes.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        path = name
        size = bytes.count
        descriptor = -1
        contents = bytes
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Reads up to `buffer.count` bytes at `offset`, fewer only where the file's size when
    /// opened ends. Throws when the file ends sooner (it shrank).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(IngestError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let wanted = max(0, min(buffer.count, size - offset))
        if let contents {
            contents.withUnsafeBytes { all in
                if let start = all.baseAddress { base.copyMemory(from: start + offset, byteCount: wanted) }
            }
            return wanted
        }
        var total = 0
        while total < wanted {
            let n = pread(descriptor, base + total, wanted - total, off_t(offset + total))
            if n < 0 {
                if errno == EINTR { continue }
                throw error(.unreadable(Self.lastErrorMessage()))
            }
            if n == 0 {
                // What the file holds now: a read that starts past its new end (a thread's part
                // of the file) would otherwise name its own offset.
                var info = stat()
                let now = fstat(descriptor, &info) == 0 ? Int(info.st_size) : offset + total
                throw error(.shrank(expected: size, read: min(offset + total, now)))
            }
            total += n
        }
        return total
    }

    /// Reads up to `max` bytes at `offset` into `buffer[at...]` (the array must be that long).
    func read(into buffer: inout [UInt8], at index: Int = 0, max: Int, fileOffset offset: Int) throws(IngestError) -> Int {
        let result = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(IngestError) -> Int in
                try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[index..<(index + max)]), at: offset)
            }
        }
        return try result.get()
    }

    func error(_ kind: IngestError.Kind, line: Int? = nil) -> IngestError {
        IngestError(file: name, line: line, kind: kind)
    }

    private static func lastErrorMessage() -> String {
        String(cString: strerror(errno))
    }

    private static func nodeKind(_ type: mode_t) -> IngestError.NodeKind {
        switch type {
        case S_IFIFO: return .pipe
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// True when `path` came from a command-line argument that is not valid UTF-8: Swift
    /// repairs such arguments (U+FFFD), so the path no longer names the file, and saying it is
    /// missing would be wrong.
    private static func isNonUTF8Argument(_ path: String) -> Bool {
        guard path.unicodeScalars.contains("\u{FFFD}") else { return false }
        for index in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(argument))
            if String(validating: bytes, as: UTF8.self) == nil, String(decoding: bytes, as: UTF8.self) == path {
                return true
            }
        }
        return false
    }
}
