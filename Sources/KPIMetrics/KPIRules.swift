/// Versions of the rules the figures are computed by.
public enum KPIRules {
    /// Changes whenever a rule of kpi-rules.md (or how motcua reads it) changes, so that a
    /// report's manifest says which rules made its figures.
    public static let version = "kpi-rules/1 (decree09 + calendar bases; 06a counts; half-up rates)"
}
