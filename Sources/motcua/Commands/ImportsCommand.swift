import ArgumentParser
import Foundation
import Ingest
import Store

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
            let opened = try store.open(.read)
            let records: [ImportRecord]
            do { records = try opened.imports() } catch { throw StoreFailure(error) }
            var out = "id\tfile\tsha256\tkind\tencoding\tas_of\trows\taccepted\trejected\timported_at\n"
            let formatter = ISO8601DateFormatter()
            for r in records {
                let asOf = r.asOf.map { LocalMoment(seconds: $0).description } ?? ""
                out += "\(r.id ?? 0)\t\(r.fileName)\t\(r.sha256.prefix(12))\t\(r.exportKind)\t\(r.encoding)\t\(asOf)\t"
                    + "\(r.rowsRead)\t\(r.accepted)\t\(r.rejected)\t\(formatter.string(from: r.importedAt))\n"
            }
            Terminal.write(out)
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
            let opened = try store.open(.write)
            do {
                let record = try opened.removeImport(id: id)
                Terminal.writeError("removed import #\(id) (\(record.fileName), \(record.accepted) occurrences)\n")
            } catch {
                throw StoreFailure(error)
            }
        }
    }
}
