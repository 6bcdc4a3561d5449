import TestSupport
import Foundation
import Testing

/// A tiny RFC 4180 reader, independent of motcua's: comma-separated, quoted fields may hold
/// commas, doubled quotes and line breaks; records end with LF or CRLF.
enum RFC4180 {
    enum Failure: Error, CustomStringConvertible {
        case unterminatedQuote
        case quoteInsideUnquotedField(record: Int)
        case textAfterClosingQuote(record: Int)

        var description: String {
            switch self {
            case .unterminatedQuote: return "quoted field open at end of text"
            case .quoteInsideUnquotedField(let r): return "quote inside an unquoted field in record \(r)"
            case .textAfterClosingQuote(let r): return "text after a closing quote in record \(r)"
            }
        }
    }

    /// Every record of `text`. An empty text has no records; a final line break ends the last one.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var wasQuoted = false
        var afterClosingQuote = false
        var fieldStarted = false
        var scalars = Array(text.unicodeScalars)[...]

        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
            afterClosingQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }

        while let c = scalars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.append("\"")
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                endRecord()
            case "\n":
                endRecord()
            case "\"":
                guard !fieldStarted else { throw Failure.quoteInsideUnquotedField(record: records.count + 1) }
                inQuotes = true
                wasQuoted = true
                fieldStarted = true
            default:
                if afterClosingQuote { throw Failure.textAfterClosingQuote(record: records.count + 1) }
                field.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw Failure.unterminatedQuote }
        if fieldStarted || wasQuoted || !record.isEmpty { endRecord() }
        return records
    }

    /// One record as RFC 4180 text (quoted when needed), without a line break.
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : field
        }.joined(separator: ",")
    }
}

/// The machine KPI table of kpi-rules.md, read back from `--format csv` output.
struct KPICSV {
    static let columns = [
        "period", "unit", "carried_over", "received_new", "received_online", "received_direct",
        "received_postal", "resolved", "resolved_early", "resolved_on_time", "resolved_late",
        "resolved_without_result", "pending", "pending_overdue", "on_time_rate", "progress_rate",
        "online_rate", "digitised_dossier_rate", "digitised_result_rate", "below_target",
    ]
    static let countColumns = Array(columns[2...13])
    static let rateColumns = Array(columns[14...18])

    struct Row {
        var cells: [String: String]
        var unit: String { cells["unit"] ?? "" }
        func count(_ column: String) -> Int? { cells[column].flatMap { Int($0) } }
        subscript(_ column: String) -> String { cells[column] ?? "" }
    }

    var header: [String]
    var rows: [Row]

    init(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let records = try RFC4180.parse(text)
        let header = try #require(records.first, "empty csv output", sourceLocation: sourceLocation)
        self.header = header
        var rows: [Row] = []
        for record in records.dropFirst() {
            try #require(record.count == header.count,
                         "row of \(record.count) fields under a header of \(header.count): \(record)",
                         sourceLocation: sourceLocation)
            rows.append(Row(cells: Dictionary(uniqueKeysWithValues: zip(header, record))))
        }
        self.rows = rows
    }

    var units: [Row] { rows.last?.unit == "TOTAL" ? Array(rows.dropLast()) : rows }
    var total: Row? { rows.last.flatMap { $0.unit == "TOTAL" ? $0 : nil } }
    func row(_ unit: String) -> Row? { rows.first { $0.unit == unit } }

    /// `numerator / denominator` as a percentage with two decimals, rounded half up; "" when the
    /// denominator is zero. Integers only, as the rules demand.
    static func rate(_ numerator: Int, _ denominator: Int) -> String {
        guard denominator > 0 else { return "" }
        let hundredths = (numerator * 10_000 * 2 + denominator) / (2 * denominator)
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The identities of kpi-rules.md on every row, the rates that follow from the counts, and
    /// TOTAL as the column sums.
    func expectConsistent(target: Int = 98, context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(header == Self.columns, "\(context): header \(header)", sourceLocation: sourceLocation)
        #expect(total != nil, "\(context): last row is not TOTAL", sourceLocation: sourceLocation)
        for row in rows {
            let where_ = "\(context) unit '\(row.unit)'"
            var c: [String: Int] = [:]
            for column in Self.countColumns {
                guard let value = row.count(column), value >= 0 else {
                    Issue.record("\(where_): \(column) = '\(row[column])' is not a count", sourceLocation: sourceLocation)
                    return
                }
                c[column] = value
            }
            let n = { (name: String) in c[name]! }
            #expect(n("carried_over") + n("received_new") == n("resolved") + n("pending"),
                    "\(where_): carried_over + received_new ≠ resolved + pending", sourceLocation: sourceLocation)
            #expect(n("resolved") == n("resolved_early") + n("resolved_on_time") + n("resolved_late"),
                    "\(where_): resolved ≠ early + on_time + late", sourceLocation: sourceLocation)
            #expect(n("received_new") == n("received_online") + n("received_direct") + n("received_postal"),
                    "\(where_): received_new ≠ online + direct + postal", sourceLocation: sourceLocation)
            #expect(n("resolved_without_result") <= n("resolved") && n("pending_overdue") <= n("pending"),
                    "\(where_): a part exceeds its whole", sourceLocation: sourceLocation)
            #expect(row["on_time_rate"] == Self.rate(n("resolved_early") + n("resolved_on_time"), n("resolved")),
                    "\(where_): on_time_rate", sourceLocation: sourceLocation)
            #expect(row["progress_rate"] == Self.rate(n("resolved_early") + n("resolved_on_time") + n("pending")
                                                      - n("pending_overdue"), n("carried_over") + n("received_new")),
                    "\(where_): progress_rate", sourceLocation: sourceLocation)
            #expect(row["online_rate"] == Self.rate(n("received_online"), n("received_new")),
                    "\(where_): online_rate", sourceLocation: sourceLocation)
            #expect((row["digitised_dossier_rate"] == "") == (n("received_new") == 0),
                    "\(where_): digitised_dossier_rate", sourceLocation: sourceLocation)
            #expect((row["digitised_result_rate"] == "") == (n("resolved") - n("resolved_without_result") == 0),
                    "\(where_): digitised_result_rate", sourceLocation: sourceLocation)
            let expectedBelow = n("resolved") == 0 ? ""
                : (n("resolved_early") + n("resolved_on_time")) * 100 < target * n("resolved") ? "true" : "false"
            #expect(row["below_target"] == expectedBelow, "\(where_): below_target", sourceLocation: sourceLocation)
        }
        if let total {
            for column in Self.countColumns {
                let sum = units.reduce(0) { $0 + ($1.count(column) ?? 0) }
                #expect(total.count(column) == sum, "\(context): TOTAL \(column) is not the column sum",
                        sourceLocation: sourceLocation)
            }
        }
        let names = units.map(\.unit)
        #expect(names == names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) },
                "\(context): units not in code-point order: \(names)", sourceLocation: sourceLocation)
    }
}

/// Export files written for the tests: the canonical (portal) header and rows built field by field.
enum Export {
    static let required = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "TrangThaiHoSo"]
    static let full = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy",
                       "NgayTra", "TrangThaiHoSo", "SoHoaHoSo", "SoHoaKetQua"]

    /// A CSV text: header and rows, each line ended by `eol`.
    static func csv(_ header: [String], _ rows: [[String]], eol: String = "\n") -> String {
        ([header] + rows).map { RFC4180.line($0) + eol }.joined()
    }
}
