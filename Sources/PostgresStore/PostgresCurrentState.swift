import PostgresNIO

/// Keeps `current` (each dossier's winning occurrence) and `spelling_latest` (each unit
/// spelling's latest occurrence) by the as-of rule, in the transaction of the import or
/// removal that changes them, under the merge lock.
///
/// An import ranks by `(as_of_key, base_name, file_name, id)`, higher wins, text by code point
/// (`COLLATE "C"`): ``Ingest/FileRank`` with ties broken by import order, as ``Ingest/AsOfMerger``
/// breaks them by input order. Within an import the later line wins.
enum PostgresCurrentState {
    /// `current`'s columns after its code, as `occurrence` names them.
    private static let columns = "import_id, line, " + PostgresStateColumns.list()
    private static let occurrenceColumns = "o.import_id, o.line, " + PostgresStateColumns.list("o.")

    /// Merges the import being made: its last line of each dossier (its rows in `occurrence`
    /// but the `superseded` lines, whose dossier comes again further down) replaces the held row
    /// unless that comes from an import ranking higher, or becomes the dossier's row; the same
    /// for each spelling (`latestSpellings`: its id and last line). A join of the file's rows
    /// with `current`, then the new dossiers: no writer but the lock's holder touches `current`.
    static func merge(importID: Int64, rank: (asOfKey: Int64, baseName: String, fileName: String), superseded: [Int32],
                      latestSpellings: [(id: Int64, line: Int32)], on connection: PostgresConnection) async throws {
        let logger = PostgresSession.logger
        // Until the commit: concurrent merges take turns, so each sees the others' results.
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.mergeLock))", logger: logger)
        // The imports whose rows stay where they are: usually none (a new month ranks highest).
        var higher: [Int64] = []
        for try await id in try await connection.query("""
            SELECT id FROM import
            WHERE (as_of_key, base_name, file_name, id) > (\(rank.asOfKey), \(rank.baseName)::text COLLATE "C",
                                                          \(rank.fileName)::text COLLATE "C", \(importID))
            """, logger: logger).decode(Int64.self) {
            higher.append(id)
        }
        try await connection.query("""
            UPDATE current c SET (\(unescaped: columns)) = (\(unescaped: occurrenceColumns))
            FROM occurrence o
            WHERE o.import_id = \(importID) AND c.code = o.code AND c.import_id <> ALL(\(higher)::bigint[])
              AND NOT EXISTS (SELECT 1 FROM unnest(\(superseded)::int[]) AS s(line) WHERE s.line = o.line)
            """, logger: logger)
        try await connection.query("""
            INSERT INTO current (code, \(unescaped: columns))
            SELECT o.code, \(unescaped: occurrenceColumns)
            FROM occurrence o
            WHERE o.import_id = \(importID)
              AND NOT EXISTS (SELECT 1 FROM unnest(\(superseded)::int[]) AS s(line) WHERE s.line = o.line)
              AND NOT EXISTS (SELECT 1 FROM current c WHERE c.code = o.code)
            """, logger: logger)
        try await connection.query("""
            INSERT INTO spelling_latest AS l (unit_spelling_id, import_id, line)
            SELECT id, \(importID), line
            FROM unnest(\(latestSpellings.map(\.id))::bigint[], \(latestSpellings.map(\.line))::int[]) AS t(id, line)
            ON CONFLICT (unit_spelling_id) DO UPDATE SET import_id = EXCLUDED.import_id, line = EXCLUDED.line
            WHERE l.import_id <> ALL(\(higher)::bigint[])
            """, logger: logger)
    }

    /// After import `importID`'s occurrences are deleted: every dossier and spelling it held
    /// falls back to its next occurrence by rank (or goes, when none is left). A scan of the
    /// remaining occurrences of those codes and spellings: removals are rare.
    static func fallBack(removing importID: Int64, on connection: PostgresConnection) async throws {
        let logger = PostgresSession.logger
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.mergeLock))", logger: logger)
        try await connection.query(
            "CREATE TEMPORARY TABLE motcua_affected (code text COLLATE \"C\") ON COMMIT DROP", logger: logger)
        try await connection.query("""
            WITH gone AS (DELETE FROM current WHERE import_id = \(importID) RETURNING code)
            INSERT INTO motcua_affected SELECT code FROM gone
            """, logger: logger)
        try await connection.query("""
            INSERT INTO current (code, \(unescaped: columns))
            SELECT DISTINCT ON (o.code) o.code, \(unescaped: occurrenceColumns)
            FROM motcua_affected a JOIN occurrence o ON o.code = a.code JOIN import i ON i.id = o.import_id
            ORDER BY o.code, i.as_of_key DESC, i.base_name DESC, i.file_name DESC, i.id DESC, o.line DESC
            """, logger: logger)
        try await connection.query(
            "CREATE TEMPORARY TABLE motcua_affected_spellings (unit_spelling_id bigint) ON COMMIT DROP", logger: logger)
        try await connection.query("""
            WITH gone AS (DELETE FROM spelling_latest WHERE import_id = \(importID) RETURNING unit_spelling_id)
            INSERT INTO motcua_affected_spellings SELECT unit_spelling_id FROM gone
            """, logger: logger)
        try await connection.query("""
            INSERT INTO spelling_latest (unit_spelling_id, import_id, line)
            SELECT DISTINCT ON (o.unit_spelling_id) o.unit_spelling_id, o.import_id, o.line
            FROM motcua_affected_spellings a JOIN occurrence o ON o.unit_spelling_id = a.unit_spelling_id
                 JOIN import i ON i.id = o.import_id
            ORDER BY o.unit_spelling_id, i.as_of_key DESC, i.base_name DESC, i.file_name DESC, i.id DESC, o.line DESC
            """, logger: logger)
    }
}
