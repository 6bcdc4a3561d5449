import GRDB
import Ingest

/// Dossiers from the store: every import, or those of `only`, read by the as-of rule, with the
/// unit aliases of the command applied. Inputs are numbered by import id order.
public struct StoredDossiers: DossierSource {
    public let store: MotcuaStore
    public var only: Set<Int64>?
    public var aliases: UnitAliases

    public init(store: MotcuaStore, only: Set<Int64>? = nil, aliases: UnitAliases = UnitAliases()) {
        self.store = store
        self.only = only
        self.aliases = aliases
    }

    /// The stored dossiers; `onReject` sees the stored rejected rows of the imports. Both are
    /// read in one transaction: an import committed meanwhile is in both or in neither.
    public func dossierSet(onReject: (Reject) -> Void) throws(StoreError) -> DossierSet {
        let (set, rejects) = try store.read { db in
            (try MotcuaStore.dossierSet(db, only: only, aliases: aliases, pool: store.writer), try MotcuaStore.rejects(db, only: only))
        }
        rejects.forEach(onReject)
        return set
    }

    public func occurrences(of code: String) throws(StoreError) -> [OccurrenceListing] {
        try store.read { db in
            let records = try MotcuaStore.importRecords(db, only: only)
            if records.count > Dossier.idLimit { throw TooManyNames() }
            let index = Dictionary(uniqueKeysWithValues: records.enumerated().compactMap { i, r in r.id.map { ($0, (Int32(i), r.fileName)) } })
            var out: [OccurrenceListing] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT o.import_id, o.line, NULLIF(p.procedure_name, ''), NULLIF(p.procedure_code, ''), u.name,
                       \(MotcuaStore.stateCells(of: "o"))
                FROM occurrence o JOIN unit_spelling u ON u.id = o.unit_spelling_id LEFT JOIN procedure p ON p.id = o.procedure_id
                WHERE o.code = ? ORDER BY o.import_id, o.line
                """, arguments: [code]) {
                guard let (file, name) = index[row[0]] else { continue }
                let dossier = try MotcuaStore.dossier(row, at: 5, source: SourceLine(file: file, line: row[1]))
                out.append(OccurrenceListing(file: name, fileIndex: file, line: row[1], code: code,
                                             procedure: storedProcedureName(name: row[2], code: row[3]), unit: row[4] as String?,
                                             dossier: dossier, reject: nil))
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM reject WHERE code = ? ORDER BY import_id, line", arguments: [code]) {
                guard let (file, name) = index[row["import_id"]] else { continue }
                let reject = MotcuaStore.reject(row, file: name)
                out.append(OccurrenceListing(file: name, fileIndex: file, line: reject.line, code: code, procedure: nil,
                                             unit: nil, dossier: nil, reject: reject))
            }
            return out.sorted { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
        }
    }

    public func procedures(at sources: Set<SourceLine>) throws(StoreError) -> [SourceLine: String] {
        try store.read { db in
            let ids = try MotcuaStore.importRecords(db, only: only).compactMap(\.id)
            var out: [SourceLine: String] = [:]
            let statement = try db.makeStatement(sql: """
                SELECT NULLIF(p.procedure_name, ''), NULLIF(p.procedure_code, '')
                FROM occurrence o JOIN procedure p ON p.id = o.procedure_id WHERE o.id = ?
                """)
            for source in sources where Int(source.file) < ids.count {
                let key = MotcuaStore.occurrenceKey(importID: ids[Int(source.file)], line: Int64(source.line))
                if let row = try Row.fetchOne(statement, arguments: [key]),
                   let name = storedProcedureName(name: row[0], code: row[1]) {
                    out[source] = name
                }
            }
            return out
        }
    }

    public func procedureNames(at sources: Set<SourceLine>) throws(StoreError) -> [SourceLine: String] {
        try store.read { db in
            let ids = try MotcuaStore.importRecords(db, only: only).compactMap(\.id)
            var out: [SourceLine: String] = [:]
            let statement = try db.makeStatement(sql: """
                SELECT NULLIF(p.procedure_name, '') FROM occurrence o JOIN procedure p ON p.id = o.procedure_id WHERE o.id = ?
                """)
            for source in sources where Int(source.file) < ids.count {
                let key = MotcuaStore.occurrenceKey(importID: ids[Int(source.file)], line: Int64(source.line))
                if let name = storedProcedureName(name: try String.fetchOne(statement, arguments: [key]),
                                                  code: nil) {
                    out[source] = name
                }
            }
            return out
        }
    }
}
