import Foundation
import Ingest
import PostgresNIO
import Store

/// The store on a PostgreSQL server (through postgres-nio): the same imports, occurrences,
/// rejects and current state as the SQLite store, behind the same interface, for several
/// offices importing into one database at once.
///
/// Each import is one transaction; reports read one snapshot (`REPEATABLE READ`), so a report
/// during an import sees the store before or after it, never half. Importers of different
/// files run side by side; only their last step, merging into the current state, takes turns
/// (a transaction-level advisory lock), so they never deadlock on `current`.
public final class PostgresStore: DossierStore {
    public let address: PostgresAddress
    let session: PostgresSession

    public var name: String { address.description }

    /// Advisory lock keys (one namespace per database): the schema's migrations, and the
    /// current-state merge of imports and removals.
    static let schemaLock: Int64 = 0x6D6F_7463_7561_0001
    static let mergeLock: Int64 = 0x6D6F_7463_7561_0002

    /// Connects and checks that the database is a motcua store this motcua knows (`.create`:
    /// an empty database, or a store whose migrations it brings up to date). A store an older
    /// motcua made is brought up to date whatever the access, as the SQLite store is: its
    /// occurrences then know none of the newer columns.
    public init(address: PostgresAddress, access: StoreAccess) throws(StoreError) {
        self.address = address
        session = try PostgresSession(address: address)
        do {
            let older = try checkSchema(creating: access == .create)
            if access == .create || older { try migrate(upgrading: older) }
        } catch {
            session.close()
            throw error
        }
    }

    /// Opens the store a `postgresql://` URL names.
    public convenience init(url: String, access: StoreAccess) throws(StoreError) {
        try self.init(address: try PostgresAddress(url), access: access)
    }

    /// Closes the connection now (it also closes when the store is let go).
    public func close() { session.close() }

    // MARK: - Schema

    /// The tables of the current schema, and the migrations recorded (nil: no table for them).
    private static func schemaState(_ connection: PostgresConnection) async throws -> (tables: Set<String>, migrations: Set<String>?) {
        let logger = PostgresSession.logger
        var tables = Set<String>()
        for try await name in try await connection.query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()", logger: logger
        ).decode(String.self) {
            tables.insert(name)
        }
        guard tables.contains(PostgresSchema.migrationsTable) else { return (tables, nil) }
        var migrations = Set<String>()
        for try await identifier in try await connection.query(
            "SELECT identifier FROM motcua_migrations", logger: logger
        ).decode(String.self) {
            migrations.insert(identifier)
        }
        return (tables, migrations)
    }

    /// Refuses databases that are not motcua stores, or that a newer motcua wrote: the same
    /// rules as the SQLite store's. An empty database is "no store yet" when reading. True when
    /// the store lacks migrations this motcua has (an older motcua made it).
    @discardableResult
    private func checkSchema(creating: Bool) throws(StoreError) -> Bool {
        let (tables, migrations) = try session.run { connection in try await Self.schemaState(connection) }
        let known = Set(PostgresSchema.migrations.map(\.identifier))
        if creating {
            guard tables.isSubset(of: PostgresSchema.tables) else { throw StoreError(path: name, kind: .notAStore) }
            if let migrations, !migrations.isSubset(of: known) { throw StoreError(path: name, kind: .newerSchema) }
            return false
        }
        if tables.isEmpty { throw StoreError(path: name, kind: .missing) }
        guard let migrations, !migrations.isEmpty, tables.contains("import") else { throw StoreError(path: name, kind: .notAStore) }
        if !migrations.isSubset(of: known) { throw StoreError(path: name, kind: .newerSchema) }
        return !known.isSubset(of: migrations)
    }

    /// Applies the migrations not yet recorded, in one transaction under the schema lock: two
    /// importers creating the store at once take turns, and the second finds it made. Nothing
    /// is asked of the server when the schema is up to date: an importer role that may not
    /// create tables imports into a store its owner made.
    private func migrate(upgrading: Bool) throws(StoreError) {
        let name = name
        do {
            try session.run(writing: true) { connection in
                try await connection.transaction {
                    try await Self.applyMigrations(connection, store: name)
                }
            }
        } catch where error.kind == .readOnly {
            // A role that may write the data but not create tables (see the README's roles).
            throw StoreError(path: name, kind: .failed(upgrading
                ? "an older motcua made this store and this role may not bring its tables up to date: run one import as the database's owner"
                : "this role may not create the store's tables: run the first import as the database's owner"))
        }
        // Another process may have made tables of its own meanwhile: check again, under no lock.
        try checkSchema(creating: false)
    }

    private static func applyMigrations(_ connection: PostgresConnection, store name: String) async throws {
        let logger = PostgresSession.logger
        let known = Set(PostgresSchema.migrations.map(\.identifier))
        if let applied = try await schemaState(connection).migrations, known.isSubset(of: applied) { return }
        try await connection.query("SELECT pg_advisory_xact_lock(\(schemaLock))", logger: logger)
        // Again under the lock: another importer may have made the store meanwhile, and tables
        // without their migrations are not ours.
        let (tables, recorded) = try await schemaState(connection)
        if !tables.subtracting([PostgresSchema.migrationsTable]).isEmpty, recorded?.isEmpty ?? true {
            throw StoreError(path: name, kind: .notAStore)
        }
        let applied = recorded ?? []
        if known.isSubset(of: applied) { return }
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS motcua_migrations (
                identifier text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        for migration in PostgresSchema.migrations where !applied.contains(migration.identifier) {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("INSERT INTO motcua_migrations (identifier) VALUES (\(migration.identifier))", logger: logger)
        }
    }
}
