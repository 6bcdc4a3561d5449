/// A `--calendar` file (or the shipped schedule) that cannot be used: the file, the line and
/// the field, and what is wrong. One fault stops the run: a calendar half applied would give
/// deadlines that look right and are not.
public struct CalendarFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The columns of a calendar file, in order.
    public enum Field: String, Sendable {
        case date, kind, note
    }

    public enum Kind: Equatable, Sendable {
        /// The file cannot be opened or read (the system's reason).
        case unreadable(String)
        /// Not UTF-8 text.
        case notText
        /// Nothing in it, not even a header.
        case empty
        /// A quote that does not close, or text after a closing quote.
        case malformedQuote
        /// More than the three columns (an unquoted comma in the note, often).
        case tooManyFields(Int)
        /// No kind column.
        case missingKind
        /// Not a date (`yyyy-MM-dd` or `dd/MM/yyyy`), or a date with a time of day.
        case badDate(String)
        /// A date outside the years the calendar covers.
        case outsideYears(String)
        /// Neither `nghỉ` nor `làm`.
        case unknownKind(String)
        /// The same date again (first given on `firstLine`).
        case duplicateDate(String, firstLine: Int)
    }

    /// The file as named on the command line.
    public var file: String
    /// The 1-based line, when the fault has one.
    public var line: Int?
    public var field: Field?
    public var kind: Kind

    public init(file: String, line: Int? = nil, field: Field? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.field = field
        self.kind = kind
    }

    /// True when the file itself could not be read (exit status 66), not one of its rows.
    public var isUnreadable: Bool {
        switch kind {
        case .unreadable, .notText, .empty: return true
        default: return false
        }
    }

    /// `file:line: field: kind`, for debugging (people read the worded message).
    public var description: String {
        [file, line.map(String.init), field?.rawValue, "\(kind)"].compactMap { $0 }.joined(separator: ": ")
    }
}
