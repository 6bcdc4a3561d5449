import TestSupport
import Foundation
import Testing
@testable import Ingest

@Suite struct DossierLoaderTests {
    /// Three monthly files; the dossier H1 is in all of them with a newer state each month.
    private func monthlyFiles() throws -> [String] {
        let dir = try TestProcessFolder.url.appendingPathComponent("motcua-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            ("2023-01.csv", "H1,UBND XÃ A,1,10/01/2023,,,,2,,\nH2,UBND XÃ A,1,11/01/2023,,,,4,,\n"),
            ("2023-02.csv", "H1,UBND xã A,1,10/01/2023,,,,4,,\nH1,UBND xã A,1,10/01/2023,,,,5,,\nH3,B,2,01/02/2023,,,,2,,\n"),
            ("2023-03.csv", "H1,Ubnd xã A,1,10/01/2023,,05/03/2023,,9,,\n"),
        ]
        return try files.map { name, rows in
            let url = dir.appendingPathComponent(name)
            try Data((portalHeader + rows).utf8).write(to: url)
            return url.path
        }
    }

    private func load(_ paths: [String], asOf: LocalMoment? = nil) throws -> DossierLoader {
        let loader = DossierLoader(options: ReadOptions(asOf: asOf))
        for path in paths { try loader.load(path: path) }
        return loader
    }

    @Test func theLatestExportWinsWhateverTheOrder() throws {
        let files = try monthlyFiles()
        for order in [files, files.reversed(), [files[1], files[2], files[0]]] {
            let loader = try load(order)
            #expect(loader.dossiers.count == 3)
            #expect(loader.dossiers.dossier(code: "H1")?.status == .processed)
            #expect(loader.dossiers.dossier(code: "H1")?.finished == moment(2023, 3, 5))
            #expect(loader.dossiers.dossier(code: "H2")?.status == .processing)
            #expect(loader.occurrencesCollapsed == 3)
            let unitA = try #require(loader.dossiers.dossier(code: "H1")?.unit)
            #expect(loader.unitNames[unitA] == "Ubnd xã A", "the spelling of the latest-as-of file")
        }
    }

    @Test func withinOneFileTheLaterRowWins() throws {
        let loader = try load([try monthlyFiles()[1]])
        #expect(loader.dossiers.dossier(code: "H1")?.status == .awaitingSupplement)
    }

    @Test func equalAsOfFallsBackToTheFileNameThatSortsLater() throws {
        let files = try monthlyFiles()
        let asOf = moment(2023, 12, 31)
        for order in [files, files.reversed()] {
            let loader = try load(order, asOf: asOf)
            // Same as-of everywhere: 2023-03.csv sorts last, so its state wins.
            #expect(loader.dossiers.dossier(code: "H1")?.status == .processed)
            #expect(loader.inputs.allSatisfy { $0.asOf == asOf })
        }
        // Names decide by base name: a later-sorting folder does not matter.
        let rank = { FileRank(asOf: asOf, name: $0) }
        #expect(rank("z/2023-01.csv") < rank("a/2023-02.csv"))
    }

    @Test func asOfIsTheLatestMomentAmongAcceptedRows() throws {
        let files = try monthlyFiles()
        let loader = try load(files)
        #expect(loader.inputs.map(\.asOf) == [moment(2023, 1, 11), moment(2023, 2, 1), moment(2023, 3, 5)])
    }

    @Test func rejectsReachTheHandlerAndAreCounted() throws {
        let path = try temporaryFile(portalHeader + "H1,A,1,15/03/2023,,,,2,,\nH2,A,9,15/03/2023,,,,2,,\n")
        let loader = DossierLoader()
        var seen: [Reject] = []
        loader.onReject = { seen.append($0) }
        let summary = try loader.load(path: path, name: "march.csv")
        #expect(summary.rowsRead == 2)
        #expect(summary.accepted == 1)
        #expect(summary.rejectsByReason == [.unknownChannel: 1])
        #expect(seen == [Reject(file: "march.csv", line: 3, field: .kenhThucHien, reason: .unknownChannel,
                                raw: "H2,A,9,15/03/2023,,,,2,,")])
    }

    @Test func unreadableInputsAreErrorsNamingTheFile() throws {
        #expect(throws: IngestError.self) { try DossierLoader().load(path: "/nonexistent/x.csv") }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: IngestError(file: dir, kind: .isDirectory)) { try DossierLoader().load(path: dir) }
    }
}
