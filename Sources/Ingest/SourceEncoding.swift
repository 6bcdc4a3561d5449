/// The text encodings an export may come in.
public enum SourceEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// What a spreadsheet on a Vietnamese Windows desktop writes as plain "CSV".
    case windows1258 = "windows-1258"

    /// Parses a `--encoding` value: the raw values and common aliases (`utf8`, `cp1258`, …).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-8-bom", "utf8-bom", "utf-8-sig": self = .utf8BOM
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1258", "cp1258", "win1258", "windows1258": self = .windows1258
        default: return nil
        }
    }

    /// How many bytes of byte-order mark open a file in this encoding.
    var bomLength: Int {
        switch self {
        case .utf8BOM: return 3
        case .utf16LE, .utf16BE: return 2
        case .utf8, .windows1258: return 0
        }
    }
}
