/// Which unit each unit reports to, and at which level it stands: the `parent` and `level`
/// columns of a `--units` file. Units are keyed as units compare (NFC, trimmed, white space
/// folded, case ignored), after aliases: a row's parent and level describe its `unit`.
///
/// Made only by ``UnitsFile``, which checks it: every parent is a unit of the file, none is an
/// old name aliased to another unit, and no unit is its own ancestor.
public struct UnitHierarchy: Sendable, Equatable {
    /// One unit of the file: its name as reports show it, its parent's key and its level.
    public struct Node: Sendable, Equatable {
        public var name: String
        public var parent: String?
        public var level: UnitLevel?
    }

    /// Every unit of the file, by key.
    public private(set) var nodes: [String: Node] = [:]

    public init() {}

    init(nodes: [String: Node]) { self.nodes = nodes }

    /// True when no row gives a parent or a level: nothing to roll up by.
    public var isEmpty: Bool { !nodes.values.contains { $0.parent != nil || $0.level != nil } }

    /// The unit named `name` (as reports show it), if the file lists it.
    public func node(named name: String) -> Node? { nodes[name.normalizedKey] }

    /// The display name of the parent of the unit named `name`; nil when it has none.
    public func parent(of name: String) -> String? {
        node(named: name)?.parent.flatMap { nodes[$0]?.name }
    }

    /// The level of the unit named `name`, when the file gives one.
    public func level(of name: String) -> UnitLevel? { node(named: name)?.level }

    /// The unit itself or its nearest ancestor at `level`, by display name; nil when neither
    /// stands at that level. The file has no cycle, so the walk ends.
    public func ancestor(of name: String, at level: UnitLevel) -> String? {
        var key: String? = name.normalizedKey
        while let current = key, let node = nodes[current] {
            if node.level == level { return node.name }
            key = node.parent
        }
        return nil
    }
}
