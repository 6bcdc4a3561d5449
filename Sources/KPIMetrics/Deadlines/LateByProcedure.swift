import Ingest

/// Why a unit is below target: its late dossiers (resolved late in the period, or pending and
/// overdue at its end, by ``DossierClass`` as the KPI table counts them) by procedure, the
/// procedures with the most first (ties by code, dossiers without a MaTTHC last).
public struct LateByProcedure: Sendable {
    public struct Count: Sendable, Equatable {
        public var procedure: ProcedureID
        public var dossiers: Int
    }

    /// Each unit below target of the table, by its display name, in the order of `units`.
    public let units: [(unit: String, counts: [Count])]

    /// `table`: the KPI table by unit; `procedureCodes`: the code of each ``ProcedureID``.
    public init(table: KPITable, dossiers: [Dossier], unitNames: [UnitID: String], procedureCodes: [String]) {
        let below = Set(table.flaggedRows.compactMap(\.name))
        var counts: [String: [ProcedureID: Int]] = [:]
        if !below.isEmpty {
            for dossier in dossiers {
                guard let name = unitNames[dossier.unit], below.contains(name) else { continue }
                let c = DossierClass(dossier, in: table.bounds)
                guard c.contains(.resolvedLate) || c.contains(.pendingOverdue) else { continue }
                counts[name, default: [:]][dossier.procedure, default: 0] += 1
            }
        }
        func code(_ id: ProcedureID) -> String? {
            let i = Int(id.rawValue)
            return i >= 0 && i < procedureCodes.count ? procedureCodes[i] : nil
        }
        units = table.flaggedRows.compactMap(\.name).map { name in
            let sorted = (counts[name] ?? [:]).map { Count(procedure: $0.key, dossiers: $0.value) }.sorted { a, b in
                if a.dossiers != b.dossiers { return a.dossiers > b.dossiers }
                switch (code(a.procedure), code(b.procedure)) {
                case (let x?, let y?): return codePointsPrecede(x, y)
                case (_?, nil): return true
                default: return false
                }
            }
            return (name, sorted)
        }
    }
}
