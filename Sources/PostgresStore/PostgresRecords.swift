import Foundation
import Ingest
import PostgresNIO
import Store

/// Reading back what imports stored: their records and their rejected rows.
enum PostgresRecords {
    private static let importColumns = """
        id, file_name, sha256, bytes, export_kind, encoding, delimiter, as_of, rows_read, accepted, rejected,
        blank_records, ignored_columns, imported_at
        """

    /// Every import, in id order (their index is the `file` of their occurrences' `SourceLine`s).
    static func imports(on connection: PostgresConnection) async throws -> [ImportRecord] {
        try await records(connection.query("SELECT \(unescaped: importColumns) FROM import ORDER BY id",
                                           logger: PostgresSession.logger))
    }

    static func importRecord(sha256: String, on connection: PostgresConnection) async throws -> ImportRecord? {
        try await records(connection.query("SELECT \(unescaped: importColumns) FROM import WHERE sha256 = \(sha256)",
                                           logger: PostgresSession.logger)).first
    }

    static func importRecord(id: Int64, on connection: PostgresConnection) async throws -> ImportRecord? {
        try await records(connection.query("SELECT \(unescaped: importColumns) FROM import WHERE id = \(id) FOR UPDATE",
                                           logger: PostgresSession.logger)).first
    }

    private static func records(_ rows: PostgresRowSequence) async throws -> [ImportRecord] {
        var out: [ImportRecord] = []
        for try await (id, file, sha, bytes, kind, encoding, delimiter, asOf, read, accepted, rejected, blank, ignored, at)
            in rows.decode((Int64, String, String, Int64, String, String, Int32, Int64?, Int64, Int64, Int64, Int64,
                            String, Date).self) {
            out.append(ImportRecord(
                id: id, fileName: file, sha256: sha, bytes: Int(bytes), exportKind: kind, encoding: encoding,
                delimiter: Int(delimiter), asOf: asOf, rowsRead: Int(read), accepted: Int(accepted), rejected: Int(rejected),
                blankRecords: Int(blank), ignoredColumns: ignored, importedAt: at))
        }
        return out
    }

    /// The rejected rows of the imports in `only` (every import when nil), in import and line
    /// order; `code` limits them to one dossier's.
    static func rejects(only: Set<Int64>?, code: String? = nil,
                        on connection: PostgresConnection) async throws -> [(importID: Int64, reject: Reject)] {
        let names = Dictionary(uniqueKeysWithValues: try await imports(on: connection).compactMap { r in r.id.map { ($0, r.fileName) } })
        let rows = try await connection.query("""
            SELECT import_id, line, field, reason_code, raw FROM reject
            WHERE (\(code)::text IS NULL OR code = \(code)) ORDER BY import_id, line
            """, logger: PostgresSession.logger)
        var out: [(Int64, Reject)] = []
        for try await (importID, line, field, reason, raw) in rows.decode((Int64, Int32, String?, String, String).self) {
            guard only?.contains(importID) ?? true else { continue }
            out.append((importID, Reject(file: names[importID] ?? "?", line: Int(line),
                                         field: field,
                                         reason: RejectReason(rawValue: reason) ?? .malformedQuote, raw: raw)))
        }
        return out
    }
}
