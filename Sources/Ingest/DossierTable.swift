/// Dossiers keyed by their code, in memory that grows with the number of dossiers only.
///
/// Why not `[String: Dossier]`: at a million dossiers that dictionary holds a million heap
/// strings and twice as many buckets (about 300 MB); building each key also costs a `String`
/// per row. Here codes live back to back in one byte arena, packed (``PackedCode``: about half
/// their bytes; ``CodeArena``), the dossiers in one array, and an open-addressing table of
/// 32-bit indexes finds them by the packed code's bytes (about 63 MB).
public struct DossierTable: Sendable {
    /// Every dossier, in the order its code was first seen.
    public private(set) var dossiers: [Dossier] = []
    /// Every code's ``PackedCode`` form, dossier `i`'s the `i`th.
    private var codes = CodeArena()
    /// How many dossiers are in `slots`: those after them were appended as known to be unique
    /// (``appendUnique(code:_:)``) and are indexed when a lookup first needs them.
    private var indexed = 0
    /// At most three-quarters full (``SlotIndex``): 0 is an empty slot; otherwise the low
    /// ``SlotIndex/indexBits`` hold the dossier's index + 1 and the bits above hold the low
    /// bits of its code's hash, a tag: a probe that meets another code rarely reads that code,
    /// and a new code (most rows) reads nothing but its slots, which ``warm(_:)`` may have
    /// fetched ahead.
    private var slots: [UInt32] = Array(repeating: 0, count: SlotIndex.smallest)
    /// Where ``warm(_:)`` leaves what it read, so that the reads are not optimised away.
    private var warmth: UInt32 = 0

    public init() {}

    /// An empty table with room for `capacity` dossiers and `codeBytes` bytes of packed codes.
    public init(reservingCapacity capacity: Int, codeBytes: Int = 0) {
        dossiers.reserveCapacity(capacity)
        codes.reserveCapacity(codes: capacity, bytes: codeBytes)
    }

    public var count: Int { dossiers.count }

    /// The code of dossier `index`.
    public func code(at index: Int) -> String {
        String(decoding: codes.withCode(at: index) { PackedCode.unpack($0) }, as: UTF8.self)
    }

    /// The dossier with `code`, if any.
    public func dossier(code: String) -> Dossier? {
        var code = code
        return code.withUTF8 { PackedCode.withPacked($0) { packed in
            if let found = find(packed, hash: Self.hash(packed: packed)).found { return dossiers[found] }
            // Not yet indexed: a lookup of one code (explain) scans the rest once.
            return codes.firstIndex(from: indexed) { Self.sameBytes($0, packed) }.map { dossiers[$0] }
        } }
    }

    /// Stores `dossier` under `code`: replaces the one held when `replace` says so (given it),
    /// adds it when the code is new. Returns true when the table changed.
    @discardableResult
    public mutating func upsert(code: UnsafeBufferPointer<UInt8>, _ dossier: Dossier,
                                replace: (Dossier) -> Bool = { _ in true }) -> Bool {
        upsert(code: code, hash: Self.hash(code), dossier, replace: replace)
    }

    /// ``upsert(code:_:replace:)`` with the code's ``hash(_:)`` worked out already (by the
    /// thread that read the row).
    @discardableResult
    public mutating func upsert(code: UnsafeBufferPointer<UInt8>, hash: UInt32, _ dossier: Dossier,
                                replace: (Dossier) -> Bool = { _ in true }) -> Bool {
        // Packed again here (the reading thread packed it to hash it): handing the packed bytes
        // over in the batch would cost the batch a copy of every code, and packing 18 bytes on
        // the stack did not show in the time (`perf stat`, alternated with the build before).
        PackedCode.withPacked(code) { upsert(packed: $0, hash: hash, dossier, replace: replace) }
    }

    /// ``upsert(code:hash:_:replace:)`` of a code in its ``PackedCode`` form.
    @discardableResult
    private mutating func upsert(packed code: UnsafeBufferPointer<UInt8>, hash: UInt32, _ dossier: Dossier,
                                 replace: (Dossier) -> Bool) -> Bool {
        indexAll()
        let (found, slot) = find(code, hash: hash)
        if let found {
            guard replace(dossiers[found]) else { return false }
            dossiers[found] = dossier
            return true
        }
        dossiers.append(dossier)
        codes.append(code)
        indexed = dossiers.count
        slots[slot] = SlotIndex(count: slots.count).entry(index: dossiers.count - 1, hash: hash)
        if !SlotIndex.holds(dossiers.count, in: slots.count) { rebuildSlots(count: SlotIndex.grown(slots.count)) }
        return true
    }

    /// Upserts every entry of `other`, in its order (``upsert(code:_:replace:)``, `replace`
    /// given the dossier held and the one offered).
    public mutating func upsert(contentsOf other: DossierTable, replace: (_ held: Dossier, _ offered: Dossier) -> Bool) {
        // A block's codes and hashes first, its slots fetched together, then its upserts.
        let blockSize = 512
        var block: [(code: UnsafeBufferPointer<UInt8>, hash: UInt32)] = []
        block.reserveCapacity(blockSize)
        func flush(endingAt end: Int) {
            indexAll()
            warm(block.lazy.map(\.hash))
            for (offset, entry) in block.enumerated() {
                let offered = other.dossiers[end - block.count + offset]
                upsert(packed: entry.code, hash: entry.hash, offered) { replace($0, offered) }
            }
            block.removeAll(keepingCapacity: true)
        }
        // Every block is upserted inside the pass, where its codes' bytes are valid.
        other.codes.forEach { index, code in
            block.append((code, Self.hash(packed: code)))
            if block.count == blockSize || index == other.count - 1 { flush(endingAt: index + 1) }
        }
    }

    /// Makes room in the index for `count` dossiers at once (a file's reader knows roughly how
    /// many rows are coming): the slots are not rebuilt, each time from every code, as the
    /// table grows. A smaller `count` than the table holds changes nothing.
    public mutating func reserveSlots(for count: Int) {
        // Never below what is held: codes appended un-indexed count too.
        let size = SlotIndex.count(for: max(count, dossiers.count))
        if size > slots.count { rebuildSlots(count: size) }
    }

    /// Reads the slots of codes with these hashes: called for a batch of rows before they are
    /// upserted, it lets the memory fetch their slots side by side instead of one row's at a
    /// time (the table is far larger than the caches). Changes nothing a caller can see.
    public mutating func warm(_ hashes: some Collection<UInt32>) {
        guard indexed == dossiers.count else { return }
        let index = SlotIndex(count: slots.count)
        var read: UInt32 = 0
        slots.withUnsafeBufferPointer { slots in
            for hash in hashes { read |= slots[index.home(hash)] }
        }
        warmth |= read
    }

    /// Appends `dossier` under `code`, which the caller knows is in no other entry (a store's
    /// current state holds one row per code): no lookup now, the code is indexed when a later
    /// ``upsert(code:_:replace:)`` needs it.
    public mutating func appendUnique(code: UnsafeBufferPointer<UInt8>, _ dossier: Dossier) {
        dossiers.append(dossier)
        PackedCode.withPacked(code) { codes.append($0) }
    }

    /// Appends every entry of `other`, whose codes the caller knows are in no entry here (the
    /// parts of a store's current state read side by side), in `other`'s order.
    public mutating func appendUnique(contentsOf other: DossierTable) {
        dossiers.append(contentsOf: other.dossiers)
        codes.append(contentsOf: other.codes)
    }

    /// Lets `body` change every dossier in place (a deadline filled from the catalogue); the
    /// codes stay as they are.
    public mutating func updateEach(_ body: (inout Dossier) -> Void) {
        for index in dossiers.indices { body(&dossiers[index]) }
    }

    /// Calls `body` with the code bytes and dossier of every entry.
    public func forEach(_ body: (UnsafeBufferPointer<UInt8>, Dossier) -> Void) {
        codes.forEach { index, packed in
            PackedCode.unpack(packed).withUnsafeBufferPointer { body($0, dossiers[index]) }
        }
    }

    // MARK: - Hashing

    private func find(_ code: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (found: Int?, slot: Int) {
        let index = SlotIndex(count: slots.count)
        return slots.withUnsafeBufferPointer { slots in
            let tag = index.tag(hash)
            var slot = index.home(hash)
            while true {
                let entry = slots[slot]
                if entry == 0 { return (nil, slot) }
                if entry & ~index.mask == tag {
                    let found = Int(entry & index.mask) - 1
                    if equalCode(found, code) { return (found, slot) }
                }
                slot = index.next(slot)
            }
        }
    }

    private func equalCode(_ index: Int, _ code: UnsafeBufferPointer<UInt8>) -> Bool {
        codes.withCode(at: index) { Self.sameBytes($0, code) }
    }

    private static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return b.isEmpty }
        return memcmp(left, right, b.count) == 0
    }

    /// Puts every appended code into `slots`.
    private mutating func indexAll() {
        guard indexed < dossiers.count else { return }
        rebuildSlots(count: max(slots.count, SlotIndex.count(for: dossiers.count)))
    }

    /// Slots for every dossier, `count` of them. The hashes are worked out again from the
    /// codes (the slots keep only part of each): a table reserved for its file grows a few
    /// times, each time in one pass over the codes.
    private mutating func rebuildSlots(count: Int) {
        // Freed first: the old slots and the new would otherwise both be held at the peak.
        slots = []
        var bigger = [UInt32](repeating: 0, count: count)
        let index = SlotIndex(count: count)
        bigger.withUnsafeMutableBufferPointer { bigger in
            codes.forEach { dossier, code in
                let hash = Self.hash(packed: code)
                var slot = index.home(hash)
                while bigger[slot] != 0 { slot = index.next(slot) }
                bigger[slot] = index.entry(index: dossier, hash: hash)
            }
        }
        slots = bigger
        indexed = dossiers.count
    }

    /// The hash a table files `code` under (``ByteHash`` of its ``PackedCode`` form: the low
    /// bits pick its slot, the high ones are its tag).
    public static func hash(_ code: UnsafeBufferPointer<UInt8>) -> UInt32 {
        PackedCode.withPacked(code) { hash(packed: $0) }
    }

    private static func hash(packed: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(truncatingIfNeeded: ByteHash.of(packed))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
