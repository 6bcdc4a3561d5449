import GRDB
import Ingest

/// Each dossier's current state (STORE-DESIGN.md): `current` holds the winning occurrence of
/// every dossier code and `spelling_latest` the latest occurrence of every unit spelling, by
/// the as-of rule (``FileRank``, ties by import id, then the later line), kept in the
/// transaction of every import and removal, so that a report over all imports reads one row
/// per dossier however many imports overlap. The occurrences stay for audit.
extension MotcuaStore {
    /// The rank of an import, in SQL: compared as a row value, higher wins. `as_of_key` is the
    /// as-of or the smallest 64-bit integer; text compares by code point (BINARY on UTF-8).
    static let rankColumns = "as_of_key, base_name, file_name, id"

    /// Migration v3: the rank columns on `import` (computed here for existing imports by
    /// ``FileRank``'s own rule), the two tables, filled from the occurrences already stored.
    static func migrateToCurrentState(_ db: Database) throws {
        try db.execute(sql: """
            -- Set by every import once its as-of is final (ADD COLUMN takes no expression default).
            ALTER TABLE import ADD COLUMN as_of_key INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE import ADD COLUMN base_name TEXT NOT NULL DEFAULT '';
            CREATE TABLE current (
                code TEXT PRIMARY KEY,
                import_id INTEGER NOT NULL REFERENCES import(id),
                line INTEGER NOT NULL,
                unit_spelling_id INTEGER NOT NULL REFERENCES unit_spelling(id),
                \(stateColumnNames.map { "\($0) INTEGER" }.joined(separator: ", ")),
                procedure_id INTEGER REFERENCES procedure(id)
            ) WITHOUT ROWID;
            CREATE INDEX current_by_import ON current(import_id);
            \(detailView("current_detail", of: "current"))
            CREATE TABLE spelling_latest (
                unit_spelling_id INTEGER PRIMARY KEY REFERENCES unit_spelling(id),
                import_id INTEGER NOT NULL REFERENCES import(id),
                line INTEGER NOT NULL
            );
            """)
        for row in try Row.fetchAll(db, sql: "SELECT id, file_name, as_of FROM import") {
            try setRank(db, id: row["id"], fileName: row["file_name"], asOf: row["as_of"])
        }
        // The tables are filled by v8, which makes `current` in its present layout: the merge
        // writes that layout, not this one.
        try pruneProcedures(db)
    }

    /// Fills the empty current state from every stored occurrence: each import merged in rank
    /// order, lowest first.
    static func mergeEveryImport(_ db: Database) throws {
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM import ORDER BY \(rankColumns)") {
            let lines = try Row.fetchAll(db, sql: """
                SELECT unit_spelling_id, MAX(line) FROM occurrence WHERE import_id = ? GROUP BY unit_spelling_id
                """, arguments: [id])
            try mergeCurrentState(db, importID: id, spellingLines: Dictionary(uniqueKeysWithValues: lines.map { ($0[0], $0[1]) }))
        }
    }

    /// Migration v4: `current` as a rowid table with a unique code: an import's new dossiers are
    /// appended and only the narrow index on code takes them in code order, about half the
    /// cost of a table kept in code order (measured in CPU time on the 1M-row bench file); no
    /// foreign key checked per row but the import's.
    static func migrateCurrentToRowid(_ db: Database) throws {
        try db.execute(sql: """
            DROP VIEW current_detail;
            DROP INDEX current_by_import;
            ALTER TABLE current RENAME TO current_v3;
            -- The spelling and procedure are copied from an occurrence, whose keys are checked.
            CREATE TABLE current (
                code TEXT NOT NULL UNIQUE,
                import_id INTEGER NOT NULL REFERENCES import(id),
                line INTEGER NOT NULL,
                unit_spelling_id INTEGER NOT NULL,
                \(stateColumnNames.map { "\($0) INTEGER" }.joined(separator: ", ")),
                procedure_id INTEGER
            );
            INSERT INTO current SELECT * FROM current_v3;
            DROP TABLE current_v3;
            CREATE INDEX current_by_import ON current(import_id);
            \(detailView("current_detail", of: "current"))
            """)
    }

    /// Stores the rank of import `id` (once its as-of is final).
    static func setRank(_ db: Database, id: Int64, fileName: String, asOf: Int64?) throws {
        let rank = FileRank(asOf: nil, name: fileName)
        try db.execute(sql: "UPDATE import SET as_of_key = ?, base_name = ? WHERE id = ?",
                       arguments: [asOf ?? Int64.min, rank.baseName, id])
    }

    /// Merges import `id` (its occurrences and rank written) into the current state: for each
    /// code, its last line replaces the row held when that row's import ranks below it; the
    /// same for each unit spelling (`spellingLines`: its last line in the import). Occurrences
    /// are taken in line order (their range of keys), so that a later line of the same import
    /// replaces an earlier one.
    static func mergeCurrentState(_ db: Database, importID id: Int64, spellingLines: [Int64: Int64]) throws {
        try bumpRevision(db)
        let updates = currentColumnNames.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try db.execute(sql: """
            INSERT INTO current (\(currentColumns))
            SELECT \(currentColumns(from: "occurrence")) FROM occurrence WHERE id BETWEEN :first AND :last ORDER BY id
            ON CONFLICT (code) DO UPDATE SET \(updates)
            WHERE current.occurrence_id >> 32 = :id
               OR (SELECT \(rankColumns) FROM import WHERE id = current.occurrence_id >> 32)
                < (SELECT \(rankColumns) FROM import WHERE id = :id)
            """, arguments: ["id": id, "first": occurrenceKeys(importID: id).lowerBound, "last": occurrenceKeys(importID: id).upperBound])
        let spelling = try db.makeStatement(sql: """
            INSERT INTO spelling_latest (unit_spelling_id, import_id, line) VALUES (:spelling, :id, :line)
            ON CONFLICT (unit_spelling_id) DO UPDATE SET import_id = excluded.import_id, line = excluded.line
            WHERE (SELECT \(rankColumns) FROM import WHERE id = spelling_latest.import_id)
                < (SELECT \(rankColumns) FROM import WHERE id = :id)
            """)
        for (spellingID, line) in spellingLines {
            try spelling.execute(arguments: ["spelling": spellingID, "id": id, "line": line])
        }
    }

    /// The columns of `current` (v8), its key first.
    static let currentColumnNames = ["code", "occurrence_id", "unit_spelling_id", "procedure_id", "facts", "received", "due",
                                     "finished", "apology"]
    static let currentColumns = currentColumnNames.joined(separator: ", ")

    /// ``currentColumns`` from the occurrence rows of `table` (a name or alias of `occurrence`).
    static func currentColumns(from table: String) -> String {
        "\(table).code, \(table).id AS occurrence_id, \(table).unit_spelling_id, \(table).procedure_id, " + stateCells(of: table)
    }

    /// Before import `id` is deleted: the codes and spellings whose current row came from it
    /// fall back to their best remaining occurrence (highest rank, then line), or go.
    static func withdrawCurrentState(_ db: Database, importID id: Int64) throws {
        try bumpRevision(db)
        let best = "ROW_NUMBER() OVER (PARTITION BY %@ ORDER BY i.as_of_key DESC, i.base_name DESC, i.file_name DESC, i.id DESC, o.line DESC)"
        try db.execute(sql: """
            CREATE TEMP TABLE withdrawn_code (code TEXT PRIMARY KEY) WITHOUT ROWID;
            INSERT INTO withdrawn_code SELECT code FROM current WHERE occurrence_id >> 32 = :id;
            DELETE FROM current WHERE occurrence_id >> 32 = :id;
            INSERT INTO current (\(currentColumns))
            SELECT \(currentColumns) FROM (
                SELECT \(currentColumns(from: "o")), \(best.replacingOccurrences(of: "%@", with: "o.code")) AS n
                FROM occurrence o JOIN withdrawn_code w ON w.code = o.code JOIN import i ON i.id = o.import_id
                WHERE o.import_id != :id
            ) WHERE n = 1;
            DROP TABLE withdrawn_code;
            CREATE TEMP TABLE withdrawn_spelling (id INTEGER PRIMARY KEY);
            INSERT INTO withdrawn_spelling SELECT unit_spelling_id FROM spelling_latest WHERE import_id = :id;
            DELETE FROM spelling_latest WHERE import_id = :id;
            INSERT INTO spelling_latest (unit_spelling_id, import_id, line)
            SELECT unit_spelling_id, import_id, line FROM (
                SELECT o.unit_spelling_id, o.import_id, o.line, \(best.replacingOccurrences(of: "%@", with: "o.unit_spelling_id")) AS n
                FROM occurrence o JOIN withdrawn_spelling w ON w.id = o.unit_spelling_id JOIN import i ON i.id = o.import_id
                WHERE o.import_id != :id
            ) WHERE n = 1;
            DROP TABLE withdrawn_spelling;
            """, arguments: ["id": id])
    }

    /// Counts one more change of the current state (see migration v5).
    static func bumpRevision(_ db: Database) throws {
        // The migration to v3 merges before the revision table exists (v5).
        guard try db.tableExists("revision") else { return }
        try db.execute(sql: "UPDATE revision SET n = n + 1")
    }

    /// After a removal (and in the migration): `procedure` rows no occurrence refers to go, so
    /// that the fields of procedures a report names are those of the stored occurrences.
    static func pruneProcedures(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM procedure WHERE id NOT IN (SELECT procedure_id FROM occurrence WHERE procedure_id IS NOT NULL)
            """)
    }
}
