import ArgumentParser
import Commands
import Wording

/// `motcua verify`: recomputes a json report from its inputs and says whether it stands.
struct VerifyCommand: ParsableCommand {
    static let configuration = commandConfiguration("verify", .helpVerify, .helpVerifyDetails)

    @Argument(help: help(.helpVerifyReport))
    var report: String

    @Argument(help: help(.helpVerifyFiles))
    var files: [String] = []

    @Option(help: help(.helpCatalogue))
    var catalogue: String?

    @Option(help: help(.helpCalendarOverrides))
    var calendar: String?

    @Option(help: help(.helpVerifyUnits))
    var units: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let verification = try failing(language.value) { try Verification(report: report) }
        let differences = try failing(language.value) {
            try verification.differences(files: files, store: store.path, catalogue: catalogue, calendar: calendar,
                                         units: units, progress: progress.update)
        }
        progress.finish()
        for phrase in verification.unchecked(units: units) { Terminal.fail(language.value[phrase]) }
        if differences.isEmpty {
            Terminal.write("OK\n")
            return
        }
        Terminal.write(differences.map { $0 + "\n" }.joined())
        throw ExitCode(ExitStatus.differs)
    }
}
