/// Streaming UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
///
/// Why not the standard library's `String(validating:)`: it can only validate by building a
/// `String`, which copies every chunk and, on exports that are mostly ASCII, costs three times
/// this loop with its eight-bytes-at-a-time ASCII skip. `UTF8ValidationTests` checks the two
/// agree on random and hand-picked inputs.
struct UTF8Validator {
    /// Bytes of an incomplete sequence at the end of the last chunk.
    private var pending: [UInt8] = []
    /// Where the first invalid sequence starts (in the offsets `feed` was given).
    private(set) var invalidOffset: Int?
    /// Offset of the next byte fed.
    private var offset = 0

    var isValid: Bool { invalidOffset == nil }

    /// Validates the next chunk, which starts at `offset` (by default, where the last one
    /// ended); a sequence may straddle chunks.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int? = nil) {
        if let offset { self.offset = offset }
        let chunkStart = self.offset
        self.offset += bytes.count
        guard isValid, let base = bytes.baseAddress else { return }
        func fail(_ at: Int) { invalidOffset = at }
        var i = 0
        if !pending.isEmpty {
            // Complete the straddling sequence with up to three bytes of this chunk.
            let needed = Self.sequenceLength(pending[0]) - pending.count
            let take = min(needed, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            i = take
            if pending.count < Self.sequenceLength(pending[0]) { return }
            if pending.withUnsafeBufferPointer({ Self.validSequence($0, at: 0) }) != pending.count {
                fail(chunkStart - (pending.count - take))
                return
            }
            pending.removeAll()
        }
        let n = bytes.count
        while i < n {
            // Skip ASCII eight bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            if base[i] < 0x80 {
                i += 1
                continue
            }
            let length = Self.sequenceLength(base[i])
            if length == 0 {
                fail(chunkStart + i)
                return
            }
            if i + length > n {
                pending = Array(bytes[i..<n])
                // Reject early what can never become valid.
                let prefix = pending.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
                if !prefix { fail(chunkStart + i) }
                return
            }
            let consumed = Self.validSequence(bytes, at: i)
            if consumed == 0 {
                fail(chunkStart + i)
                return
            }
            i += consumed
        }
    }

    /// Call at the end of the input: a sequence left open makes the text invalid.
    mutating func finish() -> Bool {
        if !pending.isEmpty, isValid { invalidOffset = offset - pending.count }
        return isValid
    }

    /// Length announced by a lead byte, 0 for a byte that cannot lead.
    @inline(__always)
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// Length of the valid sequence at `i`, or 0.
    @inline(__always)
    private static func validSequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = b[i]
        func cont(_ k: Int) -> Bool { b[i + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            let second = b[i + 1]
            let secondOK = lead == 0xE0 ? (0xA0...0xBF).contains(second)
                : lead == 0xED ? (0x80...0x9F).contains(second)
                : second & 0xC0 == 0x80
            return secondOK && cont(2) ? 3 : 0
        case 0xF0...0xF4:
            let second = b[i + 1]
            let secondOK = lead == 0xF0 ? (0x90...0xBF).contains(second)
                : lead == 0xF4 ? (0x80...0x8F).contains(second)
                : second & 0xC0 == 0x80
            return secondOK && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
