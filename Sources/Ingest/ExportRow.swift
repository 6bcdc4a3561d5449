/// One row of an export, read against the spec: where it starts, its dossier code, and the
/// dossier's facts or the reason it was rejected.
///
/// After rust-csv's `ByteRecord`: the code and the fields stay bytes (a view on the batch of
/// records the row was read from), so an accepted row costs no `String` and no copy.
public struct ExportRow: Sendable {
    public enum Outcome: Sendable {
        case accepted(RowFacts)
        case rejected(Reject)
    }

    public var position: RecordPosition
    public var outcome: Outcome
    /// The record's fields by canonical field.
    public let fields: RowFields
    let codeBytes: CodeBytes
    /// ``DossierTable/hash(_:)`` of the code, for an accepted row.
    public let codeHash: UInt32

    /// Calls `body` with the dossier code's bytes: MaHoSo trimmed, and normalised like any text
    /// when it is not plain ASCII. Empty when the row has none, or is rejected before its code
    /// is read (a structural fault, more fields than the header).
    @inline(__always)
    public func withCode<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try codeBytes.withBytes(in: fields, body)
    }

    /// The dossier code as text.
    public var code: String { withCode { String(decoding: $0, as: UTF8.self) } }

    /// The facts of an accepted row.
    public var facts: RowFacts? {
        if case .accepted(let facts) = outcome { return facts }
        return nil
    }

    /// Why the row was rejected, when it was.
    public var reject: Reject? {
        if case .rejected(let reject) = outcome { return reject }
        return nil
    }
}

/// Where a row's dossier code is.
enum CodeBytes: Sendable {
    /// MaHoSo's bytes as read (trimmed): plain ASCII, nothing to normalise.
    case asRead
    /// MaHoSo normalised (NFC, white space folded).
    case normalized([UInt8])
    /// Not read.
    case none

    /// Calls `body` with the code's bytes, `fields` being the row's.
    @inline(__always)
    func withBytes<R>(in fields: RowFields, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case .asRead: return try fields.withValue(.maHoSo, body)
        case .normalized(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .none: return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }
}

/// What an accepted row says about its dossier.
public struct RowFacts: Sendable {
    public var dossier: Dossier
    public var unitSpelling: UnitRegistry.SpellingID
    /// The latest of NgayTiepNhan, NgayKetThucXuLy and NgayTra: what the file's as-of is made of.
    public var latestMoment: LocalMoment
    /// NgayKetThucXuLy and NgayTra as read (the dossier keeps only the finish they make).
    public var processed: LocalMoment?
    public var handedOver: LocalMoment?
}

/// The fields of one record, looked up by canonical field: a view on the batch it was read in.
public struct RowFields: @unchecked Sendable {
    let buffer: FieldBuffer
    let first: Int
    let count: Int
    let columns: ColumnMap

    /// Calls `body` with the bytes of the field at `ordinal` in the schema, trimmed of white
    /// space, Unicode's (empty when the file has no such column or the record is shorter).
    @inline(__always)
    func withValue<R>(ordinal: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let index = columns.index[ordinal]
        guard index >= 0, index < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(buffer.field(first + index).trimmingWhitespace)
    }

    /// Calls `body` with the bytes of an export's `field` (see ``withValue(ordinal:_:)``).
    @inline(__always)
    public func withValue<R>(_ field: CanonicalField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValue(ordinal: field.ordinal, body)
    }

    /// Calls `body` with the bytes of `field` of any schema.
    @inline(__always)
    public func withValue<F: TableField, R>(_ field: F, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValue(ordinal: field.ordinal, body)
    }

    /// An export's `field` as text people read: NFC, trimmed, white space folded (empty when absent).
    public func text(_ field: CanonicalField) -> String { text(ordinal: field.ordinal) }

    /// `field` of any schema as text people read.
    public func text<F: TableField>(_ field: F) -> String { text(ordinal: field.ordinal) }

    private func text(ordinal: Int) -> String {
        withValue(ordinal: ordinal) { String(decoding: $0, as: UTF8.self).normalizedForDisplay }
    }

    /// How many fields the record has (more than the header's is a fault of its own).
    public var fieldCount: Int { count }

    /// True when every field is empty or white space: a blank line, for the spec.
    var isBlank: Bool {
        (0..<count).allSatisfy { i in buffer.field(first + i).isBlankText }
    }
}

/// Which column holds each field of a schema (by ``TableField/ordinal``), -1 when none.
final class ColumnMap: Sendable {
    let index: [Int]

    init<F: TableField>(_ header: TableHeader<F>) {
        index = F.allCases.map { header.columns[$0] ?? -1 }
    }
}
