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

    /// Reads the `--units` CSV: `name,unit` per line; a header line `name,unit` is skipped.
    public init(csv text: String) throws(AliasError) {
        self.init()
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = Self.splitCSVLine(String(line))
            if fields.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            guard fields.count == 2 else {
                throw AliasError(line: index + 1, fieldCount: fields.count)
            }
            if index == 0, fields[0].normalizedKey == "name", fields[1].normalizedKey == "unit" { continue }
            add(name: fields[0], unit: fields[1])
        }
    }

    /// A line of the aliases file split on commas, with RFC 4180 quotes (names may hold commas).
    private static func splitCSVLine(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
        }
        fields.append(field)
        return fields
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
