import Foundation
import Testing

/// Assertions every failing run must meet (spec: "Errors and exit status").
public enum ErrorContract {
    public static let crashMarkers = ["Fatal error", "Stack", "Backtrace", "stack trace", "Illegal instruction",
                               "Segmentation fault", "Current stack trace", "💣"]

    /// No sign of a crash, trap or stack trace in either stream.
    public static func expectNoCrash(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in crashMarkers {
            #expect(!result.stderr.contains(marker), "stderr shows '\(marker)': \(result)", sourceLocation: sourceLocation)
            #expect(!result.stdout.contains(marker), "stdout shows '\(marker)': \(result)", sourceLocation: sourceLocation)
        }
        #expect(result.status < 128, "exit status \(result.status) looks like a signal: \(result)",
                sourceLocation: sourceLocation)
    }

    /// An input error: `status`, exactly one stderr line that names `file` (and `line` when
    /// given), no crash; for `report`, nothing on stdout.
    public static func expectInputError(_ result: RunResult, status: Int32 = 66, naming file: String, line: Int? = nil,
                                 stdoutEmpty: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == status, "exit status \(result.status), expected \(status): \(result)",
                sourceLocation: sourceLocation)
        #expect(result.stderrLines.count == 1, "stderr is not exactly one line: \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix("\n"), "the stderr line is not terminated: \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(file), "stderr does not name '\(file)': \(result)", sourceLocation: sourceLocation)
        if let line {
            #expect(result.stderr.contains("\(file):\(line)"), "stderr does not name line \(line) of '\(file)': \(result)",
                    sourceLocation: sourceLocation)
        }
        if stdoutEmpty {
            #expect(result.stdoutData.isEmpty, "stdout is not empty: \(result)", sourceLocation: sourceLocation)
        }
        expectNoCrash(result, sourceLocation: sourceLocation)
    }
}
