import Foundation

/// A fresh directory under the system's temporary folder, removed when the value goes away,
/// with whatever else a test made for it (``whenRemoved(_:)``): a test run leaves nothing behind.
public final class TempDir: @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()
    private var cleanups: [@Sendable () -> Void] = []

    public init(prefix: String = "motcua-e2e") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        for cleanup in lock.withLock({ cleanups }).reversed() { cleanup() }
        try? FileManager.default.removeItem(at: url)
    }

    /// Runs `cleanup` when the directory is removed (a test database is dropped with it).
    public func whenRemoved(_ cleanup: @escaping @Sendable () -> Void) {
        lock.withLock { cleanups.append(cleanup) }
    }

    public var path: String { url.path }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `bytes` to `name` (folders created as needed) and returns the file's URL.
    @discardableResult
    public func write(_ name: String, bytes: some Sequence<UInt8>) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }

    /// Writes `text` as UTF-8 (no BOM).
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    public func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: file(name)), as: UTF8.self)
    }

    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name).path) }
}
