/// The `--units` file: a CSV of `name,unit[,parent,level]` rows, read by the reader of every
/// CSV input (a header naming the columns is optional; without one, columns are taken in that
/// order). `name` → `unit` is an alias (``UnitAliases``); `parent` and `level` place the `unit`
/// in the hierarchy reports roll up by (``UnitHierarchy``): the alias applies first, so a
/// merged commune counts for its new unit, and its new unit for its parent.
public struct UnitsFile: Sendable {
    public var aliases = UnitAliases()
    public var hierarchy = UnitHierarchy()

    /// No units file: no alias, no hierarchy.
    public init() {}

    /// Reads and checks the file. Throws ``UnitsFileError`` for a wrong row (its line and
    /// column), and the file's ``IngestError`` when it cannot be read.
    public init(path: String, name: String? = nil) throws {
        let rows = try Self.rows(path: path, name: name)
        aliases = try Self.aliases(of: rows)
        hierarchy = try Self.hierarchy(of: rows, aliases: aliases)
    }

    /// One row as read.
    struct Row {
        var line: Int
        var name: String, unit: String, parent: String, level: String
    }

    private static func rows(path: String, name: String?) throws -> [Row] {
        // An empty file is an error (66), as an empty calendar or catalogue is: a units file
        // that gives nothing would apply no alias and no roll-up without a word.
        let reader = try TableReader<UnitsField>(path: path, name: name, positional: true)
        let widest = max(2, reader.header.count)
        var rows: [Row] = []
        while let record = try reader.next() {
            let count = record.fields.fieldCount, line = record.position.line
            guard record.fault == nil, (2...widest).contains(count) else {
                throw UnitsFileError(line: line, .fieldCount(count))
            }
            let f = record.fields
            rows.append(Row(line: line, name: f.text(UnitsField.name), unit: f.text(UnitsField.unit),
                            parent: f.text(UnitsField.parent), level: f.text(UnitsField.level)))
        }
        return rows
    }

    /// The names mapped to units, checked: a name counts for one unit (a second row sending it
    /// elsewhere is an error naming the first, not a silent choice), and a name has a unit.
    private static func aliases(of rows: [Row]) throws -> UnitAliases {
        var aliases = UnitAliases()
        var first: [String: (unit: String, line: Int)] = [:]
        for row in rows {
            let key = row.name.normalizedKey
            guard !key.isEmpty else { continue }
            guard !row.unit.isEmpty else { throw UnitsFileError(line: row.line, field: .unit, .noUnit(name: row.name)) }
            let unit = row.unit.normalizedKey
            if let held = first[key], held.unit != unit {
                throw UnitsFileError(line: row.line, field: .unit, .conflict(unit: row.name, firstLine: held.line))
            }
            first[key] = first[key] ?? (unit, row.line)
            aliases.add(name: row.name, unit: row.unit)
        }
        return aliases
    }

    /// Each unit's parent and level, checked: a level of the vocabulary, one parent and one
    /// level per unit, parents that are units of the file and not old names, no cycle.
    private static func hierarchy(of rows: [Row], aliases: UnitAliases) throws -> UnitHierarchy {
        var nodes: [String: UnitHierarchy.Node] = [:]
        var parentLine: [String: Int] = [:], levelLine: [String: Int] = [:]
        for row in rows {
            let key = row.unit.normalizedKey
            guard !key.isEmpty else { continue }
            var node = nodes[key] ?? UnitHierarchy.Node(name: row.unit.normalizedForDisplay)
            if !row.level.isEmpty {
                guard let level = UnitLevel(reading: row.level) else {
                    throw UnitsFileError(line: row.line, field: .level, .unknownLevel(row.level))
                }
                if let held = node.level, held != level, let first = levelLine[key] {
                    throw UnitsFileError(line: row.line, field: .level, .conflict(unit: node.name, firstLine: first))
                }
                node.level = level
                levelLine[key] = levelLine[key] ?? row.line
            }
            if !row.parent.isEmpty {
                let parent = row.parent.normalizedKey
                if let held = node.parent, held != parent, let first = parentLine[key] {
                    throw UnitsFileError(line: row.line, field: .parent, .conflict(unit: node.name, firstLine: first))
                }
                node.parent = parent
                parentLine[key] = parentLine[key] ?? row.line
            }
            nodes[key] = node
        }
        for row in rows where !row.parent.isEmpty {
            let parent = row.parent.normalizedKey
            if let alias = aliases.entry(forKey: parent) {
                throw UnitsFileError(line: row.line, field: .parent,
                                     .parentAliased(row.parent.normalizedForDisplay, unit: aliases.entries[alias].unit))
            }
            guard nodes[parent] != nil else {
                throw UnitsFileError(line: row.line, field: .parent, .unknownParent(row.parent.normalizedForDisplay))
            }
        }
        if let cycle = firstCycle(nodes, order: rows.map { $0.unit.normalizedKey }) {
            throw UnitsFileError(line: parentLine[cycle[0]] ?? 0, field: .parent,
                                 .cycle(cycle.compactMap { nodes[$0]?.name } + [nodes[cycle[0]]?.name ?? ""]))
        }
        return UnitHierarchy(nodes: nodes)
    }

    /// The first cycle of parents met walking up from each unit in file order: its keys, from
    /// the unit whose row comes first.
    private static func firstCycle(_ nodes: [String: UnitHierarchy.Node], order: [String]) -> [String]? {
        var done = Set<String>()
        for start in order where !done.contains(start) {
            var path: [String] = [], onPath = Set<String>()
            var key: String? = start
            while let current = key, !done.contains(current) {
                if onPath.contains(current) {
                    let loop = Array(path[(path.firstIndex(of: current) ?? 0)...])
                    let first = order.first { loop.contains($0) } ?? current
                    let at = loop.firstIndex(of: first) ?? 0
                    return Array(loop[at...] + loop[..<at])
                }
                path.append(current)
                onPath.insert(current)
                key = nodes[current]?.parent
            }
            done.formUnion(path)
        }
        return nil
    }
}

/// A row of a `--units` file that cannot be used: where, which column, and why.
public struct UnitsFileError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not two to four fields (`name,unit[,parent,level]`), or a structural fault.
        case fieldCount(Int)
        /// A level outside ``UnitLevel``'s vocabulary.
        case unknownLevel(String)
        /// A parent that no row of the file names as a unit.
        case unknownParent(String)
        /// A parent that is an old name, aliased to `unit`.
        case parentAliased(String, unit: String)
        /// A unit given another parent (or level), or a name another unit, on an earlier line.
        case conflict(unit: String, firstLine: Int)
        /// A name without the unit it counts for.
        case noUnit(name: String)
        /// Units each the parent of the next, back to the first.
        case cycle([String])
    }

    public var line: Int
    /// The column at fault (nil: the row as a whole).
    public var field: UnitsField?
    public var kind: Kind

    public init(line: Int, field: UnitsField? = nil, _ kind: Kind) {
        self.line = line
        self.field = field
        self.kind = kind
    }

    public var description: String { "line \(line): \(field?.rawValue ?? "row"): \(kind)" }
}

/// The columns of a `--units` file.
public enum UnitsField: String, TableField {
    case name, unit, parent, level

    public var aliases: [String] {
        switch self {
        case .name: return ["tên", "tên trong tệp xuất"]
        case .unit: return ["đơn vị"]
        case .parent: return ["cấp trên", "đơn vị cấp trên", "đơn vị cha"]
        case .level: return ["cấp"]
        }
    }

    public var isRequired: Bool { self == .name || self == .unit }
    public var ordinal: Int {
        switch self {
        case .name: return 0
        case .unit: return 1
        case .parent: return 2
        case .level: return 3
        }
    }
    public static let headerTable = TableSchema<UnitsField>.headerTable()
}
