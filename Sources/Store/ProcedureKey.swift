import Ingest

/// What both stores look a row's procedure up by: MaTTHC, TenTTHC, MaLinhVuc and TenLinhVuc as
/// read (a few hundred distinct for millions of rows), each after its length in four bytes, so
/// that no two procedures share a key whatever bytes their texts hold ("AB"+"C" and "A"+"BC",
/// or a separator inside a text).
public enum ProcedureKey {
    /// The fields the stores keep as read, though no rule uses them.
    public static let fields: [CanonicalField] = [.maTTHC, .tenTTHC, .maLinhVuc, .tenLinhVuc]

    /// Writes `row`'s key into `key` (emptied first); false when the row has none of the fields.
    public static func write(_ row: ExportRow, into key: inout [UInt8]) -> Bool {
        key.removeAll(keepingCapacity: true)
        var empty = true
        for field in fields {
            row.fields.withValue(field) { value in
                withUnsafeBytes(of: UInt32(value.count).littleEndian) { key.append(contentsOf: $0) }
                key.append(contentsOf: value)
                if !value.isEmpty { empty = false }
            }
        }
        return !empty
    }

    /// `row`'s four texts as read: not trimmed nor normalised (the stores keep the export's text).
    public static func texts(_ row: ExportRow) -> [String] {
        fields.map { field in row.fields.withValue(field) { String(decoding: $0, as: UTF8.self) } }
    }
}
