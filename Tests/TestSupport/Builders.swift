import Foundation
import Ingest

/// A local moment from its parts (test data: always a real date).
public func moment(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> LocalMoment {
    guard let value = LocalMoment(year: y, month: m, day: d, hour: h, minute: mi, second: s) else {
        preconditionFailure("test data names a day that does not exist: \(d)/\(m)/\(y)")
    }
    return value
}

/// A dossier for rule and report tests: unit 0, direct, not digitised, from line 0 of input 0,
/// unless said otherwise.
public func dossier(_ status: Status, unit: Int32 = 0, received: LocalMoment, due: LocalMoment? = nil,
                    finished: LocalMoment? = nil, channel: Channel = .direct, digitisedDossier: Bool = false,
                    digitisedResult: Bool = false, source: SourceLine = SourceLine(file: 0, line: 0)) -> Dossier {
    Dossier(unit: UnitID(rawValue: unit), channel: channel, status: status, received: received, due: due,
            finished: finished, digitisedDossier: digitisedDossier, digitisedResult: digitisedResult, source: source)
}

/// Writes `bytes` to a fresh temporary file and returns its path. The file lives in its own
/// folder inside ``TestProcessFolder``, removed when the test process exits.
public func temporaryFile(_ bytes: [UInt8], name: String = "export.csv") throws -> String {
    let dir = try TestProcessFolder.url.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Writes `text` (UTF-8, no BOM) to a fresh temporary file and returns its path.
public func temporaryFile(_ text: String, name: String = "export.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

/// One folder for the test process's loose temporary files, removed when the process exits:
/// without it every run left its files (some of 20 MB) in the temporary folder.
public enum TestProcessFolder {
    private static let made: Result<URL, any Error> = Result {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // A C callback captures nothing: the path is read back from the environment.
        setenv("MOTCUA_TEST_PROCESS_FOLDER", url.path, 1)
        atexit {
            if let path = getenv("MOTCUA_TEST_PROCESS_FOLDER") {
                try? FileManager.default.removeItem(atPath: String(cString: path))
            }
        }
        return url
    }

    /// The folder, made on first use.
    public static var url: URL {
        get throws { try made.get() }
    }
}
