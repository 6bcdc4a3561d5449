import ArgumentParser
import Foundation
import Wording

/// Where the store is: `--db`, else `$MOTCUA_DB`, else `motcua.sqlite` in the current folder.
struct StoreOptions: ParsableArguments {
    @Option(help: help(.helpDB))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["MOTCUA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "motcua.sqlite"
    }
}
