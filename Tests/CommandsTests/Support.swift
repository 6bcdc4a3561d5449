import Foundation
import TestSupport

/// The files of a fixture case (`Fixtures/<name>/*.csv`), sorted.
func fixtureFiles(_ name: String) throws -> [String] {
    let dir = PackagePaths.fixture(name)
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        .map { dir.appendingPathComponent($0).path }
}

/// A hand-checked expected file of a fixture case, as text.
func expected(_ name: String, _ file: String) throws -> String {
    try String(contentsOf: PackagePaths.fixture(name).appendingPathComponent("expected/\(file)"), encoding: .utf8)
}

/// A rejects file's rows as `file,line,field`, the file by its base name: the form of a fixture's
/// hand-checked `expected/rejects.csv`.
func rejectKeys(_ rejectsFile: String) -> [[String]] {
    csvRecords(rejectsFile).map { record in
        [URL(fileURLWithPath: record[0]).lastPathComponent] + record[1..<3]
    }
}
