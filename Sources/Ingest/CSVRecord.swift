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

/// One CSV record as the reader fills it: its fields as bytes, its position, and any fault.
///
/// After rust-csv's `ByteRecord`: one record is reused for the whole file and fields stay
/// bytes. Records then travel in ``RecordBatch``es; rows see theirs as ``RowFields``.
struct CSVRecord: @unchecked Sendable {
    var fields = FieldBuffer()
    var position = RecordPosition(byte: 0, line: 0, record: 0)
    var fault: CSVFault?

    /// Number of fields.
    var count: Int { fields.fieldCount }

    /// Field `index` as a `String`, exactly as read.
    func string(at index: Int) -> String {
        String(decoding: fields.field(index), as: UTF8.self)
    }

    /// True when every field is empty or white space: a blank line, for the spec.
    var isBlank: Bool {
        (0..<count).allSatisfy { i in fields.field(i).isBlankText }
    }

    mutating func clear() {
        fields.removeAll()
        fault = nil
    }
}

/// Where a reader of part of a file ended: the file offset, and its counts there (the next
/// physical line, the decoded bytes and the records read), from which the next part's
/// positions go on.
struct ReadEnd: Sendable, Equatable {
    var fileOffset: Int
    var line: Int
    var byte: Int
    var records: Int
}
