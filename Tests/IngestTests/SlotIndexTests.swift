@testable import Ingest
import Testing

/// The dossier table's slot arithmetic: slots of any count, three-quarters full at most, whose
/// entries keep every index they may hold apart from the tag.
@Suite struct SlotIndexTests {
    /// Counts around the sizes a table takes: the smallest, powers of two and their neighbours,
    /// what a million and ten million dossiers need, and the largest an entry can index.
    private static let counts = [64, 65, 95, 96, 127, 128, 129, 1_000, 1 << 20, (1 << 20) + 1,
                                 SlotIndex.count(for: 1_000_000), SlotIndex.count(for: 10_000_000), 1 << 31]

    @Test(arguments: counts)
    func everyIndexTheSlotsHoldIsKeptApartFromTheTag(count: Int) {
        let index = SlotIndex(count: count)
        // The most dossiers the slots hold, plus the one appended before they grow.
        let held = count * 3 / 4 + 1
        #expect(held < count, "the table never fills: a probe always meets an empty slot")
        for hash: UInt32 in [0, 1, 0x8000_0000, 0xFFFF_FFFF, 0x9E37_79B9] {
            for dossier in [0, 1, held - 1] {
                let entry = index.entry(index: dossier, hash: hash)
                #expect(entry != 0, "0 means an empty slot")
                #expect(Int(entry & index.mask) - 1 == dossier)
                #expect(entry & ~index.mask == index.tag(hash))
            }
            let home = index.home(hash)
            #expect(home >= 0 && home < count)
        }
        #expect(index.next(count - 1) == 0 && index.next(0) == 1)
    }

    @Test func homesSpreadOverTheWholeCount() {
        // Hash 0 starts at the first slot, the largest at the last: the scale covers every slot.
        for count in [64, 1_000, 1_398_102] {
            let index = SlotIndex(count: count)
            #expect(index.home(0) == 0)
            #expect(index.home(.max) == count - 1)
            #expect(index.home(0x8000_0000) == count / 2)
        }
    }

    @Test func tablesAreSizedThreeQuartersFullAndGrowByHalf() {
        #expect(SlotIndex.count(for: 0) == SlotIndex.smallest)
        #expect(SlotIndex.count(for: 48) == 64 && SlotIndex.count(for: 49) == 66)
        for dossiers in [1, 47, 48, 49, 1_000, 999_999, 1_000_000, 10_000_000] {
            let count = SlotIndex.count(for: dossiers)
            #expect(SlotIndex.holds(dossiers, in: count))
            // Not larger than it must be: one slot fewer would be over three-quarters full.
            if count > SlotIndex.smallest { #expect(!SlotIndex.holds(dossiers, in: count - 1)) }
        }
        // A million dossiers take 1,333,334 slots (5.1 MiB), not 2²¹ (8 MiB).
        #expect(SlotIndex.count(for: 1_000_000) == 1_333_334)
        // Grown when one more than three-quarters: half full after.
        #expect(SlotIndex.grown(1_000) == 1_500 && SlotIndex.holds(751, in: SlotIndex.grown(1_000)))
    }
}
