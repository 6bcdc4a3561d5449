/// A column of a CSV input's schema: the canonical fields of an export, the procedure
/// catalogue's columns, the `--calendar` and `--units` files' columns. One reader
/// (``TableReader``) reads every such input, with the same encodings, delimiters and header
/// matching; only the schema differs.
public protocol TableField: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// Other headers that mean this column.
    var aliases: [String] { get }
    /// A file without this column cannot be read at all.
    var isRequired: Bool { get }
    /// Position in `allCases`: the index of the column's slot in a ``ColumnMap``.
    var ordinal: Int { get }
    /// Every accepted header, as a normalised key, with the column it names and whether it is
    /// the canonical name itself (``TableSchema/headerTable()`` makes it).
    static var headerTable: [String: (field: Self, isCanonical: Bool)] { get }
}

/// What is shared by every schema.
public enum TableSchema<Field: TableField> {
    /// The header table of `Field`: its canonical names and aliases as normalised keys.
    public static func headerTable() -> [String: (field: Field, isCanonical: Bool)] {
        var table: [String: (Field, Bool)] = [:]
        for field in Field.allCases {
            table[field.rawValue.normalizedKey] = (field, true)
            for alias in field.aliases { table[alias.normalizedKey] = (field, false) }
        }
        return table
    }
}
