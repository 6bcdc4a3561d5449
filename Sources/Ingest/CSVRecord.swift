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
}

/// One CSV record, as reused buffers: the fields' bytes back to back, and where each ends.
///
/// After rust-csv's `ByteRecord`: one record value is reused for the whole file, fields stay
/// bytes, and only the columns the rules need are ever turned into text.
public struct CSVRecord: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    /// The record as read (decoded), without its final line break: what a reject shows.
    var rawBytes: [UInt8] = []
    public internal(set) var position = RecordPosition(byte: 0, line: 0, record: 0)
    public internal(set) var fault: CSVFault?

    public init() {}

    /// Number of fields.
    public var count: Int { ends.count }

    /// Calls `body` with the bytes of field `index` (empty when the record is shorter).
    @inline(__always)
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index < ends.count else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let start = index == 0 ? 0 : ends[index - 1]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<ends[index]]))
        }
    }

    /// Field `index` as a `String`, exactly as read.
    public func string(at index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The record's text as read.
    public var raw: String { String(decoding: rawBytes, as: UTF8.self) }

    /// True when every field is empty or white space: a blank line, for the spec.
    public var isBlank: Bool { bytes.allSatisfy(\.isASCIIWhitespace) }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        rawBytes.removeAll(keepingCapacity: true)
        fault = nil
    }
}
