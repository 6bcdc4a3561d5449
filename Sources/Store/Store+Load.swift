import GRDB
import GRDBSQLite
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
    /// next occurrence by the as-of rule (the current state recomputed for the dossiers it held).
    public func removeImport(id: Int64) throws(StoreError) -> ImportRecord {
        do {
            return try writer.write { db in
                guard let record = try ImportRecord.fetchOne(db, key: id) else {
                    throw StoreError(path: path, kind: .noSuchImport(id))
                }
                try Self.withdrawCurrentState(db, importID: id)
                _ = try ImportRecord.deleteOne(db, key: id)
                try Self.pruneProcedures(db)
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

    /// Over every import, the dossiers are those of `current` and the units' names those of
    /// `spelling_latest` (one row per dossier, however many imports overlap); over a subset of
    /// the imports (or when `derive` says so: what tests compare the current state with), the
    /// state is derived from their occurrences by the ``AsOfMerger``.
    static func dossierSet(_ db: Database, only: Set<Int64>?, aliases: UnitAliases, derive: Bool = false) throws -> DossierSet {
        let every = try ImportRecord.order(Column("id")).fetchAll(db)
        let records = every.filter { only?.contains($0.id ?? -1) ?? true }
        let fromCurrent = records.count == every.count && !derive
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
        let procedures = ProcedureRegistry()
        var described = try DescribedProcedures(db)
        if fromCurrent {
            // A field's name is its first spelling in code-point order over every accepted
            // occurrence, winning or not: every `procedure` row is one's (removal prunes the rest).
            described.internEveryField(in: fields)
        }
        let statement = try db.makeStatement(sql: """
            SELECT import_id, line, code, unit_spelling_id, procedure_id, \(stateColumns)
            FROM \(fromCurrent ? "current" : "occurrence")
            """)
        let s = statement.sqliteStatement
        let cells = SteppedCells(statement: s)
        while true {
            let step = sqlite3_step(s)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let file = indexOfImport[sqlite3_column_int64(s, 0)] else { continue }  // an import left out by `only`
            guard let (unit, spelling) = spellings[sqlite3_column_int64(s, 3)] else { throw outOfVocabulary }
            let (procedure, field) = described.ids(of: cells.int(4), procedures: procedures, fields: fields)
            let dossier = try Self.dossier(cells, at: 5, source: SourceLine(file: file, line: Int32(clamping: sqlite3_column_int64(s, 1))),
                                           unit: unit, spelling: spelling, field: field, procedure: procedure)
            merger.offer(code: cells.bytes(2), dossier)
            if !fromCurrent { merger.offerSpelling(spelling, of: unit, at: dossier.source) }
        }
        if fromCurrent {
            for row in try Row.fetchAll(db, sql: "SELECT unit_spelling_id, import_id, line FROM spelling_latest") {
                guard let file = indexOfImport[row[1]], let (unit, spelling) = spellings[row[0]] else { throw outOfVocabulary }
                merger.offerSpelling(spelling, of: unit, at: SourceLine(file: file, line: row[2]))
            }
            merger.countCollapsed(records.reduce(0) { $0 + $1.accepted } - merger.offered)
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

/// The `procedure` rows (a few hundred), read once: each occurrence's procedure code and field
/// of procedures by its `procedure_id`, interned when first used.
private struct DescribedProcedures {
    private var texts: [Int64: (code: String, field: String)] = [:]
    private var ids: [Int64: (ProcedureID, FieldID)] = [:]
    private var fieldIDs: [String: FieldID] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, procedure_code, field_name FROM procedure") {
            texts[row[0]] = (row[1], row[2])
        }
    }

    /// Every field named in `procedure`, interned.
    mutating func internEveryField(in fields: UnitRegistry) {
        for text in Set(texts.values.map(\.field)).sorted() { _ = fieldID(text, fields) }
    }

    mutating func ids(of id: Int64?, procedures: ProcedureRegistry, fields: UnitRegistry) -> (ProcedureID, FieldID) {
        guard let id else { return (.none, .unknown) }
        if let known = ids[id] { return known }
        let text = texts[id] ?? ("", "")
        let resolved = (procedures.intern(text.code), fieldID(text.field, fields))
        ids[id] = resolved
        return resolved
    }

    private mutating func fieldID(_ text: String, _ fields: UnitRegistry) -> FieldID {
        if text.isEmpty { return .unknown }
        if let known = fieldIDs[text] { return known }
        let id = fields.intern(text).map { FieldID(rawValue: $0.0.rawValue) } ?? .unknown
        fieldIDs[text] = id
        return id
    }
}
