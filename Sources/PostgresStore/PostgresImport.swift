import Crypto
import Foundation
import Ingest
import PostgresNIO
import Store

/// One file's import into PostgreSQL, as one transaction on one connection:
///
/// 1. the import's row (its hash still pending), and a temporary staging table;
/// 2. the accepted rows into staging with COPY, straight from the reader's batches, and the
///    rejected rows into `reject` with COPY;
/// 3. the file's unit spellings and procedures into their dictionaries, each in one statement
///    in key order (importers adding the same new names wait for one another, never in a
///    cycle), then staging into `occurrence` with their ids;
/// 4. the import's hash and totals (a file already in the store fails here, on the unique
///    hash: it then changes nothing);
/// 5. under the merge lock, the file's latest occurrence of each dossier and spelling into
///    `current` and `spelling_latest` where it outranks what they hold; commit.
///
/// Steps 1–4 of several importers run side by side; step 5 takes turns, briefly.
struct PostgresImport: Sendable {
    /// The import's row as first written.
    var record: ImportRecord
    var baseName: String
    var statedAsOf: LocalMoment?
    let pipeline: Pipeline<CopyBatch>
    let progress: @Sendable (Double) -> Void

    /// What the transaction did.
    enum Result: Sendable {
        case imported(ImportRecord, rejects: [Reject])
        case alreadyImported(ImportRecord)
        /// The file could not be read after all (the transaction was rolled back).
        case unreadable(IngestError)
    }

    /// What the batches added up to.
    private struct Totals {
        var accepted = 0
        var rejects: [(reject: Reject, code: String?)] = []
        var spellings: [(local: Int32, name: String)] = []
        var procedures: [(local: Int32, key: [UInt8], texts: [String])] = []
        var last = CopyBatch()
    }

    func run(on connection: PostgresConnection, hash: @Sendable () throws(IngestError) -> String) async throws -> Result {
        do {
            return try await connection.transaction { try await transaction(connection, hash: hash) }
        } catch {
            if let error = error as? IngestError { return .unreadable(error) }
            if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505",
               error.serverInfo?[.constraintName] == "import_sha256_key", let hash = try? hash(),
               let existing = try await PostgresRecords.importRecord(sha256: hash, on: connection) {
                return .alreadyImported(existing)
            }
            throw error
        }
    }

    private func transaction(_ connection: PostgresConnection, hash: @Sendable () throws(IngestError) -> String) async throws -> Result {
        let logger = PostgresSession.logger
        // The merge sorts the file's rows by code: in memory rather than on disk.
        try await connection.query("SET LOCAL work_mem = '256MB'", logger: logger)
        var record = record
        let id = try await insertRecord(connection)
        record.id = id
        try await connection.query("""
            CREATE TEMPORARY TABLE motcua_staging (
                line integer, code text COLLATE "C", spelling integer, channel smallint, status smallint,
                received bigint, due bigint, finished bigint, digitised_dossier boolean, digitised_result boolean,
                processed bigint, handed_over bigint, procedure integer
            ) ON COMMIT DROP
            """, logger: logger)
        let totals = try await copyRows(connection)
        try await copyRejects(totals.rejects, importID: id, connection)
        let spellingIDs = try await PostgresDictionaries.spellings(totals.spellings, on: connection)
        let procedureIDs = try await PostgresDictionaries.procedures(totals.procedures, on: connection)
        try await connection.query("""
            INSERT INTO occurrence (import_id, line, code, unit_spelling_id, channel, status, received, due, finished,
                                    digitised_dossier, digitised_result, processed, handed_over, procedure_id)
            SELECT \(id), line, code, (\(spellingIDs)::bigint[])[spelling + 1], channel, status, received, due, finished,
                   digitised_dossier, digitised_result, processed, handed_over, (\(procedureIDs)::bigint[])[procedure + 1]
            FROM motcua_staging
            """, logger: logger)
        try await connection.query("""
            INSERT INTO import_procedure (import_id, procedure_id) SELECT \(id), unnest(\(procedureIDs)::bigint[])
            """, logger: logger)

        record.sha256 = try hash()
        record.asOf = (statedAsOf ?? totals.last.asOf)?.seconds
        record.rowsRead = totals.last.rowsRead
        record.accepted = totals.accepted
        record.rejected = totals.rejects.count
        record.blankRecords = totals.last.blankRecords
        let asOfKey = record.asOf ?? Int64.min
        try await connection.query("""
            UPDATE import SET sha256 = \(record.sha256), as_of = \(record.asOf), as_of_key = \(asOfKey),
                rows_read = \(record.rowsRead), accepted = \(record.accepted), rejected = \(record.rejected),
                blank_records = \(record.blankRecords)
            WHERE id = \(id)
            """, logger: logger)

        let lines = totals.last.lastLineOfSpelling
        let spellings = lines.indices.filter { lines[$0] >= 0 }
        try await PostgresCurrentState.merge(
            importID: id, rank: (asOfKey, baseName, record.fileName), spellingIDs: spellingIDs,
            procedureIDs: procedureIDs, latestSpellings: (spellings.map { spellingIDs[$0] }, spellings.map { lines[$0] }),
            on: connection)
        return .imported(record, rejects: totals.rejects.map(\.reject))
    }

    private func insertRecord(_ connection: PostgresConnection) async throws -> Int64 {
        let r = record
        let rows = try await connection.query("""
            INSERT INTO import (file_name, base_name, sha256, bytes, export_kind, encoding, delimiter, as_of, as_of_key,
                                rows_read, accepted, rejected, blank_records, ignored_columns)
            VALUES (\(r.fileName), \(baseName), \(r.sha256), \(r.bytes), \(r.exportKind), \(r.encoding), \(r.delimiter),
                    NULL, \(Int64.min), 0, 0, 0, 0, \(r.ignoredColumns))
            RETURNING id
            """, logger: PostgresSession.logger)
        for try await id in rows.decode(Int64.self) { return id }
        throw UnexpectedReply("INSERT … RETURNING gave no id")
    }

    /// Sends every accepted row to staging as the reader makes them; keeps the rest.
    private func copyRows(_ connection: PostgresConnection) async throws -> Totals {
        var totals = Totals()
        let pipeline = pipeline, progress = progress
        try await connection.copyFrom(table: "motcua_staging", columns: CopyBatch.stagingColumns,
                                      logger: PostgresSession.logger) { writer in
            // The pipeline's `next` waits for the reader's thread: this task runs on a thread of
            // its own (PostgresSession's executor), not on Swift's cooperative pool.
            while let batch = try pipeline.next() {
                progress(batch.fraction)
                if batch.rows.readableBytes > 0 { try await writer.write(batch.rows) }
                totals.accepted += batch.accepted
                totals.rejects += batch.rejects
                totals.spellings += batch.newSpellings
                totals.procedures += batch.newProcedures
                totals.last = batch
            }
        }
        return totals
    }

    private func copyRejects(_ rejects: [(reject: Reject, code: String?)], importID: Int64,
                             _ connection: PostgresConnection) async throws {
        guard !rejects.isEmpty else { return }
        try await connection.copyFrom(table: "reject", columns: ["import_id", "line", "code", "field", "reason", "reason_code", "raw"],
                                      logger: PostgresSession.logger) { writer in
            var text = CopyText(capacity: 1 << 20)
            for (reject, code) in rejects {
                text.integer(importID)
                text.integer(reject.line)
                text.text(code)
                text.text(reject.field?.rawValue)
                text.text(reject.sentence)
                text.text(reject.reason.rawValue)
                text.text(reject.raw)
                text.endRow()
                if text.count >= 1 << 20 { try await writer.write(text.take()) }
            }
            if !text.isEmpty { try await writer.write(text.take()) }
        }
    }
}
