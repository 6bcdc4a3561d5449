import Commands
import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// `check`, `import`, `imports`, `rejects` without the command line.
@Suite struct CheckAndStoreTests {
    @Test func checkCountsRejectsAndGoesPastAnUnreadableFile() throws {
        var seen: [Result<InputSummary, CommandError>] = []
        let files = try fixtureFiles("rejects")
        let outcome = try Check(Inputs(files: [files[0], "khong-co.csv", files[1]])).perform { seen.append($0) }
        #expect(seen.count == 3)
        #expect(outcome.failures == 1)
        // The spec's rejects output of the case lists every rejected row, one a line after its header.
        #expect(outcome.rejected == (try expected("rejects", "rejects.csv")).split(separator: "\n").count - 1)
    }

    @Test(arguments: StoreEngine.allCases)
    func importListAndRejects(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-commands-store")
        let store = try engine.freshStore(in: dir)
        var messages: [String] = []
        let files = try fixtureFiles("rejects")
        let failures = try ImportRun(store: store, files: files + files).perform { file, result in
            if case .success(let outcome) = result { messages.append(outcome.message(file: file, .en)) }
        }
        #expect(failures == 0)
        #expect(messages.count == 4)
        #expect(messages[0].contains("imported as #1"))
        #expect(messages[2].hasPrefix(files[0] + ": already in the store as #1"))
        let listing = try StoreListing.imports(store: store)
        #expect(listing.split(separator: "\n").count == 3)
        let rejects = try StoreListing.rejects(store: store, import: nil)
        #expect(rejectKeys(rejects) == csvRecords(try expected("rejects", "rejects.csv")))
        let none = try #require(throws: CommandError.self) { try StoreListing.rejects(store: store, import: 99) }
        #expect(none.exitStatus == 66)
        #expect(try StoreListing.remove(import: 1, store: store, .en).hasPrefix("removed import #1"))
    }

    @Test func aMissingStoreIs66() throws {
        let error = try #require(throws: CommandError.self) { try StoreListing.imports(store: "/nonexistent/kho.sqlite") }
        #expect(error.exitStatus == 66)
    }
}
