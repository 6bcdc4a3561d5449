import Foundation
import TestSupport
import Testing
@testable import Ingest

/// `normalizedForDisplay` takes shortcuts (ASCII already folded is returned as it is; other
/// text is worked out once a run): whatever the text, and however often it is asked, the
/// result is the spec's form, worked out here the long way.
@Suite struct DisplayFormTests {
    /// The spec's form: white space runs folded to one space, trimmed, NFC.
    private func expected(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    @Test func everyASCIIByteAloneBetweenAndBesideSpaces() {
        for byte in UInt8(0)...0x7F {
            let c = String(decoding: [byte], as: UTF8.self)
            for text in [c, "a\(c)b", " \(c)", "\(c) ", "a \(c) b", "\(c)\(c)", "x\(c) \(c)y"] {
                #expect(Array(text.normalizedForDisplay.utf8) == Array(expected(text).utf8), "byte \(byte): \(Array(text.utf8))")
            }
        }
    }

    @Test(arguments: 0..<8)
    func randomTextTwice(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // ASCII with its white space, decomposed and composed Vietnamese, a no-break space.
        let pieces = ["a", "Z", "1", ".", " ", "  ", "\t", "\r\n", "\n", "\u{0B}", "\u{1C}", "\u{1F}",
                      "o\u{0306}\u{0300}", "\u{1EB1}", "U\u{031B}", "\u{00A0}", "Phòng", "xã", "\u{2003}"]
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let first = text.normalizedForDisplay, second = text.normalizedForDisplay
            #expect(first == expected(text) && second == first, "\(text.unicodeScalars.map { $0.value })")
            #expect(Array(first.utf8) == Array(expected(text).utf8))
            // The key: lower-cased, the same whether worked out or remembered.
            let key = text.normalizedKey, again = text.normalizedKey
            #expect(Array(key.utf8) == Array(expected(text).lowercased().utf8) && again == key)
        }
    }

    @Test func keysOfVietnameseNamesAreLowerCased() {
        for name in ["UBND Xã HOẰNG TRINH", "Phòng Tư pháp", "ĐÔNG SƠN", "Ủy ban nhân dân", "PHÒNG NỘI VỤ", "abc DEF"] {
            for _ in 0..<2 {
                #expect(name.normalizedKey == name.precomposedStringWithCanonicalMapping.lowercased(), "\(name)")
            }
        }
        #expect("UBND Xã HOẰNG TRINH".normalizedKey == "ubnd xã hoằng trinh")
    }
}
