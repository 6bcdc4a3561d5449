import ArgumentParser
import Commands
import Foundation
import Wording

/// Where the commands write, and the one-line errors they print.
enum Terminal {
    static func write(_ text: String) {
        writeOut(Data(text.utf8))
    }

    /// Writes to standard output. One that cannot take the bytes (a full disk, a closed
    /// descriptor) ends the run with one line on stderr and exit 73, as an output file that
    /// cannot be written does: `FileHandle.write(_:)` would trap.
    private static func writeOut(_ bytes: Data) {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            fail(CommandLanguage.current[.errorStandardOutputUnwritable])
            exit(73)
        }
    }

    static func writeError(_ text: String) {
        do {
            try FileHandle.standardError.write(contentsOf: Data(text.utf8))
        } catch {
            // Nowhere left to say it: the status does.
            exit(73)
        }
    }

    /// One line on stderr: `motcua: <message>`.
    static func fail(_ message: String) {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        writeError("motcua: \(oneLine)\n")
    }

    /// Colour only for a person at a terminal who has not asked for none.
    static var stdoutWantsColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a report to `path`, or to standard output.
    static func deliver(_ bytes: Data, to path: String?) throws(CommandError) {
        guard let path else {
            writeOut(bytes)
            return
        }
        try ReportFile.write(bytes, to: path)
    }
}

/// Runs a command's work: a command error becomes its one line on stderr, in `language`, and
/// its exit status.
func failing<T>(_ language: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CommandError {
        Terminal.fail(error.message(language))
        throw ExitCode(error.exitStatus)
    }
}
