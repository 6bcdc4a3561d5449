import ArgumentParser
import Commands

/// `motcua imports`: lists the store's imports; `motcua imports remove ID` takes one out.
struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List the store's imports, or remove one.",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the imports, oldest first.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            Terminal.write(try failing(.en) { try StoreListing.imports(store: store.path) })
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Take one import out of the store (its dossiers fall back to their next occurrence).")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The import's id (see motcua imports).")
        var id: Int64

        func run() throws {
            Terminal.writeError(try failing(.en) { try StoreListing.remove(import: id, store: store.path, .en) } + "\n")
        }
    }
}
