import PostgresNIO

/// Keeps `current` (each dossier's winning occurrence) and `spelling_latest` (each unit
/// spelling's latest occurrence) by the as-of rule, in the transaction of the import or
/// removal that changes them, under the merge lock.
///
/// An import ranks by `(as_of_key, base_name, file_name, id)`, higher wins, text by code point
/// (`COLLATE "C"`): ``Ingest/FileRank`` with ties broken by import order, as ``Ingest/AsOfMerger``
/// breaks them by input order. Within an import the later line wins.
enum PostgresCurrentState {
    /// The state columns `current` holds, as `occurrence` names them.
    static let stateColumns = """
        unit_spelling_id, channel, status, received, due, finished, digitised_dossier, digitised_result, procedure_id
        """

    /// Merges the import being made (its rows in `motcua_staging`): its last line of each code
    /// replaces the held row unless that comes from an import ranking higher; the same for
    /// each spelling (`latestSpellings`: their ids and last lines).
    static func merge(importID: Int64, rank: (asOfKey: Int64, baseName: String, fileName: String),
                      spellingIDs: [Int64], procedureIDs: [Int64], latestSpellings: ([Int64], [Int32]),
                      on connection: PostgresConnection) async throws {
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
            INSERT INTO current AS c (code, import_id, line, \(unescaped: stateColumns))
            SELECT DISTINCT ON (code) code, \(importID), line, (\(spellingIDs)::bigint[])[spelling + 1], channel, status,
                   received, due, finished, digitised_dossier, digitised_result, (\(procedureIDs)::bigint[])[procedure + 1]
            FROM motcua_staging
            ORDER BY code, line DESC
            ON CONFLICT (code) DO UPDATE SET
                import_id = EXCLUDED.import_id, line = EXCLUDED.line, unit_spelling_id = EXCLUDED.unit_spelling_id,
                channel = EXCLUDED.channel, status = EXCLUDED.status, received = EXCLUDED.received, due = EXCLUDED.due,
                finished = EXCLUDED.finished, digitised_dossier = EXCLUDED.digitised_dossier,
                digitised_result = EXCLUDED.digitised_result, procedure_id = EXCLUDED.procedure_id
            WHERE c.import_id <> ALL(\(higher)::bigint[])
            """, logger: logger)
        try await connection.query("""
            INSERT INTO spelling_latest AS l (unit_spelling_id, import_id, line)
            SELECT id, \(importID), line FROM unnest(\(latestSpellings.0)::bigint[], \(latestSpellings.1)::int[]) AS t(id, line)
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
            INSERT INTO current (code, import_id, line, \(unescaped: stateColumns))
            SELECT DISTINCT ON (o.code) o.code, o.import_id, o.line, o.unit_spelling_id, o.channel, o.status, o.received,
                   o.due, o.finished, o.digitised_dossier, o.digitised_result, o.procedure_id
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
