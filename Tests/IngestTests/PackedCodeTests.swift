@testable import Ingest
import Testing

/// A dossier table's packed codes: every code comes back as it went in, two different codes
/// never pack alike, and the sizes are the ones worked out by hand from the nibble rules.
@Suite struct PackedCodeTests {
    static let codes: [String] = [
        "", "0", "H", "-", "H45.9-2022-0000001", "000.00.12.H12-231005-0001", "12/2023_7",
        "hồ sơ số 1", "ABCDEFGH", "a", "\u{FF}", "0\u{FF}", "x-1", "1-x",
        // Bytes that are the escape and pad nibbles' own values.
        "\u{0E}\u{0F}", "\u{F0}\u{EE}",
    ]

    private func packed(_ code: String) -> [UInt8] {
        var code = code
        return code.withUTF8 { raw in PackedCode.withPacked(raw) { Array($0) } }
    }

    private func unpacked(_ packed: [UInt8]) -> String {
        packed.withUnsafeBufferPointer { String(decoding: PackedCode.unpack($0), as: UTF8.self) }
    }

    @Test(arguments: codes)
    func everyCodeComesBack(code: String) {
        let form = packed(code)
        #expect(unpacked(form) == code)
        #expect(form.count <= code.utf8.count + 1, "never more than a byte over the code")
    }

    @Test func differentCodesPackDifferently() {
        // Every pair of the list, and codes one byte apart, or a digit against an escape.
        var more = Self.codes
        for byte in UInt8(0)...UInt8(127) { more.append("7" + String(UnicodeScalar(byte))) }
        let forms = more.map(packed)
        for i in more.indices {
            for j in more.indices where i != j && more[i] != more[j] {
                #expect(forms[i] != forms[j], "\(more[i].debugDescription) and \(more[j].debugDescription)")
            }
        }
    }

    @Test func sizesFollowTheNibbleRules() {
        // "H45.9-2022-0000001": H escaped (3 nibbles) and 17 of the alphabet: 20 nibbles.
        #expect(packed("H45.9-2022-0000001").count == 10)
        // 25 bytes, one letter: 27 nibbles, padded to 14 bytes.
        #expect(packed("000.00.12.H12-231005-0001").count == 14)
        #expect(packed("0123").map { $0 } == [0x01, 0x23])
        #expect(packed("7").map { $0 } == [0x7F])
        #expect(packed("-./_").map { $0 } == [0xAB, 0xCD])
        #expect(packed("A").map { $0 } == [PackedCode.verbatim, 0x41], "3 nibbles would take 2 bytes: kept as it is")
        #expect(packed("A0").map { $0 } == [0xE4, 0x10], "4 nibbles: packed")
        #expect(packed("ABCDEFGH") == [PackedCode.verbatim] + Array("ABCDEFGH".utf8))
        #expect(packed("").isEmpty)
    }

    @Test func aTableFindsCodesOfEitherForm() {
        var table = DossierTable()
        let dossier = Dossier(unit: UnitID(rawValue: 0), channel: .direct, status: .processing,
                              received: LocalMoment(year: 2023, month: 1, day: 2)!, due: nil, finished: nil,
                              digitisedDossier: false, digitisedResult: false, source: SourceLine(file: 0, line: 1))
        for (line, code) in Self.codes.enumerated() {
            var code = code
            var d = dossier
            d.source.line = Int32(line)
            code.withUTF8 { _ = table.upsert(code: $0, d) }
        }
        #expect(table.count == Self.codes.count)
        for (index, code) in Self.codes.enumerated() {
            #expect(table.code(at: index) == code)
            #expect(table.dossier(code: code)?.source.line == Int32(index))
        }
    }
}
