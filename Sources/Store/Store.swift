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

    /// What a command needs of the store.
    public enum Access: Sendable {
        /// Reports: the store must exist; it is opened read-only.
        case read
        /// Changes to an existing store (removing an import): never creates one.
        case write
        /// Imports: made when missing, its schema brought up to date.
        case create
    }

    /// Opens the store at `path` for `access`.
    public init(path: String, access: Access) throws(StoreError) {
        self.path = path
        if access != .create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(path: path, kind: .missing)
        }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.foreignKeysEnabled = true
        config.readonly = access == .read
        config.prepareDatabase { db in
            // A month's import is one transaction of up to millions of rows: give SQLite a
            // 64 MiB page cache so that it builds the table without rereading pages.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        // Two imports creating the same new store race to switch it to WAL and to run the
        // migrations; SQLite answers the loser "busy" at once, without its busy handler. Retry
        // within the busy timeout.
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                try pool.read { db in try Self.checkSchema(db, path: path, creating: access == .create) }
                if access == .create { try Self.migrator.migrate(pool) }
                writer = pool
                return
            } catch let error as StoreError {
                throw error
            } catch {
                let translated = Self.translate(error, path: path)
                guard translated.kind == .busy, Date() < deadline else { throw translated }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// `create: true` is `.create`, `false` is `.read`.
    public convenience init(path: String, create: Bool) throws(StoreError) {
        try self.init(path: path, access: create ? .create : .read)
    }

    /// The tables of a complete store (GRDB's own migrations table included).
    private static let tables: Set<String> = ["grdb_migrations", "import", "unit_spelling", "occurrence", "reject"]

    /// Refuses files that are not motcua stores, or that a newer motcua wrote.
    private static func checkSchema(_ db: Database, path: String, creating: Bool) throws {
        let found = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if creating {
            // Empty, or being made by another import (GRDB creates its migrations table first).
            guard found.isSubset(of: tables) else { throw StoreError(path: path, kind: .notAStore) }
            if found.contains("grdb_migrations"), try migrator.hasBeenSuperseded(db) {
                throw StoreError(path: path, kind: .newerSchema)
            }
            return
        }
        guard found.contains("grdb_migrations"), found.contains("import") else {
            throw StoreError(path: path, kind: .notAStore)
        }
        if try migrator.hasBeenSuperseded(db) { throw StoreError(path: path, kind: .newerSchema) }
        if try !migrator.hasCompletedMigrations(db) { throw StoreError(path: path, kind: .newerSchema) }
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
