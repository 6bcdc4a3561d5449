import GRDB

extension MotcuaStore {
    /// Brings a store that an older motcua wrote up to this schema before it is opened for
    /// reading: migrations only add (columns, tables), so a report from an old store reads it
    /// as if its occurrences' files lacked the newer columns. Anything else (not a store, a
    /// newer one, a read-only file) is left for the read-only open to report.
    static func upgradeIfOlder(path: String) throws(StoreError) {
        do {
            var config = Configuration()
            config.readonly = true
            // A reader may meet SQLite's transient "busy" while an import writes (WAL index
            // recovery): wait as every other open does, rather than report the store busy.
            config.busyMode = .timeout(busyTimeout)
            let needsMigration = try DatabaseQueue(path: path, configuration: config).read { db in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("import"),
                      try !migrator.appliedIdentifiers(db).isEmpty else { return false }
                return try !migrator.hasBeenSuperseded(db) && !migrator.hasCompletedMigrations(db)
            }
            guard needsMigration else { return }
            var writable = Configuration()
            writable.busyMode = .timeout(busyTimeout)
            try migrator.migrate(DatabaseQueue(path: path, configuration: writable))
        } catch {
            let translated = translate(error, path: path)
            if translated.kind == .readOnly { return }
            throw translated
        }
    }
}
