import ArgumentParser
import Commands
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
        let progress = ProgressLine()
        defer { progress.finish() }
        let run = ImportRun(store: store.path, files: input.files, read: input.readOptions)
        let failures = try failing(.en) {
            try run.perform(rejects: input.rejects, progress: progress.update) { file, result in
                progress.finish()
                switch result {
                case .success(let outcome): Terminal.writeError(outcome.message(file: file, lang) + "\n")
                case .failure(let error): Terminal.fail(error.message(.en))
                }
            }
        }
        if failures > 0 { throw ExitCode(ExitStatus.noInput) }
    }
}
