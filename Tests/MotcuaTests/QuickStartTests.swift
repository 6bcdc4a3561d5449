import TestSupport
import Foundation
import Testing

/// The README's quick start for the office works as written: every line of its `quick-start`
/// block is run by the shell, in a folder beside `../shared/samples` where `scripts/` is the
/// project's, with the built motcua first on the PATH.
@Suite struct QuickStartTests {
    /// The block's lines, comments left out.
    static let lines: [String] = {
        guard let readme = try? String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8),
              let start = readme.range(of: "```sh quick-start\n"),
              let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else { return [] }
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }()

    @Test(.enabled(if: RunDataTests.samples != nil, "needs ../shared/samples"))
    func theQuickStartRunsAsWritten() throws {
        try #require(Self.lines.count >= 6, "no quick-start block in the README")
        let root = try TempDir(prefix: "motcua-quickstart")
        let office = root.file("office"), shared = root.file("shared")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: shared.appendingPathComponent("samples"), withDestinationURL: try #require(RunDataTests.samples))
        try FileManager.default.createSymbolicLink(at: office.appendingPathComponent("scripts"),
                                                   withDestinationURL: PackagePaths.root.appendingPathComponent("scripts"))
        let binary = try #require(Motcua.binary)
        for line in Self.lines {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", line]
            process.currentDirectoryURL = office
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["MOTCUA_DB"] = nil
            environment["MOTCUA_LANG"] = nil
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(line) → \(process.terminationStatus):\n\(text)")
        }
        for file in ["motcua.sqlite", "units.csv", "bao-cao-quy-IV-2022.xlsx", "bieu-06a-quy-IV-2022.html",
                     "reports/2022-Q4.decree09.csv", "reports/2022-Q4.decree09.06a.txt"] {
            #expect(FileManager.default.fileExists(atPath: office.appendingPathComponent(file).path), "\(file)")
        }
        let form = try String(contentsOf: office.appendingPathComponent("bieu-06a-quy-IV-2022.html"), encoding: .utf8)
        #expect(form.contains("Đơn vị báo cáo: UBND huyện Hoằng Hóa") && form.contains("THỦ TRƯỞNG ĐƠN VỊ"))
    }
}
