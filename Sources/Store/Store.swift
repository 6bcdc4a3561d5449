import Foundation
import GRDB
import Ingest

/// The embedded store of monthly imports: an SQLite database (through GRDB) that keeps every
/// import, every accepted occurrence and every rejected row, so that any report can be rebuilt
/// from it by the same as-of rule as from the raw files.
///
/// WAL mode: a report reading the store sees it before or after an import, never half of one;
/// a second writer waits for the busy timeout, then fails with ``StoreError/Kind/busy``.
public final class MotcuaStore {
    public let path: String
    let writer: any DatabaseWriter

    /// How long a writer waits for another one before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens the store at `path`. `create` (for imports) makes it when missing and brings its
    /// schema up to date; otherwise the store must exist with a known schema.
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists, !create { throw StoreError(path: path, kind: .missing) }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // A month's import is one transaction of up to millions of rows: give SQLite a
            // 64 MiB page cache so that it builds the table without rereading pages.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            if !create {
                config.readonly = true
            }
            let pool = try DatabasePool(path: path, configuration: config)
            writer = pool
            try pool.read { db in try Self.checkSchema(db, path: path, allowEmpty: create) }
            if create { try Self.migrator.migrate(pool) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Refuses files that are not motcua stores, or that a newer motcua wrote.
    private static func checkSchema(_ db: Database, path: String, allowEmpty: Bool) throws {
        let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if tables.isEmpty {
            if allowEmpty { return }
            throw StoreError(path: path, kind: .notAStore)
        }
        guard tables.contains("grdb_migrations"), tables.contains("import") else {
            throw StoreError(path: path, kind: .notAStore)
        }
        if try migrator.hasBeenSuperseded(db) { throw StoreError(path: path, kind: .newerSchema) }
        if !allowEmpty, try !migrator.hasCompletedMigrations(db) {
            throw StoreError(path: path, kind: .newerSchema)
        }
    }

    /// Maps what SQLite reported onto the store's faults.
    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else {
            return StoreError(path: path, kind: .failed(String(describing: error)))
        }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError(path: path, kind: .notAStore)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(path: path, kind: .busy)
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError(path: path, kind: .readOnly)
        case .SQLITE_CANTOPEN where FileManager.default.fileExists(atPath: path):
            return StoreError(path: path, kind: .readOnly)
        default:
            return StoreError(path: path, kind: .failed(db.message ?? "SQLite error \(db.resultCode.rawValue)"))
        }
    }
}
