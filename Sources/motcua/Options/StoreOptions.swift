import ArgumentParser
import Foundation
import Wording

/// Where the store is: `--db`, else `$MOTCUA_DB`, else `motcua.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: help(.helpDB))
    var db: String?

    func validate() throws {
        if db?.isEmpty == true { throw usage(.usageEmptyDB) }
    }

    /// The location as given: an SQLite path, or a PostgreSQL URL (which may hold a password:
    /// never print it; the store names itself without it).
    var path: String {
        db ?? ProcessInfo.processInfo.environment["MOTCUA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "motcua.sqlite"
    }
}
