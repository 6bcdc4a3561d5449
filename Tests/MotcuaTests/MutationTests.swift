import TestSupport
import Foundation
import Testing

/// A few hundred seeded mutants of the fixtures and samples, each run through report, check,
/// import and a report from the store: no crash; an error is one line naming the file; rows
/// read = dossiers + rejected + duplicates collapsed; the rejects file, the summary and check
/// agree; the store's report is the file's.
@Suite("Mutants of the fixtures and samples")
struct MutationTests {
    /// The inputs mutated: every fixture input and the samples kept in the fuzz corpus.
    static let sources: [(name: String, bytes: [UInt8])] = {
        let fm = FileManager.default
        var out: [(String, [UInt8])] = []
        let fixtures = PackagePaths.fixtures
        for case_ in ((try? fm.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted() where case_ != "golden" {
            let dir = fixtures.appendingPathComponent(case_)
            for file in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where file.hasSuffix(".csv") {
                if let data = fm.contents(atPath: dir.appendingPathComponent(file).path) { out.append((file, Array(data))) }
            }
        }
        let corpus = PackagePaths.root.appendingPathComponent("Tests/Fuzz/corpus")
        for file in ((try? fm.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted() where file.hasPrefix("sample-") {
            // A corpus input's first byte is the fuzz target's options.
            if let data = fm.contents(atPath: corpus.appendingPathComponent(file).path) { out.append((file, Array(data.dropFirst()))) }
        }
        return out
    }()

    static let seeds = Array(UInt64(1)...300)

    @Test("a mutant is read consistently by report, check, import and the store", arguments: seeds)
    func mutant(seed: UInt64) throws {
        try #require(Self.sources.count >= 20, "fixtures not found")
        let source = Self.sources[Int(seed) % Self.sources.count]
        var mutator = Mutator(seed: seed &* 0x9E37_79B9)
        let bytes = mutator.mutate(source.bytes)
        let name = "dot-bien-\(seed).csv"
        let context = "seed \(seed) of \(source.name)"
        let dir = try TempDir(prefix: "motcua-mutant")
        try dir.write(name, bytes: bytes)
        let period = source.name.contains("2022") ? "2022" : "2023"

        let report = try Motcua.run(["report", "--period", period, "--format", "csv", "--lang", "en", "--rejects", "loai.csv", name],
                                    in: dir.url)
        let check = try Motcua.run(["check", "--lang", "en", name], in: dir.url)
        let imported = try Motcua.run(["import", "--db", "kho.sqlite", "--lang", "en", name], in: dir.url)
        for result in [report, check, imported] { ErrorContract.expectNoCrash(result) }
        if report.status == 66 {
            ErrorContract.expectInputError(report, naming: name)
            ErrorContract.expectInputError(check, naming: name, stdoutEmpty: false)
            ErrorContract.expectInputError(imported, naming: name, stdoutEmpty: false)
            #expect(report.stderr == check.stderr, "\(context): report and check fail differently")
            return
        }
        try #require(report.status == 0, "\(context): \(report)")

        // The summary: rows read = dossiers + rejected + duplicates collapsed.
        let summary = try #require(Self.summary(report.stderr), "\(context): no summary in \(report)")
        #expect(summary.rows == summary.dossiers + summary.rejected + summary.collapsed, "\(context): \(report.stderr)")
        try KPICSV(report.stdout).expectConsistent(context: context)

        // The rejects file agrees with the summary, row for row.
        let rejects = try RFC4180.parse(dir.read("loai.csv"))
        #expect(rejects.first == ["file", "line", "field", "reason", "raw"], "\(context)")
        #expect(rejects.count - 1 == summary.rejected, "\(context): \(rejects.count - 1) rejects written, \(summary.rejected) counted")
        let lines = rejects.dropFirst().map { Int($0.count > 1 ? $0[1] : "") ?? 0 }
        #expect(rejects.dropFirst().allSatisfy { $0.count == 5 && $0[0] == name && !$0[3].isEmpty }, "\(context): \(rejects)")
        #expect(lines.allSatisfy { $0 >= 1 } && lines == lines.sorted(), "\(context): reject lines \(lines)")

        // check says the same.
        #expect(check.status == (summary.rejected > 0 ? 65 : 0), "\(context): \(check)")
        #expect(check.stdout.contains("rows: \(summary.rows); accepted: \(summary.dossiers + summary.collapsed); rejected: \(summary.rejected)"),
                "\(context): check \(check.stdout) vs report \(report.stderr)")

        // The store's report is the file's.
        #expect(imported.status == 0, "\(context): \(imported)")
        let stored = try Motcua.run(["report", "--db", "kho.sqlite", "--period", period, "--format", "csv", "--lang", "en"], in: dir.url)
        #expect(stored.status == 0 && stored.stdout == report.stdout, "\(context): from the store \(stored)\nfrom the file \(report)")
        #expect(Self.summary(stored.stderr).map { [$0.dossiers, $0.rejected, $0.collapsed] } == [summary.dossiers, summary.rejected, summary.collapsed],
                "\(context): \(stored.stderr)")
    }

    /// The committed fuzz corpus passes the fuzz target's own checks (its normal build replays
    /// inputs): what `scripts/fuzz` starts from is sound, and the target builds.
    @Test("the fuzz corpus replays through the fuzz target's checks")
    func fuzzCorpusReplays() throws {
        let binary = try #require(Motcua.binary).deletingLastPathComponent().appendingPathComponent("IngestFuzz")
        let process = Process()
        process.executableURL = binary
        process.arguments = [PackagePaths.root.appendingPathComponent("Tests/Fuzz/corpus").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(said)")
        #expect(said.hasSuffix("inputs replayed\n") && !said.hasPrefix("0 "), "\(said)")
    }

    /// The counts of a report's English summary line.
    static func summary(_ stderr: String) -> (rows: Int, dossiers: Int, rejected: Int, collapsed: Int)? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("Files:") }) else { return nil }
        var values: [String: Int] = [:]
        for part in line.split(separator: ";") {
            let pair = part.split(separator: ":")
            guard pair.count == 2 else { continue }
            values[pair[0].trimmingCharacters(in: .whitespaces)] = Int(pair[1].filter(\.isNumber))
        }
        guard let rows = values["rows read"], let dossiers = values["dossiers"], let rejected = values["rows rejected"],
              let collapsed = values["duplicates collapsed"] else { return nil }
        return (rows, dossiers, rejected, collapsed)
    }
}
