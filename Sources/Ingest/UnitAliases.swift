/// Names as they appear in exports, mapped to the unit they count for: spelling variants,
/// renamed offices, communes merged into a new commune (since 1/7/2025 many communes merged
/// and district units were dissolved, so a year's figures often span both).
///
/// Names compare like units do (NFC, trimmed, white space folded, case ignored); targets are
/// shown as written (normalised for display). An alias applies to every command that reads
/// dossiers: report, import's later reports, explain, verify.
public struct UnitAliases: Sendable, Equatable {
    /// (name as it may appear, unit it counts for), in the order given.
    public private(set) var entries: [(name: String, unit: String)] = []
    private var targetByKey: [String: Int] = [:]

    public init() {}

    /// Later entries for the same name replace earlier ones.
    public init(_ pairs: [(name: String, unit: String)]) {
        for (name, unit) in pairs { add(name: name, unit: unit) }
    }

    public mutating func add(name: String, unit: String) {
        let key = name.normalizedKey, target = unit.normalizedForDisplay
        guard !key.isEmpty, !target.isEmpty, key != target.lowercased() else { return }
        if let index = targetByKey[key] {
            entries[index] = (name.normalizedForDisplay, target)
        } else {
            targetByKey[key] = entries.count
            entries.append((name.normalizedForDisplay, target))
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The entry for a unit name's key, if any.
    func entry(forKey key: String) -> Int? { targetByKey[key] }

    /// Reads the `--units` CSV (`name,unit`; a header naming them is optional) with the reader
    /// of every CSV input. Throws ``AliasError`` for a row without exactly two fields, and the
    /// file's ``IngestError`` when it cannot be read.
    public init(path: String, name: String? = nil) throws {
        self.init()
        for (name, unit) in try Self.pairs(path: path, name: name) { add(name: name, unit: unit) }
    }

    /// The `name,unit` pairs of a units file (none for an empty file).
    private static func pairs(path: String, name: String?) throws -> [(String, String)] {
        let reader: TableReader<UnitsField>
        do {
            reader = try TableReader<UnitsField>(path: path, name: name, positional: true)
        } catch {
            if error.kind == .empty { return [] }
            throw error
        }
        var pairs: [(String, String)] = []
        while let record = try reader.next() {
            let count = record.fields.fieldCount
            guard record.fault == nil, count == 2 else { throw AliasError(line: record.position.line, fieldCount: count) }
            pairs.append((record.fields.text(UnitsField.name), record.fields.text(UnitsField.unit)))
        }
        return pairs
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
    }
}

/// A line of an aliases file that cannot be read: it has not the two fields `name,unit`.
public struct AliasError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    /// How many fields the line has.
    public var fieldCount: Int
    public var description: String { "line \(line): expected two fields (name,unit), found \(fieldCount)" }
}

/// How many dossiers an alias moved to its unit in one report.
public struct AliasUse: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var dossiers: Int
}

/// The columns of a `--units` file.
enum UnitsField: String, TableField {
    case name, unit

    var aliases: [String] {
        switch self {
        case .name: return ["tên", "tên trong tệp xuất"]
        case .unit: return ["đơn vị"]
        }
    }

    var isRequired: Bool { true }
    var ordinal: Int { self == .name ? 0 : 1 }
    static let headerTable = TableSchema<UnitsField>.headerTable()
}
