import Foundation
import Testing

/// Files and folders made immutable (`chattr +i`), which not even root may change: how a test
/// run as root puts a store on a "read-only medium". Only where the file system and the
/// process allow it (ext4 and the like, CAP_LINUX_IMMUTABLE): tests that need it are enabled
/// by ``isAvailable``.
public enum Immutable {
    /// Whether `chattr +i` works here.
    public static let isAvailable: Bool = {
        guard let dir = try? TempDir(prefix: "motcua-immutable") else { return false }
        let file = dir.file("probe").path
        guard FileManager.default.createFile(atPath: file, contents: Data("x".utf8)), run(["+i", file]) else { return false }
        defer { _ = run(["-i", file]) }
        return !FileManager.default.isWritableFile(atPath: file) || (try? Data("y".utf8).write(to: URL(fileURLWithPath: file))) == nil
    }()

    /// Makes `paths` immutable, runs `body`, and makes them changeable again whatever happens
    /// (a folder left immutable could never be removed).
    @discardableResult
    public static func during<T>(_ paths: [String], _ body: () throws -> T) throws -> T {
        guard run(["+i"] + paths) else { throw Failure() }
        defer { _ = run(["-i"] + paths) }
        return try body()
    }

    struct Failure: Error {}

    private static func run(_ arguments: [String]) -> Bool {
        (try? Shell.run("chattr", arguments, recordFailure: false)) != nil
    }
}
