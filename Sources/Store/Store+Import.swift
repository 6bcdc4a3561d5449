import Foundation
import GRDB
import GRDBSQLite
import Ingest

extension MotcuaStore {
    /// Imports one export file in one transaction: its import record, every accepted
    /// occurrence and every rejected row, the dossiers' current state merged, or nothing at all (an error, a killed process or a
    /// full disk leaves the store as it was).
    ///
    /// Throws `IngestError` for a file that cannot be read (exit 66) and ``StoreError`` for
    /// the store.
    public func importFile(_ export: OpenedExport, options: ImportOptions, progress: @escaping (Double) -> Void,
                           onReject: (Reject) -> Void) throws -> ImportOutcome {
        // Opened once; checked and its header read before the store is locked.
        let (file, reader) = (export.file, export.reader)
        do {
            var rejects: [Reject] = []
            let outcome = try Self.withoutForeignKeyChecks(writer) { db -> ImportOutcome in
                // A file already in the store has the size of an import stored: only then is
                // its hash needed before its rows are read (an export imported again, as a
                // nightly job does, changes nothing and costs one read of the file). Any other
                // file is hashed while its dossiers are merged into the current state, on the
                // core the merge leaves idle, not while the rows are read, when both are busy.
                var hash: String?
                if try ImportRecord.filter(Column("bytes") == file.size).fetchCount(db) > 0 {
                    let sha256 = try FileDigest.sha256(of: file)
                    if let existing = try ImportRecord.filter(Column("sha256") == sha256).fetchOne(db) {
                        throw AlreadyImported(record: existing)
                    }
                    hash = sha256
                }
                let (record, spellingLines) = try Self.importRows(db, reader: reader, options: options, progress: progress) {
                    rejects.append($0)
                }
                let digest = hash == nil ? FileDigest(file: file) : nil
                var done = record
                if let id = done.id {
                    try Self.setRank(db, id: id, fileName: done.fileName, asOf: done.asOf)
                    try Self.mergeCurrentState(db, importID: id, spellingLines: spellingLines)
                }
                let sha256 = try hash ?? digest?.value() ?? FileDigest.sha256(of: file)
                // Found only by its size above; checked again all the same.
                if hash == nil, let existing = try ImportRecord.filter(Column("sha256") == sha256).fetchOne(db) {
                    throw AlreadyImported(record: existing)
                }
                done.sha256 = sha256
                try done.update(db)
                return .imported(done)
            }
            // Rejects are reported once the import is committed: a rolled-back import has none.
            rejects.forEach(onReject)
            return outcome
        } catch let duplicate as AlreadyImported {
            return .alreadyImported(duplicate.record)
        } catch let error as IngestError {
            throw error
        } catch {
            throw Self.translate(error, path: self.path)
        }
    }

    /// Runs `body` in one immediate transaction without SQLite's foreign key checks: every key
    /// an import writes is one it has just read or inserted in that transaction, and checking
    /// them cost three look-ups per row. Removals (whose deletes cascade) keep the checks.
    private static func withoutForeignKeyChecks<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            // A no-op inside a transaction: set before it begins, restored after it ends.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "import did not finish") }
            return result
        }
    }

    /// Rolls the transaction back when the file turns out to be in the store already.
    private struct AlreadyImported: Error {
        var record: ImportRecord
    }

    /// Inserts the rows of `reader` as it reads them (its parts are read on the other cores);
    /// also gives the last line of each unit spelling.
    ///
    /// The rows are taken here, one by one: a thread that copied them into batches for this
    /// one (before the reader read on every core) cost more than the copies saved.
    private static func importRows(_ db: Database, reader: ExportReader, options: ImportOptions,
                                   progress: (Double) -> Void,
                                   onReject: (Reject) -> Void) throws -> (ImportRecord, spellingLines: [Int64: Int64]) {
        let ignored = String(decoding: try JSONEncoder().encode(reader.header.ignored), as: UTF8.self)
        var record = ImportRecord(
            id: nil, fileName: reader.name, sha256: "pending:" + UUID().uuidString, bytes: reader.byteCount,
            exportKind: reader.header.kind.rawValue, encoding: reader.encoding.rawValue, delimiter: Int(reader.delimiter),
            asOf: nil, rowsRead: 0, accepted: 0, rejected: 0, blankRecords: 0, ignoredColumns: ignored,
            importedAt: Date())
        try record.insert(db)
        guard let importID = record.id else { throw DatabaseError(resultCode: .SQLITE_ERROR, message: "import has no id") }

        var occurrences = try OccurrenceWriter(db, importID: importID)
        var procedures = ProcedureIDs(db)
        let insertReject = try db.makeStatement(sql: """
            INSERT INTO reject (import_id, line, code, field, reason, reason_code, raw) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var spellingIDs: [Int32: Int64] = [:]  // reader's spelling id → unit_spelling.id
        var spellingLines: [Int64: Int64] = [:]  // unit_spelling.id → its last line in the file
        var asOf: LocalMoment?
        var rejected = 0, accepted = 0, sinceProgress = 0

        while let row = try reader.next() {
            sinceProgress += 1
            if sinceProgress == 8192 {
                sinceProgress = 0
                progress(reader.byteCount > 0 ? min(1, Double(row.position.byte) / Double(reader.byteCount)) : 1)
            }
            switch row.outcome {
            case .accepted(let facts):
                let spellingID: Int64
                if let known = spellingIDs[facts.unitSpelling.rawValue] {
                    spellingID = known
                } else {
                    spellingID = try unitSpellingID(db, reader.units.text(of: facts.unitSpelling))
                    spellingIDs[facts.unitSpelling.rawValue] = spellingID
                }
                if asOf.map({ $0 < facts.latestMoment }) ?? true { asOf = facts.latestMoment }
                spellingLines[spellingID] = Int64(facts.dossier.source.line)
                let procedureID = try procedures.id(of: row)
                try row.withCode { code in
                    try occurrences.append(code: code, spelling: spellingID, facts: facts, procedure: procedureID)
                }
                accepted += 1
            case .rejected(let reject):
                let code = row.code
                try insertReject.execute(arguments: [importID, reject.line, code.isEmpty ? nil : code, reject.field, reject.sentence,
                                                     reject.reason.rawValue, reject.raw])
                onReject(reject)
                rejected += 1
            }
        }
        try occurrences.flush()
        progress(1)
        record.asOf = (options.asOf ?? asOf)?.seconds
        record.rowsRead = reader.rowsRead
        record.accepted = accepted
        record.rejected = rejected
        record.blankRecords = reader.blankRecords
        try record.update(db)
        record.cutOff = reader.cutOff
        return (record, spellingLines)
    }

    private static func unitSpellingID(_ db: Database, _ name: String) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO unit_spelling (name) VALUES (?)", arguments: [name])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit_spelling WHERE name = ?", arguments: [name]) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "unit spelling not stored")
        }
        return id
    }
}

/// The ids of the `procedure` rows an import refers to, looked up by the bytes of the four
/// texts: a cache hit per row instead of four text columns.
private struct ProcedureIDs {
    let db: Database
    private var known = ByteKeyedCache<Int64>(capacity: 1 << 16)
    private var key: [UInt8] = []

    init(_ db: Database) { self.db = db }

    /// The id of `row`'s procedure, stored when first met; nil when it has none of the fields.
    mutating func id(of row: ExportRow) throws -> Int64? {
        guard ProcedureKey.write(row, into: &key) else { return nil }
        if let id = key.withUnsafeBufferPointer({ known.lookup($0) }) { return id }
        let values = ProcedureKey.texts(row)
        try db.execute(sql: """
            INSERT OR IGNORE INTO procedure (procedure_code, procedure_name, field_code, field_name) VALUES (?, ?, ?, ?)
            """, arguments: StatementArguments(values))
        guard let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM procedure WHERE procedure_code = ? AND procedure_name = ? AND field_code = ? AND field_name = ?
            """, arguments: StatementArguments(values)) else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "procedure not stored")
        }
        key.withUnsafeBufferPointer { known.insert($0, id) }
        return id
    }
}
