import Ingest
import Testing

/// The dossier table: codes appended as unique (a store's current state) are found by a later
/// lookup or upsert exactly as codes upserted one by one, and parts appended keep their order.
@Suite struct DossierTableTests {
    private func dossier(line: Int32) -> Dossier {
        Dossier(unit: UnitID(rawValue: 0), channel: .direct, status: .processing,
                received: LocalMoment(year: 2023, month: 1, day: 2)!, due: nil, finished: nil,
                digitisedDossier: false, digitisedResult: false, source: SourceLine(file: 0, line: line))
    }

    private func codes(_ table: DossierTable) -> [String] {
        var out: [String] = []
        table.forEach { code, _ in out.append(String(decoding: code, as: UTF8.self)) }
        return out
    }

    private func append(_ table: inout DossierTable, _ code: String, line: Int32) {
        var code = code
        code.withUTF8 { table.appendUnique(code: $0, dossier(line: line)) }
    }

    @discardableResult
    private func upsert(_ table: inout DossierTable, _ code: String, line: Int32) -> Bool {
        var code = code
        return code.withUTF8 { table.upsert(code: $0, dossier(line: line)) }
    }

    @Test func appendedCodesAreFoundByLookupsAndUpserts() {
        var table = DossierTable(reservingCapacity: 4)
        // More than the empty table's 64 slots hold at half load: the index is built at once.
        for i in 0..<200 { append(&table, "H\(i)", line: Int32(i)) }
        #expect(table.dossier(code: "H150")?.source.line == 150, "found before any index is built")
        #expect(table.dossier(code: "H200") == nil)
        #expect(upsert(&table, "H7", line: 1_000), "an upsert of a known code replaces it")
        #expect(table.count == 200)
        #expect(table.dossier(code: "H7")?.source.line == 1_000)
        upsert(&table, "new", line: 5)
        #expect(table.count == 201)
        // Appended again after the index was built: found by both paths too.
        append(&table, "late", line: 9)
        #expect(table.dossier(code: "late")?.source.line == 9)
        upsert(&table, "late", line: 10)
        #expect(table.count == 202 && table.dossier(code: "late")?.source.line == 10)
        #expect(codes(table) == (0..<200).map { "H\($0)" } + ["new", "late"])
    }

    @Test func partsAppendedKeepTheirCodesAndOrder() {
        var first = DossierTable()
        var second = DossierTable()
        append(&first, "A-1", line: 1)
        append(&first, "A-22", line: 2)
        append(&second, "B-333", line: 3)
        append(&second, "", line: 4)
        append(&second, "B-5", line: 5)
        first.appendUnique(contentsOf: second)
        #expect(codes(first) == ["A-1", "A-22", "B-333", "", "B-5"])
        #expect(first.dossiers.map(\.source.line) == [1, 2, 3, 4, 5])
        #expect(first.dossier(code: "B-5")?.source.line == 5)
        #expect(first.dossier(code: "")?.source.line == 4)
        upsert(&first, "A-22", line: 20)
        #expect(first.count == 5 && first.dossier(code: "A-22")?.source.line == 20)
    }
}
