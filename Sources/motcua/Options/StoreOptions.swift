import ArgumentParser
import Foundation
import Store
import Stores

/// Where the store is: `--db`, else `$MOTCUA_DB`, else `motcua.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: an SQLite file, or postgresql://USER@HOST:PORT/DB. Default: $MOTCUA_DB, else motcua.sqlite in the current folder.")
    var db: String?

    /// The location as given (a PostgreSQL URL may hold a password: never print it).
    var location: String {
        db ?? ProcessInfo.processInfo.environment["MOTCUA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "motcua.sqlite"
    }

    /// Opens the store, turning its faults into one line and the documented exit status.
    func open(_ access: StoreAccess) throws -> any DossierStore {
        do {
            return try StoreLocation(location).open(access)
        } catch {
            throw StoreFailure(error)
        }
    }
}

/// Ends a command on a store fault: one line on stderr, the fault's exit status.
func StoreFailure(_ error: StoreError) -> ExitCode {
    Terminal.fail(error.description)
    return ExitCode(error.exitStatus)
}
