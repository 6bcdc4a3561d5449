/// The formats a report is written in.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    case table, csv, json, form06a, md, html, xlsx

    /// The file name ending a run writes.
    public var fileExtension: String {
        switch self {
        case .table: return "txt"
        case .form06a: return "06a.txt"
        default: return rawValue
        }
    }

    /// Formats people read, in their language; csv and json are for machines.
    public var isForPeople: Bool { self != .csv && self != .json }

    /// Formats that can show the breakdown by quarter or half.
    public var showsBreakdown: Bool { isForPeople && self != .form06a }

    /// Formats that list their inputs with each file's SHA-256 (the json manifest, the html
    /// footer, the xlsx inputs sheet): reading raw files for them also hashes each file.
    public var namesInputsByHash: Bool { self == .json || self == .html || self == .xlsx }
}
