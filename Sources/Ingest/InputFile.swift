#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An export file opened for reading: a file descriptor and the name to report it by.
///
/// Plain POSIX reads into caller-owned buffers: the ingest stage streams, so it never holds
/// more of a file than one chunk.
final class InputFile {
    /// The file as named on the command line.
    let name: String
    let path: String
    private let descriptor: Int32
    /// Size in bytes when opened.
    let size: Int

    init(path: String, name: String) throws(IngestError) {
        self.path = path
        self.name = name
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw IngestError(file: name, kind: .unreadable(Self.lastErrorMessage()))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = Self.lastErrorMessage()
            close(fd)
            throw IngestError(file: name, kind: .unreadable(message))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IngestError(file: name, kind: .isDirectory)
        }
        descriptor = fd
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Goes back to the first byte (detection reads the file once before parsing does).
    func rewind() throws(IngestError) {
        if lseek(descriptor, 0, SEEK_SET) < 0 {
            throw error(.unreadable(Self.lastErrorMessage()))
        }
    }

    /// Reads up to `max` bytes into `buffer[offset...]`, fewer only at end of file.
    func read(into buffer: inout [UInt8], at offset: Int, max: Int) throws(IngestError) -> Int {
        var total = 0
        while total < max {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemRead(descriptor, base + offset + total, max - total)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(.unreadable(Self.lastErrorMessage()))
            }
            if n == 0 { break }
            total += n
        }
        return total
    }

    func error(_ kind: IngestError.Kind, line: Int? = nil) -> IngestError {
        IngestError(file: name, line: line, kind: kind)
    }

    private static func lastErrorMessage() -> String {
        String(cString: strerror(errno))
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// Checks that `path` names a readable regular file, throwing the error `report` would give
/// for it (missing, a directory, no permission).
public func checkInputFile(path: String, name: String) throws(IngestError) {
    _ = try InputFile(path: path, name: name)
}
