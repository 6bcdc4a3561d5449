import Ingest
import Wording

extension InputSummary {
    /// What `check` says of one export: its name, kind, encoding and delimiter, its rows, the
    /// rejects by reason, the columns it ignores, its as-of, and a warning when its last record
    /// looks cut off.
    public func checkDescription(_ language: Language) -> String {
        let separator = delimiter == 0x09 ? "tab" : String(UnicodeScalar(delimiter))
        let kindName: Phrase
        switch kind {
        case .portalSync: kindName = .kindPortalSync
        case .portalVietnamese: kindName = .kindPortalVN
        case .spreadsheet: kindName = .kindSpreadsheet
        }
        var out = name + "\n"
        out += "  " + language[.checkFormat, [.kind: language[kindName], .encoding: encoding.rawValue, .delimiter: separator]] + "\n"
        out += "  " + language[.checkRows, [.rows: String(rowsRead), .accepted: String(accepted), .rejected: String(rejected)]] + "\n"
        for reason in RejectReason.allCases {
            if let n = rejectsByReason[reason] {
                out += "    " + language[.checkRejected, [.count: language.count(n), .reason: reason.summary(language)]] + "\n"
            }
        }
        if !ignoredColumns.isEmpty {
            // A pathological header can have thousands of unknown columns: name the first few.
            let shown = ignoredColumns.prefix(20).map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
            let more = ignoredColumns.count > 20 ? " … (+\(ignoredColumns.count - 20))" : ""
            out += "  " + language[.checkIgnored, [.columns: shown + more]] + "\n"
        }
        if let asOf { out += "  " + language[.checkAsOf, [.moment: asOf.description]] + "\n" }
        if let cutOff { out += "  " + cutOff.warning(language) + "\n" }
        return out
    }
}
