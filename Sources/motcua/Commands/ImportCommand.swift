import ArgumentParser
import Commands
import Wording

/// `motcua import`: takes monthly exports into the store, one transaction per file.
struct ImportCommand: ParsableCommand {
    static let configuration = commandConfiguration("import", .helpImport, .helpImportDetails)

    @OptionGroup var store: StoreOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if input.files.isEmpty { throw usage(.usageNeedFiles) }
        // The store keeps the rows as the exports write them; names and deadlines are applied
        // by the commands that read it. Taken here, either would be ignored.
        for (name, value) in [("--units", input.units), ("--catalogue", input.catalogue)] where value != nil {
            throw usage(.usageImportOption, [.name: name])
        }
        try input.refuseOverwritingInputs(store: store)
    }

    func run() throws {
        let language = language.value
        let progress = ProgressLine()
        defer { progress.finish() }
        let run = ImportRun(store: store.path, files: input.files, read: try input.readOptions())
        let failures = try failing(language) {
            try run.perform(rejects: input.rejects, progress: progress.update) { file, result in
                progress.finish()
                switch result {
                case .success(let outcome):
                    Terminal.writeError(outcome.message(file: file, language) + "\n")
                    if case .imported(let record) = outcome, let cutOff = record.cutOff {
                        Terminal.writeError(file + ": " + cutOff.warning(language) + "\n")
                    }
                case .failure(let error): Terminal.fail(error.message(language))
                }
            }
        }
        if failures > 0 { throw ExitCode(ExitStatus.noInput) }
    }
}
