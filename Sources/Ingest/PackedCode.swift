/// The form a ``DossierTable`` keeps a dossier code in: about half its bytes, because codes are
/// mostly digits and separators ("H45.9-2022-0000001", "000.00.12.H12-231005-0001").
///
/// Each byte of the code becomes a 4-bit nibble, high nibble first: a digit is itself, `-`
/// is 10, `.` 11, `/` 12, `_` 13; any other byte is 14 followed by its two nibbles. An odd
/// count of nibbles ends with 15. A code that this would not shorten (letters, words) is kept
/// as it is behind a 0xFF byte, which no packed code starts with (15 only ever ends one), so
/// a code never takes more than one byte over its length.
///
/// The form is a function of the code and no two codes share one: comparing packed codes
/// byte for byte is comparing the codes, and hashing them is as good as hashing the codes.
enum PackedCode {
    /// The byte a code kept unpacked starts with.
    static let verbatim: UInt8 = 0xFF
    private static let escape: UInt8 = 14
    private static let pad: UInt8 = 15
    private static let alphabet: [UInt8] = Array("0123456789-./_".utf8)

    /// The nibble of an alphabet byte, or `escape`. Arithmetic rather than a table: `-./` are
    /// the three bytes before `0`.
    @inline(__always)
    private static func nibble(_ byte: UInt8) -> UInt8 {
        let digit = byte &- 0x30
        if digit < 10 { return digit }
        let separator = byte &- 0x2D
        if separator < 3 { return separator &+ 10 }
        return byte == 0x5F ? 13 : escape
    }

    /// The most bytes the packed form of a code of `count` bytes takes, and the room
    /// ``pack(_:into:)`` needs.
    static func capacity(for count: Int) -> Int { count + 2 }

    /// Writes the packed form of `code` at the start of `out` (``capacity(for:)`` bytes at
    /// least) and returns its length.
    static func pack(_ code: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        // Nibbles go out high first; `half` says a high nibble waits in `word`. A packed form
        // longer than the code is abandoned for the code itself.
        var length = 0
        var word: UInt8 = 0
        var half = false
        for byte in code {
            let nibble = nibble(byte)
            if nibble != escape {
                if half {
                    out[length] = word | nibble
                    length += 1
                } else {
                    word = nibble << 4
                }
                half.toggle()
            } else if half {
                // The escape completes the waiting byte; the byte's two nibbles make the next.
                out[length] = word | escape
                out[length + 1] = byte
                length += 2
                half = false
            } else {
                out[length] = escape << 4 | byte >> 4
                length += 1
                word = byte << 4
                half = true
            }
            if length > code.count { return keepVerbatim(code, into: out) }
        }
        if half {
            out[length] = word | pad
            length += 1
        }
        return length > code.count ? keepVerbatim(code, into: out) : length
    }

    private static func keepVerbatim(_ code: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        out[0] = verbatim
        for (index, byte) in code.enumerated() { out[index + 1] = byte }
        return code.count + 1
    }

    /// Calls `body` with the packed form of `code`, built on the stack for a code of common
    /// length.
    static func withPacked<R>(_ code: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity(for: code.count)) { out in
            let length = pack(code, into: out)
            return try body(UnsafeBufferPointer(rebasing: out[..<length]))
        }
    }

    /// Appends the packed form of `code` to `bytes`.
    static func append(_ code: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        withPacked(code) { bytes.append(contentsOf: $0) }
    }

    /// The code a packed form stands for.
    static func unpack(_ packed: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let first = packed.first else { return [] }
        if first == verbatim { return Array(packed.dropFirst()) }
        var code: [UInt8] = []
        code.reserveCapacity(packed.count * 2)
        // How many nibbles of an escaped byte are still to come (2, 1, or 0: none).
        var escaped = 0
        var byte: UInt8 = 0
        for index in 0..<packed.count * 2 {
            let nibble = index % 2 == 0 ? packed[index / 2] >> 4 : packed[index / 2] & 0x0F
            if escaped > 0 {
                byte = byte << 4 | nibble
                escaped -= 1
                if escaped == 0 { code.append(byte) }
            } else if nibble == escape {
                escaped = 2
                byte = 0
            } else if nibble != pad {
                code.append(alphabet[Int(nibble)])
            }
        }
        return code
    }
}
