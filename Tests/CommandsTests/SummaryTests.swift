import Commands
import Ingest
import Testing

@Suite struct RunSummaryTests {
    @Test func countsOnly() {
        var input = InputSummary(name: "a.csv", byteCount: 10, kind: .portalSync, encoding: .utf8, delimiter: 0x2C, ignoredColumns: [])
        input.rowsRead = 1200
        input.accepted = 1197
        input.rejectsByReason = [.unknownChannel: 2, .missingValue: 1]
        let text = RunSummary(inputs: [input], dossiers: 1100, collapsed: 97).text(language: .en)
        #expect(text == """
            Files: 1; rows read: 1,200; dossiers: 1,100; rows rejected: 3; duplicates collapsed: 97
              rejected: 1 × required value missing
              rejected: 2 × unknown channel

            """)
        #expect(RunSummary(inputs: [input], dossiers: 1100, collapsed: 97).text(language: .vi).hasPrefix("Tệp: 1; dòng đã đọc: 1.200;"))
    }
}
