import ArgumentParser
import Commands
import Foundation
import Wording

/// `motcua rejects`: the rejected rows kept in the store, in the spec's rejects format.
struct RejectsCommand: ParsableCommand {
    static let configuration = commandConfiguration("rejects", .helpRejectsCommand)

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: help(.helpRejectsImport))
    var `import`: Int64?

    @Option(help: help(.helpRejectsOutput))
    var output: String?

    func validate() throws {
        try SameFile.refuse([("--output", output)], overwriting: [store.path])
    }

    func run() throws {
        try failing(language.value) {
            let csv = try StoreListing.rejects(store: store.path, import: `import`)
            try Terminal.deliver(Data(csv.utf8), to: output)
        }
    }
}
