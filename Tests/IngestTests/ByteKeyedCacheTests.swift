@testable import Ingest
import Testing

/// The byte-keyed cache: what it remembers is what a dictionary of the same keys holds, up to
/// its capacity, whatever the keys' lengths (empty, one word, long names) or hashes.
@Suite struct ByteKeyedCacheTests {
    private func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    @Test func remembersWhatADictionaryWouldUpToItsCapacity() {
        var generator = SystemRandomNumberGenerator()
        let capacity = 700
        var cache = ByteKeyedCache<Int>(capacity: capacity)
        var model: [String: Int] = [:]
        var computed = 0
        let long = String(repeating: "Phòng Nông nghiệp và Phát triển nông thôn ", count: 3)
        for step in 0..<20_000 {
            let n = Int.random(in: 0..<1_000, using: &generator)
            // Keys of every length: empty, short, at the eight-byte boundaries, long.
            let key = switch n % 4 {
            case 0: n == 0 ? "" : "\(n)"
            case 1: String(repeating: "x", count: n % 17) + "\(n)"
            case 2: long + "\(n)"
            default: "UBND xã \(n)"
            }
            let value = bytes(key) { key in
                cache.value(for: key) {
                    computed += 1
                    return step
                }
            }
            if let remembered = model[key] {
                #expect(value == remembered, "\(key)")
            } else {
                #expect(value == step)
                if model.count < capacity { model[key] = step }
            }
        }
        #expect(cache.count == capacity && model.count == capacity)
        #expect(computed > capacity, "keys past the capacity are computed every time")
        for (key, value) in model { #expect(bytes(key) { cache.lookup($0) } == value) }
        #expect(bytes("never seen") { cache.lookup($0) } == nil)
    }

    @Test func anInsertReplacesAndALookupFindsIt() {
        var cache = ByteKeyedCache<String?>(capacity: 4)
        bytes("Đã tiếp nhận") { cache.insert($0, "received") }
        bytes("") { cache.insert($0, nil) }
        #expect(bytes("Đã tiếp nhận") { cache.lookup($0) } == .some("received"))
        #expect(bytes("") { cache.lookup($0) } == .some(nil), "an empty key is a key")
        bytes("Đã tiếp nhận") { cache.insert($0, "again") }
        #expect(bytes("Đã tiếp nhận") { cache.lookup($0) } == .some("again"))
        #expect(cache.count == 2)
        #expect(bytes("Đã tiếp nhậ") { cache.lookup($0) } == nil, "a prefix is another key")
    }
}
