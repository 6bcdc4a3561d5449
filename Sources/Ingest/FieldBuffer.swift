#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fields of CSV records, back to back: their bytes, and where each field ends.
///
/// Manually managed memory rather than two arrays: libcsv hands over every field through a
/// callback, and `Array.append(contentsOf:)` plus its uniqueness checks cost more than the
/// copy itself. One buffer is reused for the whole file (the reader and the record swap two).
/// Field ends are 32-bit: a buffer holds a batch of records of at most 16 MiB each, and a
/// record of nothing but delimiters has as many fields as bytes.
final class FieldBuffer: @unchecked Sendable {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCount = 0
    private var byteCapacity: Int
    private(set) var ends: UnsafeMutablePointer<UInt32>
    private(set) var fieldCount = 0
    private var fieldCapacity: Int

    init(byteCapacity: Int = 4096, fieldCapacity: Int = 64) {
        self.byteCapacity = byteCapacity
        self.fieldCapacity = fieldCapacity
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    /// Appends one field.
    @inline(__always)
    func append(_ field: UnsafeRawPointer?, count: Int) {
        if byteCount + count > byteCapacity { growBytes(to: byteCount + count) }
        if let field, count > 0 { memcpy(bytes + byteCount, field, count) }
        byteCount += count
        if fieldCount == fieldCapacity { growFields() }
        ends[fieldCount] = UInt32(truncatingIfNeeded: byteCount)
        fieldCount += 1
    }

    func removeAll() {
        byteCount = 0
        fieldCount = 0
    }

    /// Keeps the first `fields` fields only.
    func truncate(toFields fields: Int) {
        fieldCount = fields
        byteCount = fields == 0 ? 0 : Int(ends[fields - 1])
    }

    /// Removes the first `fields` fields, shifting the rest down.
    func removeFirst(fields: Int) {
        guard fields > 0 else { return }
        let shift = Int(ends[fields - 1])
        memmove(bytes, bytes + shift, byteCount - shift)
        byteCount -= shift
        for i in 0..<(fieldCount - fields) { ends[i] = ends[i + fields] - UInt32(shift) }
        fieldCount -= fields
    }

    /// Appends every field of `other`: its bytes in one copy, its ends moved by this buffer's
    /// byte count (a field at a time cost a reading thread a twentieth of its time).
    func append(contentsOf other: FieldBuffer) {
        if byteCount + other.byteCount > byteCapacity { growBytes(to: byteCount + other.byteCount) }
        while fieldCount + other.fieldCount > fieldCapacity { growFields() }
        (bytes + byteCount).update(from: other.bytes, count: other.byteCount)
        let shift = UInt32(truncatingIfNeeded: byteCount)
        for i in 0..<other.fieldCount { ends[fieldCount + i] = other.ends[i] &+ shift }
        byteCount += other.byteCount
        fieldCount += other.fieldCount
    }

    /// Appends the first `fields` fields of `other`.
    func append(firstFields fields: Int, of other: FieldBuffer) {
        for i in 0..<fields {
            let start = i == 0 ? 0 : Int(other.ends[i - 1])
            append(other.bytes + start, count: Int(other.ends[i]) - start)
        }
    }

    /// Field `index` (which must exist).
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return UnsafeBufferPointer(start: bytes + start, count: Int(ends[index]) - start)
    }

    private func growBytes(to needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        bigger.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = bigger
        byteCapacity = capacity
    }

    private func growFields() {
        let capacity = fieldCapacity * 2
        let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        bigger.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = bigger
        fieldCapacity = capacity
    }
}
