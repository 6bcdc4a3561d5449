import TestSupport
import Foundation
import Testing

/// One recorded command of `Fixtures/golden/commands.tsv` and the output it must give.
struct GoldenCommand: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }

    static let folder = FixtureCatalog.root.appendingPathComponent("golden")

    /// Every recorded command, in file order.
    static let all: [GoldenCommand] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("commands.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return GoldenCommand(name: fields[0], arguments: Array(fields.dropFirst()))
        }
    }()

    /// The exit status each command gave when it was recorded.
    static let statuses: [String: Int32] = {
        let url = folder.appendingPathComponent("outputs/statuses.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: Int32] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let status = Int32(fields[1]) { out[String(fields[0])] = status }
        }
        return out
    }()
}

/// The outputs people and machines read, held byte for byte to what an earlier build wrote
/// (`scripts/golden-record`): restructuring the code must not change a single byte of them.
/// Json reports are compared without their manifest (it names the build's version).
@Suite struct GoldenOutputTests {
    @Test func everyCommandIsRecorded() {
        #expect(GoldenCommand.all.count > 100)
        #expect(GoldenCommand.statuses.count == GoldenCommand.all.count)
    }

    @Test(arguments: GoldenCommand.all)
    func outputIsUnchanged(_ command: GoldenCommand) throws {
        let result = try Motcua.run(command.arguments, in: FixtureCatalog.packageRoot)
        let expected = try Data(contentsOf: GoldenCommand.folder.appendingPathComponent("outputs/\(command.name)"))
        #expect(result.status == GoldenCommand.statuses[command.name], "\(result)")
        if command.name.hasSuffix(".json") {
            #expect(try Self.withoutManifest(result.stdoutData) == Self.withoutManifest(expected), "\(result)")
        } else {
            #expect(result.stdout == String(decoding: expected, as: UTF8.self), "\(result)")
        }
    }

    private static func withoutManifest(_ data: Data) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["manifest"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
