/// A fault that stops the reading of one input file, with the context a person needs to find it.
///
/// Modelled on GRDB's `DatabaseError`: the kind of fault, plus where it happened. Row-level
/// problems are never errors: they become ``Reject``s and the run goes on. The wording below is
/// English; every kind carries its context as values, so that it can be worded elsewhere.
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The path does not exist or cannot be opened or read (the system's reason).
        case unreadable(String)
        /// The path is a directory.
        case isDirectory
        /// The path is neither a regular file nor a directory: a pipe, a device, a socket.
        case notRegularFile(NodeKind)
        /// The file name given is not valid UTF-8 (it cannot be named faithfully, nor opened).
        case nameNotUTF8
        /// No bytes, or no header line.
        case empty
        /// NUL bytes, bytes the encoding leaves undefined or that are not valid in it.
        case notText(NotText)
        /// The header line has a quote left open, or malformed quoting.
        case malformedHeader
        /// The header line is longer than ``ExportReader/recordLimit``.
        case headerTooLong(limit: Int)
        /// The header lacks required columns (canonical names).
        case missingColumns([String])
        /// The header names one canonical field twice: the field, and both columns as written
        /// with their 1-based positions.
        case duplicateColumn(field: String, first: HeaderColumn, second: HeaderColumn)
        /// The file ended before the size it had when opened: it shrank while being read.
        case shrank(expected: Int, read: Int)
        /// A row was rejected while the caller asked for `--strict`.
        case rejectedRow(String)
        /// A spreadsheet workbook (xlsx, ods, xls), not CSV: it must be saved as CSV first.
        case spreadsheet(SpreadsheetKind)
        /// The run has met more distinct values of `column` (DonViXuLy, TenLinhVuc, MaTTHC)
        /// than a dossier can name (``Dossier/idLimit``).
        case tooManyNames(column: String, limit: Int)
        /// The run reads more files than a dossier can name (``Dossier/idLimit``).
        case tooManyInputs(limit: Int)
    }

    /// What kind of file system node an input turned out to be.
    public enum NodeKind: String, Sendable {
        case pipe, characterDevice = "character device", blockDevice = "block device", socket, other = "special file"
    }

    /// Why the bytes of a file are not text in its encoding.
    public enum NotText: Equatable, Sendable {
        case nulByte
        case undefinedInWindows1258(UInt8)
        case invalidUTF8
        case oddUTF16Length
        case unpairedSurrogate
        case nulCharacter
    }

    /// A header column as written, and its 1-based position.
    public struct HeaderColumn: Equatable, Sendable {
        public var text: String
        public var position: Int
        public init(text: String, position: Int) {
            self.text = text
            self.position = position
        }
    }

    /// The file as named on the command line.
    public var file: String
    /// The 1-based physical line, when the fault has one.
    public var line: Int?
    public var kind: Kind

    public init(file: String, line: Int? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    /// One line: `file:line: what went wrong`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(kind.sentence)"
    }
}

extension IngestError.Kind {
    /// The fault in English, without the place.
    public var sentence: String {
        switch self {
        case .unreadable(let reason): return "cannot read: \(reason)"
        case .isDirectory: return "is a directory, not an export file"
        case .notRegularFile(let node): return "is a \(node.rawValue), not a regular file (an export must be a file)"
        case .nameNotUTF8: return "the file name is not valid UTF-8; rename the file"
        case .empty: return "empty file (no header line)"
        case .notText(let reason): return "not a text file (\(reason.phrase))"
        case .malformedHeader: return "header line has malformed quoting or a quote left open"
        case .headerTooLong(let limit): return "header line longer than \(limit >> 20) MiB"
        case .missingColumns(let names):
            return "header lacks required column\(names.count > 1 ? "s" : "") \(names.joined(separator: ", "))"
        case .duplicateColumn(let field, let first, let second):
            return "header names \(field) twice: column \(first.position) '\(first.text)' and column \(second.position) '\(second.text)'"
        case .shrank(let expected, let read):
            return "the file shrank while it was read (\(read) of \(expected) bytes); read it again once it is complete"
        case .rejectedRow(let reason): return "row rejected: \(reason)"
        case .spreadsheet(let kind): return "a spreadsheet workbook (\(kind.rawValue)), not CSV: save it as CSV (UTF-8)"
        case .tooManyNames(let column, let limit):
            return "more than \(limit) distinct values in column \(column) in one run, more than motcua keeps; read fewer files at once"
        case .tooManyInputs(let limit): return "more than \(limit) files in one run, more than motcua keeps"
        }
    }
}

extension IngestError.NotText {
    var phrase: String {
        switch self {
        case .nulByte: return "NUL byte"
        case .undefinedInWindows1258(let byte): return "byte 0x\(String(byte, radix: 16, uppercase: true)) is undefined in Windows-1258"
        case .invalidUTF8: return "bytes that are not valid UTF-8"
        case .oddUTF16Length: return "odd number of bytes in UTF-16"
        case .unpairedSurrogate: return "unpaired surrogate in UTF-16"
        case .nulCharacter: return "NUL character"
        }
    }
}
