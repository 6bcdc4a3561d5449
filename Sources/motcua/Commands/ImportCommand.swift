import ArgumentParser
import Ingest
import Reports
import Store
import Wording

/// `motcua import`: takes monthly exports into the store, one transaction per file.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import export files into the store (each file whole, or not at all).",
        discussion: "A file already in the store (same SHA-256) is skipped and said so. Exit 66 when a file cannot be read (the others are still imported).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions

    @Option(help: "Language of the messages: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        if input.files.isEmpty { throw ValidationError("Name at least one export FILE to import.") }
    }

    func run() throws {
        let opened = try store.open(.create)
        let options = ImportOptions(asOf: input.asOf?.value, encoding: input.encoding?.value, delimiter: input.delimiter?.value)
        var rejects = RejectsSink(path: input.rejects)
        var failed = false
        let progress = ProgressLine()
        defer { progress.finish() }
        for file in input.files {
            do {
                let outcome = try opened.importFile(path: file, name: nil, options: options, progress: { progress.update(file, $0) },
                                                    onReject: { rejects.add($0) })
                progress.finish()
                switch outcome {
                case .imported(let record):
                    Terminal.writeError(describe(record, new: true))
                case .alreadyImported(let record):
                    Terminal.writeError(describe(record, new: false, as: file))
                }
            } catch let error as IngestError {
                Terminal.fail(error.description)
                failed = true
            } catch let error as StoreError {
                try rejects.close()
                throw StoreFailure(error)
            }
        }
        try rejects.close()
        if failed { throw ExitCode(Exit.noInput) }
    }

    private func describe(_ r: ImportRecord, new: Bool, as name: String? = nil) -> String {
        let id = r.id.map(String.init) ?? "?"
        let hash = String(r.sha256.prefix(12))
        let slots: [Slot: String] = [.file: name ?? r.fileName, .id: id, .hash: hash, .stored: r.fileName,
                                     .rows: String(r.rowsRead), .accepted: String(r.accepted), .rejected: String(r.rejected)]
        return lang[new ? .imported : .alreadyImported, slots] + "\n"
    }
}
