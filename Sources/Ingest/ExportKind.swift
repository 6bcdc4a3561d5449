/// Which kind of system wrote an export, as told by its header line.
///
/// Informational (shown by `check`): every kind accepts every spelling of the spec, so the
/// kind never changes how a row is read.
public enum ExportKind: String, Sendable, CaseIterable {
    /// The national portal's synchronisation fields: canonical column names, codes.
    case portalSync = "portal-sync"
    /// The provincial one-stop-shop system: Vietnamese headers, comma-separated.
    case portalVietnamese = "portal-vn"
    /// A spreadsheet saved as CSV or Unicode text: Vietnamese headers, `;` or tab.
    case spreadsheet = "spreadsheet"

    /// Most matched columns named canonically: the portal feed; otherwise comma-separated
    /// Vietnamese headers are the provincial system and anything else a spreadsheet.
    static func detect(canonicalColumns: Int, matchedColumns: Int, delimiter: UInt8) -> ExportKind {
        if canonicalColumns * 2 > matchedColumns { return .portalSync }
        return delimiter == UInt8(ascii: ",") ? .portalVietnamese : .spreadsheet
    }
}
