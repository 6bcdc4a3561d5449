import Ingest
import KPIMetrics

/// What a json report was made from, so that an auditor can prove it: the program and rules
/// versions, the period, and every input by name and SHA-256.
public struct ReportManifest: Sendable {
    public static let motcuaVersion = "0.2.0"

    public var inputs: [InputSummary]
    /// Unit aliases that moved dossiers in this report (they change its figures).
    public var aliases: [AliasUse]

    /// Inputs in the as-of rule's order (the order they take precedence in), so that a report
    /// from raw files and one from the store, or from files named in another order, agree.
    public init(inputs: [InputSummary], aliases: [AliasUse] = []) {
        self.aliases = aliases
        self.inputs = inputs.sorted {
            let (l, r) = (FileRank(asOf: $0.asOf, name: $0.name), FileRank(asOf: $1.asOf, name: $1.name))
            if l != r { return l < r }
            return ($0.sha256 ?? "") < ($1.sha256 ?? "")
        }
    }
}

