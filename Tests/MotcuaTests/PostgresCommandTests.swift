import TestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// End-to-end tests that only a PostgreSQL store has: several processes importing into one
/// database at once, a connection killed by the server, roles, and a password that never
/// shows. Skipped with the reason when no test server is given (never on CI).
@Suite(.serialized)
struct PostgresCommandTests {
    typealias Store = StoreCommandTests

    /// A fresh database on the test server, and its URL (with the superuser's password); dropped
    /// with `dir`.
    static func database(in dir: TempDir) throws -> String { try StoreEngine.postgres.freshStore(in: dir) }

    static func psql(_ url: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try PostgresTestServer.psql(url, sql, sourceLocation: sourceLocation)
    }

    /// The run's output holds no password of `urls`.
    static func expectNoPassword(_ result: RunResult, _ urls: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for password in urls.compactMap(PostgresTestServer.password) where !password.isEmpty {
            #expect(!result.stderr.contains(password) && !result.stdout.contains(password),
                    "the password shows: \(result)", sourceLocation: sourceLocation)
        }
    }

    @Test("three importers of different files at once: each file whole, none lost, the report as from the files")
    func threeConcurrentImporters() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        let db = try Self.database(in: dir)
        // Overlapping dossiers (the same codes in two files) make the importers meet on `current`.
        try Store.writeBigExport(rows: 30_000, prefix: "C", to: dir.file("c.csv"))
        try Store.writeBigExport(rows: 30_000, prefix: "D", to: dir.file("d.csv"))
        try dir.write("e.csv", Store.smallExport + Store.secondSmallExport.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n")
        let files = ["c.csv", "d.csv", "e.csv"]
        for round in 0..<3 {
            let round_db = round == 0 ? db : try Self.database(in: dir)
            let children = try files.map { try Motcua.start(["import", "--db", round_db, "--lang", "en", $0], in: dir.url) }
            let results = try children.map { try $0.wait(timeout: 300) }
            for result in results {
                #expect(result.status == 0 && result.stderr.contains("imported as #"), "round \(round): \(result)")
                Self.expectNoPassword(result, [round_db])
            }
            let listing = try Store.listing(round_db, in: dir)
            #expect(Store.rows(of: listing).map { $0[1] }.sorted() == files, "round \(round): \(listing)")
            #expect(try Self.psql(round_db, "SELECT count(*) FROM occurrence") == "\(30_000 + 30_000 + 6)\n")
            let raw = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"] + files, in: dir.url)
            let stored = try Store.storeReport(round_db, in: dir)
            #expect(stored.stdoutData == raw.stdoutData, "round \(round): the store's report differs from the files'")
        }
    }

    @Test("two processes importing the same file at once: one imports it, the other says it is there (exit 0)")
    func sameFileTwiceAtOnce() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        try Store.writeBigExport(rows: 20_000, prefix: "S", to: dir.file("s.csv"))
        for round in 0..<4 {
            let db = try Self.database(in: dir)
            let first = try Motcua.start(["import", "--db", db, "--lang", "en", "s.csv"], in: dir.url)
            let second = try Motcua.start(["import", "--db", db, "--lang", "en", "s.csv"], in: dir.url)
            let results = [try first.wait(timeout: 180), try second.wait(timeout: 180)]
            #expect(results.allSatisfy { $0.status == 0 }, "round \(round): \(results)")
            #expect(results.filter { $0.stderr.contains("imported as #") }.count == 1, "round \(round): \(results)")
            #expect(results.filter { $0.stderr.contains("already in the store") }.count == 1, "round \(round): \(results)")
            #expect(try Self.psql(db, "SELECT count(*), sum(accepted) FROM import") == "1|20000\n", "round \(round)")
            #expect(try Self.psql(db, "SELECT count(*) FROM occurrence") == "20000\n", "round \(round)")
            #expect(try Self.psql(db, "SELECT count(*) FROM current") == "20000\n", "round \(round)")
        }
    }

    @Test("a connection the server ends mid-import (pg_terminate_backend): 74, one line, the store as it was")
    func killedConnection() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        let db = try Self.database(in: dir)
        try dir.write("a.csv", Store.smallExport)
        try #require(try Motcua.run(["import", "--db", db, "a.csv"], in: dir.url).status == 0)
        let reportBefore = try Store.storeReport(db, in: dir)
        let listingBefore = try Store.listing(db, in: dir)
        try Store.writeBigExport(rows: 400_000, prefix: "K", to: dir.file("big.csv"))

        let child = try Motcua.start(["import", "--db", db, "--lang", "en", "big.csv"], in: dir.url)
        var terminated = "0\n"
        let deadline = Date().addingTimeInterval(20)
        // Wait until the import is copying its rows, then end its session from the server side.
        while child.isRunning, Date() < deadline, terminated == "0\n" {
            Thread.sleep(forTimeInterval: 0.2)
            terminated = try Self.psql(db, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'motcua' AND pid <> pg_backend_pid()
                  AND query LIKE 'COPY%'
                """)
        }
        let result = try child.wait(timeout: 60)
        try #require(terminated == "1\n", "the import's session was not found copying: \(result)")
        ErrorContract.expectInputError(result, status: 74, naming: try PostgresTestServer.shown(db))
        Self.expectNoPassword(result, [db])
        #expect(try Store.listing(db, in: dir).stdoutData == listingBefore.stdoutData)
        #expect(try Store.storeReport(db, in: dir).stdoutData == reportBefore.stdoutData)
        #expect(try Self.psql(db, "SELECT count(*) FROM occurrence") == "4\n")
        let retry = try Motcua.run(["import", "--db", db, "--lang", "en", "big.csv"], in: dir.url, timeout: 240)
        #expect(retry.status == 0 && retry.stderr.contains("400000 rows, 400000 accepted"), "\(retry)")
    }

    @Test("the documented roles: the owner creates, the importer imports, the reader reports but may not import (74)")
    func leastPrivilegeRoles() throws {
        let server = try PostgresTestServer.require()
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let names = (db: "motcua_\(suffix)", owner: "chu_\(suffix)", importer: "nhap_\(suffix)", reader: "doc_\(suffix)")
        let passwords = (owner: "mk-chu-\(suffix)", importer: "mk-nhap-\(suffix)", reader: "mk-doc-\(suffix)")
        let script = PackagePaths.root.appendingPathComponent("scripts/postgres-roles.sql").path
        // The README shows the script's SQL: every statement of it, as it is.
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        for line in try String(contentsOfFile: script, encoding: .utf8).split(separator: "\n")
        where !line.hasPrefix("--") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            #expect(readme.contains(line), "the README does not show '\(line)' of scripts/postgres-roles.sql")
        }
        let bin = ProcessInfo.processInfo.environment["POSTGRES_SERVER_BIN"].map { $0 + "/psql" } ?? "psql"
        _ = try Shell.run(bin, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server,
                                "-v", "db=\(names.db)", "-v", "owner=\(names.owner)", "-v", "importer=\(names.importer)",
                                "-v", "reader=\(names.reader)", "-v", "owner_password=\(passwords.owner)",
                                "-v", "importer_password=\(passwords.importer)", "-v", "reader_password=\(passwords.reader)",
                                "-f", script])
        func url(_ user: String, _ password: String) throws -> String {
            try PostgresTestServer.url(server, database: names.db, user: user, password: password)
        }
        let owner = try url(names.owner, passwords.owner), importer = try url(names.importer, passwords.importer)
        let reader = try url(names.reader, passwords.reader)
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        try dir.write("a.csv", Store.smallExport)
        try dir.write("b.csv", Store.secondSmallExport)

        // Before the owner made the store, the importer may not.
        let early = try Motcua.run(["import", "--db", importer, "a.csv"], in: dir.url)
        ErrorContract.expectInputError(early, status: 74, naming: try PostgresTestServer.shown(importer))
        #expect(early.stderr.contains("owner"), "\(early)")
        let made = try Motcua.run(["import", "--db", owner, "a.csv"], in: dir.url)
        #expect(made.status == 0, "\(made)")
        let imported = try Motcua.run(["import", "--db", importer, "b.csv"], in: dir.url)
        #expect(imported.status == 0, "\(imported)")

        let report = try Store.storeReport(reader, in: dir)
        #expect(report.stdoutData == (try Store.storeReport(owner, in: dir)).stdoutData)
        #expect(Store.rows(of: try Store.listing(reader, in: dir)).map { $0[1] } == ["a.csv", "b.csv"])
        try dir.write("c.csv", Store.smallExport.replacingOccurrences(of: "A5,", with: "A6,"))
        for command in [["import", "--lang", "en", "--db", reader, "c.csv"], ["imports", "remove", "1", "--lang", "en", "--db", reader]] {
            let refused = try Motcua.run(command, in: dir.url)
            ErrorContract.expectInputError(refused, status: 74, naming: try PostgresTestServer.shown(reader))
            #expect(refused.stderr.contains("read-only"), "\(refused)")
            Self.expectNoPassword(refused, [reader])
        }
        #expect(Store.rows(of: try Store.listing(owner, in: dir)).map { $0[1] } == ["a.csv", "b.csv"])
        // The importer may change data, never the schema.
        #expect(throws: (any Error).self) { _ = try Self.quietPsql(importer, "CREATE TABLE other (id int)") }
        #expect(throws: (any Error).self) { _ = try Self.quietPsql(reader, "DELETE FROM reject") }
    }

    /// psql that is expected to fail: its failure is the test's, not an issue.
    static func quietPsql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let bin = ProcessInfo.processInfo.environment["POSTGRES_SERVER_BIN"].map { $0 + "/psql" } ?? "psql"
        process.arguments = [bin, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Shell.ShellFailure(stderr: "psql \(process.terminationStatus)") }
        return ""
    }

    @Test("no server, a wrong password, a bad URL: 74 and one line naming the store without its password")
    func connectionFaults() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        let db = try Self.database(in: dir)
        try dir.write("a.csv", Store.smallExport)
        // A port nothing listens on: bind one, then let it go.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        close(socket)
        let closedPort = Int(UInt16(bigEndian: address.sin_port))
        let refused = try PostgresTestServer.url(db).replacingOccurrences(of: ":\(URLComponents(string: db)?.port ?? 0)/", with: ":\(closedPort)/")
        let wrongPassword = try PostgresTestServer.url(db, password: "sai-mat-khau")
        for (url, words) in [(refused, "refused"), (wrongPassword, "password")] {
            for command in [["import", "--db", url, "a.csv"], ["report", "--period", "2023-Q1", "--db", url], ["imports", "--db", url]] {
                let result = try Motcua.run(command, in: dir.url, environment: ["MOTCUA_LANG": "en"])
                ErrorContract.expectInputError(result, status: 74, naming: try PostgresTestServer.shown(url))
                #expect(result.stderr.contains(words), "\(result)")
                Self.expectNoPassword(result, [url, db])
            }
        }
        // In the clerk's language: motcua's words are Vietnamese, the server's stay its own.
        let refusedVi = try Motcua.run(["imports", "--db", refused], in: dir.url, environment: ["MOTCUA_LANG": "vi"])
        ErrorContract.expectInputError(refusedVi, status: 74, naming: try PostgresTestServer.shown(refused))
        #expect(refusedVi.stderr.contains("không kết nối được: máy chủ từ chối kết nối"), "\(refusedVi)")
        let wrongVi = try Motcua.run(["imports", "--db", wrongPassword], in: dir.url, environment: ["MOTCUA_LANG": "vi"])
        #expect(wrongVi.status == 74 && wrongVi.stderr.contains("xác thực không thành công: ") && wrongVi.stderr.contains("password"),
                "\(wrongVi)")
        let bad = try Motcua.run(["imports", "--db", "postgresql://u:bi-mat@h:5432/db?sslmode=sometimes"], in: dir.url)
        ErrorContract.expectInputError(bad, status: 74, naming: "postgresql://")
        #expect(!bad.stderr.contains("bi-mat"), "\(bad)")
    }

    @Test("sslmode: verify-full with the server's authority, require and disable connect; an untrusted certificate is 74")
    func tls() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        let db = try Self.database(in: dir)
        guard let ca = ProcessInfo.processInfo.environment["MOTCUA_TEST_POSTGRES_CA"] else {
            if PostgresTestServer.isRequired { Issue.record("the test server speaks no TLS (no openssl?)") }
            try Test.cancel("the test server speaks no TLS: MOTCUA_TEST_POSTGRES_CA is not set")
        }
        try dir.write("a.csv", Store.smallExport)
        let trusted = db + "?sslmode=verify-full&sslrootcert=" + ca
        let imported = try Motcua.run(["import", "--db", trusted, "a.csv"], in: dir.url)
        #expect(imported.status == 0, "\(imported)")
        for mode in ["verify-ca&sslrootcert=\(ca)", "require", "prefer", "disable"] {
            let listing = try Motcua.run(["imports", "--db", db + "?sslmode=" + mode], in: dir.url)
            #expect(listing.status == 0 && Store.rows(of: listing).count == 1, "sslmode=\(mode): \(listing)")
        }
        let untrusted = try Motcua.run(["imports", "--db", db + "?sslmode=verify-full", "--lang", "en"], in: dir.url)
        ErrorContract.expectInputError(untrusted, status: 74, naming: try PostgresTestServer.shown(db))
        #expect(untrusted.stderr.contains("not signed by a trusted authority"), "\(untrusted)")
        let untrustedVi = try Motcua.run(["imports", "--db", db + "?sslmode=verify-full"], in: dir.url)
        ErrorContract.expectInputError(untrustedVi, status: 74, naming: try PostgresTestServer.shown(db))
        #expect(untrustedVi.stderr.contains("không do tổ chức chứng thực tin cậy ký"), "\(untrustedVi)")
        let missing = try Motcua.run(["imports", "--db", db + "?sslmode=verify-full&sslrootcert=/khong-co/ca.pem"], in: dir.url)
        ErrorContract.expectInputError(missing, status: 74, naming: "sslrootcert")
        // The server saw an encrypted connection (its own view, not motcua's word).
        #expect(try Self.psql(trusted, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == "t\n")
    }

    @Test("MOTCUA_DB and motcua.toml's store name a PostgreSQL store; run logs never show its password")
    func locationsAndTheRunLog() throws {
        let dir = try TempDir(prefix: "motcua-e2e-pg")
        let db = try Self.database(in: dir)
        // A dossier received in April: the data covers the first quarter, whose report is written.
        try dir.write("inbox/a.csv", Store.smallExport + "A9,UBND xã Hoằng Trinh,1,20230401080000,20230420170000,,,4,0,0\n")
        try dir.write("motcua.toml", "store = \"\(db)\"\nformats = [\"csv\"]\n")
        let run = try Motcua.run(["run", "--verbose"], in: dir.url, timeout: 180)
        #expect(run.status == 0, "\(run)")
        Self.expectNoPassword(run, [db])
        #expect(dir.exists("archive/a.csv") && dir.exists("reports/2023-Q1.decree09.csv"), "\(run)")
        let viaEnv = try Motcua.run(["imports"], in: dir.url, environment: ["MOTCUA_DB": db])
        #expect(viaEnv.status == 0 && Store.rows(of: viaEnv).map { $0[1] } == ["a.csv"], "\(viaEnv)")
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"], in: dir.url, environment: ["MOTCUA_DB": db])
        #expect(report.stdoutData == (try Data(contentsOf: dir.file("reports/2023-Q1.decree09.csv"))), "\(report)")
    }
}

/// Says once, visibly, when the PostgreSQL cases of this target are skipped (and fails where
/// they must run).
@Test("a PostgreSQL server for the end-to-end PostgreSQL tests (MOTCUA_TEST_POSTGRES)")
func postgresTestServerForCommands() throws {
    _ = try PostgresTestServer.require()
}
