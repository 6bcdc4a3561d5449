import TestSupport
import Testing
@testable import Ingest

@Suite struct UTF8ValidationTests {
    private func validate(_ bytes: [UInt8], chunk: Int) -> Bool {
        var validator = UTF8Validator()
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { validator.feed($0) }
            start = end
        }
        return validator.finish()
    }

    /// Hand-picked edge cases: overlongs, surrogates, past U+10FFFF, truncated sequences.
    @Test(arguments: [
        ([0x41], true), ([0xC3, 0xA0], true), ([0xE1, 0xBB, 0x93], true), ([0xF0, 0x9D, 0x94, 0xB8], true),
        ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xE0, 0x80, 0x80], false), ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false), ([0x80], false), ([0xC3], false),
        ([0xE1, 0xBB], false), ([0xFF], false), ([0xEF, 0xBF, 0xBF], true), ([0xF4, 0x8F, 0xBF, 0xBF], true),
    ] as [([UInt8], Bool)])
    func edgeCases(bytes: [UInt8], valid: Bool) {
        for chunk in 1...4 {
            #expect(validate(bytes, chunk: chunk) == valid)
            #expect(validate(Array("ab".utf8) + bytes + Array("cdefghijkl".utf8), chunk: chunk) == valid)
        }
    }

    /// Agrees with the standard library on random byte strings, whatever the chunking.
    @Test func agreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 0x5eed)
        let alphabet: [UInt8] = [0x41, 0x20, 0x80, 0xA0, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x90, 0x8F]
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 24)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(validate(bytes, chunk: 1 + Int(rng.next() % 9)) == expected, "\(bytes)")
        }
    }
}
