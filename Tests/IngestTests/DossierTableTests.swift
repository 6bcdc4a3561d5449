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

    /// Room asked for fewer dossiers than were appended un-indexed: the slots still hold them
    /// all (sized below them, a probe found no empty slot and never ended).
    @Test func roomForFewerThanAppendedStillIndexesThemAll() {
        var table = DossierTable()
        for i in 0..<300 { append(&table, "A\(i)", line: Int32(i)) }
        table.reserveSlots(for: 10)
        #expect(upsert(&table, "A299", line: 1_000))
        #expect(table.count == 300 && table.dossier(code: "A0")?.source.line == 0)
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

    /// Codes are found by their index through an offset per eight codes and a length per code
    /// (one byte, five past 254): parts whose counts are not multiples of eight, and codes of
    /// 254, 255 and thousands of bytes, keep their place.
    @Test func partsOfAnyCountAndCodesOfAnyLengthKeepTheirPlace() {
        let long = [String(repeating: "x", count: 253), String(repeating: "y", count: 254),
                    String(repeating: "z", count: 3_000), String(repeating: "7", count: 700)]
        var whole = DossierTable()
        var expected: [String] = []
        var line: Int32 = 0
        for (part, count) in [5, 13, 8, 1, 11].enumerated() {
            var table = DossierTable()
            for i in 0..<count {
                let code = i == 2 ? long[part % long.count] + "\(part)" : "P\(part)-\(i)"
                line += 1
                append(&table, code, line: line)
                expected.append(code)
            }
            whole.appendUnique(contentsOf: table)
        }
        #expect(codes(whole) == expected)
        for (index, code) in expected.enumerated() {
            #expect(whole.code(at: index) == code)
            #expect(whole.dossier(code: code)?.source.line == Int32(index + 1))
        }
        // Indexed now: every code found by its slot, and an upsert of each replaces it.
        for (index, code) in expected.enumerated() {
            #expect(upsert(&whole, code, line: Int32(1_000 + index)))
        }
        #expect(whole.count == expected.count)
        #expect(whole.dossiers.map(\.source.line) == expected.indices.map { Int32(1_000 + $0) })
    }

    /// A model check: random codes (many sharing a slot's neighbourhood, some the same code
    /// again, some appended as unique) upserted, looked up and merged, against a dictionary.
    @Test func agreesWithADictionaryOverManyCodes() {
        var generator = SystemRandomNumberGenerator()
        var table = DossierTable(reservingCapacity: 16)
        var model: [String: Int32] = [:]
        var order: [String] = []
        // Appended as unique first (a store's current state), then indexed by the first upsert.
        for i in 0..<3_000 {
            let code = "S-\(i)"
            append(&table, code, line: Int32(i))
            model[code] = Int32(i)
            order.append(code)
        }
        // Room for more than will come, before the first lookup: changes what is found nowhere.
        table.reserveSlots(for: 5_000)
        for step in 0..<40_000 {
            // Short codes over a small range: most come again, and a growing table meets them
            // at every size.
            let code = Bool.random(using: &generator) ? "H\(Int.random(in: 0..<9_000, using: &generator))"
                                                       : "S-\(Int.random(in: 0..<4_000, using: &generator))"
            let line = Int32(10_000 + step)
            var bytes = code
            let changed = bytes.withUTF8 { code in
                table.upsert(code: code, hash: DossierTable.hash(code), dossier(line: line)) { held in held.source.line % 3 != 0 }
            }
            let expected: Bool
            if let held = model[code] {
                expected = held % 3 != 0
            } else {
                expected = true
                order.append(code)
            }
            #expect(changed == expected)
            if expected { model[code] = line }
        }
        #expect(table.count == model.count)
        #expect(codes(table) == order)
        for (code, line) in model { #expect(table.dossier(code: code)?.source.line == line) }
        #expect(table.dossier(code: "H9000") == nil && table.dossier(code: "") == nil)

        // Merged as a whole into another table, as one by one.
        var whole = DossierTable()
        var oneByOne = DossierTable()
        for code in ["H1", "X-1", "S-2", "X-2"] {
            append(&whole, code, line: 7)
            upsert(&oneByOne, code, line: 7)
        }
        let replace = { (held: Dossier, offered: Dossier) in offered.source.line > held.source.line }
        whole.upsert(contentsOf: table, replace: replace)
        table.forEach { code, offered in
            oneByOne.upsert(code: code, offered) { replace($0, offered) }
        }
        #expect(codes(whole) == codes(oneByOne))
        #expect(whole.dossiers.map(\.source.line) == oneByOne.dossiers.map(\.source.line))
    }

    @Test func theHashIsTheSameForTheSameBytesWhereverTheyLie() {
        let texts = ["", "A", "H45.4-2023-001249", "12345678", "123456789", "Mã-hồ-sơ-có-dấu"]
        for text in texts {
            let bytes = Array(text.utf8)
            // The same bytes at another alignment, in a larger buffer.
            let shifted = [0x20] + bytes + [0x20]
            let a = bytes.withUnsafeBufferPointer { DossierTable.hash($0) }
            let b = shifted.withUnsafeBufferPointer { DossierTable.hash(UnsafeBufferPointer(rebasing: $0[1..<(1 + bytes.count)])) }
            #expect(a == b, "\(text)")
        }
        let hashes = Set(texts.map { text in Array(text.utf8).withUnsafeBufferPointer { DossierTable.hash($0) } })
        #expect(hashes.count == texts.count)
        // Codes that differ in one byte anywhere differ in both halves of the hash (the slot
        // and the tag), here for every position of an eight-byte word and its tail.
        let base = Array("H45.4-2023-001249".utf8)
        let h0 = base.withUnsafeBufferPointer { DossierTable.hash($0) }
        for position in base.indices {
            var other = base
            other[position] ^= 1
            let h = other.withUnsafeBufferPointer { DossierTable.hash($0) }
            #expect(h & 0xffff != h0 & 0xffff && h >> 16 != h0 >> 16, "byte \(position)")
        }
    }
}
