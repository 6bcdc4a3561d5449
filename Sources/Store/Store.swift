import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    public typealias Access = StoreAccess

    /// Opens the store at `path` for `access`.
    public init(path: String, access: Access) throws(StoreError) {
        self.path = path
        var status = stat()
        let exists = stat(path, &status) == 0
        if access != .create, !exists { throw StoreError(path: path, kind: .missing) }
        // A folder, a pipe or a device is no store: SQLite would call a folder an I/O error, and
        // wait on a pipe for ever.
        if exists, status.st_mode & S_IFMT != S_IFREG { throw StoreError(path: path, kind: .notAStore) }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.foreignKeysEnabled = true
        config.readonly = access == .read
        config.prepareDatabase { db in
            // A month's import is one transaction of up to millions of rows: give SQLite a
            // 64 MiB page cache so that it builds the table without rereading pages. Readers
            // scan each page once (a report reads `current` on every core): SQLite's default.
            guard !db.configuration.readonly else { return }
            // 16 KiB pages for a store this opening creates (SQLite ignores it for an existing
            // one): fewer pages to split, link and checkpoint a row. Set first: the cache's
            // size in KiB becomes a number of pages of the page size at that moment.
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        // Two imports creating the same new store race to switch it to WAL and to run the
        // migrations; SQLite answers the loser "busy" at once, without its busy handler. Retry
        // within the busy timeout.
        // GRDB's migrator guards against other threads, not other processes: a side lock makes
        // checking and migrating the schema one step for every process that creates.
        // An import and a removal may migrate the store: they take turns doing so. (A report
        // does too, without the lock: one that waited on a stopped process would never end.)
        let schemaLock = access == .read ? nil : SchemaLock(storePath: path)
        defer { schemaLock?.release() }
        // A removal writes too: it brings an older store up to date as a report does (it met
        // "written by a newer motcua" before).
        if access != .create { try Self.upgradeIfOlder(path: path) }
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        var location = path
        while true {
            do {
                let pool = try DatabasePool(path: location, configuration: config)
                try pool.read { db in try Self.checkSchema(db, path: path, creating: access == .create) }
                if access == .create { try Self.migrator.migrate(pool) }
                writer = pool
                return
            } catch let error as StoreError {
                throw error
            } catch {
                let translated = Self.translate(error, path: path)
                if translated.kind == .readOnly, access == .read, location == path, Self.hasNoLog(path) {
                    // Read without the shared memory only where nothing can change the file
                    // while it is read: SQLite then takes no lock, and a checkpoint by another
                    // process would tear a report. Elsewhere the reader must copy it.
                    guard Self.nothingCanWrite(path) else { throw StoreError(path: path, kind: .folderNotWritable) }
                    location = Self.unchangingURI(path)
                    continue
                }
                guard translated.kind == .busy, Date() < deadline else { throw translated }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Whether the store at `path` has no write-ahead log holding changes (none, or empty):
    /// every committed import is then in the file itself.
    private static func hasNoLog(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue
        return size == nil || size == 0
    }

    /// Whether nobody, root included, can write the store at `path`: its file system is
    /// mounted read-only (a CD, a read-only share), or the file and its folder are immutable
    /// (`chattr +i`).
    static func nothingCanWrite(_ path: String) -> Bool {
        // The file SQLite opens: a link to the store is followed.
        let real: String = {
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }()
        let folder = (real as NSString).deletingLastPathComponent
        var fs = statvfs()
        if statvfs(folder.isEmpty ? "." : folder, &fs) == 0, fs.f_flag & UInt(ST_RDONLY) != 0 { return true }
        return isImmutable(real) && isImmutable(folder.isEmpty ? "." : folder)
    }

    /// Whether the file at `path` carries Linux's immutable attribute.
    private static func isImmutable(_ path: String) -> Bool {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // FS_IOC_GETFLAGS (_IOR('f', 1, long)) and FS_IMMUTABLE_FL, which Swift cannot import.
        var flags: CInt = 0
        guard ioctl(fd, UInt(0x8008_6601), &flags) == 0 else { return false }
        return flags & 0x10 != 0
        #else
        return false
        #endif
    }

    /// `path` as an SQLite URI that opens it as a file nothing changes while it is read.
    ///
    /// Why: a reader of a store in WAL mode makes a shared-memory file beside it (`-shm`). On
    /// a read-only medium it cannot, and SQLite refused to open the store at all: every report,
    /// listing and `verify` said "read-only". With no log left beside it, the file holds every
    /// import, and nothing can write it there: SQLite may read it without that file
    /// (`immutable=1`).
    static func unchangingURI(_ path: String) -> String {
        // Percent-encoded as a URI's path (SQLite decodes it): `?`, `#` and `%` may be in names.
        // One leading slash: `//x` would make `x` the URI's host.
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        var plain = Substring(path)
        while plain.hasPrefix("//") { plain = plain.dropFirst() }
        return "file:" + (String(plain).addingPercentEncoding(withAllowedCharacters: allowed) ?? String(plain)) + "?immutable=1"
    }

    /// `create: true` is `.create`, `false` is `.read`.
    public convenience init(path: String, create: Bool) throws(StoreError) {
        try self.init(path: path, access: create ? .create : .read)
    }

    /// The tables of a complete store (GRDB's own migrations table included).
    private static let tables: Set<String> = ["grdb_migrations", "import", "unit_spelling", "occurrence", "reject", "procedure",
                                              "current", "spelling_latest", "revision"]

    /// Refuses files that are not motcua stores, or that a newer motcua wrote.
    ///
    /// A store's tables are made in the same transaction as the migration that records them,
    /// so tables without their migration recorded (an emptied `grdb_migrations`) are not a
    /// store motcua made, nor one it may migrate over.
    private static func checkSchema(_ db: Database, path: String, creating: Bool) throws {
        let found = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        let applied = found.contains("grdb_migrations") ? try migrator.appliedIdentifiers(db) : []
        if !found.subtracting(["grdb_migrations"]).isEmpty, applied.isEmpty {
            throw StoreError(path: path, kind: .notAStore)
        }
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
        // Older and not brought up to date before this open: it cannot be written here.
        if try !migrator.hasCompletedMigrations(db) { throw StoreError(path: path, kind: .olderReadOnly) }
    }

    /// Runs `body` in a read transaction, the store's faults as ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The table or column SQLite's `message` says is missing ("no such table: current").
    static func missingObject(_ message: String) -> String? {
        for prefix in ["no such table: ", "no such column: "] {
            guard let range = message.range(of: prefix) else { continue }
            let name = message[range.upperBound...].prefix { !$0.isWhitespace }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    /// Maps what SQLite reported onto the store's faults.
    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is TooManyNames { return StoreError(path: path, kind: .tooManyNames(limit: Dossier.idLimit)) }
        guard let db = error as? DatabaseError else {
            return StoreError(path: path, kind: .failed(String(describing: error)))
        }
        switch db.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError(path: path, kind: .notAStore)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(path: path, kind: .busy)
        case .SQLITE_READONLY, .SQLITE_PERM: return StoreError(path: path, kind: .readOnly)
        case .SQLITE_CANTOPEN where FileManager.default.fileExists(atPath: path):
            return StoreError(path: path, kind: .readOnly)
        case .SQLITE_CANTOPEN:
            return StoreError(path: path, kind: .cannotCreate)
        case .SQLITE_FULL: return StoreError(path: path, kind: .diskFull)
        case .SQLITE_IOERR: return StoreError(path: path, kind: .ioError)
        case .SQLITE_ERROR:
            // A table or column a migration made and someone dropped (SQLite's words, which
            // end with the missing name).
            if let message = db.message, let missing = missingObject(message) { return StoreError(path: path, kind: .damaged(missing)) }
            return StoreError(path: path, kind: .failed(db.message ?? "SQLite error \(db.resultCode.rawValue)"))
        default:
            return StoreError(path: path, kind: .failed(db.message ?? "SQLite error \(db.resultCode.rawValue)"))
        }
    }
}
