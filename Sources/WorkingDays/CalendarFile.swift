import Ingest

/// The columns of a `--calendar` file (and of the shipped schedule, whose note is its source).
enum CalendarField: String, TableField {
    case date, kind, note

    var aliases: [String] {
        switch self {
        case .date: return ["ngày", "ngay"]
        case .kind: return ["loại", "loai"]
        case .note: return ["ghi chú", "ghi chu", "source", "nguồn"]
        }
    }

    var isRequired: Bool { self != .note }

    var ordinal: Int {
        switch self {
        case .date: return 0
        case .kind: return 1
        case .note: return 2
        }
    }

    static let headerTable = TableSchema<CalendarField>.headerTable()
}

/// Reads a `--calendar` file (CSV: `date, kind, note`) into ``CalendarOverrides``, with the
/// reader every CSV input goes through (`TableReader`: the exports' encodings, delimiters,
/// quoting and header matching). A file without a header line is read by position.
public enum CalendarFile {
    /// `name` is the file as the user named it, for messages.
    public static func read(path: String, name: String? = nil) throws(CalendarFileError) -> CalendarOverrides {
        let name = name ?? path
        let file: InputFile
        do {
            file = try InputFile(path: path, name: name)
        } catch {
            throw CalendarFileError(file: name, kind: .unreadable(reason(error.kind)))
        }
        return try overrides(file)
    }

    /// The overrides of a calendar file's bytes.
    public static func overrides(csv bytes: [UInt8], file: String) throws(CalendarFileError) -> CalendarOverrides {
        try overrides(InputFile(name: file, bytes: bytes))
    }

    static func overrides(_ input: InputFile) throws(CalendarFileError) -> CalendarOverrides {
        try CalendarOverrides(file: input.name, rows: rows(input, fields: nil))
    }

    /// Why a file cannot be read, as the system or the reader says it.
    private static func reason(_ kind: IngestError.Kind) -> String {
        switch kind {
        case .unreadable(let reason): return reason
        case .isDirectory: return "is a directory"
        // Worded by the commands (`Language.systemReason`), not as an export's fault.
        case .notRegularFile: return "not a regular file"
        default: return kind.sentence
        }
    }

    /// The rows of a calendar-shaped file; `fields`: the number every row must have (the
    /// shipped schedule's three), else two or three.
    static func rows(_ input: InputFile, fields: Int?) throws(CalendarFileError) -> [CalendarOverrides.Row] {
        let file = input.name
        do {
            let reader = try TableReader<CalendarField>(file: input, positional: true)
            var rows: [CalendarOverrides.Row] = []
            while let record = try reader.next() {
                let line = record.position.line
                if record.fault != nil { throw CalendarFileError(file: file, line: line, kind: .malformedQuote) }
                let count = record.fields.fieldCount
                if count > 3 || (fields.map { count != $0 } ?? false) {
                    throw CalendarFileError(file: file, line: line, field: .note, kind: .tooManyFields(count))
                }
                if count < 2 { throw CalendarFileError(file: file, line: line, field: .kind, kind: .missingKind) }
                rows.append(CalendarOverrides.Row(line: line, date: record.fields.text(CalendarField.date),
                                                  kind: record.fields.text(CalendarField.kind),
                                                  note: record.fields.text(CalendarField.note)))
            }
            return rows
        } catch let error as CalendarFileError {
            throw error
        } catch let error as IngestError {
            switch error.kind {
            // Not even a header: a file given for its days that has none (a download cut
            // short) is refused, not read as "no overrides" (a header alone says that).
            case .empty: throw CalendarFileError(file: file, kind: .empty)
            case .notText: throw CalendarFileError(file: file, kind: .notText)
            case .malformedHeader: throw CalendarFileError(file: file, line: error.line, kind: .malformedQuote)
            case .missingColumns: throw CalendarFileError(file: file, line: error.line, field: .kind, kind: .missingKind)
            default: throw CalendarFileError(file: file, line: error.line, kind: .unreadable(reason(error.kind)))
            }
        } catch {
            throw CalendarFileError(file: file, kind: .unreadable(String(describing: error)))
        }
    }
}
