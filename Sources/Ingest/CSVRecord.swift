/// Where a record starts: its byte offset in the decoded text, its physical line, its ordinal.
public struct RecordPosition: Hashable, Sendable {
    /// Byte offset of the record's first byte in the decoded UTF-8 text (BOM excluded).
    public var byte: Int
    /// 1-based physical line where the record starts (blank lines and the header count).
    public var line: Int
    /// 0-based ordinal among the records of the file (the header is record 0).
    public var record: Int
}

/// A structural fault of a record, found by the CSV layer before any field is looked at.
public enum CSVFault: Hashable, Sendable {
    /// A quote where RFC 4180 allows none (`ab"c`, `"abc"x`).
    case malformedQuote
    /// A quoted field still open at the end of the file.
    case unterminatedQuote
    /// Longer than the record limit (16 MiB): only its first characters were kept.
    case tooLong
}

/// One CSV record: its fields as bytes, its position, and any structural fault.
///
/// After rust-csv's `ByteRecord`: one record is reused for the whole file, fields stay bytes,
/// and only the columns the rules need are ever turned into text. It is a view on a reused
/// buffer (fields `firstField..<firstField + fieldCount` of `fields`): what it shows changes
/// with the next read.
struct CSVRecord: @unchecked Sendable {
    var fields = FieldBuffer()
    var firstField = 0
    /// The number of fields when the record is a view on a batch; nil when it owns `fields`.
    var fieldCount: Int?
    var position = RecordPosition(byte: 0, line: 0, record: 0)
    var fault: CSVFault?

    /// Number of fields.
    var count: Int { fieldCount ?? fields.fieldCount }

    /// Calls `body` with the bytes of field `index` (empty when the record is shorter).
    @inline(__always)
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index < count else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(fields.field(firstField + index))
    }

    /// Field `index` as a `String`, exactly as read.
    func string(at index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when every field is empty or white space: a blank line, for the spec.
    var isBlank: Bool {
        (0..<count).allSatisfy { i in withField(i) { $0.allSatisfy(\.isASCIIWhitespace) } }
    }

    mutating func clear() {
        if fieldCount != nil {
            // A view on a batch: take a buffer of our own rather than write into the batch.
            fields = FieldBuffer()
            firstField = 0
            fieldCount = nil
        }
        fields.removeAll()
        fault = nil
    }
}
