import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
@testable import Store
import Stores
import GRDB

/// Faults of the store: each engine refuses what is not a motcua store, or is from a newer
/// motcua, and never creates a store by reading.
@Suite struct StoreErrorTests {
    /// Each engine's table of applied migrations.
    static func migrationsTable(_ engine: StoreEngine) -> String {
        engine == .sqlite ? "grdb_migrations" : "motcua_migrations"
    }

    @Test func aMissingSQLiteStoreIsNotCreatedByReading() throws {
        let dir = try TempDir(prefix: "motcua-store")
        let path = dir.file("motcua.sqlite").path
        for access in [StoreAccess.read, .write] {
            #expect(throws: StoreError(path: path, kind: .missing)) { try open(path, access) }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// An empty database is "no store yet" to a reader; a database that does not exist too.
    @Test func aMissingPostgresStoreIsNotCreatedByReading() throws {
        let dir = try TempDir(prefix: "motcua-store")
        let empty = try StoreEngine.postgres.freshStore(in: dir)
        let shown = try PostgresTestServer.shown(empty)
        for access in [StoreAccess.read, .write] {
            #expect(throws: StoreError(path: shown, kind: .missing)) { try open(empty, access) }
        }
        #expect(try StoreEngine.postgres.sql(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == "0\n")
        let nowhere = try PostgresTestServer.url(empty, database: "motcua_khong_co")
        for access in [StoreAccess.read, .create] {
            #expect(throws: StoreError(path: try PostgresTestServer.shown(nowhere), kind: .missing)) { try open(nowhere, access) }
        }
    }

    @Test func aTextFileIsNotAStore() throws {
        let dir = try TempDir(prefix: "motcua-store")
        let path = dir.file("motcua.sqlite").path
        try Data("MaHoSo,DonViXuLy\n".utf8).write(to: URL(fileURLWithPath: path))
        for access in [StoreAccess.read, .create] {
            #expect(throws: StoreError(path: path, kind: .notAStore)) { try open(path, access) }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "MaHoSo,DonViXuLy\n", "never damaged")
    }

    /// A database holding tables of its own is not a motcua store, for reading or importing,
    /// and is left as it was.
    @Test(arguments: StoreEngine.allCases)
    func anotherDatabaseIsNotAStore(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-store")
        let location = try engine.freshStore(in: dir)
        _ = try engine.sql(location, "CREATE TABLE ledger (id integer PRIMARY KEY, note text)")
        let name = try StoreLocation(location).description
        for access in [StoreAccess.read, .write, .create] {
            #expect(throws: StoreError(path: name, kind: .notAStore)) { try open(location, access) }
        }
        let tables = engine == .sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        #expect(try engine.sql(location, tables) == "ledger\n")
    }

    /// A store whose migrations table is gone, or emptied, is not a motcua store (its tables
    /// are not its own any more), nor one to migrate over (issue 11: this gave 74 "table import
    /// already exists").
    @Test(arguments: StoreEngine.allCases, ["DROP TABLE", "DELETE FROM"])
    func aStoreWithoutItsMigrationsIsNotAStore(engine: StoreEngine, statement: String) throws {
        let dir = try TempDir(prefix: "motcua-store")
        let location = try engine.freshStore(in: dir)
        _ = try open(location)
        _ = try engine.sql(location, "\(statement) \(Self.migrationsTable(engine))")
        let name = try StoreLocation(location).description
        for access in [StoreAccess.read, .write, .create] {
            #expect(throws: StoreError(path: name, kind: .notAStore)) { try open(location, access) }
        }
    }

    /// A store an older motcua made (before the service columns) is brought up to date when it
    /// is opened, for reading too: its reports are what they were, its occurrences know none of
    /// the new fields. (The SQLite store's twin is issue 12's `Store+Upgrade`.)
    @Test func anOlderPostgresStoreIsBroughtUpToDateWhenRead() throws {
        let dir = try TempDir(prefix: "motcua-store")
        let location = try StoreEngine.postgres.freshStore(in: dir)
        let file = root.appendingPathComponent("Fixtures/plan-targets/cnvpdk-2024-06.csv").path
        try load(try open(location), file)
        let periods = [(try Period(parsing: "2024-Q2"), PeriodBasis.decree09)]
        let before = try stored(try open(location, .read))
        #expect(before.dossiers.contains { $0.service.knownMask != 0 })
        let columns = "service_known, paid_online, fee_zero, vneid, reuse, data_store, supplements, rating, complaint, apology, routing"
        let drop = columns.split(separator: ",").map { "DROP COLUMN \($0.trimmingCharacters(in: .whitespaces))" }.joined(separator: ", ")
        _ = try StoreEngine.postgres.sql(location, """
            ALTER TABLE occurrence \(drop); ALTER TABLE current \(drop);
            DELETE FROM motcua_migrations WHERE identifier LIKE 'v2:%'
            """)
        let after = try stored(try open(location, .read))
        #expect(try tables(after, periods) == tables(before, periods))
        #expect(after.dossiers.allSatisfy { $0.service.knownMask == 0 })
        #expect(try StoreEngine.postgres.sql(location, "SELECT count(*) FROM motcua_migrations") == "2\n")
    }

    @Test(arguments: StoreEngine.allCases)
    func aNewerSchemaIsRefused(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-store")
        let location = try engine.freshStore(in: dir)
        _ = try open(location)
        _ = try engine.sql(location, "INSERT INTO \(Self.migrationsTable(engine)) (identifier) VALUES ('v99: from the future')")
        let name = try StoreLocation(location).description
        for access in [StoreAccess.read, .write, .create] {
            #expect(throws: StoreError(path: name, kind: .newerSchema)) { try open(location, access) }
        }
    }

    @Test func exitStatuses() {
        #expect(StoreError(path: "x", kind: .notAStore).exitStatus == 66)
        #expect(StoreError(path: "x", kind: .missing).exitStatus == 66)
        #expect(StoreError(path: "x", kind: .busy).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .readOnly).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .server(.cannotConnect(.refused))).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .failed("disk I/O error")).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .diskFull).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .ioError).exitStatus == 74)
        #expect(StoreError(path: "x", kind: .damaged("current")).exitStatus == 66)
    }

    /// What SQLite reports is the store's fault by its code: a full disk and an I/O error are
    /// named as such (not in SQLite's English words), a table or column dropped by hand makes
    /// the store damaged, naming it.
    @Test func sqliteFaultsAreTranslated() {
        func translated(_ code: ResultCode, _ message: String) -> StoreError.Kind {
            MotcuaStore.translate(DatabaseError(resultCode: code, message: message), path: "x").kind
        }
        #expect(translated(.SQLITE_FULL, "database or disk is full") == .diskFull)
        #expect(translated(.SQLITE_IOERR_WRITE, "disk I/O error") == .ioError)
        #expect(translated(.SQLITE_ERROR, "no such table: current") == .damaged("current"))
        #expect(translated(.SQLITE_ERROR, "no such column: t.processed") == .damaged("t.processed"))
        #expect(translated(.SQLITE_ERROR, "near \"x\": syntax error") == .failed("near \"x\": syntax error"))
    }

    /// A store read as a file nothing changes is named by an SQLite URI: its path
    /// percent-encoded, one leading slash (two would name a host).
    @Test func theUnchangingURIKeepsThePath() {
        #expect(MotcuaStore.unchangingURI("//tmp/kho dữ liệu/a?#%.sqlite")
                == "file:/tmp/kho%20d%E1%BB%AF%20li%E1%BB%87u/a%3F%23%25.sqlite?immutable=1")
        #expect(MotcuaStore.unchangingURI("kho/motcua.sqlite") == "file:kho/motcua.sqlite?immutable=1")
    }

    /// A folder others may write is no read-only medium: the store is not read there without
    /// its shared memory (a checkpoint by another process would tear the report).
    @Test func aWritableFolderIsNotAReadOnlyMedium() throws {
        let dir = try TempDir(prefix: "motcua-store")
        #expect(!MotcuaStore.nothingCanWrite(dir.file("motcua.sqlite").path))
    }
}

/// What only the SQLite store's own tables show.
@Suite struct SQLiteStoreTests {
    /// Every accepted row is kept with its fields as read, the ones no rule uses included.
    @Test func occurrencesKeepTheirFields() throws {
        let file = try TestProcessFolder.url.appendingPathComponent("t-\(UUID().uuidString).csv")
        try Data("""
            MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
            H1,1.003596,Hòa giải tranh chấp đất đai,G01,Đất đai,UBND xã A,2,05/01/2023 08:00,20/01/2023,10/01/2023 09:00,11/01/2023 10:00,10,1,0
            H1,1.003596,Hòa giải tranh chấp đất đai,,,UBND xã A,2,05/01/2023 08:00,20/01/2023,,,4,1,0

            """.utf8).write(to: file)
        let dir = try TempDir(prefix: "motcua-store")
        let store = try MotcuaStore(path: dir.file("motcua.sqlite").path, create: true)
        _ = try store.importFile(path: file.path)
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM occurrence_detail ORDER BY line")
        }
        #expect(rows.count == 2, "both occurrences of H1 are kept")
        let first = try #require(rows.first)
        #expect(first["line"] == 2)
        #expect(first["code"] == "H1")
        #expect(first["procedure_code"] == "1.003596")
        #expect(first["procedure_name"] == "Hòa giải tranh chấp đất đai")
        #expect(first["field_code"] == "G01")
        #expect(first["field_name"] == "Đất đai")
        #expect(first["status"] == 10)
        #expect(first["channel"] == 2)
        #expect(first["received"] == LocalMoment(year: 2023, month: 1, day: 5, hour: 8)?.seconds)
        #expect(first["due"] == LocalMoment(year: 2023, month: 1, day: 20, hour: 23, minute: 59, second: 59)?.seconds)
        #expect(first["processed"] == LocalMoment(year: 2023, month: 1, day: 10, hour: 9)?.seconds)
        #expect(first["handed_over"] == LocalMoment(year: 2023, month: 1, day: 11, hour: 10)?.seconds)
        #expect(first["finished"] == LocalMoment(year: 2023, month: 1, day: 10, hour: 9)?.seconds)
        let second = try #require(rows.last)
        #expect((second["field_name"] as String?) == nil)
        #expect((second["processed"] as Int64?) == nil)
        // The later line wins: H1 is open in the store's dossier set.
        #expect(try store.dossierSet().dossiers.first?.status == .processing)
    }

    /// Procedures are told apart by their four texts whatever bytes they hold: a control
    /// character at the end of one field or the start of the next (where a separator would
    /// make the two alike) gives two `procedure` rows, each occurrence its own.
    @Test func proceduresAreToldApartByTheirTexts() throws {
        let file = try TestProcessFolder.url.appendingPathComponent("t-\(UUID().uuidString).csv")
        try Data("""
            MaHoSo,MaTTHC,TenTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
            H1,P\u{1F},Q,UBND xã A,2,05/01/2023 08:00,20/01/2023,4,1,0
            H2,P,\u{1F}Q,UBND xã A,2,05/01/2023 08:00,20/01/2023,4,1,0
            H3,P\u{1F},Q,UBND xã A,2,05/01/2023 08:00,20/01/2023,4,1,0

            """.utf8).write(to: file)
        let dir = try TempDir(prefix: "motcua-store")
        let store = try MotcuaStore(path: dir.file("motcua.sqlite").path, create: true)
        _ = try store.importFile(path: file.path)
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT code, procedure_id, procedure_code, procedure_name FROM occurrence_detail ORDER BY line")
        }
        try #require(rows.count == 3)
        #expect(rows.map { $0["procedure_code"] as String? } == ["P\u{1F}", "P", "P\u{1F}"])
        #expect(rows.map { $0["procedure_name"] as String? } == ["Q", "\u{1F}Q", "Q"])
        #expect((rows[0]["procedure_id"] as Int64?) == rows[2]["procedure_id"])
        #expect((rows[0]["procedure_id"] as Int64?) != rows[1]["procedure_id"])
    }
}
