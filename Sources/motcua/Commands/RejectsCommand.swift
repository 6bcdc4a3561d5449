import Foundation
import ArgumentParser
import Ingest
import Reports
import Store

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
        let opened = try store.open(.read)
        var rejects: [Reject]
        do {
            rejects = try opened.rejects(only: nil)
            if let id = `import` {
                guard let name = try opened.imports().first(where: { $0.id == id })?.fileName else {
                    throw StoreError(path: opened.name, kind: .noSuchImport(id))
                }
                rejects = rejects.filter { $0.file == name }
            }
        } catch let error as StoreError {
            throw StoreFailure(error)
        }
        try Terminal.deliver(Data(RejectsWriter.csv(rejects).utf8), to: output)
    }
}
