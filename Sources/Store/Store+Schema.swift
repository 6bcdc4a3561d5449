import GRDB

extension MotcuaStore {
    /// The schema, one migration per version: a newer motcua adds migrations, never edits one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: imports, occurrences, rejects") { db in
            try db.execute(sql: """
                CREATE TABLE import (
                    id INTEGER PRIMARY KEY,
                    file_name TEXT NOT NULL,          -- as named on the command line
                    sha256 TEXT NOT NULL UNIQUE,
                    bytes INTEGER NOT NULL,
                    export_kind TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    delimiter INTEGER NOT NULL,
                    as_of INTEGER,                    -- local seconds since 1970 (UTC+7 wall clock)
                    rows_read INTEGER NOT NULL,
                    accepted INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    blank_records INTEGER NOT NULL,
                    ignored_columns TEXT NOT NULL,    -- JSON array
                    imported_at TEXT NOT NULL         -- ISO 8601, UTC
                );
                CREATE TABLE unit_spelling (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE         -- NFC, trimmed, folded, case kept
                );
                CREATE TABLE occurrence (
                    import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    unit_spelling_id INTEGER NOT NULL REFERENCES unit_spelling(id),
                    channel INTEGER NOT NULL,
                    status INTEGER NOT NULL,
                    received INTEGER NOT NULL,
                    due INTEGER,
                    finished INTEGER,                 -- NgayKetThucXuLy, else NgayTra
                    digitised_dossier INTEGER NOT NULL,
                    digitised_result INTEGER NOT NULL,
                    processed INTEGER,                -- NgayKetThucXuLy as read
                    handed_over INTEGER,              -- NgayTra as read
                    procedure_id INTEGER REFERENCES procedure(id),
                    PRIMARY KEY (import_id, line)
                ) WITHOUT ROWID;
                -- MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc as read ('' when absent): a few hundred
                -- distinct rows for millions of occurrences.
                CREATE TABLE procedure (
                    id INTEGER PRIMARY KEY,
                    procedure_code TEXT NOT NULL,
                    procedure_name TEXT NOT NULL,
                    field_code TEXT NOT NULL,
                    field_name TEXT NOT NULL,
                    UNIQUE (procedure_code, procedure_name, field_code, field_name)
                );
                -- Every occurrence with its descriptive fields, NULL where the export had none.
                \(detailView("occurrence_detail", of: "occurrence"))
                CREATE TABLE reject (
                    import_id INTEGER NOT NULL REFERENCES import(id) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    code TEXT,                        -- MaHoSo when it could be read
                    field TEXT,
                    reason TEXT NOT NULL,
                    reason_code TEXT NOT NULL,
                    raw TEXT NOT NULL,
                    PRIMARY KEY (import_id, line)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2: the optional service columns") { db in
            // NULL where the occurrence's file lacks the column; service_known: which it has,
            // bit n for the n-th column of input-formats.md's table (DuocThanhToanTrucTuyen = 0).
            try db.execute(sql: """
                ALTER TABLE occurrence ADD COLUMN service_known INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE occurrence ADD COLUMN paid_online INTEGER;   -- DuocThanhToanTrucTuyen, 0/1
                ALTER TABLE occurrence ADD COLUMN fee_zero INTEGER;      -- PhiLePhi stated as 0 (1) or not (0); NULL: empty
                ALTER TABLE occurrence ADD COLUMN vneid INTEGER;         -- TaiKhoanDuocXacThucVoiVNeID
                ALTER TABLE occurrence ADD COLUMN reuse INTEGER;         -- DuocTaiSuDung
                ALTER TABLE occurrence ADD COLUMN data_store INTEGER;    -- DuocLayTuKhoDMQG
                ALTER TABLE occurrence ADD COLUMN supplements INTEGER;   -- SoLanBoSung, capped at 3
                ALTER TABLE occurrence ADD COLUMN rating INTEGER;        -- DanhGiaHaiLong 1-5; NULL: not rated
                ALTER TABLE occurrence ADD COLUMN complaint INTEGER;     -- CoPhanAnhKienNghi
                ALTER TABLE occurrence ADD COLUMN apology INTEGER;       -- NgayXinLoi, local seconds of its day
                ALTER TABLE occurrence ADD COLUMN routing INTEGER;       -- LuanChuyen: 0 none, 1 electronic, 2 paper
                """)
        }
        migrator.registerMigration("v3: each dossier's current state", migrate: migrateToCurrentState)
        migrator.registerMigration("v4: current as a rowid table", migrate: migrateCurrentToRowid)
        migrator.registerMigration("v5: the store's revision") { db in
            // One more with every import and removal (in their transaction): readers that read
            // `current` side by side check they all see the same revision. Removals scan
            // `current` for the rows of the import they take out: its index on import_id cost
            // every import an insertion per row.
            try db.execute(sql: """
                CREATE TABLE revision (n INTEGER NOT NULL);
                INSERT INTO revision (n) VALUES (0);
                DROP INDEX current_by_import;
                """)
        }
        migrator.registerMigration("v6: occurrences by rowid", migrate: migrateOccurrenceToRowid)
        migrator.registerMigration("v7: the occurrence key declared", migrate: migrateOccurrenceKey)
        migrator.registerMigration("v8: the state packed", migrate: migrateToPackedState)
        return migrator
    }()

    /// A view of `table` (`occurrence` or `current`, alias `t`): its `columns`, then the
    /// descriptive fields of each row's procedure, NULL where the export had none: what
    /// auditors query.
    static func detailView(_ name: String, of table: String, columns: String = "t.*") -> String {
        """
        CREATE VIEW \(name) AS
            SELECT \(columns), NULLIF(p.procedure_code, '') AS procedure_code,
                   NULLIF(p.procedure_name, '') AS procedure_name,
                   NULLIF(p.field_code, '') AS field_code, NULLIF(p.field_name, '') AS field_name
            FROM \(table) t LEFT JOIN procedure p ON p.id = t.procedure_id;
        """
    }

    /// The key (`occurrence.id`, its rowid) of the occurrence at `line` of import `importID`:
    /// rows of one import are one range of keys, in line order.
    static func occurrenceKey(importID: Int64, line: Int64) -> Int64 { importID << 32 | line }

    /// The keys of import `id`'s occurrences.
    static func occurrenceKeys(importID id: Int64) -> ClosedRange<Int64> {
        occurrenceKey(importID: id, line: 0)...occurrenceKey(importID: id, line: 0xFFFF_FFFF)
    }

    /// Migration v6: `occurrence` as a rowid table whose rowid is (import id, line) in one integer
    /// (``occurrenceKey(importID:line:)``): an import appends its rows at the end of one b-tree
    /// instead of seeking a composite key for each (about a third of SQLite's time a row,
    /// measured with the `sqlite3` shell on the 1M-row bench file: 0.60 s against 0.96 s). No
    /// foreign keys: every key is written in the transaction that reads it, and a removal
    /// deletes its import's range of rows itself.
    static func migrateOccurrenceToRowid(_ db: Database) throws {
        try rebuildOccurrence(db, keyedBy: "rowid")
    }

    /// Makes `occurrence` again with ``occurrenceColumnDefinitions``, keyed by (import id, line)
    /// in one integer written to `key` (v6: the rowid; v7: the column `id` it declares), its
    /// rows in key order, and its detail view.
    private static func rebuildOccurrence(_ db: Database, keyedBy key: String, declaring keyColumn: String = "") throws {
        // In table order: v1's columns, then v2's.
        let columns = try db.columns(in: "occurrence").map(\.name).joined(separator: ", ")
        try db.execute(sql: """
            DROP VIEW occurrence_detail;
            CREATE TABLE occurrence_rebuilt (
                \(keyColumn)\(occurrenceColumnDefinitions)
            );
            INSERT INTO occurrence_rebuilt (\(key), \(columns))
                SELECT (import_id << 32) | line, \(columns) FROM occurrence ORDER BY import_id, line;
            DROP TABLE occurrence;
            ALTER TABLE occurrence_rebuilt RENAME TO occurrence;
            \(detailView("occurrence_detail", of: "occurrence"))
            """)
    }

    /// The columns of `occurrence` from v6 on (v1's, then v2's), but its key: v6 made the table
    /// with them, v7 again with its key. History, like every migration: a change is a new one.
    static let occurrenceColumnDefinitions = """
                import_id INTEGER NOT NULL,
                line INTEGER NOT NULL,
                code TEXT NOT NULL,
                unit_spelling_id INTEGER NOT NULL,
                channel INTEGER NOT NULL,
                status INTEGER NOT NULL,
                received INTEGER NOT NULL,
                due INTEGER,
                finished INTEGER,                 -- NgayKetThucXuLy, else NgayTra
                digitised_dossier INTEGER NOT NULL,
                digitised_result INTEGER NOT NULL,
                processed INTEGER,                -- NgayKetThucXuLy as read
                handed_over INTEGER,              -- NgayTra as read
                procedure_id INTEGER,
                service_known INTEGER NOT NULL DEFAULT 0,
                paid_online INTEGER,
                fee_zero INTEGER,
                vneid INTEGER,
                reuse INTEGER,
                data_store INTEGER,
                supplements INTEGER,
                rating INTEGER,
                complaint INTEGER,
                apology INTEGER,
                routing INTEGER
        """

    /// Migration v7: the key of v6 declared as the column `id INTEGER PRIMARY KEY`. A rowid
    /// that is not declared is SQLite's to renumber: `VACUUM` (which an administrator may run
    /// to give back the space of removed imports) numbered v6's rows 1, 2, 3…, after which a
    /// removal deleted no occurrence and the procedures were looked up at the wrong rows. A
    /// declared one is kept. The keys are computed again from the import and line, and what
    /// such removals left behind goes, so a store vacuumed at v6 is repaired.
    static func migrateOccurrenceKey(_ db: Database) throws {
        // Left behind: the rows of an import that is gone, and those of a removed import whose
        // id a later import was given (SQLite gives the highest id + 1): VACUUM keeps rowid
        // order, and the later import's rows went in after, so an import's own rows are its
        // last `accepted` ones.
        let stored = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence") ?? 0
        let accepted = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(accepted), 0) FROM import") ?? 0
        let leftBehind = stored != accepted
        if leftBehind {
            try db.execute(sql: """
                DELETE FROM occurrence WHERE import_id NOT IN (SELECT id FROM import);
                DELETE FROM occurrence WHERE rowid IN (
                    SELECT r FROM (
                        SELECT o.rowid AS r, i.accepted AS accepted,
                               ROW_NUMBER() OVER (PARTITION BY o.import_id ORDER BY o.rowid DESC) AS n
                        FROM occurrence o JOIN import i ON i.id = o.import_id
                    ) WHERE n > accepted
                );
                """)
        }
        try rebuildOccurrence(db, keyedBy: "id", declaring: "id INTEGER PRIMARY KEY,  -- (import_id << 32) | line\n")
        if leftBehind {
            // The current state may hold rows the removals chose among those left behind: v8,
            // which comes with this one, fills it again from the occurrences kept.
            try pruneProcedures(db)
        }
    }

    /// Migration v8: `occurrence` and `current` keep a state in five cells (``stateCellNames``:
    /// the channel, status, digitised flags and service columns packed into `facts`, see
    /// ``PackedFacts``) where they kept eighteen. An import binds and writes a row of 13 cells
    /// instead of 26 and merges by copying them; a report steps through a third of the cells
    /// (measured with the `sqlite3` shell over the 1M-row bench store: 0.25 s against 0.41 s).
    /// `occurrence_detail` shows every column as before; `current` keeps its occurrence's key
    /// in place of the import and line, and `current_detail` shows that occurrence in full.
    /// The current state is filled again from the occurrences (the migrations before this one
    /// leave it empty, or in the older layout).
    static func migrateToPackedState(_ db: Database) throws {
        try db.execute(sql: """
            DROP VIEW IF EXISTS current_detail;
            DROP VIEW occurrence_detail;
            DROP TABLE current;
            DELETE FROM spelling_latest;
            CREATE TABLE occurrence_packed (
                \(packedOccurrenceColumnDefinitions)
            );
            INSERT INTO occurrence_packed
                SELECT o.id, o.import_id, o.line, o.code, o.unit_spelling_id, o.procedure_id, \(PackedFacts.sql("o")),
                       o.received, o.due, o.finished, CASE WHEN o.service_known = 0 THEN NULL ELSE o.apology END,
                       o.processed, o.handed_over
                FROM occurrence o ORDER BY o.id;
            DROP TABLE occurrence;
            ALTER TABLE occurrence_packed RENAME TO occurrence;
            \(packedDetailView)
            -- The spelling and procedure are copied from an occurrence, whose keys are checked.
            CREATE TABLE current (
                code TEXT NOT NULL UNIQUE,
                occurrence_id INTEGER NOT NULL,   -- occurrence.id: (import_id << 32) | line
                unit_spelling_id INTEGER NOT NULL,
                procedure_id INTEGER,
                \(stateCellDefinitions)
            );
            CREATE VIEW current_detail AS
                SELECT o.* FROM current c JOIN occurrence_detail o ON o.id = c.occurrence_id;
            """)
        try mergeEveryImport(db)
    }

    /// The cells of a state (v8), as declared in both tables.
    private static let stateCellDefinitions = """
                facts INTEGER,                    -- channel, status, digitised, service columns (PackedFacts)
                received INTEGER,
                due INTEGER,
                finished INTEGER,                 -- NgayKetThucXuLy, else NgayTra
                -- NgayXinLoi; NULL when the file had no service column
                apology INTEGER
        """

    /// The columns of `occurrence` from v8 on.
    static let packedOccurrenceColumnDefinitions = """
                id INTEGER PRIMARY KEY,           -- (import_id << 32) | line
                import_id INTEGER NOT NULL,
                line INTEGER NOT NULL,
                code TEXT NOT NULL,
                unit_spelling_id INTEGER NOT NULL,
                procedure_id INTEGER,
        \(stateCellDefinitions),
                processed INTEGER,                -- NgayKetThucXuLy as read
                handed_over INTEGER               -- NgayTra as read
        """

    /// `occurrence_detail` from v8 on (``detailView(_:of:columns:)``): every occurrence with the
    /// columns it had before v8, in their order (the packed ones unpacked, NULL where the file
    /// lacked the column).
    static let packedDetailView: String = {
        let unpacked = PackedFacts.detailColumns(of: "t")
        let state = stateColumnNames.map { name in unpacked[name].map { "\($0) AS \(name)" } ?? "t.\(name)" }
        let columns = ["t.id", "t.import_id", "t.line", "t.code", "t.unit_spelling_id"] + state.prefix(7)
            + ["t.processed", "t.handed_over", "t.procedure_id"] + state.dropFirst(7)
        return detailView("occurrence_detail", of: "occurrence", columns: columns.joined(separator: ", "))
    }()
}
