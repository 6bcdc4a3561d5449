import ArgumentParser
import Commands
import Wording

/// `motcua check`: what each export is and which of its rows would be rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Describe each export file and count the rows it would reject.",
        discussion: "Exit status 0 when no row is rejected, 65 when some are, 66 when a file cannot be read.")

    @OptionGroup var input: InputOptions

    @Option(help: "Language of the description: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        if input.files.isEmpty { throw ValidationError("Name at least one export FILE.") }
    }

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let outcome = try failing(.en) {
            try Check(input.inputs()).perform(rejects: input.rejects, progress: progress.update) { result in
                progress.finish()
                switch result {
                case .success(let summary): Terminal.write(summary.checkDescription(lang))
                case .failure(let error): Terminal.fail(error.message(.en))
                }
            }
        }
        if outcome.failures > 0 { throw ExitCode(ExitStatus.noInput) }
        if outcome.rejected > 0 { throw ExitCode(ExitStatus.dataError) }
    }
}
