import Foundation
import Testing

/// The store engines the store tests run against: each test that takes one runs on both.
public enum StoreEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    public var testDescription: String { rawValue }

    /// A location for a new, empty store: a path in `dir` (SQLite), or a fresh database on the
    /// test server (PostgreSQL; the test is skipped outside CI when there is none, see
    /// ``PostgresTestServer/require()``).
    public func freshStore(in dir: TempDir, name: String = "kho") throws -> String {
        switch self {
        case .sqlite: return dir.file("\(name).sqlite").path
        case .postgres:
            let (location, server, name) = try PostgresTestServer.freshDatabase()
            // Dropped with the folder: a run made some 200 databases of 7.5 MB and kept them.
            dir.whenRemoved { try? PostgresTestServer.drop(name, on: server) }
            return location
        }
    }

    /// The store as motcua's messages name it (a PostgreSQL URL without its password).
    public func shown(_ location: String) throws -> String {
        self == .sqlite ? location : try PostgresTestServer.shown(location)
    }

    /// True when the engine's shell is there to run ``sql(_:_:sourceLocation:)``.
    public var hasShell: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let program = self == .sqlite ? "sqlite3" : "psql"
        if self == .postgres, let bin = ProcessInfo.processInfo.environment["POSTGRES_SERVER_BIN"],
           FileManager.default.isExecutableFile(atPath: bin + "/psql") { return true }
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// Runs SQL on a store by the engine's own shell (`sqlite3`, `psql`) and returns its output,
    /// one row a line, fields separated by `|`.
    public func sql(_ location: String, _ statement: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        switch self {
        case .sqlite: return try Shell.run("sqlite3", ["-batch", location, statement], sourceLocation: sourceLocation)
        case .postgres: return try PostgresTestServer.psql(location, statement, sourceLocation: sourceLocation)
        }
    }
}

/// The throwaway PostgreSQL server `scripts/test` starts (`scripts/postgres-server`), named by
/// `MOTCUA_TEST_POSTGRES` (a superuser's URL). The PostgreSQL tests run in CI always; elsewhere
/// they are skipped, with the reason, when the variable is not set.
public enum PostgresTestServer {
    public static let url: String? = ProcessInfo.processInfo.environment["MOTCUA_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// True under `scripts/test` and `scripts/sanitize` (which CI runs) and on CI: a missing
    /// server is a failure there, not a skip. `MOTCUA_REQUIRE_POSTGRES=0` opts a run out.
    public static let isRequired: Bool = {
        let environment = ProcessInfo.processInfo.environment
        switch environment["MOTCUA_REQUIRE_POSTGRES"] {
        case "1": return true
        case "0": return false
        default: return environment["CI"] == "true"
        }
    }()

    public static let skipReason = "MOTCUA_TEST_POSTGRES is not set: start a server with scripts/postgres-server (scripts/test does)"

    /// The server's URL; skips the current test when there is none (fails on CI).
    public static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        if let url { return url }
        if isRequired {
            Issue.record("CI must run the PostgreSQL tests: \(skipReason)", sourceLocation: sourceLocation)
            throw MissingServer()
        }
        try Test.cancel(Comment(rawValue: skipReason), sourceLocation: sourceLocation)
    }

    private struct MissingServer: Error {}

    /// A new empty database on the server: its URL for the superuser, the server's URL and the
    /// database's name (to drop it).
    public static func freshDatabase(sourceLocation: SourceLocation = #_sourceLocation) throws -> (url: String, server: String, name: String) {
        let server = try require(sourceLocation: sourceLocation)
        let name = "motcua_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // FILE_COPY: the default strategy writes the whole template into the write-ahead log.
        _ = try psql(server, "CREATE DATABASE \(name) STRATEGY = FILE_COPY", sourceLocation: sourceLocation)
        return (try url(server, database: name), server, name)
    }

    /// Drops a test database, ending any session still on it (a killed import's, say).
    public static func drop(_ name: String, on server: String) throws {
        _ = try Shell.run(psqlProgram, ["-X", "-q", "-d", server, "-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"], recordFailure: false)
    }

    private static var psqlProgram: String {
        ProcessInfo.processInfo.environment["POSTGRES_SERVER_BIN"].map { $0 + "/psql" } ?? "psql"
    }

    /// `server`'s URL with another database, user or password.
    public static func url(_ server: String, database: String? = nil, user: String? = nil, password: String? = nil) throws -> String {
        var parts = try #require(URLComponents(string: server))
        if let database { parts.path = "/" + database }
        if let user { parts.user = user }
        if let password { parts.password = password }
        return try #require(parts.string)
    }

    /// The URL as motcua shows it: `postgresql://USER@HOST:PORT/DB`, no password.
    public static func shown(_ url: String) throws -> String {
        let parts = try #require(URLComponents(string: url))
        return "postgresql://\(parts.user ?? "")@\(parts.host ?? ""):\(parts.port ?? 5432)\(parts.path)"
    }

    /// The password in a URL.
    public static func password(_ url: String) -> String? { URLComponents(string: url)?.password }

    /// Runs SQL with `psql` (stops at the first error) and returns the rows, `|` between fields.
    public static func psql(_ url: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        return try Shell.run(psqlProgram, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                             sourceLocation: sourceLocation)
    }
}

/// Runs a command-line program found on PATH (or by its path) and returns its stdout; it must
/// succeed.
public enum Shell {
    /// `recordFailure: false` throws without recording an issue (for clean-up outside a test).
    public static func run(_ program: String, _ arguments: [String], recordFailure: Bool = true,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let scratch = try TempDir(prefix: "motcua-shell")
        let out = scratch.file("out"), err = scratch.file("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let stdout = try scratch.read("out")
        if process.terminationStatus != 0 {
            let stderr = try scratch.read("err")
            if recordFailure {
                Issue.record("\(program) → \(process.terminationStatus): \(stderr)", sourceLocation: sourceLocation)
            }
            throw ShellFailure(stderr: stderr)
        }
        return stdout
    }

    public struct ShellFailure: Error, CustomStringConvertible {
        public var stderr: String
        public init(stderr: String) { self.stderr = stderr }
        public var description: String { stderr }
    }
}
