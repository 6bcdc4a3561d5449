import ArgumentParser
import Commands
import Foundation

/// `motcua rejects`: the rejected rows kept in the store, in the spec's rejects format.
struct RejectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "Print the store's rejected rows (file,line,field,reason,raw), or write them with --output.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Only the rejects of this import (see motcua imports).")
    var `import`: Int64?

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        try failing(.en) {
            let csv = try StoreListing.rejects(store: store.path, import: `import`)
            try Terminal.deliver(Data(csv.utf8), to: output)
        }
    }
}
