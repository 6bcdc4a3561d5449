import ArgumentParser
import Foundation
import Store

/// Where the store is: `--db`, else `$MOTCUA_DB`, else `motcua.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store (SQLite). Default: $MOTCUA_DB, else motcua.sqlite in the current folder.")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["MOTCUA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "motcua.sqlite"
    }

    /// Opens the store, turning its faults into one line and the documented exit status.
    func open(_ access: MotcuaStore.Access) throws -> MotcuaStore {
        do {
            return try MotcuaStore(path: path, access: access)
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
