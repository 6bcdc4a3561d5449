/// Dossiers keyed by their code, in memory that grows with the number of dossiers only.
///
/// Why not `[String: Dossier]`: at a million dossiers that dictionary holds a million heap
/// strings and twice as many buckets (about 300 MB); building each key also costs a `String`
/// per row. Here codes live back to back in one byte arena, the dossiers in one array, and an
/// open-addressing table of 32-bit indexes finds them by the code's bytes (about 80 MB).
public struct DossierTable: Sendable {
    /// Every dossier, in the order its code was first seen.
    public private(set) var dossiers: [Dossier] = []
    private var codeBytes: [UInt8] = []
    /// Where each code ends in `codeBytes`: 32 bits are plenty (4 GiB of codes would be some
    /// 200 million dossiers) and halve this array.
    private var codeEnds: [UInt32] = []
    /// The hash of each indexed code: `hashes.count` dossiers are in `slots`; those after
    /// them were appended as known to be unique (``appendUnique(code:_:)``) and are indexed
    /// when a lookup first needs them.
    private var hashes: [UInt32] = []
    /// Index into `dossiers` + 1, or 0 for an empty slot. A power of two long, at most half full.
    private var slots: [UInt32] = Array(repeating: 0, count: 64)

    public init() {}

    /// An empty table with room for `capacity` dossiers and `codeBytes` bytes of codes.
    public init(reservingCapacity capacity: Int, codeBytes: Int = 0) {
        dossiers.reserveCapacity(capacity)
        codeEnds.reserveCapacity(capacity)
        self.codeBytes.reserveCapacity(codeBytes)
    }

    public var count: Int { dossiers.count }

    /// The code of dossier `index`.
    public func code(at index: Int) -> String {
        return String(decoding: codeBytes[codeRange(index)], as: UTF8.self)
    }

    /// The dossier with `code`, if any.
    public func dossier(code: String) -> Dossier? {
        var code = code
        return code.withUTF8 { bytes in
            if let found = find(bytes).found { return dossiers[found] }
            // Not yet indexed: a lookup of one code (explain) scans the rest once.
            return (hashes.count..<dossiers.count).first { equalCode($0, bytes) }.map { dossiers[$0] }
        }
    }

    /// Stores `dossier` under `code`: replaces the one held when `replace` says so (given it),
    /// adds it when the code is new. Returns true when the table changed.
    @discardableResult
    public mutating func upsert(code: UnsafeBufferPointer<UInt8>, _ dossier: Dossier,
                                replace: (Dossier) -> Bool = { _ in true }) -> Bool {
        indexAll()
        let (found, slot, hash) = find(code)
        if let found {
            guard replace(dossiers[found]) else { return false }
            dossiers[found] = dossier
            return true
        }
        dossiers.append(dossier)
        codeBytes.append(contentsOf: code)
        codeEnds.append(UInt32(truncatingIfNeeded: codeBytes.count))
        hashes.append(hash)
        slots[slot] = UInt32(dossiers.count)
        if dossiers.count * 2 > slots.count { grow() }
        return true
    }

    /// Appends `dossier` under `code`, which the caller knows is in no other entry (a store's
    /// current state holds one row per code): no lookup now, the code is indexed when a later
    /// ``upsert(code:_:replace:)`` needs it.
    public mutating func appendUnique(code: UnsafeBufferPointer<UInt8>, _ dossier: Dossier) {
        dossiers.append(dossier)
        codeBytes.append(contentsOf: code)
        codeEnds.append(UInt32(truncatingIfNeeded: codeBytes.count))
    }

    /// Appends every entry of `other`, whose codes the caller knows are in no entry here (the
    /// parts of a store's current state read side by side), in `other`'s order.
    public mutating func appendUnique(contentsOf other: DossierTable) {
        let base = UInt32(truncatingIfNeeded: codeBytes.count)
        dossiers.append(contentsOf: other.dossiers)
        codeBytes.append(contentsOf: other.codeBytes)
        let first = codeEnds.count
        codeEnds.append(contentsOf: other.codeEnds)
        // In place: a lazy map appended element by element cost ten times the copy.
        codeEnds.withUnsafeMutableBufferPointer { ends in
            for index in first..<ends.count { ends[index] &+= base }
        }
    }

    /// Lets `body` change every dossier in place (a deadline filled from the catalogue); the
    /// codes stay as they are.
    public mutating func updateEach(_ body: (inout Dossier) -> Void) {
        for index in dossiers.indices { body(&dossiers[index]) }
    }

    /// Calls `body` with the code bytes and dossier of every entry.
    public func forEach(_ body: (UnsafeBufferPointer<UInt8>, Dossier) -> Void) {
        codeBytes.withUnsafeBufferPointer { all in
            for index in dossiers.indices {
                body(UnsafeBufferPointer(rebasing: all[codeRange(index)]), dossiers[index])
            }
        }
    }

    private func codeRange(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : Int(codeEnds[index - 1]))..<Int(codeEnds[index])
    }

    // MARK: - Hashing

    private func find(_ code: UnsafeBufferPointer<UInt8>) -> (found: Int?, slot: Int, hash: UInt32) {
        let hash = Self.hash(code)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (nil, slot, hash) }
            let index = Int(entry) - 1
            if hashes[index] == hash, equalCode(index, code) { return (index, slot, hash) }
            slot = (slot + 1) & mask
        }
    }

    private func equalCode(_ index: Int, _ code: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = codeRange(index)
        let (start, end) = (range.lowerBound, range.upperBound)
        guard end - start == code.count else { return false }
        return codeBytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let other = code.baseAddress else { return code.isEmpty }
            return memcmp(base + start, other, code.count) == 0
        }
    }

    /// Puts every appended code into `slots`.
    private mutating func indexAll() {
        guard hashes.count < dossiers.count else { return }
        let fresh = codeBytes.withUnsafeBufferPointer { all in
            (hashes.count..<dossiers.count).map { Self.hash(UnsafeBufferPointer(rebasing: all[codeRange($0)])) }
        }
        hashes.append(contentsOf: fresh)
        var size = slots.count
        while dossiers.count * 2 > size { size *= 2 }
        rebuildSlots(count: size)
    }

    private mutating func grow() {
        rebuildSlots(count: slots.count * 2)
    }

    private mutating func rebuildSlots(count: Int) {
        var bigger = [UInt32](repeating: 0, count: count)
        let mask = bigger.count - 1
        for index in dossiers.indices {
            var slot = Int(hashes[index]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = UInt32(index + 1)
        }
        slots = bigger
    }

    /// FNV-1a over the bytes, then a multiply-xorshift finaliser so that codes differing only
    /// in their last digits spread over the whole table.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
