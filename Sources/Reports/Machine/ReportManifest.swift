import Ingest
import KPIMetrics

/// What a json report was made from, so that an auditor can prove it: the program and rules
/// versions, the period, and every input by name and SHA-256.
public struct ReportManifest: Sendable {
    public static let motcuaVersion = "0.2.0"

    public var inputs: [InputSummary]
    /// Unit aliases that moved dossiers in this report (they change its figures).
    public var aliases: [AliasUse]
    /// A plan or index report's table, goals and catalogue (nil: the KPI table).
    public var service: ServiceManifest?
    /// `--fill-deadlines` and `--calendar`, when used (nil: the exports' due dates as they are).
    public var deadlines: DeadlinesManifest?
    /// The units file a rolled-up report took its hierarchy from, by name and SHA-256.
    public var unitsFile: (name: String, sha256: String)?

    /// Inputs in the as-of rule's order (the order they take precedence in), so that a report
    /// from raw files and one from the store, or from files named in another order, agree. Each
    /// is named as given when that is a relative path, else by its base name: a report that
    /// travels never carries the folders of the machine that made it.
    public init(inputs: [InputSummary], aliases: [AliasUse] = []) {
        self.aliases = aliases
        self.inputs = inputs.sorted {
            let (l, r) = (FileRank(asOf: $0.asOf, name: $0.name), FileRank(asOf: $1.asOf, name: $1.name))
            if l != r { return l < r }
            return ($0.sha256 ?? "") < ($1.sha256 ?? "")
        }
        .map { input in
            var named = input
            named.name = Self.publishedName(input.name)
            return named
        }
    }

    /// `name` if it is a relative path, else its last component.
    public static func publishedName(_ name: String) -> String {
        guard name.hasPrefix("/") else { return name }
        return name.split(separator: "/").last.map(String.init) ?? name
    }
}

/// What a plan or index report adds to its manifest: the table, the goals, and the catalogue
/// by name and SHA-256 (nil: none was given).
public struct ServiceManifest: Sendable {
    public var table: String
    public var goals: Goals
    public var catalogue: (name: String, sha256: String)?

    public init(table: String, goals: Goals, catalogue: (name: String, sha256: String)?) {
        self.table = table
        self.goals = goals
        self.catalogue = catalogue.map { (ReportManifest.publishedName($0.name), $0.sha256) }
    }
}
