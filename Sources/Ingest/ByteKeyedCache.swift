#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers what a field's exact bytes mapped to, so that a value seen before (a unit name,
/// a status spelling) costs one hash and one compare instead of a `String`, a Unicode
/// normalisation and a dictionary lookup.
///
/// Bounded: past `capacity` distinct keys it stops remembering new ones (hostile input with a
/// different value on every row must not grow memory with the file).
public struct ByteKeyedCache<Value> {
    private var buckets: [UInt64: [(key: [UInt8], value: Value)]] = [:]
    public private(set) var count = 0
    public let capacity: Int

    public init(capacity: Int = 4096) { self.capacity = capacity }

    /// The value remembered for these bytes, if any.
    public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let entries = buckets[Self.hash(bytes)] else { return nil }
        for entry in entries where Self.equal(entry.key, bytes) { return entry.value }
        return nil
    }

    /// memcmp, not `elementsEqual`: the generic compare costs more than the hash.
    @inline(__always)
    private static func equal(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return key.isEmpty }
        return key.withUnsafeBufferPointer { own in
            guard let base = own.baseAddress else { return false }
            return memcmp(base, other, bytes.count) == 0
        }
    }

    /// Remembers `value` for these bytes (while under capacity).
    public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        guard count < capacity else { return }
        buckets[Self.hash(bytes), default: []].append((Array(bytes), value))
        count += 1
    }

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, orCompute compute: () -> Value) -> Value {
        let hash = Self.hash(bytes)
        if let entries = buckets[hash] {
            for entry in entries where Self.equal(entry.key, bytes) {
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
    /// FNV-1a over the length and at most the first and last 24 bytes: long keys (a
    /// procedure's name) cost no more than short ones; equal hashes are settled by memcmp.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        func mix(_ range: Range<Int>) {
            for i in range { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
        }
        if bytes.count <= 48 {
            mix(0..<bytes.count)
        } else {
            mix(0..<24)
            mix((bytes.count - 24)..<bytes.count)
        }
        return h
    }
}
