/// An export whose last record looks cut off: the file was copied or exported before it was
/// complete. The record is read as any other (accepted or rejected); the warning says the data
/// may lack rows.
public struct CutOffRecord: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A quoted field still open at the end of the file.
        case openQuote
        /// No line break after the last record, and fewer fields than the header.
        case shortRecord(fields: Int, header: Int)
    }

    /// The line where the last record starts.
    public var line: Int
    public var kind: Kind
}

/// What a spreadsheet workbook saved as is, told by its first bytes: not CSV.
public enum SpreadsheetKind: String, Sendable {
    /// A zip archive (`PK\x03\x04`): an Excel 2007+ workbook (.xlsx) or an OpenDocument one (.ods).
    case zip = "xlsx/ods"
    /// An OLE compound file (`D0 CF 11 E0`): an Excel 97–2003 workbook (.xls).
    case ole = "xls"
}

extension InputFile {
    /// The workbook format the file's first bytes announce, if they announce one.
    func spreadsheetKind() throws(IngestError) -> SpreadsheetKind? {
        var head = [UInt8](repeating: 0, count: 4)
        let n = try read(into: &head, max: min(4, size), fileOffset: 0)
        guard n == 4 else { return nil }
        if head == [0x50, 0x4B, 0x03, 0x04] { return .zip }
        if head == [0xD0, 0xCF, 0x11, 0xE0] { return .ole }
        return nil
    }

    /// True when the file's last character is a line break (LF or CR) in `encoding`.
    func endsWithLineBreak(_ encoding: SourceEncoding) -> Bool {
        let width = encoding == .utf16LE || encoding == .utf16BE ? 2 : 1
        guard size >= width else { return false }
        var tail = [UInt8](repeating: 0, count: width)
        guard let n = try? read(into: &tail, max: width, fileOffset: size - width), n == width else { return false }
        let unit: UInt8
        switch encoding {
        case .utf16LE: guard tail[1] == 0 else { return false }; unit = tail[0]
        case .utf16BE: guard tail[0] == 0 else { return false }; unit = tail[1]
        default: unit = tail[0]
        }
        return unit == 0x0A || unit == 0x0D
    }
}

/// The last record read so far, to tell at the end whether it was cut off.
struct LastRecord {
    var line: Int
    var fields: Int
    var fault: CSVFault?

    /// The cut-off record, when this one is the file's last and looks cut off.
    func cutOff(header: Int, endsWithLineBreak: Bool) -> CutOffRecord? {
        if fault == .unterminatedQuote { return CutOffRecord(line: line, kind: .openQuote) }
        if fault == nil, !endsWithLineBreak, fields < header {
            return CutOffRecord(line: line, kind: .shortRecord(fields: fields, header: header))
        }
        return nil
    }
}
