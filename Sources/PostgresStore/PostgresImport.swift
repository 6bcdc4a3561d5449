import Crypto
import Foundation
import Ingest
import PostgresNIO
import Store

/// One file's import into PostgreSQL, as one transaction on one connection:
///
/// 1. the import's row (its hash still pending);
/// 2. the accepted rows into `occurrence` with COPY, straight from the reader's batches, and
///    the rejected rows into `reject` with COPY;
/// 3. the file's unit spellings and procedures into their dictionaries (``PostgresDictionaries``);
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
    let reader: ExportReader
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
        var spellings: [DictionaryEntry] = []
        var procedures: [DictionaryEntry] = []
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
        // The merge joins the file's rows with `current`: in memory rather than on disk.
        try await connection.query("SET LOCAL work_mem = '256MB'", logger: logger)
        var record = record
        let (id, importedAt) = try await insertRecord(connection)
        record.id = id
        record.importedAt = importedAt
        let totals = try await copyRows(connection, importID: id)
        try await copyRejects(totals.rejects, importID: id, connection)
        try await PostgresDictionaries.add(spellings: totals.spellings, procedures: totals.procedures, on: connection)
        try await connection.query("""
            INSERT INTO import_procedure (import_id, procedure_id) SELECT \(id), unnest(\(totals.procedures.map(\.id))::bigint[])
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

        try await PostgresCurrentState.merge(
            importID: id, rank: (asOfKey, baseName, record.fileName), superseded: totals.last.supersededLines,
            latestSpellings: totals.last.latestSpellings, on: connection)
        return .imported(record, rejects: totals.rejects.map(\.reject))
    }

    private func insertRecord(_ connection: PostgresConnection) async throws -> (Int64, Date) {
        let r = record
        let rows = try await connection.query("""
            INSERT INTO import (file_name, base_name, sha256, bytes, export_kind, encoding, delimiter, as_of, as_of_key,
                                rows_read, accepted, rejected, blank_records, ignored_columns)
            VALUES (\(r.fileName), \(baseName), \(r.sha256), \(r.bytes), \(r.exportKind), \(r.encoding), \(r.delimiter),
                    NULL, \(Int64.min), 0, 0, 0, 0, \(r.ignoredColumns))
            RETURNING id, imported_at
            """, logger: PostgresSession.logger)
        for try await (id, at) in rows.decode((Int64, Date).self) { return (id, at) }
        throw UnexpectedReply("INSERT … RETURNING gave no id")
    }

    /// Reads the file on a thread of its own and sends every accepted row to `occurrence` as
    /// the reader makes them; keeps the rest.
    private func copyRows(_ connection: PostgresConnection, importID: Int64) async throws -> Totals {
        var totals = Totals()
        let pipeline = Pipeline(producer: CopyBatch.producer(reader, importID: importID))
        defer { pipeline.cancel() }
        let progress = progress
        try await connection.copyFrom(table: "occurrence", columns: CopyBatch.columns, logger: PostgresSession.logger) { writer in
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
                text.text(reject.field)
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
