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

    /// The rejected rows of every import, in import and line order.
    public func rejects() throws(StoreError) -> [Reject] {
        do {
            return try writer.read { db in
                let names = Dictionary(uniqueKeysWithValues: try ImportRecord.fetchAll(db).compactMap { r in r.id.map { ($0, r.fileName) } })
                return try Row.fetchAll(db, sql: "SELECT * FROM reject ORDER BY import_id, line").map { row in
                    Reject(file: names[row["import_id"]] ?? "?", line: row["line"],
                           field: (row["field"] as String?).flatMap(CanonicalField.init(rawValue:)),
                           reason: RejectReason(rawValue: row["reason_code"]) ?? .malformedQuote, raw: row["raw"])
                }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Every dossier's winning state by the as-of rule, as `report` computes it from raw files:
    /// the import with the latest as-of wins (ties: the file name that sorts later), and within
    /// one import the later line. The order of imports never matters.
    ///
    /// `only` limits the set to those imports (what `verify` recomputes a report from).
    public func dossierSet(only: Set<Int64>? = nil, aliases: UnitAliases = UnitAliases()) throws(StoreError) -> DossierSet {
        do {
            return try writer.read { db in try Self.dossierSet(db, only: only, aliases: aliases) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private static func dossierSet(_ db: Database, only: Set<Int64>?, aliases: UnitAliases) throws -> DossierSet {
        let records = try ImportRecord.order(Column("id")).fetchAll(db).filter { only?.contains($0.id ?? -1) ?? true }
        var indexOfImport: [Int64: Int32] = [:]
        for (index, record) in records.enumerated() { if let id = record.id { indexOfImport[id] = Int32(index) } }
        let ranks = records.map { FileRank(asOf: $0.asOf.map(LocalMoment.init(seconds:)), name: $0.fileName) }

        let units = UnitRegistry(aliases: aliases)
        var spellings: [Int64: (UnitID, UnitRegistry.SpellingID)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM unit_spelling") {
            if let interned = units.intern(row["name"]) { spellings[row["id"]] = interned }
        }

        // Which occurrence is later: its import's rank first, then its line.
        func precedes(_ a: SourceLine, _ b: SourceLine) -> Bool {
            if a.file != b.file {
                let (ra, rb) = (ranks[Int(a.file)], ranks[Int(b.file)])
                if ra < rb { return true }
                if rb < ra { return false }
                return a.file < b.file
            }
            return a.line < b.line
        }

        var table = DossierTable()
        var unitSpelling: [UnitID: (source: SourceLine, spelling: UnitRegistry.SpellingID)] = [:]
        var occurrences = 0
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
            SELECT import_id, line, code, unit_spelling_id, channel, status, received, due, finished,
                   digitised_dossier, digitised_result, field_name
            FROM occurrence_detail
            """)
        while let row = try cursor.next() {
            guard let file = indexOfImport[row[0]] else { continue }  // an import left out by `only`
            guard let (unit, spelling) = spellings[row[3]],
                  let channel = Channel(rawValue: row[4]), let status = Status(rawValue: row[5]) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "occurrence out of vocabulary")
            }
            occurrences += 1
            let source = SourceLine(file: file, line: row[1])
            let dossier = Dossier(
                unit: unit, channel: channel, status: status, received: LocalMoment(seconds: row[6]),
                due: (row[7] as Int64?).map(LocalMoment.init(seconds:)),
                finished: (row[8] as Int64?).map(LocalMoment.init(seconds:)),
                digitisedDossier: row[9], digitisedResult: row[10], source: source,
                field: fieldID(row[11]), unitSpelling: spelling)
            let code: String = row[2]
            var bytes = code
            _ = bytes.withUTF8 { table.upsert(code: $0, dossier) { held in !precedes(source, held.source) } }
            if unitSpelling[unit].map({ precedes($0.source, source) }) ?? true {
                unitSpelling[unit] = (source, spelling)
            }
        }
        let inputs = records.map(\.summary).enumerated().map { index, summary in
            var s = summary
            s.rejectsByReason = [:]
            return s
        }
        var withRejects = inputs
        for row in try Row.fetchAll(db, sql: "SELECT import_id, reason_code, COUNT(*) AS n FROM reject GROUP BY import_id, reason_code") {
            guard let index = indexOfImport[row["import_id"]], let reason = RejectReason(rawValue: row["reason_code"]) else { continue }
            withRejects[Int(index)].rejectsByReason[reason] = row["n"]
        }
        let fieldNames = Dictionary(uniqueKeysWithValues: fields.canonicalNames.map { (FieldID(rawValue: $0.key.rawValue), $0.value) })
        return DossierSet(table: table, unitNames: unitSpelling.mapValues { units.displayName(of: $0.spelling) },
                          fieldNames: fieldNames, inputs: withRejects, collapsed: occurrences - table.count,
                          aliasUses: units.aliasUses(table.dossiers))
    }
}

extension MotcuaStore {
    /// The procedure name (procedure_name, else procedure_code) at each of `sources`, whose
    /// `file` indexes imports in id order, as ``dossierSet(only:)`` numbers them.
    public func procedures(at sources: Set<SourceLine>, only: Set<Int64>? = nil) throws(StoreError) -> [SourceLine: String] {
        do {
            return try writer.read { db in
                let ids = try Self.importIDs(db, only: only)
                var out: [SourceLine: String] = [:]
                let statement = try db.makeStatement(sql: """
                    SELECT COALESCE(procedure_name, procedure_code) FROM occurrence_detail WHERE import_id = ? AND line = ?
                    """)
                for source in sources where Int(source.file) < ids.count {
                    if let name = try String.fetchOne(statement, arguments: [ids[Int(source.file)], Int(source.line)]) {
                        out[source] = name
                    }
                }
                return out
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Every stored row about dossier `code`: accepted occurrences and rejected rows.
    public func occurrences(of code: String) throws(StoreError) -> [OccurrenceListing] {
        do {
            return try writer.read { db in
                let records = try ImportRecord.order(Column("id")).fetchAll(db)
                let index = Dictionary(uniqueKeysWithValues: records.enumerated().compactMap { i, r in r.id.map { ($0, (Int32(i), r.fileName)) } })
                var out: [OccurrenceListing] = []
                for row in try Row.fetchAll(db, sql: """
                    SELECT o.*, u.name AS unit_name FROM occurrence_detail o JOIN unit_spelling u ON u.id = o.unit_spelling_id
                    WHERE o.code = ? ORDER BY o.import_id, o.line
                    """, arguments: [code]) {
                    guard let (file, name) = index[row["import_id"]],
                          let channel = Channel(rawValue: row["channel"]), let status = Status(rawValue: row["status"]) else { continue }
                    let dossier = Dossier(
                        unit: UnitID(rawValue: 0), channel: channel, status: status, received: LocalMoment(seconds: row["received"]),
                        due: (row["due"] as Int64?).map(LocalMoment.init(seconds:)),
                        finished: (row["finished"] as Int64?).map(LocalMoment.init(seconds:)),
                        digitisedDossier: row["digitised_dossier"], digitisedResult: row["digitised_result"],
                        source: SourceLine(file: file, line: row["line"]))
                    out.append(OccurrenceListing(file: name, fileIndex: file, line: row["line"], code: code,
                                                 procedure: row["procedure_name"] ?? row["procedure_code"],
                                                 unit: row["unit_name"], dossier: dossier, reject: nil))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM reject WHERE code = ? ORDER BY import_id, line", arguments: [code]) {
                    guard let (file, name) = index[row["import_id"]] else { continue }
                    let reject = Reject(file: name, line: row["line"], field: (row["field"] as String?).flatMap(CanonicalField.init(rawValue:)),
                                        reason: RejectReason(rawValue: row["reason_code"]) ?? .malformedQuote, raw: row["raw"])
                    out.append(OccurrenceListing(file: name, fileIndex: file, line: reject.line, code: code, procedure: nil,
                                                 unit: nil, dossier: nil, reject: reject))
                }
                return out.sorted { ($0.fileIndex, $0.line) < ($1.fileIndex, $1.line) }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private static func importIDs(_ db: Database, only: Set<Int64>?) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM import ORDER BY id").filter { only?.contains($0) ?? true }
    }
}
