/// Streaming UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
///
/// Why not the standard library's `String(validating:)`: it can only validate by building a
/// `String`, which copies every chunk. Here a deterministic automaton reads one byte per table
/// look-up, with no branch on the byte (a shift-based DFA: each state is a bit offset into the
/// byte's 64-bit row of next states), and skips ASCII eight bytes at a time between sequences.
/// Vietnamese text puts a multi-byte letter in most words, so the automaton, not the ASCII
/// skip, is what a file mostly costs. `UTF8ValidationTests` checks it against the standard
/// library's decoder on random and hand-picked inputs: validity and the offset of the first
/// invalid sequence, whatever the chunking.
struct UTF8Validator {
    /// Where the first invalid sequence starts (in the offsets `feed` was given).
    private(set) var invalidOffset: Int?
    /// Offset of the next byte fed.
    private var offset = 0
    /// The automaton's state after the last byte fed.
    private var state = State.accept
    /// Where the sequence under way started, when one is (it may have started in an earlier chunk).
    private var sequenceStart = 0

    var isValid: Bool { invalidOffset == nil }

    /// Validates the next chunk, which starts at `offset` (by default, where the last one
    /// ended); a sequence may straddle chunks.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int? = nil) {
        if let offset { self.offset = offset }
        let chunkStart = self.offset
        self.offset += bytes.count
        guard isValid, let base = bytes.baseAddress else { return }
        if let end = Self.twoLanes(base, count: bytes.count, from: state) {
            self.state = end
            if end != State.accept { sequenceStart = leadOffset(base, before: bytes.count, chunkStart: chunkStart) }
            return
        }
        let n = bytes.count
        var state = self.state
        var i = 0
        Self.table.withUnsafeBufferPointer { table in
            while i < n {
                if state == State.accept {
                    while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                    }
                }
                // Sixteen bytes without a test: the error state never leaves, so one test
                // after them tells whether any failed (then they are read again, one by one).
                let stop = min(n, i + 16)
                // `&>>` shifts by the count's low six bits, which hold the state: the other bits
                // of the row it came from need no masking, and a byte costs one shift.
                var next = state
                for k in i..<stop { next = table[Int(base[k])] &>> next }
                next &= 63
                if next != State.error {
                    state = next
                    i = stop
                    continue
                }
                for k in i..<stop {
                    let before = state
                    state = (table[Int(base[k])] >> state) & 63
                    if state == State.error {
                        invalidOffset = before == State.accept ? chunkStart + k : leadOffset(base, before: k, chunkStart: chunkStart)
                        return
                    }
                }
            }
        }
        guard isValid else { return }
        if state != State.accept { sequenceStart = leadOffset(base, before: n, chunkStart: chunkStart) }
        self.state = state
    }

    /// The state after a chunk read as two halves side by side, when it holds no invalid
    /// sequence (nil otherwise, or when the chunk is too short to halve: the caller reads it
    /// again byte by byte, to find where). The automaton waits a cycle for each byte's state
    /// before the next; two chains of bytes, one from each half, keep the core busy while
    /// either waits. The second half starts at a byte that is no continuation byte, where a
    /// valid text is between sequences: so the first half must end in `accept`.
    private static func twoLanes(_ base: UnsafePointer<UInt8>, count n: Int, from start: UInt64) -> UInt64? {
        guard n >= 256 else { return nil }
        var middle = n / 2
        while middle < n / 2 + 4, base[middle] & 0xC0 == 0x80 { middle += 1 }
        guard base[middle] & 0xC0 != 0x80 else { return nil }
        let second = base + middle
        let steps = min(middle, n - middle)
        return table.withUnsafeBufferPointer { table in
            var (a, b) = (start, State.accept)
            var k = 0
            while k < steps {
                let stop = min(steps, k + 16)
                while k < stop {
                    a = table[Int(base[k])] &>> a
                    b = table[Int(second[k])] &>> b
                    k += 1
                }
                if a & 63 == State.error || b & 63 == State.error { return nil }
            }
            // One half is longer than the other by at most a few bytes.
            for j in steps..<middle { a = table[Int(base[j])] &>> a }
            for j in steps..<(n - middle) { b = table[Int(second[j])] &>> b }
            let (endA, endB) = (a & 63, b & 63)
            guard endA == State.accept, endB != State.error else { return nil }
            return endB
        }
    }

    /// Call at the end of the input: a sequence left open makes the text invalid.
    mutating func finish() -> Bool {
        if isValid, state != State.accept { invalidOffset = sequenceStart }
        return isValid
    }

    /// The offset of the lead byte of the sequence under way before index `end` of a chunk:
    /// the bytes after it were continuation bytes; it may lie in an earlier chunk.
    private func leadOffset(_ base: UnsafePointer<UInt8>, before end: Int, chunkStart: Int) -> Int {
        var k = end - 1
        while k >= 0, base[k] & 0xC0 == 0x80 { k -= 1 }
        return k >= 0 ? chunkStart + k : sequenceStart
    }

    /// The automaton's states, as bit offsets into a row of ``table``.
    private enum State {
        static let accept: UInt64 = 0
        static let error: UInt64 = 6
        /// One, two or three continuation bytes to go.
        static let tail1: UInt64 = 12
        static let tail2: UInt64 = 18
        static let tail3: UInt64 = 24
        /// After E0 (the next byte A0–BF), ED (80–9F), F0 (90–BF), F4 (80–8F).
        static let afterE0: UInt64 = 30
        static let afterED: UInt64 = 36
        static let afterF0: UInt64 = 42
        static let afterF4: UInt64 = 48
        static let all = [accept, error, tail1, tail2, tail3, afterE0, afterED, afterF0, afterF4]
    }

    /// For each byte, the next state of every state (six bits at the state's offset).
    private static let table: [UInt64] = (0..<256).map { byte in
        State.all.reduce(UInt64(0)) { row, state in row | next(state, UInt8(byte)) << state }
    }

    /// RFC 3629's table 3-7 of well-formed sequences, one byte at a time.
    private static func next(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        switch state {
        case State.accept:
            switch byte {
            case 0x00...0x7F: return State.accept
            case 0xC2...0xDF: return State.tail1
            case 0xE0: return State.afterE0
            case 0xED: return State.afterED
            case 0xE1...0xEF: return State.tail2
            case 0xF0: return State.afterF0
            case 0xF4: return State.afterF4
            case 0xF1...0xF3: return State.tail3
            default: return State.error
            }
        case State.tail1, State.tail2, State.tail3:
            guard byte & 0xC0 == 0x80 else { return State.error }
            return state == State.tail1 ? State.accept : state == State.tail2 ? State.tail1 : State.tail2
        case State.afterE0: return (0xA0...0xBF).contains(byte) ? State.tail1 : State.error
        case State.afterED: return (0x80...0x9F).contains(byte) ? State.tail1 : State.error
        case State.afterF0: return (0x90...0xBF).contains(byte) ? State.tail2 : State.error
        case State.afterF4: return (0x80...0x8F).contains(byte) ? State.tail2 : State.error
        default: return State.error
        }
    }
}
