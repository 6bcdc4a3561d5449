import Ingest
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a `--calendar` file (CSV: `date, kind, note`) into ``CalendarOverrides``.
///
/// Interim, with ``CSVRows``: once Ingest reads small CSV inputs with its libcsv reader, the
/// rows come from there and only ``CalendarOverrides/init(file:rows:)`` stays.
public enum CalendarFile {
    /// `name` is the file as the user named it, for messages.
    public static func read(path: String, name: String? = nil) throws(CalendarFileError) -> CalendarOverrides {
        let name = name ?? path
        let unreadable = { (reason: String) in CalendarFileError(file: name, kind: .unreadable(reason)) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw unreadable(String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw unreadable("is a directory") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw unreadable(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        return try overrides(csv: bytes, file: name)
    }

    /// The overrides of a calendar file's bytes.
    public static func overrides(csv bytes: [UInt8], file: String) throws(CalendarFileError) -> CalendarOverrides {
        let records: [CSVRows.Record]
        do {
            records = try CSVRows.parse(bytes)
        } catch {
            switch error {
            case .notUTF8: throw CalendarFileError(file: file, kind: .notText)
            case .malformedQuote(let line): throw CalendarFileError(file: file, line: line, kind: .malformedQuote)
            }
        }
        var rows: [CalendarOverrides.Row] = []
        for record in records where !record.fields.allSatisfy({ $0.normalizedForDisplay.isEmpty }) {
            let fields = record.fields
            if fields.count > 3 {
                throw CalendarFileError(file: file, line: record.line, field: .note, kind: .tooManyFields(fields.count))
            }
            if fields.count < 2 {
                throw CalendarFileError(file: file, line: record.line, field: .kind, kind: .missingKind)
            }
            rows.append(CalendarOverrides.Row(line: record.line, date: fields[0], kind: fields[1],
                                              note: fields.count > 2 ? fields[2] : ""))
        }
        return try CalendarOverrides(file: file, rows: rows)
    }
}
