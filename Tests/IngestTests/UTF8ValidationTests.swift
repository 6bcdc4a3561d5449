import TestSupport
import Testing
@testable import Ingest

@Suite struct UTF8ValidationTests {
    private func validate(_ bytes: [UInt8], chunk: Int) -> Bool {
        firstInvalid(bytes, chunk: chunk) == nil
    }

    /// Where the validator finds the first invalid sequence, fed `chunk` bytes at a time.
    private func firstInvalid(_ bytes: [UInt8], chunk: Int) -> Int? {
        var validator = UTF8Validator()
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBufferPointer { validator.feed($0) }
            start = end
        }
        _ = validator.finish()
        return validator.invalidOffset
    }

    /// Where the standard library's decoder meets its first error: the offset of the first
    /// byte of the first invalid sequence.
    private func standardFirstInvalid(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
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

    /// The offset of the first invalid sequence (what the error's line is counted from) is the
    /// standard library's, on longer strings with ASCII runs (the eight-byte skip and the
    /// sixteen-byte blocks), whatever the chunking.
    @Test func firstInvalidOffsetIsTheStandardLibrarys() {
        var rng = SplitMix64(seed: 0x0ff5e7)
        let alphabet: [UInt8] = [0x41, 0x41, 0x41, 0x20, 0x80, 0xA0, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4,
                                 0xF5, 0xFF, 0x90, 0x8F, 0xBB, 0xA1]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) {
                bytes += Array(repeating: 0x61, count: Int(rng.next() % 20))
                bytes += (0..<Int(rng.next() % 4)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                if rng.next() % 3 == 0 { bytes += [0xE1, 0xBB, 0x93] }
            }
            let chunk = 1 + Int(rng.next() % 40)
            #expect(firstInvalid(bytes, chunk: chunk) == standardFirstInvalid(bytes), "\(bytes) by \(chunk)")
        }
    }

    /// Chunks long enough to be read as two halves side by side: valid Vietnamese text cut
    /// anywhere (a sequence across the middle or the chunk's end), and the same with one byte
    /// changed, agree with the standard library on the first invalid offset.
    @Test func longChunksReadInTwoHalvesAgree() {
        var rng = SplitMix64(seed: 0x7a0e5)
        let words = ["Thủ tục", "công nhận", "tổ hợp tác", "UBND xã Hoằng Phụ", "H45.9-2022-0000001", ",", "\n",
                     "Chứng thực chữ ký", "𝕏", "Đ", "ạ"].map { Array($0.utf8) }
        let odd: [UInt8] = [0x80, 0xBF, 0xC0, 0xE0, 0xED, 0xF4, 0xF5, 0xFF, 0x41]
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            while bytes.count < 300 + Int(rng.next() % 1_500) {
                bytes += words[Int(rng.next() % UInt64(words.count))]
                bytes.append(0x20)
            }
            if round % 2 == 1 { bytes[Int(rng.next() % UInt64(bytes.count))] = odd[Int(rng.next() % UInt64(odd.count))] }
            let chunk = 256 + Int(rng.next() % 1_200)
            #expect(firstInvalid(bytes, chunk: chunk) == standardFirstInvalid(bytes), "round \(round) by \(chunk)")
        }
    }
}
