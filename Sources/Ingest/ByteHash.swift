/// A hash of a short run of bytes (a dossier code, a unit name, a status word) for the tables
/// that find things by their bytes (``DossierTable``, ``ByteKeyedCache``).
///
/// Eight bytes at a time, then MurmurHash3's finaliser, so that keys differing in one byte
/// anywhere (codes that differ in their last digit) differ all over the 64 bits: a table may
/// take its slot from the low bits and a tag from the high ones. Not for adversaries: equal
/// hashes are always settled by comparing the bytes.
@usableFromInline enum ByteHash {
    @usableFromInline static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var h = UInt64(truncatingIfNeeded: count) &* 0x9e37_79b9_7f4a_7c15
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            h = (h ^ word) &* 0xff51_afd7_ed55_8ccd
            h ^= h >> 32
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(raw.load(fromByteOffset: offset, as: UInt8.self)) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ tail) &* 0xff51_afd7_ed55_8ccd
        }
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
