import ArgumentParser
import Reports
import Wording

/// motcua: one-stop-shop dossier exports in, KPI tables out.
@main
struct Motcua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: CommandLanguage.current[.helpMotcua],
        discussion: CommandLanguage.current[.helpExitStatus],
        version: ReportManifest.motcuaVersion,
        subcommands: [ReportCommand.self, CheckCommand.self, ImportCommand.self, ImportsCommand.self, VerifyCommand.self,
                      ExplainCommand.self, RejectsCommand.self, RunCommand.self, CalendarCommand.self, UnitsCommand.self,
                      LateCommand.self, DeadlinesCommand.self, ApologiesCommand.self]
    )
}

extension Motcua {
    /// ArgumentParser's own `main`, except that help and a wrong command line are in the reader's
    /// language, and a wrong command line is one line (the spec: every error is one line on
    /// stderr), still with status 64.
    static func main() {
        let language = CommandLanguage.current
        if let refusal = ArgumentCheck.refusal(of: Array(CommandLine.arguments.dropFirst()), language) {
            Terminal.fail(refusal + " " + language[.usageSeeHelp, [.name: "motcua"]])
            Self.exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // Our commands print their one-line error before throwing a status.
            Self.exit(withError: exit)
        } catch {
            let status = exitCode(for: error)
            if status == .success {  // --help, --version
                Terminal.write(UsageWording.help(fullMessage(for: error), language) + "\n")
                Self.exit(withError: ExitCode.success)
            }
            Terminal.fail(UsageWording.message(message(for: error), language) + " " + language[.usageSeeHelp, [.name: "motcua"]])
            Self.exit(withError: ExitCode(status.rawValue))
        }
    }
}
