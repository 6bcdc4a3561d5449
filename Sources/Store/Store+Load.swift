import GRDB
import Ingest

extension MotcuaStore {
    /// Every import, oldest first.
    public func imports() throws(StoreError) -> [ImportRecord] {
        do {
            return try writer.read { db in try ImportRecord.order(Column("id")).fetchAll(db) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Takes one import out, with its occurrences and rejects: every dossier falls back to its
    /// next occurrence by the as-of rule.
    public func removeImport(id: Int64) throws(StoreError) -> ImportRecord {
        do {
            return try writer.write { db in
                guard let record = try ImportRecord.fetchOne(db, key: id) else {
                    throw StoreError(path: path, kind: .noSuchImport(id))
                }
                _ = try ImportRecord.deleteOne(db, key: id)
                return record
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The rejected rows of every import (of those in `only`), in import and line order.
    public func rejects(only: Set<Int64>? = nil) throws(StoreError) -> [Reject] {
        try read { db in try Self.rejects(db, only: only) }
    }

    static func rejects(_ db: Database, only: Set<Int64>?) throws -> [Reject] {
        let names = Dictionary(uniqueKeysWithValues: try ImportRecord.fetchAll(db).compactMap { r in r.id.map { ($0, r.fileName) } })
        return try Row.fetchAll(db, sql: "SELECT * FROM reject ORDER BY import_id, line").compactMap { row in
            let id: Int64 = row["import_id"]
            guard only?.contains(id) ?? true else { return nil }
            return Self.reject(row, file: names[id] ?? "?")
        }
    }

    /// Every dossier's winning state by the as-of rule (``AsOfMerger``), as `report` computes it
    /// from raw files: the order of imports never matters.
    ///
    /// `only` limits the set to those imports (what `verify` recomputes a report from).
    public func dossierSet(only: Set<Int64>? = nil, aliases: UnitAliases = UnitAliases()) throws(StoreError) -> DossierSet {
        do {
            return try writer.read { db in try Self.dossierSet(db, only: only, aliases: aliases) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func dossierSet(_ db: Database, only: Set<Int64>?, aliases: UnitAliases) throws -> DossierSet {
        let records = try importRecords(db, only: only)
        var indexOfImport: [Int64: Int32] = [:]
        var merger = AsOfMerger()
        for (index, record) in records.enumerated() {
            if let id = record.id { indexOfImport[id] = Int32(index) }
            merger.addInput(FileRank(asOf: record.asOf.map(LocalMoment.init(seconds:)), name: record.fileName))
        }

        let units = UnitRegistry(aliases: aliases)
        var spellings: [Int64: (UnitID, UnitRegistry.SpellingID)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM unit_spelling") {
            if let interned = units.intern(row["name"]) { spellings[row["id"]] = interned }
        }
        let fields = UnitRegistry()
        var fieldIDs: [String: FieldID] = [:]  // field names repeat: normalise each text once
        func fieldID(_ text: String?) -> FieldID {
            guard let text else { return .unknown }
            if let known = fieldIDs[text] { return known }
            let id = fields.intern(text).map { FieldID(rawValue: $0.0.rawValue) } ?? .unknown
            fieldIDs[text] = id
            return id
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT import_id, line, code, unit_spelling_id, field_name, procedure_code, \(stateColumns) FROM occurrence_detail
            """)
        let procedures = ProcedureRegistry()
        while let row = try cursor.next() {
            guard let file = indexOfImport[row[0]] else { continue }  // an import left out by `only`
            guard let (unit, spelling) = spellings[row[3]] else { throw outOfVocabulary }
            let dossier = try Self.dossier(row, at: 6, source: SourceLine(file: file, line: row[1]), unit: unit,
                                           spelling: spelling, field: fieldID(row[4]),
                                           procedure: (row[5] as String?).map(procedures.intern) ?? .none)
            var code: String = row[2]
            code.withUTF8 { merger.offer(code: $0, dossier) }
            merger.offerSpelling(spelling, of: unit, at: dossier.source)
        }
        var inputs = records.map(\.summary)
        for row in try Row.fetchAll(db, sql: "SELECT import_id, reason_code, COUNT(*) AS n FROM reject GROUP BY import_id, reason_code") {
            guard let index = indexOfImport[row["import_id"]], let reason = RejectReason(rawValue: row["reason_code"]) else { continue }
            inputs[Int(index)].rejectsByReason[reason] = row["n"]
        }
        return merger.dossierSet(units: units, fields: fields, procedures: procedures.codes, inputs: inputs)
    }

    /// The imports (of those in `only`), in id order: their index is the `file` of their
    /// occurrences' ``SourceLine``s.
    static func importRecords(_ db: Database, only: Set<Int64>?) throws -> [ImportRecord] {
        try ImportRecord.order(Column("id")).fetchAll(db).filter { only?.contains($0.id ?? -1) ?? true }
    }

    /// A reject row as read back.
    static func reject(_ row: Row, file: String) -> Reject {
        Reject(file: file, line: row["line"], field: row["field"] as String?,
               reason: RejectReason(rawValue: row["reason_code"]) ?? .malformedQuote, raw: row["raw"])
    }
}
