import Foundation
import Ingest
import KPIMetrics
import Wording

/// A list of dossiers (or of figures per procedure) defined once: its columns (the machine
/// key, the people's title), its rows of typed values, a title and notes. The csv writes the
/// keys and machine values; the aligned table, Markdown, the page and the workbook show the
/// same rows through ``PeopleTable``.
public struct DossierListing: Sendable {
    public struct Column: Sendable {
        /// The csv column.
        var key: String
        var title: Phrase
        var role: PeopleTable.Column.Role = .text
    }

    /// One typed value: how machines write it and how people read it both follow from it.
    public enum Value: Sendable {
        case text(String)
        /// A moment: `yyyy-MM-dd HH:mm:ss` for machines; empty when nil.
        case moment(LocalMoment?)
        /// A day: `yyyy-MM-dd` for machines; empty when nil.
        case day(LocalMoment?)
        /// Working days in hundredths (`1.50`); empty when nil.
        case days(Int64?)
        case count(Int)
        /// A closed word: the machine's spelling, the people's phrase.
        case word(String, Phrase)
    }

    public struct Row: Sendable {
        var values: [Value]
        /// What machines key the row by (a unit), and whether it is a total.
        var isTotal = false
    }

    var title: Phrase
    var columns: [Column]
    var rows: [Row]
    /// Lines under the table, already worded.
    var notes: [String] = []
    /// The heading's second part (the period), already worded.
    var subtitle: String = ""
    /// The data does not cover the period: the heading says so first, as a report's does.
    var provisional = false

    /// RFC 4180, the keys as header, LF line ends.
    public func csv() -> String {
        CSVText.line(columns.map(\.key)) + rows.map { CSVText.line($0.values.map(\.machine)) }.joined()
    }

    /// The same rows for people.
    func people(_ language: Language) -> PeopleTable {
        let columns = self.columns.map { PeopleTable.Column(title: language[$0.title], key: $0.key, role: $0.role) }
        let rows = self.rows.map { row in
            PeopleTable.Row(key: row.values.first?.machine ?? "", cells: row.values.map { PeopleTable.Cell(value: $0.people(language)) },
                            isTotal: row.isTotal)
        }
        return PeopleTable(columns: columns, rows: rows)
    }
}

extension DossierListing.Value {
    var machine: String {
        switch self {
        case .text(let text): return text
        case .moment(let moment): return moment.map(\.machineMoment) ?? ""
        case .day(let day): return day?.isoDate ?? ""
        case .days(let hundredths): return hundredths.map { Hundredths.text(Int($0)) } ?? ""
        case .count(let n): return String(n)
        case .word(let word, _): return word
        }
    }

    func people(_ language: Language) -> PeopleTable.Value {
        switch self {
        case .text(let text): return .text(text)
        case .moment(let moment): return .text(moment.map(\.description) ?? "")
        case .day(let day): return .text(day.map { String($0.description.prefix(10)) } ?? "")
        case .days(let hundredths): return hundredths.map { .points(Int($0)) } ?? .empty
        case .count(let n): return .count(n)
        case .word(_, let phrase): return .text(language[phrase])
        }
    }
}

extension LocalMoment {
    /// `yyyy-MM-dd HH:mm:ss`: how the lists write a moment for machines.
    var machineMoment: String { iso8601.prefix(19).replacingOccurrences(of: "T", with: " ") }
}
