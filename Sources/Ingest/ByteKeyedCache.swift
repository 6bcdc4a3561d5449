#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers what a field's exact bytes mapped to, so that a value seen before (a unit name,
/// a status spelling) costs one hash and one compare instead of a `String`, a Unicode
/// normalisation and a dictionary lookup.
///
/// Flat, so that a look-up (several a row) retains nothing: the keys' bytes back to back in
/// one array, an entry per key, and an open-addressing table of entry numbers found by
/// ``ByteHash``. A `Dictionary` of arrays of keys cost a hash of the hash and a retain and
/// release of every array it touched.
///
/// Bounded: past `capacity` distinct keys it stops remembering new ones (hostile input with a
/// different value on every row must not grow memory with the file).
public struct ByteKeyedCache<Value> {
    // Inlinable, with what it touches: the stores look values up per row from another module,
    // where an unspecialised generic call costs a metadata look-up (a lock) each time.
    @usableFromInline struct Entry {
        @usableFromInline var hash: UInt64
        @usableFromInline var end: Int
        @usableFromInline var value: Value

        @inlinable init(hash: UInt64, end: Int, value: Value) {
            self.hash = hash
            self.end = end
            self.value = value
        }
    }

    @usableFromInline var keyBytes: [UInt8] = []
    @usableFromInline var entries: [Entry] = []
    /// Entry number + 1, or 0 for an empty slot; a power of two long, at most half full.
    @usableFromInline var slots = [Int32](repeating: 0, count: 16)
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// Keys remembered.
    public var count: Int { entries.count }

    /// The value remembered for these bytes, if any.
    @inlinable public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        find(bytes, hash: ByteHash.of(bytes)).entry.map { entries[$0].value }
    }

    /// Remembers `value` for these bytes (while under capacity).
    @inlinable public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        let hash = ByteHash.of(bytes)
        let (entry, slot) = find(bytes, hash: hash)
        if let entry {
            entries[entry].value = value
        } else {
            add(bytes, hash: hash, value, at: slot)
        }
    }

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, orCompute compute: () -> Value) -> Value {
        let hash = ByteHash.of(bytes)
        let (entry, slot) = find(bytes, hash: hash)
        if let entry { return entries[entry].value }
        let value = compute()
        add(bytes, hash: hash, value, at: slot)
        return value
    }

    @inlinable func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (entry: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { keys in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let number = Int(slots[slot]) - 1
                        if number < 0 { return (nil, slot) }
                        let entry = entries[number]
                        let start = number == 0 ? 0 : entries[number - 1].end
                        if entry.hash == hash, entry.end - start == bytes.count {
                            guard let key = keys.baseAddress, let other = bytes.baseAddress else { return (number, slot) }
                            if memcmp(key + start, other, bytes.count) == 0 { return (number, slot) }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    @inlinable mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, _ value: Value, at slot: Int) {
        guard entries.count < capacity else { return }
        keyBytes.append(contentsOf: bytes)
        entries.append(Entry(hash: hash, end: keyBytes.count, value: value))
        slots[slot] = Int32(entries.count)
        guard entries.count * 2 > slots.count else { return }
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(number + 1)
        }
        slots = bigger
    }
}
