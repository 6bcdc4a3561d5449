import TestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end tests of the store: `motcua import`, `motcua imports [list|remove]` and
/// `motcua report` without FILE, on the built binary.
///
/// Serialized: several tests time imports against each other (a kill after 0.4 s, a second
/// writer waiting on the 10 s busy timeout) and must not compete with each other for the CPU.
@Suite(.serialized)
struct StoreCommandTests {
    // MARK: - Helpers

    /// A small portal-sync export (units Hoằng Trinh and Hoằng Tiến, 2023-Q1) with one rejected
    /// row (status 99), so that a store holding it has occurrences, rejects and two units.
    static let smallExport = """
        MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
        A1,UBND xã Hoằng Trinh,1,20230105080000,20230120170000,20230110090000,,10,1,1
        A2,UBND xã Hoằng Trinh,2,20230106080000,20230110170000,20230112090000,20230113090000,10,0,1
        A3,UBND xã Hoằng Tiến,3,20230107080000,20230201170000,,,4,1,0
        A4,UBND xã Hoằng Tiến,1,20230108080000,20230115170000,,,99,0,0
        A5,UBND xã Hoằng Tiến,2,20221220080000,20230105170000,20230104080000,20230104090000,9,1,1

        """

    /// Another small export, different bytes (so a different SHA-256).
    static let secondSmallExport = """
        MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
        K1,Phòng Tư pháp,1,20230205080000,20230220170000,20230210090000,,10,1,1
        A3,UBND xã Hoằng Tiến,3,20230107080000,20230201170000,20230215080000,,9,1,1

        """

    /// Writes a generated portal-sync export of `rows` dossiers (`<prefix><i>`, 40 units, every
    /// row accepted, all received in 2023-Q1) to `url`, quickly: bytes are assembled by hand.
    static func writeBigExport(rows: Int, prefix: String, to url: URL) throws {
        let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,"
            + "TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua\n"
        let tails: [[UInt8]] = (0..<40).map { unit in
            Array(",UBND xã Hoằng \(unit),1,20230105080000,20230120170000,20230110090000,,10,1,1\n".utf8)
        }
        let prefixBytes = Array(prefix.utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(header.utf8.count + rows * 90)
        bytes.append(contentsOf: header.utf8)
        var digits = [UInt8](repeating: 0, count: 20)
        for i in 0..<rows {
            bytes.append(contentsOf: prefixBytes)
            var n = i, count = 0
            repeat {
                digits[count] = UInt8(truncatingIfNeeded: 48 + n % 10)
                n /= 10
                count += 1
            } while n > 0
            while count > 0 {
                count -= 1
                bytes.append(digits[count])
            }
            bytes.append(contentsOf: tails[i % 40])
        }
        try Data(bytes).write(to: url)
    }

    /// `motcua imports --db PATH`.
    static func listing(_ db: String, in dir: TempDir, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let result = try Motcua.run(["imports", "--db", db], in: dir.url, sourceLocation: sourceLocation)
        #expect(result.status == 0, "imports failed: \(result)", sourceLocation: sourceLocation)
        return result
    }

    /// `motcua report --period 2023-Q1 --format csv --db PATH`. The timeout is for a loaded
    /// machine: a debug build reads some 10,000 stored dossiers a second from PostgreSQL.
    static func storeReport(_ db: String, in dir: TempDir, period: String = "2023-Q1", format: String = "csv",
                            timeout: TimeInterval = 120,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let result = try Motcua.run(["report", "--period", period, "--format", format, "--db", db], in: dir.url,
                                    timeout: timeout, sourceLocation: sourceLocation)
        #expect(result.status == 0, "report from the store failed: \(result)", sourceLocation: sourceLocation)
        return result
    }

    /// The data rows of an `imports` listing, split at tabs.
    static func rows(of listing: RunResult) -> [[String]] {
        listing.stdoutLines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The import id of `file` in an `imports` listing.
    static func importID(of file: String, in listing: RunResult) -> String? {
        rows(of: listing).first { $0.count > 1 && $0[1] == file }?[0]
    }

    /// The `sqlite3` command-line shell, when one is on PATH.
    static let sqlite3: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent("sqlite3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Runs `sqlite3 db sql` and returns its stdout (the run must succeed).
    static func sqlite(_ db: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let shell = try #require(sqlite3, sourceLocation: sourceLocation)
        return try Shell.run(shell.path, ["-batch", db, sql], sourceLocation: sourceLocation)
    }

    /// Files in `dir` whose names start with `name` (the store and its -wal, -shm, -journal).
    static func files(startingWith name: String, in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasPrefix(name) }.sorted()
    }

    // MARK: - kill -9, concurrent readers and writers

    @Test("kill -9 in the middle of an import leaves the store exactly as it was; the import then succeeds",
          arguments: StoreEngine.allCases)
    func killedImportChangesNothing(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        let first = try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url)
        try #require(first.status == 0, "\(first)")
        let listingBefore = try Self.listing(db, in: dir)
        let reportBefore = try Self.storeReport(db, in: dir)
        #expect(Self.rows(of: listingBefore).count == 1)
        if engine == .sqlite, Self.sqlite3 != nil {
            #expect(try Self.sqlite(db, "PRAGMA integrity_check") == "ok\n")
        }

        try Self.writeBigExport(rows: 400_000, prefix: "H", to: dir.file("big.csv"))
        let child = try Motcua.start(["import", "--db", db, "big.csv"], in: dir.url)
        Thread.sleep(forTimeInterval: 0.4)
        let wasRunning = child.isRunning
        child.killHard()
        let killed = try child.wait(timeout: 10)
        try #require(wasRunning && killed.signalled && killed.status == SIGKILL,
                     "the import was not running any more after 0.4 s, so it was not killed mid-way: \(killed)")

        let listingAfter = try Self.listing(db, in: dir)
        #expect(listingAfter.stdoutData == listingBefore.stdoutData,
                "the listing changed:\n\(listingBefore.stdout)\n→\n\(listingAfter.stdout)")
        let reportAfter = try Self.storeReport(db, in: dir)
        #expect(reportAfter.stdoutData == reportBefore.stdoutData,
                "the report changed:\n\(reportBefore.stdout)\n→\n\(reportAfter.stdout)")
        if engine == .sqlite, Self.sqlite3 != nil {
            #expect(try Self.sqlite(db, "PRAGMA integrity_check") == "ok\n")
        }
        if engine.hasShell {
            #expect(try engine.sql(db, "SELECT COUNT(*) FROM occurrence") == "4\n")
            #expect(try engine.sql(db, "SELECT COUNT(*) FROM reject") == "1\n")
        }

        // The killed import left no lock and no half import behind: the same file imports whole.
        let retry = try Motcua.run(["import", "--db", db, "--lang", "en", "big.csv"], in: dir.url, timeout: 90)
        #expect(retry.status == 0, "\(retry)")
        #expect(retry.stderr.contains("imported as #"), "\(retry)")
        #expect(retry.stderr.contains("400000 rows, 400000 accepted, 0 rejected"), "\(retry)")
        let listingRetried = try Self.listing(db, in: dir)
        let rows = Self.rows(of: listingRetried)
        #expect(rows.count == 2, "\(listingRetried)")
        #expect(listingRetried.stdoutLines.prefix(2) == listingBefore.stdoutLines.prefix(2),
                "the first import's line changed: \(listingRetried)")
        #expect(rows.last?[1] == "big.csv" && rows.last?[7] == "400000", "\(listingRetried)")
    }

    @Test("a report or listing during an import sees the store before or after it, never half of it",
          arguments: StoreEngine.allCases)
    func readersDuringAnImport(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let reportBefore = try Self.storeReport(db, in: dir)
        let listingBefore = try Self.listing(db, in: dir)

        try Self.writeBigExport(rows: 120_000, prefix: "B", to: dir.file("b.csv"))
        let importer = try Motcua.start(["import", "--db", db, "b.csv"], in: dir.url)
        var reports: [RunResult] = []
        var listings: [RunResult] = []
        var readsWhileRunning = 0
        while importer.isRunning, reports.count < 12 {
            reports.append(try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--db", db], in: dir.url))
            listings.append(try Motcua.run(["imports", "--db", db], in: dir.url))
            if importer.isRunning { readsWhileRunning += 1 }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let imported = try importer.wait(timeout: 180)
        #expect(imported.status == 0, "\(imported)")
        let reportAfter = try Self.storeReport(db, in: dir)
        let listingAfter = try Self.listing(db, in: dir)
        #expect(reportAfter.stdoutData != reportBefore.stdoutData, "the import changed no figure")
        #expect(readsWhileRunning > 0, "no report ran while the import did (the import took under one report)")

        for report in reports {
            #expect(report.status == 0, "a report during the import failed: \(report)")
            #expect(report.stdoutData == reportBefore.stdoutData || report.stdoutData == reportAfter.stdoutData,
                    "a report during the import is neither the before- nor the after-report: \(report)")
        }
        for listing in listings {
            #expect(listing.status == 0, "a listing during the import failed: \(listing)")
            #expect(listing.stdoutData == listingBefore.stdoutData || listing.stdoutData == listingAfter.stdoutData,
                    "a listing during the import is neither before nor after: \(listing)")
        }
    }

    @Test("two imports started at once into one store both succeed (SQLite: the second waits for the first)",
          arguments: StoreEngine.allCases)
    func secondImportWaits(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        // Each import takes a few seconds with a debug build: well inside the 10 s busy timeout.
        try Self.writeBigExport(rows: 40_000, prefix: "C", to: dir.file("c.csv"))
        try Self.writeBigExport(rows: 40_000, prefix: "D", to: dir.file("d.csv"))

        let c = try Motcua.start(["import", "--db", db, "--lang", "en", "c.csv"], in: dir.url)
        let d = try Motcua.start(["import", "--db", db, "--lang", "en", "d.csv"], in: dir.url)
        let resultC = try c.wait(timeout: 60)
        let resultD = try d.wait(timeout: 60)
        for result in [resultC, resultD] {
            #expect(result.status == 0, "\(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("imported as #"), "\(result)")
        }
        let listing = try Self.listing(db, in: dir)
        let rows = Self.rows(of: listing)
        #expect(rows.map { $0[1] }.sorted() == ["a.csv", "c.csv", "d.csv"], "\(listing)")
        #expect(rows.filter { $0[1] != "a.csv" }.map { $0[7] } == ["40000", "40000"], "\(listing)")
    }

    @Test("two imports started at once into a store that does not exist yet both succeed",
          arguments: StoreEngine.allCases)
    func concurrentImportsCreatingTheStore(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try Self.writeBigExport(rows: 300, prefix: "C", to: dir.file("c.csv"))
        try Self.writeBigExport(rows: 300, prefix: "D", to: dir.file("d.csv"))
        // Creating the store and its schema is a race between the two processes: repeat it.
        for round in 0..<(engine == .sqlite ? 15 : 6) {
            let db = try engine.freshStore(in: dir, name: "kho-\(round)")
            let c = try Motcua.start(["import", "--db", db, "c.csv"], in: dir.url)
            let d = try Motcua.start(["import", "--db", db, "d.csv"], in: dir.url)
            let results = [try c.wait(timeout: 30), try d.wait(timeout: 30)]
            let failed = results.filter { $0.status != 0 }
            #expect(failed.isEmpty, "round \(round): \(failed.map(\.description).joined(separator: "\n"))")
            if !failed.isEmpty { break }
            let listing = try Self.listing(db, in: dir)
            #expect(Self.rows(of: listing).map { $0[1] }.sorted() == ["c.csv", "d.csv"], "round \(round): \(listing)")
        }
    }

    @Test("a store that another import is creating (only an empty grdb_migrations table yet) is not refused",
          .enabled(if: StoreCommandTests.sqlite3 != nil, "needs the sqlite3 shell"))
    func storeBeingCreated() throws {
        // What a first `motcua import` leaves between GRDB's `CREATE TABLE IF NOT EXISTS
        // grdb_migrations` (autocommit) and the commit of migration v1: a second import that
        // opens the store in that moment must wait for the schema, not call it "not a motcua store".
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = dir.file("kho.sqlite").path
        _ = try Self.sqlite(db, "PRAGMA journal_mode = WAL; CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);")
        let result = try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        #expect(Self.rows(of: try Self.listing(db, in: dir)).map { $0[1] } == ["a.csv"])
    }

    // MARK: - Faults of the store

    @Test("report, imports and import refuse a text file named as the store (66, one line) and leave it alone")
    func textFileIsNotAStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let text = "Ghi chú: đây không phải kho dữ liệu.\nnot a database\n"
        try dir.write("ghichu.txt", text)
        let before = try Data(contentsOf: dir.file("ghichu.txt"))
        let commands: [[String]] = [
            ["report", "--period", "2023-Q1", "--format", "csv", "--db", "ghichu.txt"],
            ["report", "--period", "2023-Q1", "--db", "ghichu.txt"],
            ["imports", "--db", "ghichu.txt"],
            ["imports", "list", "--db", "ghichu.txt"],
            ["imports", "remove", "1", "--db", "ghichu.txt"],
            ["import", "--db", "ghichu.txt", "a.csv"],
        ]
        for command in commands {
            let result = try Motcua.run(command, in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: "ghichu.txt")
            #expect(result.stderr.contains("không phải kho dữ liệu motcua"), "Vietnamese by default: \(result)")
            #expect(try Data(contentsOf: dir.file("ghichu.txt")) == before, "the text file changed: \(result)")
            #expect(Self.files(startingWith: "ghichu.txt", in: dir.url) == ["ghichu.txt"],
                    "files were made beside the text file: \(result)")
        }
    }

    @Test("units lists the same spellings from files and from the store: none read only in rejected rows, none of removed imports")
    func unitsListingIsTheSameFromTheStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
        // UBND xã B only in a rejected row (status 99); UBND xã C only in b.csv, removed below.
        try dir.write("a.csv", header + "H1,UBND xã A,1,02/01/2023,4\nH2,UBND xã B,1,02/01/2023,99\nH3,UBND XÃ A,1,03/01/2023,4\n")
        try dir.write("b.csv", header + "H9,UBND xã C,1,04/01/2023,4\n")
        let fromFile = try Motcua.run(["units", "--format", "csv", "a.csv"], in: dir.url)
        #expect(fromFile.status == 0 && !fromFile.stdout.contains("xã B"), "\(fromFile)")
        #expect(fromFile.stdout.contains("UBND XÃ A,"), "a spelling of an accepted row is listed: \(fromFile)")
        #expect(try Motcua.run(["import", "--db", "kho.sqlite", "a.csv", "b.csv"], in: dir.url).status == 0)
        #expect(try Motcua.run(["units", "--format", "csv", "--db", "kho.sqlite"], in: dir.url).stdout.contains("xã C"))
        #expect(try Motcua.run(["imports", "remove", "2", "--db", "kho.sqlite"], in: dir.url).status == 0)
        let fromStore = try Motcua.run(["units", "--format", "csv", "--db", "kho.sqlite"], in: dir.url)
        #expect(fromStore.status == 0 && fromStore.stdout == fromFile.stdout, "\(fromStore.stdout)\n\(fromFile.stdout)")
    }

    @Test("explain --dossier lists occurrences by the as-of rule's rank, the winner last: the same from files named in any order and from a store imported in any order")
    func occurrencesInRankOrder() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayKetThucXuLy,TrangThaiHoSo\n"
        try dir.write("thang01.csv", header + "H1,UBND xã A,1,02/01/2023,,4\n")
        try dir.write("thang02.csv", header + "H1,UBND xã A,1,02/01/2023,03/02/2023,9\nH2,UBND xã A,1,03/02/2023,,4\n")
        let explain = ["explain", "--dossier", "H1", "--format", "csv"]
        let named = try Motcua.run(explain + ["thang02.csv", "thang01.csv"], in: dir.url)
        #expect(named.status == 0, "\(named)")
        let rows = try RFC4180.parse(named.stdout).dropFirst()
        #expect(rows.map { $0.last } == ["superseded", "wins"], "\(named.stdout)")
        for (name, order) in [("ab.sqlite", ["thang01.csv", "thang02.csv"]), ("ba.sqlite", ["thang02.csv", "thang01.csv"])] {
            for file in order { #expect(try Motcua.run(["import", "--db", name, file], in: dir.url).status == 0) }
            let stored = try Motcua.run(explain + ["--db", name], in: dir.url)
            #expect(stored.stdout == named.stdout, "\(name): \(stored.stdout)")
        }
    }

    @Test("import refuses --units and --catalogue (64), which it would ignore, even naming a file that does not exist")
    func importRefusesWhatItWouldIgnore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        for option in ["--units", "--catalogue"] {
            let result = try Motcua.run(["import", "--db", "kho.sqlite", option, "khong-co.csv", "a.csv", "--lang", "en"], in: dir.url)
            #expect(result.status == 64 && result.stderrLines.count == 1, "\(result)")
            #expect(result.stderr.contains("\(option) does nothing in import"), "\(result)")
            #expect(!dir.exists("kho.sqlite"))
        }
    }

    @Test("a folder named as the store is not a store (66); a store whose folder is missing cannot be made (74); both worded")
    func folderOrMissingFolderAsTheStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try FileManager.default.createDirectory(at: dir.file("thu-muc"), withIntermediateDirectories: true)
        for command in [["report", "--period", "2023-Q1", "--db", "thu-muc"], ["import", "--db", "thu-muc", "a.csv"], ["imports", "--db", "thu-muc"]] {
            let result = try Motcua.run(command, in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: "thu-muc")
            #expect(result.stderr.contains("không phải kho dữ liệu motcua"), "\(result)")
        }
        let nowhere = try Motcua.run(["import", "--db", "khong-co/kho.sqlite", "a.csv", "--lang", "en"], in: dir.url)
        #expect(nowhere.status == 74 && nowhere.stderrLines.count == 1, "\(nowhere)")
        #expect(nowhere.stderr.contains("khong-co/kho.sqlite") && nowhere.stderr.contains("no store can be made here"), "\(nowhere)")
        #expect(!nowhere.stderr.contains("unable to open"), "SQLite's own words: \(nowhere)")
    }

    @Test("a pipe named as the store is not a store (66), never waited on; an empty --db is a usage error (64)")
    func pipeOrNothingAsTheStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        #expect(mkfifo(dir.file("ong").path, 0o600) == 0)
        for command in [["report", "--period", "2023-Q1", "--db", "ong"], ["import", "--db", "ong", "a.csv"], ["imports", "--db", "ong"]] {
            let result = try Motcua.run(command, in: dir.url, timeout: 20)
            ErrorContract.expectInputError(result, status: 66, naming: "ong")
        }
        for command in [["report", "--period", "2023-Q1", "--db", ""], ["import", "--db", "", "a.csv"], ["run", "--db", ""]] {
            let result = try Motcua.run(command + ["--lang", "en"], in: dir.url)
            #expect(result.status == 64 && result.stderr.contains("--db needs a store"), "\(result)")
        }
    }

    @Test("an empty units file is refused (66, naming it), as an empty calendar or catalogue is")
    func anEmptyUnitsFile() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("don-vi.csv", "")
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--units", "don-vi.csv", "a.csv"], in: dir.url)
        ErrorContract.expectInputError(result, status: 66, naming: "don-vi.csv")
    }

    @Test("a store from a newer motcua (an unknown migration) is refused with 66, naming 'newer', and not changed",
          arguments: StoreEngine.allCases)
    func newerStore(engine: StoreEngine) throws {
        try #require(engine.hasShell, "needs the engine's shell")
        let migrations = engine == .sqlite ? "grdb_migrations" : "motcua_migrations"
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("b.csv", Self.secondSmallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let listingBefore = try Self.listing(db, in: dir)
        _ = try engine.sql(db, "INSERT INTO \(migrations) (identifier) VALUES ('v99: from a newer motcua')")

        let commands: [[String]] = [
            ["report", "--period", "2023-Q1", "--format", "csv", "--db", db],
            ["imports", "--db", db],
            ["imports", "remove", "1", "--db", db],
            ["import", "--db", db, "b.csv"],
        ]
        for command in commands {
            let result = try Motcua.run(command, in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: try engine.shown(db))
            #expect(result.stderr.contains("phiên bản motcua mới hơn"), "Vietnamese by default: \(result)")
        }
        #expect(try engine.sql(db, "SELECT file_name FROM import ORDER BY id") == "a.csv\n")
        _ = try engine.sql(db, "DELETE FROM \(migrations) WHERE identifier LIKE 'v99:%'")
        #expect(try Self.listing(db, in: dir).stdoutData == listingBefore.stdoutData)
    }

    @Test("a stored state edited by hand out of the vocabulary: a report says 'not a motcua store' (66, one line)",
          arguments: StoreEngine.allCases)
    func stateOutOfVocabulary(engine: StoreEngine) throws {
        try #require(engine.hasShell, "needs the engine's shell")
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        // SQLite packs the channel and status into `facts` (0 is neither); PostgreSQL keeps
        // them in columns of their own (9 is no channel).
        _ = try engine.sql(db, engine == .sqlite ? "UPDATE current SET facts = 0" : "UPDATE current SET channel = 9")
        for (language, words) in [("vi", "không phải kho dữ liệu motcua"), ("en", "not a motcua store")] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--lang", language, "--db", db],
                                        in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: try engine.shown(db))
            #expect(result.stderr.contains(words), "\(language): \(result)")
        }
    }

    @Test("a store missing a table (dropped by hand): a report says the store is damaged, naming the table (66, one line)",
          arguments: StoreEngine.allCases)
    func missingTable(engine: StoreEngine) throws {
        try #require(engine.hasShell, "needs the engine's shell")
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        _ = try engine.sql(db, engine == .sqlite ? "DROP VIEW current_detail; DROP TABLE current" : "DROP TABLE current CASCADE")
        for (language, words) in [("vi", "kho dữ liệu bị hỏng (thiếu current)"), ("en", "the store is damaged (current is missing)")] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--lang", language, "--db", db],
                                        in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: try engine.shown(db))
            #expect(result.stderr.contains(words), "\(language): \(result)")
        }
    }

    /// An auditor's copy on a read-only medium, or in a folder they may not write: SQLite cannot
    /// make the shared-memory file a reader of a WAL store needs, and every read said "read-only".
    /// With no log beside it, the store is read as a file nothing changes.
    @Test("a store nothing can write (file and folder): report, imports and explain read it; an import says read-only (74)",
          .enabled(if: Immutable.isAvailable, "needs chattr +i"))
    func storeOnAReadOnlyMedium() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("b.csv", Self.secondSmallExport)
        let folder = dir.url.appendingPathComponent("kho")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("motcua.sqlite").path
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let commands = [["report", "--period", "2023-Q1", "--format", "csv", "--db", db], ["imports", "--db", db],
                        ["explain", "--dossier", "A3", "--db", db]]
        let expected = try commands.map { try Motcua.run($0, in: dir.url) }
        for result in expected { #expect(result.status == 0 && !result.stdoutData.isEmpty, "\(result)") }
        // The store alone, as copied for an auditor: the readers above leave their (empty) log
        // and shared memory beside it.
        for name in Self.files(startingWith: "motcua.sqlite-", in: folder) {
            let file = folder.appendingPathComponent(name)
            if name.hasSuffix("-wal") { #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == 0) }
            try FileManager.default.removeItem(at: file)
        }
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.sqlite").path, withDestinationPath: db)
        try Immutable.during([db, folder.path]) {
            for (command, before) in zip(commands, expected) {
                let result = try Motcua.run(command, in: dir.url)
                #expect(result.status == 0, "\(result)")
                #expect(result.stdoutData == before.stdoutData, "\(command[0])")
            }
            // Through a link beside it (a folder that may be written): the store the link names.
            let linked = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--db", "link.sqlite"], in: dir.url)
            #expect(linked.status == 0 && linked.stdoutData == expected[0].stdoutData, "\(linked)")
            let write = try Motcua.run(["import", "--db", db, "b.csv"], in: dir.url)
            ErrorContract.expectInputError(write, status: 74, naming: db, stdoutEmpty: false)
            #expect(write.stderr.contains("không ghi được vào kho dữ liệu (chỉ đọc)"), "\(write)")
        }
        #expect(Self.files(startingWith: "motcua.sqlite", in: folder) == ["motcua.sqlite"], "nothing made beside it")
    }

    /// Root, runuser, and a build nobody may run (a clone in a `mktemp -d` folder, 0700, is not).
    static let nobodyCanRunMotcua: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"), let binary = Motcua.binary else { return false }
        return (try? Shell.run("/usr/sbin/runuser", ["-u", "nobody", "--", "test", "-x", binary.path], recordFailure: false)) != nil
    }()

    /// A store in a folder this reader may not write, but others may: SQLite cannot make its
    /// shared memory there, and reading without it could tear a report when another process
    /// checkpoints. One line says to copy it.
    @Test("a store in a folder the reader may not write (others may): 74, one line saying to copy it",
          .enabled(if: Self.nobodyCanRunMotcua, "runs motcua as nobody, who must reach the build folder"))
    func storeInAFolderTheReaderMayNotWrite() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let folder = dir.url.appendingPathComponent("kho")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("motcua.sqlite").path
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        // nobody may read the store and pass through its folders (made under the temporary
        // folder, 1777), not write them.
        for path in [dir.path, folder.path] { chmod(path, 0o755) }
        chmod(db, 0o644)
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--db", db], in: folder,
                                    launcher: ["/usr/sbin/runuser", "-u", "nobody", "--"])
        ErrorContract.expectInputError(result, status: 74, naming: db)
        #expect(result.stderr.contains("hãy chép kho sang thư mục ghi được"), "\(result)")
        #expect(Self.files(startingWith: "motcua.sqlite", in: folder) == ["motcua.sqlite"])
    }

    /// SQLite calls a write that a file-size limit refuses an I/O error (a full disk, "full"):
    /// either rolls the import back.
    @Test("an import the disk refuses to write (a file-size limit): 74, one line in the reader's language, the store as it was")
    func diskRefusesTheImport() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try Self.writeBigExport(rows: 40_000, prefix: "B", to: dir.url.appendingPathComponent("big.csv"))
        let db = dir.url.appendingPathComponent("kho.sqlite").path
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let before = try Self.listing(db, in: dir).stdoutData
        for (language, words) in [("vi", "lỗi đọc hoặc ghi đĩa"), ("en", "a read or write of the disk failed")] {
            // Files of at most 2 MB (the store is far smaller, the import of 40,000 rows far
            // larger); SIGXFSZ ignored, so that the write fails instead of ending the process.
            let result = try Motcua.run(["import", "--lang", language, "--db", db, "big.csv"], in: dir.url,
                                        launcher: ["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 2048; exec \"$0\" \"$@\""])
            ErrorContract.expectInputError(result, status: 74, naming: db, stdoutEmpty: false)
            #expect(result.stderr.contains(words), "\(language): \(result)")
            #expect(!result.stderr.contains("disk I/O error"), "SQLite's own words: \(result)")
            #expect(try Self.listing(db, in: dir).stdoutData == before, "the store is as it was")
        }
    }

    /// Two names sharing an id takes two SHA-256s sharing 8 bytes; a stored name whose key is
    /// not its own (written by hand) meets the same check: the id the next import gives the
    /// name is taken by another key.
    @Test("PostgreSQL: a unit name whose id another key holds stops the import: 74, worded in the reader's language, nothing imported")
    func nameIDClash() throws {
        let engine = StoreEngine.postgres
        try #require(engine.hasShell, "needs the engine's shell")
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("b.csv", Self.secondSmallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        _ = try engine.sql(db, "UPDATE unit_spelling SET key = 'sua-tay-' || key")
        let listingBefore = try Self.listing(db, in: dir)
        for (language, words) in [("vi", "hai tên đơn vị trùng mã định danh"), ("en", "two unit names share an id")] {
            let result = try Motcua.run(["import", "--lang", language, "--db", db, "b.csv"], in: dir.url)
            ErrorContract.expectInputError(result, status: 74, naming: try engine.shown(db), stdoutEmpty: false)
            #expect(result.stderr.contains(words), "\(language): \(result)")
            #expect(!result.stderr.contains("unit_spelling"), "\(language): \(result)")
        }
        #expect(try Self.listing(db, in: dir).stdoutData == listingBefore.stdoutData)
    }

    @Test("imports remove of an id that is not in the store: 66, one line, nothing removed",
          arguments: StoreEngine.allCases)
    func removeUnknownImport(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let listingBefore = try Self.listing(db, in: dir)
        let result = try Motcua.run(["imports", "remove", "999", "--db", db], in: dir.url)
        ErrorContract.expectInputError(result, status: 66, naming: try engine.shown(db))
        #expect(result.stderr.contains("999"), "\(result)")
        #expect(try Self.listing(db, in: dir).stdoutData == listingBefore.stdoutData)
    }

    @Test("report and imports on a store that does not exist: 66, one line, and no file is created")
    func missingStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let commands: [[String]] = [
            ["report", "--period", "2023-Q1", "--format", "csv", "--db", "khong-co.sqlite"],
            ["report", "--period", "2023-Q1", "--db", "khong-co.sqlite"],
            ["imports", "--db", "khong-co.sqlite"],
            ["imports", "list", "--db", "khong-co.sqlite"],
        ]
        for command in commands {
            let result = try Motcua.run(command, in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: "khong-co.sqlite")
            #expect(Self.files(startingWith: "khong-co", in: dir.url).isEmpty, "a file was created: \(result)")
        }
        // In a folder that does not exist either.
        let nested = try Motcua.run(["report", "--period", "2023-Q1", "--db", "thu-muc/khong-co.sqlite"], in: dir.url)
        ErrorContract.expectInputError(nested, status: 66, naming: "thu-muc/khong-co.sqlite")
        #expect(!dir.exists("thu-muc"))
    }

    @Test("imports remove on a store that does not exist: 66, and no store is created")
    func removeFromMissingStore() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let result = try Motcua.run(["imports", "remove", "1", "--db", "khong-co.sqlite"], in: dir.url)
        ErrorContract.expectInputError(result, status: 66, naming: "khong-co.sqlite")
        #expect(Self.files(startingWith: "khong-co", in: dir.url).isEmpty, "a store was created by a removal: \(result)")
    }

    // MARK: - Where the store is

    @Test("the store is --db, else $MOTCUA_DB, else motcua.sqlite in the current folder")
    func storeLocation() throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("work/a.csv", Self.smallExport)
        try dir.write("work/b.csv", Self.secondSmallExport)
        let work = dir.file("work")
        let envDB = dir.file("env/kho.sqlite").path
        try FileManager.default.createDirectory(at: dir.file("env"), withIntermediateDirectories: true)

        let viaEnv = try Motcua.run(["import", "a.csv"], in: work, environment: ["MOTCUA_DB": envDB])
        #expect(viaEnv.status == 0, "\(viaEnv)")
        #expect(FileManager.default.fileExists(atPath: envDB), "MOTCUA_DB was not used")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("motcua.sqlite").path),
                "motcua.sqlite was made in the current folder although MOTCUA_DB was set")
        let listed = try Motcua.run(["imports"], in: work, environment: ["MOTCUA_DB": envDB])
        #expect(listed.status == 0 && Self.rows(of: listed).map { $0[1] } == ["a.csv"], "\(listed)")
        let reported = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"], in: work,
                                      environment: ["MOTCUA_DB": envDB])
        #expect(reported.status == 0, "\(reported)")
        #expect(reported.stdoutData == (try Self.storeReport(envDB, in: dir)).stdoutData)

        // --db wins over MOTCUA_DB.
        let explicit = dir.file("explicit.sqlite").path
        let viaFlag = try Motcua.run(["import", "--db", explicit, "b.csv"], in: work, environment: ["MOTCUA_DB": envDB])
        #expect(viaFlag.status == 0, "\(viaFlag)")
        #expect(Self.rows(of: try Self.listing(explicit, in: dir)).map { $0[1] } == ["b.csv"])
        #expect(Self.rows(of: try Self.listing(envDB, in: dir)).map { $0[1] } == ["a.csv"])

        // Neither (or MOTCUA_DB empty): motcua.sqlite here.
        let plain = try Motcua.run(["import", "b.csv"], in: work, environment: ["MOTCUA_DB": ""])
        #expect(plain.status == 0, "\(plain)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("motcua.sqlite").path))
        let plainListing = try Motcua.run(["imports"], in: work)
        #expect(Self.rows(of: plainListing).map { $0[1] } == ["b.csv"], "\(plainListing)")
        #expect(Self.rows(of: try Self.listing(envDB, in: dir)).map { $0[1] } == ["a.csv"])
    }

    // MARK: - Imports

    /// Hand-checked: a.csv stated as of 31/03/2023 (00:00:00, a date alone being a moment) has
    /// X1 resolved; b.csv's rows reach 31/03/2023 10:00, a later as-of, and have X1 pending. b.csv
    /// wins whatever the import order: 0 resolved, 2 pending. Read as the end of its day (as
    /// before the sixteenth round), a.csv would have won (1 resolved, 1 pending).
    @Test("a date-only --as-of of an import is 00:00:00 of that day: a file whose rows reach later that day outranks it",
          arguments: StoreEngine.allCases)
    func dateOnlyAsOfIsTheStartOfTheDay(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let header = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n"
        try dir.write("a.csv", header + "X1,UBND xã A,1,20/03/2023 08:00,28/03/2023,25/03/2023 09:00,10\n")
        try dir.write("b.csv", header + "X1,UBND xã A,1,20/03/2023 08:00,28/03/2023,,4\nX2,UBND xã A,1,31/03/2023 10:00,05/04/2023,,2\n")
        for order in [["a", "b"], ["b", "a"]] {
            let db = try engine.freshStore(in: dir, name: "kho-" + order.joined())
            for name in order {
                let asOf = name == "a" ? ["--as-of", "31/03/2023"] : []
                let imported = try Motcua.run(["import", "--db", db] + asOf + ["\(name).csv"], in: dir.url)
                #expect(imported.status == 0, "\(imported)")
            }
            let report = try Motcua.run(["report", "--db", db, "--period", "2023-Q1", "--basis", "calendar",
                                         "--format", "json", "-q"], in: dir.url)
            #expect(report.status == 0, "\(report)")
            let text = report.stdout.filter { $0 != " " && $0 != "\n" }
            #expect(text.contains("\"resolved\":0") && text.contains("\"pending\":2"), "order \(order): \(report.stdout)")
        }
    }

    @Test("importing a file already in the store says so, changes nothing and exits 0", arguments: StoreEngine.allCases)
    func reimport(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("ban-sao.csv", Self.smallExport)
        let db = try engine.freshStore(in: dir)
        let first = try Motcua.run(["import", "--db", db, "--lang", "en", "a.csv"], in: dir.url)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderrLines.count == 1 && first.stderr.contains("imported as #1"), "\(first)")
        #expect(first.stderr.contains("5 rows, 4 accepted, 1 rejected"), "\(first)")
        let listingBefore = try Self.listing(db, in: dir)
        let reportBefore = try Self.storeReport(db, in: dir)

        for (name, lang, phrase) in [("a.csv", "en", "already in the store"), ("ban-sao.csv", "en", "already in the store"),
                                     ("a.csv", "vi", "đã có trong kho")] {
            let again = try Motcua.run(["import", "--db", db, "--lang", lang, name], in: dir.url)
            #expect(again.status == 0, "\(again)")
            #expect(again.stderrLines.count == 1, "\(again)")
            #expect(again.stderr.hasPrefix(name), "the message does not name the file: \(again)")
            #expect(again.stderr.contains(phrase), "\(again)")
            #expect(again.stdoutData.isEmpty, "\(again)")
            #expect(try Self.listing(db, in: dir).stdoutData == listingBefore.stdoutData, "\(again)")
            #expect(try Self.storeReport(db, in: dir).stdoutData == reportBefore.stdoutData, "\(again)")
        }
    }

    @Test("a file that cannot be read: 66 and one line naming it; the other files are still imported",
          arguments: StoreEngine.allCases)
    func unreadableFileAmongOthers(engine: StoreEngine) throws {
        let dir = try TempDir(prefix: "motcua-e2e-store")
        try dir.write("a.csv", Self.smallExport)
        try dir.write("b.csv", Self.secondSmallExport)
        let db = try engine.freshStore(in: dir)
        let result = try Motcua.run(["import", "--db", db, "--lang", "en", "a.csv", "khong-co.csv", "b.csv"], in: dir.url)
        #expect(result.status == 66, "\(result)")
        #expect(result.stderrLines.filter { $0.contains("khong-co.csv") }.count == 1, "\(result)")
        #expect(result.stderrLines.filter { $0.contains("imported as #") }.count == 2, "\(result)")
        ErrorContract.expectNoCrash(result)
        #expect(Self.rows(of: try Self.listing(db, in: dir)).map { $0[1] } == ["a.csv", "b.csv"])
    }

    // MARK: - The store and the raw files give one report

    static let overlap = FixtureCatalog.root.appendingPathComponent("monthly-overlap")

    static var overlapFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: overlap.path)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted(by: FixtureCatalog.byCodePoints)
    }

    /// The reports compared: 2023-Q1 and 2023-H1, csv and json (decree 09 basis).
    static let comparedReports: [[String]] = ["2023-Q1", "2023-H1"].flatMap { period in
        [["--period", period, "--format", "csv"], ["--period", period, "--format", "json"]]
    }

    /// Every compared report from the raw `files` (run in the fixture folder), keyed by its arguments.
    static func rawReports(_ files: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]: Data] {
        var reports: [[String]: Data] = [:]
        for arguments in comparedReports {
            let raw = try Motcua.run(["report"] + arguments + files, in: overlap, sourceLocation: sourceLocation)
            #expect(raw.status == 0 && !raw.stdoutData.isEmpty, "\(raw)", sourceLocation: sourceLocation)
            reports[arguments] = raw.stdoutData
        }
        return reports
    }

    /// Every compared report from `db` must be byte-identical to the raw-file one.
    static func expectStore(_ db: String, equals raw: [[String]: Data], _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in comparedReports {
            let stored = try Motcua.run(["report"] + arguments + ["--db", db], in: overlap, sourceLocation: sourceLocation)
            #expect(stored.status == 0, "\(label): \(stored)", sourceLocation: sourceLocation)
            let rawText = String(decoding: raw[arguments] ?? Data(), as: UTF8.self)
            #expect(stored.stdoutData == raw[arguments],
                    "\(label) \(arguments.joined(separator: " ")): from the store\n\(stored.stdout)\nfrom the files\n\(rawText)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("monthly-overlap: a report from the store equals the raw-file report, whatever the import order; so after a removal",
          arguments: StoreEngine.allCases)
    func storeEqualsRaw(engine: StoreEngine) throws {
        let files = Self.overlapFiles
        try #require(files.count >= 2, "no Fixtures/monthly-overlap inputs")
        let dir = try TempDir(prefix: "motcua-e2e-store")
        let rawAll = try Self.rawReports(files)
        for (label, order) in [("sorted", files), ("reversed", Array(files.reversed()))] {
            let db = try engine.freshStore(in: dir, name: "kho-\(label)")
            let imported = try Motcua.run(["import", "--db", db, "--lang", "en"] + order, in: Self.overlap)
            #expect(imported.status == 0, "\(imported)")
            #expect(imported.stderrLines.count == order.count, "\(imported)")
            let listing = try Self.listing(db, in: dir)
            #expect(Self.rows(of: listing).map { $0[1] } == order, "\(listing)")
            try Self.expectStore(db, equals: rawAll, "\(label) import order")

            // Take the latest import out: the store then equals the raw report without that file.
            let latest = order.last!
            let id = try #require(Self.importID(of: latest, in: listing))
            let removed = try Motcua.run(["imports", "remove", id, "--db", db], in: dir.url)
            #expect(removed.status == 0 && removed.stderrLines.count == 1, "\(removed)")
            let listingAfter = try Self.listing(db, in: dir)
            #expect(Self.rows(of: listingAfter).map { $0[1] } == order.dropLast().map { $0 }, "\(listingAfter)")
            try Self.expectStore(db, equals: try Self.rawReports(files.filter { $0 != latest }),
                                 "\(label) import order without \(latest)")
            let again = try Motcua.run(["imports", "remove", id, "--db", db], in: dir.url)
            ErrorContract.expectInputError(again, status: 66, naming: try engine.shown(db))
        }
    }
}
