/// The arithmetic of ``DossierTable``'s open-addressing slots: where a hash's probe starts, how
/// an entry packs a dossier's index with a tag of its hash, and how many slots a number of
/// dossiers needs.
///
/// Why any count rather than a power of two: a power of two at most half full takes between
/// 8 and 16 bytes of slots a dossier (8 MiB for a million dossiers, 16 for 1.1 million), where
/// three-quarters full in the count needed takes 5.3. The probe's
/// start is the hash scaled onto the count (`hash × count / 2³²`), not masked; linear probing
/// three-quarters full meets about 8 slots for a new code, in one or two cache lines.
struct SlotIndex {
    /// How many slots there are.
    let count: Int
    /// How many low bits of an entry hold the dossier's index + 1: enough for `count`, which
    /// is more than the dossiers the slots may hold.
    let indexBits: Int
    /// The low `indexBits` bits.
    let mask: UInt32

    /// The slots of an empty table.
    static let smallest = 64

    init(count: Int) {
        self.count = count
        indexBits = Int.bitWidth - count.leadingZeroBitCount
        // `<<` past the width gives 0: a table of 2³² slots would keep no tag, and still work.
        mask = UInt32(truncatingIfNeeded: (1 as UInt64) << UInt64(indexBits) &- 1)
    }

    /// Whether `dossiers` fit in `count` slots: at most three-quarters full.
    static func holds(_ dossiers: Int, in count: Int) -> Bool { dossiers * 4 <= count * 3 }

    /// The slots for `dossiers`: three-quarters full, never fewer than ``smallest``.
    static func count(for dossiers: Int) -> Int { max(smallest, (dossiers * 4 + 2) / 3) }

    /// The slots a full table grows to: half as many again, so that it is between half and
    /// three-quarters full after growing.
    static func grown(_ count: Int) -> Int { count + count / 2 }

    /// The slot where the probe for `hash` starts: the hash's high bits, scaled.
    func home(_ hash: UInt32) -> Int { Int((UInt64(hash) &* UInt64(count)) >> 32) }

    /// The slot probed after `slot`.
    func next(_ slot: Int) -> Int { slot + 1 == count ? 0 : slot + 1 }

    /// The tag bits of `hash` as they sit in an entry: its low bits, above the index (the
    /// probe's start comes from the high ones, so the tag tells apart codes that share it).
    func tag(_ hash: UInt32) -> UInt32 { indexBits >= 32 ? 0 : hash << UInt32(indexBits) }

    /// The entry of dossier `index` whose code hashes to `hash`.
    func entry(index: Int, hash: UInt32) -> UInt32 { tag(hash) | UInt32(truncatingIfNeeded: index + 1) }
}
