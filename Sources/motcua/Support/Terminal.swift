import Foundation

/// Where the commands write, and the one-line errors they print.
enum Terminal {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
}

/// Exit statuses of sysexits.h that the spec documents.
enum Exit {
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
}
