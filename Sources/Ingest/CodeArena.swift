/// Dossier codes in their ``PackedCode`` form, back to back in one byte array, found by their
/// index: each code behind its length, and where every eighth code begins.
///
/// Why not an end offset per code: that is 4 bytes a dossier (4 MB for a million); a length
/// byte per code and an offset per eight take 1.5. Finding code `i` reads at most seven
/// lengths past its block's start, all in the cache lines the codes share.
struct CodeArena: Sendable {
    /// Every code behind its length: one byte below ``longLength``, otherwise that byte and
    /// four more, little-endian.
    private var bytes: [UInt8] = []
    /// Where codes 0, 8, 16, … begin in `bytes`: 32 bits are plenty (4 GiB of codes would be
    /// some 200 million dossiers).
    private var blockStarts: [UInt32] = []
    /// How many codes are held.
    private(set) var count = 0

    private static let blockShift = 3
    private static let blockMask = 1 << blockShift - 1
    /// The length byte that says four bytes of length follow.
    private static let longLength: UInt8 = 0xFF

    init() {}

    /// Room for `codes` codes of `bytes` bytes in all.
    mutating func reserveCapacity(codes: Int, bytes byteCount: Int) {
        bytes.reserveCapacity(byteCount + codes)
        blockStarts.reserveCapacity(codes >> Self.blockShift + 1)
    }

    mutating func append(_ code: UnsafeBufferPointer<UInt8>) {
        if count & Self.blockMask == 0 { blockStarts.append(UInt32(truncatingIfNeeded: bytes.count)) }
        if code.count < Int(Self.longLength) {
            bytes.append(UInt8(code.count))
        } else {
            bytes.append(Self.longLength)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: code.count >> shift)) }
        }
        bytes.append(contentsOf: code)
        count += 1
    }

    /// Appends every code of `other`, in its order: its bytes at once, then the starts of the
    /// blocks they fall in here (the two arenas' blocks need not line up).
    mutating func append(contentsOf other: CodeArena) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        bytes.withUnsafeBufferPointer { all in
            var offset = base
            for _ in 0..<other.count {
                if count & Self.blockMask == 0 { blockStarts.append(UInt32(truncatingIfNeeded: offset)) }
                offset = Self.codeRange(at: offset, in: all).upperBound
                count += 1
            }
        }
    }

    /// Calls `body` with code `index`.
    func withCode<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            var offset = Int(blockStarts[index >> Self.blockShift])
            for _ in 0..<(index & Self.blockMask) { offset = Self.codeRange(at: offset, in: all).upperBound }
            return try body(UnsafeBufferPointer(rebasing: all[Self.codeRange(at: offset, in: all)]))
        }
    }

    /// The first index from `start` on whose code satisfies `predicate`: one pass from its
    /// block, not a block lookup per code (a code not yet indexed is looked for so).
    func firstIndex(from start: Int, where predicate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
        guard start < count else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            var offset = Int(blockStarts[start >> Self.blockShift])
            for _ in 0..<(start & Self.blockMask) { offset = Self.codeRange(at: offset, in: all).upperBound }
            for index in start..<count {
                let range = Self.codeRange(at: offset, in: all)
                if predicate(UnsafeBufferPointer(rebasing: all[range])) { return index }
                offset = range.upperBound
            }
            return nil
        }
    }

    /// Calls `body` with every code's index and bytes, in order: one pass, no block lookups.
    func forEach(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { all in
            var offset = 0
            for index in 0..<count {
                let range = Self.codeRange(at: offset, in: all)
                try body(index, UnsafeBufferPointer(rebasing: all[range]))
                offset = range.upperBound
            }
        }
    }

    /// The bytes of the code whose length is at `offset`.
    @inline(__always)
    private static func codeRange(at offset: Int, in all: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let first = all[offset]
        guard first == longLength else { return (offset + 1)..<(offset + 1 + Int(first)) }
        var length = 0
        for index in 0..<4 { length |= Int(all[offset + 1 + index]) << (8 * index) }
        return (offset + 5)..<(offset + 5 + length)
    }
}
