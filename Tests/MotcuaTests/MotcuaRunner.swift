import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `motcua` binary produced.
struct RunResult: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var stdoutData: Data
    var stderrData: Data
    /// True when the process did not end by itself within the time limit (and was killed).
    var timedOut: Bool
    /// True when the process ended on a signal (then `status` is the signal's number).
    var signalled: Bool = false

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// stderr split into lines (a final line break does not make an empty last line).
    var stderrLines: [String] { Self.lines(stderr) }
    var stdoutLines: [String] { Self.lines(stdout) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String {
        "motcua \(arguments.joined(separator: " ")) → \(status)\n--- stdout (\(stdoutData.count) bytes)\n"
            + String(stdout.prefix(2_000)) + "\n--- stderr (\(stderrData.count) bytes)\n" + String(stderr.prefix(2_000))
    }
}

enum Motcua {
    /// The built `motcua` executable: `MOTCUA_BIN` when set, else the `motcua` file in the
    /// build products folder that holds this test bundle.
    static let binary: URL? = locate()

    private static func locate() -> URL? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["MOTCUA_BIN"], fm.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL ?? Bundle.main.bundleURL]
        if let argv0 = CommandLine.arguments.first {
            starts.append(URL(fileURLWithPath: argv0).standardizedFileURL)
        }
        for start in starts {
            var dir = start.resolvingSymlinksInPath()
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("motcua")
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   fm.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// Runs `motcua arguments…` in `directory` and waits for it (killed after `timeout` seconds).
    /// stdout and stderr go to temporary files, so a large output can never block the child.
    /// `environment` is added to the test's own (where `MOTCUA_DB` is always removed first, so a
    /// store named by the caller's environment never leaks in; pass it here to set it).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let child = try start(arguments, in: directory, environment: environment, sourceLocation: sourceLocation)
        return try child.wait(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Starts `motcua arguments…` in the background; ``Child/wait(timeout:sourceLocation:)`` collects it.
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> Child {
        let binary = try #require(Self.binary, "no executable 'motcua' found next to the test bundle",
                                  sourceLocation: sourceLocation)
        return try Child(binary: binary, arguments: arguments, directory: directory, environment: environment)
    }

    /// One `motcua` process, started and not yet collected.
    final class Child: @unchecked Sendable {
        let arguments: [String]
        private let process = Process()
        private let scratch: TempDir
        private let outURL: URL
        private let errURL: URL
        private let outHandle: FileHandle
        private let errHandle: FileHandle
        private let finished = DispatchSemaphore(value: 0)
        private var killedByTest = false
        private var collected = false

        fileprivate init(binary: URL, arguments: [String], directory: URL?, environment extra: [String: String]) throws {
            self.arguments = arguments
            scratch = try TempDir(prefix: "motcua-run")
            outURL = scratch.url.appendingPathComponent("stdout")
            errURL = scratch.url.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            outHandle = try FileHandle(forWritingTo: outURL)
            errHandle = try FileHandle(forWritingTo: errURL)

            process.executableURL = binary
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["MOTCUA_DB"] = nil  // a store named by the caller's environment must not leak in
            environment.merge(extra) { _, new in new }
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = outHandle
            process.standardError = errHandle
            process.terminationHandler = { [finished] _ in finished.signal() }
            try process.run()
        }

        /// True while the process has not ended.
        var isRunning: Bool { process.isRunning }

        var processIdentifier: Int32 { process.processIdentifier }

        /// Sends SIGKILL (the process gets no chance to clean up).
        func killHard() {
            killedByTest = true
            kill(process.processIdentifier, SIGKILL)
        }

        /// Waits for the process (killed after `timeout` seconds) and returns what it produced.
        /// Unless the test killed it, the process must have ended by itself, without a signal.
        func wait(timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
            precondition(!collected, "a child is collected once")
            collected = true
            var timedOut = false
            if finished.wait(timeout: .now() + timeout) == .timedOut {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            // The termination handler may run just before Process updates its state.
            while process.isRunning { usleep(1_000) }
            try outHandle.close()
            try errHandle.close()
            let result = RunResult(arguments: arguments, status: process.terminationStatus,
                                   stdoutData: try Data(contentsOf: outURL), stderrData: try Data(contentsOf: errURL),
                                   timedOut: timedOut,
                                   signalled: process.terminationReason == .uncaughtSignal)
            #expect(!timedOut, "motcua did not finish within \(timeout) s: \(result)", sourceLocation: sourceLocation)
            if !killedByTest {
                #expect(process.terminationReason == .exit,
                        "motcua was killed by a signal (crash or trap): \(result)", sourceLocation: sourceLocation)
            }
            return result
        }
    }
}

/// A fresh directory under the system's temporary folder, removed when the value goes away.
final class TempDir: @unchecked Sendable {
    let url: URL

    init(prefix: String = "motcua-e2e") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `bytes` to `name` (folders created as needed) and returns the file's URL.
    @discardableResult
    func write(_ name: String, bytes: some Sequence<UInt8>) throws -> URL {
        let target = file(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
        return target
    }

    /// Writes `text` as UTF-8 (no BOM).
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: file(name)), as: UTF8.self)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name).path) }
}

/// Assertions every failing run must meet (spec: "Errors and exit status").
enum ErrorContract {
    static let crashMarkers = ["Fatal error", "Stack", "Backtrace", "stack trace", "Illegal instruction",
                               "Segmentation fault", "Current stack trace", "💣"]

    /// No sign of a crash, trap or stack trace in either stream.
    static func expectNoCrash(_ result: RunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in crashMarkers {
            #expect(!result.stderr.contains(marker), "stderr shows '\(marker)': \(result)", sourceLocation: sourceLocation)
            #expect(!result.stdout.contains(marker), "stdout shows '\(marker)': \(result)", sourceLocation: sourceLocation)
        }
        #expect(result.status < 128, "exit status \(result.status) looks like a signal: \(result)",
                sourceLocation: sourceLocation)
    }

    /// An input error: `status`, exactly one stderr line that names `file` (and `line` when
    /// given), no crash; for `report`, nothing on stdout.
    static func expectInputError(_ result: RunResult, status: Int32 = 66, naming file: String, line: Int? = nil,
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

/// A deterministic pseudo-random generator (SplitMix64): the same seed, the same bytes, on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            var word = next()
            for _ in 0..<8 where out.count < count {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }
}
