import Foundation

/// Where the package's own files are, found from this file's place in it.
public enum PackagePaths {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    /// `Fixtures/`: inputs with hand-checked expected tables.
    public static let fixtures = root.appendingPathComponent("Fixtures")

    /// A fixture case's folder (`Fixtures/<name>`).
    public static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
}
