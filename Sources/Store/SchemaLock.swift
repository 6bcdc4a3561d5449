import Foundation

/// A lock for one store's path, held while a process checks and migrates its schema: another
/// process creating the same store waits for it.
///
/// The lock file lives in the temporary folder, named by the store's absolute path, so that
/// nothing is left beside the store (or beside a file that turns out not to be one); it is
/// removed while still locked, so that none is left there either (a test run made thousands).
/// A process that was waiting on a removed file finds the path gone or another file there,
/// and locks again.
struct SchemaLock {
    private let descriptor: Int32
    private let path: String

    /// Takes the lock, waiting as long as it takes; nil when the lock file cannot be made
    /// (opening then goes on without it).
    init?(storePath: String) {
        path = Self.path(forStore: storePath)
        while true {
            let fd = open(path, O_RDWR | O_CREAT, 0o644)
            guard fd >= 0 else { return nil }
            flock(fd, LOCK_EX)
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                descriptor = fd
                return
            }
            close(fd)
        }
    }

    /// The lock file of the store at `storePath`.
    static func path(forStore storePath: String) -> String {
        let absolute = URL(fileURLWithPath: storePath).standardizedFileURL.resolvingSymlinksInPath().path
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (NSTemporaryDirectory() as NSString).appendingPathComponent("motcua-schema-\(String(hash, radix: 16)).lock")
    }

    /// Removes the lock file, then lets the next process in.
    func release() {
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
