import CCSV

/// Whether libcsv may read a segment with its own test for white space.
///
/// Spaces are data here (values are trimmed later, by the rules that read them), so the reader
/// gives libcsv a space test that says no to every byte. But libcsv calls that function for
/// every byte of an unquoted field, and the call costs a tenth of reading a file. Its own test
/// (a space or a tab) is inline and free, and reads differently only at a space or tab
/// - where a field starts (after a delimiter outside quotes, at a line start, or at the
///   segment's start): it skips it, and a quote after it opens a quoted field;
/// - at the end of a run of them just before a delimiter outside quotes, a line break or the
///   end of the input: it drops the run, even after a closing quote (`"a" ,`, which ours
///   rejects as a malformed quote; anywhere else after a closing quote both reject the record).
/// So a segment is read with libcsv's own test when no space or tab is at its first or last
/// byte (line break aside) or next to a delimiter outside quotes, and the delimiter is neither
/// a space nor a tab; anywhere else with ours. The records, fields, faults and raw texts are
/// the same, byte for byte: `CSVReaderTests.libcsvsSpaceTestReadsAsOurs` reads random texts
/// both ways, in chunks that cut segments anywhere.
struct SpaceScan {
    /// The delimiter, one in every byte.
    private let delimiterBytes: UInt64
    /// False for a tab or space delimiter: libcsv's own test would take it for a space.
    let isUsable: Bool

    init(delimiter: UInt8) {
        delimiterBytes = Self.ones &* UInt64(delimiter)
        isUsable = delimiter != 0x09 && delimiter != 0x20
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of every byte of `word` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }

    @inline(__always)
    private static func bytes(of word: UInt64, equalTo pattern: UInt64) -> UInt64 {
        zeroBytes(word ^ pattern)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether libcsv reads `bytes` (a segment: up to and including one line break) with its
    /// own space test exactly as with ours, starting in `pstate` (a quoted field's or not).
    func isInert(_ bytes: UnsafeBufferPointer<UInt8>, pstate: Int32, quoted: Bool) -> Bool {
        guard isUsable, pstate <= 2, let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        let n = bytes.count
        // The last byte before the line break (segments hold one, at their end).
        var last = n - 1
        while last > 0, base[last] == 0x0A || base[last] == 0x0D { last -= 1 }
        if Self.isSpace(base[last]) { return false }

        // Eight bytes at a time. A byte's high bit marks it in each mask; a quote's parity is
        // carried from word to word as all high bits or none.
        var inside: UInt64 = pstate == 2 && quoted ? Self.highs : 0
        // The last byte of the previous word, moved to the first: a space, or a delimiter
        // outside quotes. The segment's start counts as such a delimiter.
        var previousSpace: UInt64 = 0
        var previousEdge: UInt64 = 0x80
        let spaces = Self.ones &* 0x20, tabs = Self.ones &* 0x09, quotes = Self.ones &* 0x22
        var i = 0
        while i < n {
            var word: UInt64 = 0
            if i + 8 <= n {
                // Byte k of the segment in bits 8k…8k+7, whatever the machine's byte order.
                word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            } else {
                for k in 0..<(n - i) { word |= UInt64(base[i + k]) << (8 * UInt64(k)) }
            }
            let space = Self.bytes(of: word, equalTo: spaces) | Self.bytes(of: word, equalTo: tabs)
            let quote = Self.bytes(of: word, equalTo: quotes)
            var delimiter = Self.bytes(of: word, equalTo: delimiterBytes)
            if quote | inside != 0 {
                // Prefix parity of the quotes: a byte is inside quotes after an odd number.
                var parity = quote
                parity ^= parity << 8
                parity ^= parity << 16
                parity ^= parity << 32
                parity ^= inside
                delimiter &= ~parity
                inside = (0 &- (parity >> 63)) & Self.highs
            }
            if space & ((delimiter << 8) | previousEdge) != 0 || delimiter & ((space << 8) | previousSpace) != 0 {
                return false
            }
            previousSpace = space >> 56
            previousEdge = delimiter >> 56
            i += 8
        }
        return true
    }
}
