/// Where dossiers come from: export files read now (``ExportFiles``), or the store's imports.
/// A command asks one source, whichever it is, for the dossiers and for what audits look up.
///
/// Each method throws the source's own error: ``IngestError`` for files, the store's error
/// for the store; both carry their context.
public protocol DossierSource {
    /// Every dossier's winning state by the as-of rule, with what the summary needs. `onReject`
    /// sees every rejected row of the inputs, in input and line order.
    func dossierSet(onReject: (Reject) -> Void) throws -> DossierSet

    /// Every row of the inputs about dossier `code`, accepted or rejected, in input and line
    /// order; inputs are numbered as in ``dossierSet(onReject:)``.
    func occurrences(of code: String) throws -> [OccurrenceListing]

    /// The procedure's name (TenTTHC, else MaTTHC) at each of `sources` that has one.
    func procedures(at sources: Set<SourceLine>) throws -> [SourceLine: String]

    /// The procedure's name as exported (TenTTHC, non-empty) at each of `sources` that has one:
    /// what the late lists and the resolution table print beside the code.
    func procedureNames(at sources: Set<SourceLine>) throws -> [SourceLine: String]
}

extension DossierSource {
    /// Every dossier's winning state; rejected rows are not looked at.
    public func dossierSet() throws -> DossierSet {
        try dossierSet(onReject: { _ in })
    }
}

/// Every dossier's winning state, and what the figures and the summary need besides: the
/// result of reading raw files or a store, the same shape either way.
public struct DossierSet: Sendable {
    /// Every dossier by code.
    public var table: DossierTable
    /// The display name of each unit.
    public var unitNames: [UnitID: String]
    /// The display name of each field of procedures.
    public var fieldNames: [FieldID: String]
    public var inputs: [InputSummary]
    /// The newest as-of of the inputs: how far the data reaches (a period it does not reach
    /// is provisional); nil when no input has one.
    public var newestAsOf: LocalMoment? { inputs.compactMap(\.asOf).max() }
    /// Accepted rows that merged into a dossier read before (later states, duplicates).
    public var collapsed: Int
    /// The aliases that moved dossiers to another unit, and how many.
    public var aliasUses: [AliasUse]
    /// Every spelling of a unit name read (by ``UnitRegistry/SpellingID``), with its unit.
    public var unitSpellings: [(text: String, unit: UnitID)] = []
    /// The spellings (by ``UnitRegistry/SpellingID``) read only in rejected rows: a store keeps
    /// none of them, and a listing of the units leaves them out, as from a store.
    public var spellingsOnlyRejected: Set<Int32> = []
    /// The code of each procedure, by ``ProcedureID``.
    public var procedureCodes: [String] = []

    public init(table: DossierTable, unitNames: [UnitID: String], fieldNames: [FieldID: String] = [:],
                inputs: [InputSummary], collapsed: Int, aliasUses: [AliasUse] = []) {
        self.aliasUses = aliasUses
        self.table = table
        self.unitNames = unitNames
        self.fieldNames = fieldNames
        self.inputs = inputs
        self.collapsed = collapsed
    }

    /// Every dossier's winning state.
    public var dossiers: [Dossier] { table.dossiers }
}
