import Ingest
import PostgresNIO
import Store

/// Dossiers from a PostgreSQL store: every import, or those of `only`, by the as-of rule, with
/// the unit aliases of the command applied. Inputs are numbered by import id order.
///
/// Over every import a report reads `current` and `spelling_latest`, one row per dossier and
/// per spelling; over a subset (`verify` against a manifest naming fewer imports) it derives
/// the states from that subset's occurrences, as from raw files.
public struct PostgresDossiers: DossierSource {
    public let store: PostgresStore
    public var only: Set<Int64>?
    public var aliases: UnitAliases

    public init(store: PostgresStore, only: Set<Int64>? = nil, aliases: UnitAliases = UnitAliases()) {
        self.store = store
        self.only = only
        self.aliases = aliases
    }

    public func dossierSet(onReject: (Reject) -> Void) throws(StoreError) -> DossierSet {
        let only = only, aliases = aliases
        let (set, rejects) = try store.readSnapshot { connection in
            let imports = try await PostgresRecords.imports(on: connection)
            let set: DossierSet
            if let only, !imports.allSatisfy({ only.contains($0.id ?? -1) }) {
                set = try await StoredState.derived(imports: imports.filter { only.contains($0.id ?? -1) },
                                                     aliases: aliases, on: connection)
            } else {
                set = try await StoredState.current(imports: imports, aliases: aliases,
                                                     batched: try await PackedBatches.serverScansRanges(connection), on: connection)
            }
            return (set, try await PostgresRecords.rejects(only: only, on: connection).map(\.reject))
        }
        rejects.forEach(onReject)
        return set
    }

    public func occurrences(of code: String) throws(StoreError) -> [OccurrenceListing] {
        let only = only
        return try store.readSnapshot { connection in
            let imports = try await PostgresRecords.imports(on: connection).filter { only?.contains($0.id ?? -1) ?? true }
            if imports.count > Dossier.idLimit { throw TooManyNames() }
            var index: [Int64: (file: Int32, name: String)] = [:]
            for (i, record) in imports.enumerated() { if let id = record.id { index[id] = (Int32(i), record.fileName) } }
            var out: [OccurrenceListing] = []
            let rows = try await connection.query("""
                SELECT p.procedure_name, p.procedure_code, u.name, \(unescaped: PostgresStateColumns.packed("o."))
                FROM occurrence o JOIN unit_spelling u ON u.id = o.unit_spelling_id
                     LEFT JOIN procedure p ON p.id = o.procedure_id
                WHERE o.code = \(code) ORDER BY o.import_id, o.line
                """, logger: PostgresSession.logger)
            for try await row in rows {
                var cells = RowCells(row)
                let procedure = storedProcedureName(name: try cells.text(), code: try cells.text()), unit = try cells.text()
                let state = try PackedState(try cells.textBytes())  // its spelling and procedure: named above
                guard let (file, name) = index[state.importID] else { continue }
                let dossier = try state.dossier(source: SourceLine(file: file, line: state.line))
                out.append(OccurrenceListing(file: name, fileIndex: file, line: Int(state.line), code: code, procedure: procedure,
                                             unit: unit, dossier: dossier, reject: nil))
            }
            for (importID, reject) in try await PostgresRecords.rejects(only: only, code: code, on: connection) {
                guard let (file, name) = index[importID] else { continue }
                out.append(OccurrenceListing(file: name, fileIndex: file, line: reject.line, code: code, procedure: nil,
                                             unit: nil, dossier: nil, reject: reject))
            }
            return out.sorted { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
        }
    }

    public func procedures(at sources: Set<SourceLine>) throws(StoreError) -> [SourceLine: String] {
        try procedureTexts(at: sources).compactMapValues { storedProcedureName(name: $0.name, code: $0.code) }
    }

    /// TenTTHC only (the late lists print it beside the code).
    public func procedureNames(at sources: Set<SourceLine>) throws(StoreError) -> [SourceLine: String] {
        try procedureTexts(at: sources).compactMapValues { storedProcedureName(name: $0.name, code: nil) }
    }

    /// The procedure's TenTTHC and MaTTHC as stored, at each of `sources` that names one.
    private func procedureTexts(at sources: Set<SourceLine>) throws(StoreError) -> [SourceLine: (name: String, code: String)] {
        let only = only
        return try store.readSnapshot { connection in
            let ids = try await PostgresRecords.imports(on: connection).compactMap(\.id).filter { only?.contains($0) ?? true }
            let wanted = sources.filter { Int($0.file) < ids.count }
            let rows = try await connection.query("""
                SELECT t.file, t.line, p.procedure_name, p.procedure_code
                FROM unnest(\(wanted.map { ids[Int($0.file)] })::bigint[], \(wanted.map(\.line))::int[],
                            \(wanted.map(\.file))::int[]) AS t(import_id, line, file)
                     JOIN occurrence o ON o.import_id = t.import_id AND o.line = t.line
                     JOIN procedure p ON p.id = o.procedure_id
                """, logger: PostgresSession.logger)
            var out: [SourceLine: (name: String, code: String)] = [:]
            for try await (file, line, name, code) in rows.decode((Int32, Int32, String, String).self) {
                out[SourceLine(file: file, line: line)] = (name, code)
            }
            return out
        }
    }
}
