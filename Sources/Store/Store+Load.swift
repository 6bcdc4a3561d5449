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
    public func dossierSet() throws(StoreError) -> DossierSet {
        do {
            return try writer.read { db in try Self.dossierSet(db) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private static func dossierSet(_ db: Database) throws -> DossierSet {
        let records = try ImportRecord.order(Column("id")).fetchAll(db)
        var indexOfImport: [Int64: Int32] = [:]
        for (index, record) in records.enumerated() { if let id = record.id { indexOfImport[id] = Int32(index) } }
        let ranks = records.map { FileRank(asOf: $0.asOf.map(LocalMoment.init(seconds:)), name: $0.fileName) }

        let units = UnitRegistry()
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
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT import_id, line, code, unit_spelling_id, channel, status, received, due, finished,
                   digitised_dossier, digitised_result
            FROM occurrence
            """)
        while let row = try cursor.next() {
            guard let file = indexOfImport[row[0]], let (unit, spelling) = spellings[row[3]],
                  let channel = Channel(rawValue: row[4]), let status = Status(rawValue: row[5]) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "occurrence out of vocabulary")
            }
            occurrences += 1
            let source = SourceLine(file: file, line: row[1])
            let dossier = Dossier(
                unit: unit, channel: channel, status: status, received: LocalMoment(seconds: row[6]),
                due: (row[7] as Int64?).map(LocalMoment.init(seconds:)),
                finished: (row[8] as Int64?).map(LocalMoment.init(seconds:)),
                digitisedDossier: row[9], digitisedResult: row[10], source: source)
            let code: String = row[2]
            var bytes = code
            bytes.withUTF8 { table.upsert(code: $0, dossier) { held in !precedes(source, held.source) } }
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
        return DossierSet(table: table, unitNames: unitSpelling.mapValues { units.text(of: $0.spelling) },
                          inputs: withRejects, collapsed: occurrences - table.count)
    }
}
