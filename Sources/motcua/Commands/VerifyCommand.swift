import ArgumentParser
import Commands

/// `motcua verify`: recomputes a json report from its inputs and says whether it stands.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute a json report from the named files (or the store) and compare every figure.",
        discussion: """
            Prints OK, or each differing cell. Exit 0 when identical, 1 when a figure differs, 65 when \
            an input's SHA-256 does not match the report's manifest (the input is named), 66 when the \
            report or an input cannot be read.
            """)

    @Argument(help: "A report written by motcua report --format json.")
    var report: String

    @Argument(help: "The export files the report was made from (none: the store's imports, found by SHA-256).")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        let differences = try failing(.en) {
            try Verification(report: report).differences(files: files, store: store.path, progress: progress.update)
        }
        progress.finish()
        if differences.isEmpty {
            Terminal.write("OK\n")
            return
        }
        Terminal.write(differences.map { $0 + "\n" }.joined())
        throw ExitCode(ExitStatus.differs)
    }
}
