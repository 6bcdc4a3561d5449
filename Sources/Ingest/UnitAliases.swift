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

    /// Reads the aliases of the `--units` CSV at `path` (see ``UnitsFile``).
    public init(path: String, name: String? = nil) throws {
        self = try UnitsFile(path: path, name: name).aliases
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0 == $1 }
    }
}

/// How many dossiers an alias moved to its unit in one report.
public struct AliasUse: Sendable, Equatable {
    public var name: String
    public var unit: String
    public var dossiers: Int
}

