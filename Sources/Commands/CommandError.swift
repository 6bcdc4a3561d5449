import Ingest
import KPIMetrics
import Reports
import Store
import WorkingDays

/// Why a command stopped: what went wrong, with the file (and line) it concerns, and the exit
/// status the command line documents for it. Worded for people by `message(_:)`, in either
/// language, from these values alone.
public struct CommandError: Error, Sendable {
    public enum Reason: Sendable {
        /// An export cannot be read (missing, not text, no header…).
        case input(IngestError)
        /// The store cannot be used.
        case store(StoreError)
        /// A `--calendar` file cannot be read, or one of its rows is wrong.
        case calendar(CalendarFileError)
        /// The unit aliases file cannot be read.
        case unitsUnreadable
        /// A line of the units file is wrong (its fields, a level, a parent, a cycle).
        case unitsLine(UnitsFileError)
        /// A roll-up was asked for (`--by parent`, `level=…`) and the units file gives no
        /// parent or level.
        case unitsNoHierarchy(rollUp: String)
        /// The rejects file cannot be written.
        case cannotWriteRejects
        /// The report cannot be written.
        case cannotWriteReport
        /// A folder the command writes in (`run`'s inbox, archive, reports) cannot be made.
        case cannotMakeFolder
        /// The report could not be made in its format (the workbook library failed).
        case cannotRender(String)
        /// A row was rejected and `--strict` was given.
        case strictReject(Reject)
        /// The report given to `verify` cannot be read.
        case reportUnreadable
        /// The file given to `verify` is not a json report with a manifest.
        case notAReport(ReportDocument.ReadError)
        /// A file given to `verify` has another SHA-256 than the manifest input of its name.
        case hashMismatch(found: String, expected: String, input: String)
        /// No file given to `verify` has the SHA-256 of this manifest input.
        case inputMissing(sha256: String)
        /// A file given to `verify` is not an input of the report.
        case notAnInput(sha256: String)
        /// No import of the store has the SHA-256 of this manifest input.
        case notInStore(sha256: String, store: String)
        /// `explain --unit` names no unit of the inputs; the closest names, if any.
        case noSuchUnit(String, suggestions: [String])
        /// `explain --dossier` finds the code nowhere.
        case noOccurrence(String)
    }

    /// The file the fault concerns, as named on the command line (nil: none in particular).
    public var file: String?
    /// The 1-based line, when the fault has one.
    public var line: Int?
    public var reason: Reason

    public init(file: String? = nil, line: Int? = nil, _ reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// The status `motcua` exits with: 65 data that does not hold up (a rejected row under
    /// `--strict`, a hash that does not match, a wrong calendar row), 66 an input that cannot
    /// be used, 73 an output that cannot be written, 74 a store that cannot be worked on now.
    public var exitStatus: Int32 {
        switch reason {
        case .store(let error): return error.exitStatus
        case .calendar(let error): return error.isUnreadable ? ExitStatus.noInput : ExitStatus.dataError
        case .strictReject, .hashMismatch, .inputMissing, .notAnInput, .notInStore: return ExitStatus.dataError
        case .cannotWriteRejects, .cannotWriteReport, .cannotMakeFolder, .cannotRender: return ExitStatus.cannotCreate
        case .input, .unitsUnreadable, .unitsLine, .unitsNoHierarchy, .reportUnreadable, .notAReport, .noSuchUnit, .noOccurrence:
            return ExitStatus.noInput
        }
    }
}

/// The exit statuses of sysexits.h that the spec documents.
public enum ExitStatus {
    /// A figure differs (`verify`).
    public static let differs: Int32 = 1
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let cannotCreate: Int32 = 73
    public static let ioError: Int32 = 74
    /// Another run holds the lock (`run`).
    public static let busy: Int32 = 75
}

extension CommandError {
    /// Runs `body`, turning the faults of a dossier source (files or the store) into command errors.
    public static func from<T>(_ body: () throws -> T) throws(CommandError) -> T {
        do {
            return try body()
        } catch let error as IngestError {
            throw CommandError(file: error.file, line: error.line, .input(error))
        } catch let error as StoreError {
            throw CommandError(file: error.path, .store(error))
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError(.cannotRender(String(describing: error)))
        }
    }
}
