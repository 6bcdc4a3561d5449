import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `motcua` binary produced.
public struct RunResult: Sendable, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var stdoutData: Data
    public var stderrData: Data
    /// True when the process did not end by itself within the time limit (and was killed).
    public var timedOut: Bool
    /// True when the process ended on a signal (then `status` is the signal's number).
    public var signalled: Bool = false

    public var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// stderr split into lines (a final line break does not make an empty last line).
    public var stderrLines: [String] { Self.lines(stderr) }
    public var stdoutLines: [String] { Self.lines(stdout) }

    public static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    public var description: String {
        "motcua \(arguments.joined(separator: " ")) → \(status)\n--- stdout (\(stdoutData.count) bytes)\n"
            + String(stdout.prefix(2_000)) + "\n--- stderr (\(stderrData.count) bytes)\n" + String(stderr.prefix(2_000))
    }
}

public enum Motcua {
    /// The built `motcua` executable: `MOTCUA_BIN` when set, else the `motcua` file in the
    /// build products folder that holds this test bundle.
    public static let binary: URL? = locate()

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
    ///
    /// `launcher`: a program and its arguments that start motcua, named by its path after them
    /// (`/bin/sh -c 'ulimit -f 100; exec "$0" "$@"'` sets a limit first).
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    launcher: [String] = [], timeout: TimeInterval = 30,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let child = try start(arguments, in: directory, environment: environment, launcher: launcher, sourceLocation: sourceLocation)
        return try child.wait(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Runs `motcua arguments…` with standard output and error on descriptors the test opened
    /// (`/dev/full`, a log opened at its end), closing them after; the exit status, or nil when
    /// a signal ended the process.
    public static func run(_ arguments: [String], standardOutput: FileHandle, standardError: FileHandle,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32? {
        let binary = try #require(Self.binary, "no executable 'motcua' found next to the test bundle", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        process.waitUntilExit()
        try standardOutput.close()
        try standardError.close()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// Starts `motcua arguments…` in the background; ``Child/wait(timeout:sourceLocation:)`` collects it.
    public static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                      launcher: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> Child {
        let binary = try #require(Self.binary, "no executable 'motcua' found next to the test bundle",
                                  sourceLocation: sourceLocation)
        return try Child(binary: binary, arguments: arguments, directory: directory, environment: environment, launcher: launcher)
    }

    /// One `motcua` process, started and not yet collected.
    public final class Child: @unchecked Sendable {
        public let arguments: [String]
        private let process = Process()
        private let scratch: TempDir
        private let outURL: URL
        private let errURL: URL
        private let outHandle: FileHandle
        private let errHandle: FileHandle
        private let finished = DispatchSemaphore(value: 0)
        private var killedByTest = false
        private var collected = false

        fileprivate init(binary: URL, arguments: [String], directory: URL?, environment extra: [String: String],
                         launcher: [String]) throws {
            self.arguments = arguments
            scratch = try TempDir(prefix: "motcua-run")
            outURL = scratch.url.appendingPathComponent("stdout")
            errURL = scratch.url.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            outHandle = try FileHandle(forWritingTo: outURL)
            errHandle = try FileHandle(forWritingTo: errURL)

            if let program = launcher.first {
                process.executableURL = URL(fileURLWithPath: program)
                process.arguments = launcher.dropFirst() + [binary.path] + arguments
            } else {
                process.executableURL = binary
                process.arguments = arguments
            }
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
            // A child inherits the signal mask of the thread that starts it, and the test's
            // threads block signals: start it as a shell would, SIGINT, SIGTERM and SIGHUP open.
            var open = sigset_t()
            var held = sigset_t()
            sigemptyset(&open)
            for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&open, number) }
            pthread_sigmask(SIG_UNBLOCK, &open, &held)
            defer { pthread_sigmask(SIG_SETMASK, &held, nil) }
            try process.run()
        }

        /// True while the process has not ended.
        public var isRunning: Bool { process.isRunning }

        public var processIdentifier: Int32 { process.processIdentifier }

        /// Sends `number` (SIGTERM, SIGINT…): the process may end by it, as the test expects.
        public func send(signal number: Int32) {
            killedByTest = true
            kill(process.processIdentifier, number)
        }

        /// Sends SIGKILL (the process gets no chance to clean up).
        public func killHard() {
            killedByTest = true
            kill(process.processIdentifier, SIGKILL)
        }

        /// Waits for the process (killed after `timeout` seconds) and returns what it produced.
        /// Unless the test killed it, the process must have ended by itself, without a signal.
        public func wait(timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
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
