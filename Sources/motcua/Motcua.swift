import ArgumentParser
import Reports

/// motcua: one-stop-shop dossier exports in, KPI tables out.
@main
struct Motcua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "KPI reports from one-stop-shop (bộ phận một cửa) dossier exports.",
        discussion: """
            Exit status: 0 done (rows may have been rejected: they are reported); 64 the command \
            line is wrong; 65 rows were rejected and --strict was given (check: any rejected row); \
            66 an input cannot be opened or read, is empty, is not text, or lacks a required column \
            (or the store is missing, not a motcua store, or from a newer motcua); 73 an output cannot \
            be written; 74 the store is busy, read-only or failed.
            """,
        version: ReportManifest.motcuaVersion,
        subcommands: [ReportCommand.self, CheckCommand.self, ImportCommand.self, ImportsCommand.self, VerifyCommand.self, ExplainCommand.self, RejectsCommand.self, RunCommand.self, CalendarCommand.self]
    )
}

extension Motcua {
    /// ArgumentParser's own `main`, except that a wrong command line is reported in one line
    /// (the spec: every error is one line on stderr), still with status 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            // Our commands print their one-line error before throwing a status.
            Self.exit(withError: exit)
        } catch {
            if exitCode(for: error) == .success {
                Self.exit(withError: error)  // --help, --version
            }
            Terminal.fail("\(message(for: error)) (see 'motcua --help')")
            Self.exit(withError: ExitCode(exitCode(for: error).rawValue))
        }
    }
}

