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

/// How an export's columns map onto canonical fields.
public struct HeaderMap: Sendable {
    /// Column index of each canonical field the header names (the first column wins).
    public private(set) var columns: [CanonicalField: Int] = [:]
    /// Headers that name no canonical field (or repeat one), as written.
    public private(set) var ignored: [String] = []
    /// Number of fields in the header line.
    public let count: Int
    public let kind: ExportKind

    init(headers: [String], delimiter: UInt8) {
        count = headers.count
        var canonical = 0
        for (index, header) in headers.enumerated() {
            let key = header.replacingOccurrences(of: "\u{FEFF}", with: "").normalizedKey
            if let (field, isCanonical) = CanonicalField.headerTable[key], columns[field] == nil {
                columns[field] = index
                if isCanonical { canonical += 1 }
            } else {
                ignored.append(header.normalizedForDisplay)
            }
        }
        kind = ExportKind.detect(canonicalColumns: canonical, matchedColumns: columns.count, delimiter: delimiter)
    }

    /// Required fields the header lacks, canonical names in spec order.
    public var missingRequired: [CanonicalField] {
        CanonicalField.allCases.filter { $0.isRequired && columns[$0] == nil }
    }
}
