import ArgumentParser
import Commands
import Wording

/// `motcua imports`: lists the store's imports; `motcua imports remove ID` takes one out.
struct ImportsCommand: ParsableCommand {
    static let configuration = commandConfiguration("imports", .helpImports, subcommands: [List.self, Remove.self],
                                                    defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = commandConfiguration("list", .helpImportsList)

        @OptionGroup var store: StoreOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            Terminal.write(try failing(language.value) { try StoreListing.imports(store: store.path) })
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = commandConfiguration("remove", .helpImportsRemove)

        @OptionGroup var store: StoreOptions
        @OptionGroup var language: LanguageOption

        @Argument(help: help(.helpImportID))
        var id: Int64

        func run() throws {
            let language = language.value
            Terminal.writeError(try failing(language) { try StoreListing.remove(import: id, store: store.path, language) } + "\n")
        }
    }
}
