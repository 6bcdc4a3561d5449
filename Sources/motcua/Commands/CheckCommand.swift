import ArgumentParser
import Commands
import Wording

/// `motcua check`: what each export is and which of its rows would be rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = commandConfiguration("check", .helpCheck, .helpCheckDetails)

    @OptionGroup var input: InputOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if input.files.isEmpty { throw usage(.usageNeedFiles) }
    }

    func run() throws {
        let language = language.value
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(language) {
            try Check(input.inputs()).perform(rejects: input.rejects, progress: progress.update) { result in
                progress.finish()
                switch result {
                case .success(let summary): Terminal.write(summary.checkDescription(language))
                case .failure(let error): Terminal.fail(error.message(language))
                }
            }
        }
        if let catalogue = outcome.catalogue {
            for line in RunSummary.catalogueLines(catalogue, missing: outcome.missingProcedures, language: language) {
                Terminal.write(line + "\n")
            }
        }
        if outcome.failures > 0 { throw ExitCode(ExitStatus.noInput) }
        if outcome.rejected > 0 { throw ExitCode(ExitStatus.dataError) }
    }
}
