import Ingest

/// What the lists print beside a dossier's figures: its code, its unit's display name, its
/// procedure's code (MaTTHC) and name (TenTTHC of the winning occurrence, read back from the
/// source by the command).
public struct DossierLabels: Sendable {
    public var table: DossierTable
    public var unitNames: [UnitID: String]
    /// The code of each procedure, by ``ProcedureID``.
    public var procedureCodes: [String]
    /// TenTTHC at each source line that has one.
    public var procedureNames: [SourceLine: String]

    public init(table: DossierTable, unitNames: [UnitID: String], procedureCodes: [String],
                procedureNames: [SourceLine: String] = [:]) {
        self.table = table
        self.unitNames = unitNames
        self.procedureCodes = procedureCodes
        self.procedureNames = procedureNames
    }

    public func code(_ index: Int) -> String { table.code(at: index) }

    public func unit(_ dossier: Dossier) -> String { unitNames[dossier.unit] ?? "" }

    public func procedureCode(_ dossier: Dossier) -> String {
        let i = Int(dossier.procedure.rawValue)
        return i >= 0 && i < procedureCodes.count ? procedureCodes[i] : ""
    }

    public func procedureName(_ dossier: Dossier) -> String { procedureNames[dossier.source] ?? "" }
}

/// Code-point order of strings, as every machine list sorts.
@inline(__always)
func codePointsPrecede(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
}
