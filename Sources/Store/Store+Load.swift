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
                // Occurrences carry no foreign key (v6): their range of keys goes first; rejects cascade.
                let keys = Self.occurrenceKeys(importID: id)
                try db.execute(sql: "DELETE FROM occurrence WHERE id BETWEEN ? AND ?", arguments: [keys.lowerBound, keys.upperBound])
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
            return try writer.read { db in try Self.dossierSet(db, only: only, aliases: aliases, pool: writer) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Over every import, the dossiers are those of `current` and the units' names those of
    /// `spelling_latest` (one row per dossier, however many imports overlap), read on every
    /// core when `pool` is given (see ``readCurrent(_:pool:decoding:atMost:parts:finish:)``); over a subset
    /// of the imports (or when `derive` says so: what tests compare the current state with),
    /// the state is derived from their occurrences by the ``AsOfMerger``.
    static func dossierSet(_ db: Database, only: Set<Int64>?, aliases: UnitAliases, derive: Bool = false,
                           pool: (any DatabaseReader)? = nil, parts: Int? = nil) throws -> DossierSet {
        let every = try ImportRecord.order(Column("id")).fetchAll(db)
        let records = every.filter { only?.contains($0.id ?? -1) ?? true }
        let fromCurrent = records.count == every.count && !derive
        var decoding = RowDecoding()
        var merger = AsOfMerger()
        for (index, record) in records.enumerated() {
            if let id = record.id { decoding.indexOfImport[id] = Int32(index) }
            merger.addInput(FileRank(asOf: record.asOf.map(LocalMoment.init(seconds:)), name: record.fileName))
        }

        let units = UnitRegistry(aliases: aliases)
        // The spellings of the dossiers read, as PostgreSQL reads them: those of `spelling_latest`
        // over every import, those of the imports' occurrences (a range of keys each) over some;
        // a spelling whose occurrences were all removed is no longer one.
        var spellingsRead = Set<Int64>()
        if fromCurrent {
            spellingsRead = Set(try Int64.fetchAll(db, sql: "SELECT unit_spelling_id FROM spelling_latest"))
        } else {
            for keys in records.compactMap(\.id).map(occurrenceKeys(importID:)) {
                spellingsRead.formUnion(try Int64.fetchAll(db, sql: "SELECT DISTINCT unit_spelling_id FROM occurrence WHERE id BETWEEN ? AND ?",
                                                           arguments: [keys.lowerBound, keys.upperBound]))
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM unit_spelling") where spellingsRead.contains(row["id"]) {
            if let interned = units.intern(row["name"]) { decoding.spellings[row["id"]] = interned }
        }
        let fields = UnitRegistry()
        let procedures = ProcedureRegistry()
        var described = try DescribedProcedures(db)
        // Each `procedure` row names at most one procedure and one field.
        if max(records.count, units.spellings.count, described.count) > Dossier.idLimit { throw TooManyNames() }
        if fromCurrent {
            // A field's name is its first spelling in code-point order over every accepted
            // occurrence, winning or not: every `procedure` row is one's (removal prunes the rest).
            described.internEveryField(in: fields)
            let accepted = records.reduce(0) { $0 + $1.accepted }
            var table: DossierTable?
            try readCurrent(db, pool: pool, decoding: decoding, atMost: accepted, parts: parts) { part in
                let rows = part.procedureRows
                var row = 0
                part.table.updateEach { dossier in
                    (dossier.procedure, dossier.field) = described.ids(of: rows[row], procedures: procedures, fields: fields)
                    row += 1
                }
                if table == nil { table = part.table } else { table?.appendUnique(contentsOf: part.table) }
                // The first part's arrays held nowhere else, so that appending the others copies none of it.
                part.table = DossierTable()
            }
            merger.offer(table ?? DossierTable(), occurrences: accepted)
            for row in try Row.fetchAll(db, sql: "SELECT unit_spelling_id, import_id, line FROM spelling_latest") {
                guard let file = decoding.indexOfImport[row[1]], let (unit, spelling) = decoding.spellings[row[0]] else { throw outOfVocabulary }
                merger.offerSpelling(spelling, of: unit, at: SourceLine(file: file, line: row[2]))
            }
        } else {
            try stepRows(db, sql: "SELECT \(occurrenceRowColumns) FROM occurrence o", decoding: decoding) { code, dossier, procedure in
                var dossier = dossier
                (dossier.procedure, dossier.field) = described.ids(of: procedure, procedures: procedures, fields: fields)
                merger.offer(code: code, dossier)
                merger.offerSpelling(dossier.unitSpelling, of: dossier.unit, at: dossier.source)
            }
        }
        var inputs = records.map(\.summary)
        for row in try Row.fetchAll(db, sql: "SELECT import_id, reason_code, COUNT(*) AS n FROM reject GROUP BY import_id, reason_code") {
            guard let index = decoding.indexOfImport[row["import_id"]], let reason = RejectReason(rawValue: row["reason_code"]) else { continue }
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
    /// By `procedure.id` (small integers): a report looks one up per dossier.
    private var ids: [(ProcedureID, FieldID)?] = []
    private var fieldIDs: [String: FieldID] = [:]

    /// How many `procedure` rows there are.
    var count: Int { texts.count }

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, procedure_code, field_name FROM procedure") {
            texts[row[0]] = (row[1], row[2])
        }
    }

    /// Every field named in `procedure`, interned.
    mutating func internEveryField(in fields: UnitRegistry) {
        for text in Set(texts.values.map(\.field)).sorted() { _ = fieldID(text, fields) }
    }

    /// `id` 0: the row has no procedure.
    mutating func ids(of id: Int64, procedures: ProcedureRegistry, fields: UnitRegistry) -> (ProcedureID, FieldID) {
        guard id > 0 else { return (.none, .unknown) }
        if id < ids.count, let known = ids[Int(id)] { return known }
        let text = texts[id] ?? ("", "")
        let resolved = (procedures.intern(text.code), fieldID(text.field, fields))
        if id < 1 << 24 {
            if id >= ids.count { ids += Array(repeating: nil, count: Int(id) + 1 - ids.count) }
            ids[Int(id)] = resolved
        }
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
