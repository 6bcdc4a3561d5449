import NIOCore
import PostgresNIO

/// `current` read in batches: one `bytea` a result row for every 64 pages of the table, its rows
/// back to back as the code's length (4 bytes, big-endian), the code's UTF-8 and the packed state
/// (``PostgresStateColumns/packed(_:)``).
///
/// Why: postgres-nio costs some microseconds a result row (an async step, a data row taken
/// apart), which a report paid a million times; here it pays it some 270 times and reads the
/// rest from memory. The pages are taken as ranges of `ctid` (a TID range scan, PostgreSQL 14
/// and later; older servers read row by row): one statement, so one snapshot, and every row
/// once, in the table's order, as a plain scan gives them.
enum PackedBatches {
    static let pagesPerBatch = 64

    static var query: PostgresQuery {
        """
        SELECT (SELECT string_agg(int4send(octet_length(code)) || convert_to(code, 'UTF8') || \(unescaped: PostgresStateColumns.packed()), ''::bytea)
                FROM current WHERE ctid >= format('(%s,0)', b)::tid AND ctid < format('(%s,0)', b + \(unescaped: String(pagesPerBatch)))::tid)
        FROM generate_series(0::bigint, pg_relation_size('current') / current_setting('block_size')::bigint, \(unescaped: String(pagesPerBatch))) AS b
        """
    }

    /// Whether the server scans `ctid` ranges (PostgreSQL 14 and later): an older one would read
    /// the whole table for every batch.
    static func serverScansRanges(_ connection: PostgresConnection) async throws -> Bool {
        var version: Int32 = 0
        // Read to the end: a row stream left early is cancelled, not finished.
        for try await number in try await connection.query("SELECT current_setting('server_version_num')::int",
                                                           logger: PostgresSession.logger).decode(Int32.self) {
            version = number
        }
        return version >= 140_000
    }

    /// The next row of a batch: its code's bytes and its packed state.
    static func next(in batch: inout ByteBuffer) throws -> (code: ByteBuffer, state: ByteBuffer) {
        guard let length = batch.readInteger(as: Int32.self), length >= 0,
              let code = batch.readSlice(length: Int(length)),
              let state = batch.readSlice(length: PackedState.size) else {
            throw UnexpectedReply("a batch of packed states cut short")
        }
        return (code, state)
    }
}
