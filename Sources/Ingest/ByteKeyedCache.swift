/// Remembers what a field's exact bytes mapped to, so that a value seen before (a unit name,
/// a status spelling) costs one hash and one compare instead of a `String`, a Unicode
/// normalisation and a dictionary lookup.
///
/// Bounded: past `capacity` distinct keys it stops remembering new ones (hostile input with a
/// different value on every row must not grow memory with the file).
struct ByteKeyedCache<Value> {
    private var buckets: [UInt64: [(key: [UInt8], value: Value)]] = [:]
    private(set) var count = 0
    let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, orCompute compute: () -> Value) -> Value {
        let hash = Self.hash(bytes)
        if let entries = buckets[hash] {
            for entry in entries where entry.key.elementsEqual(bytes) {
                return entry.value
            }
        }
        let value = compute()
        if count < capacity {
            buckets[hash, default: []].append((Array(bytes), value))
            count += 1
        }
        return value
    }

    /// FNV-1a: fast on the short strings this cache holds.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return h
    }
}
