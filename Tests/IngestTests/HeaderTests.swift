import TestSupport
import Testing
@testable import Ingest

@Suite struct HeaderTests {
    /// One field named by two columns cannot be read: which one holds it? (issue 11, defect 7)
    @Test func aFieldNamedTwiceIsAnErrorNamingBothColumns() throws {
        let path = try temporaryFile("\nMã hồ sơ,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,MaHoSo\nA1,U,1,01/01/2023,2,A2\n")
        let both = IngestError.Kind.duplicateColumn(field: "MaHoSo", first: .init(text: "Mã hồ sơ", position: 1),
                                                     second: .init(text: "MaHoSo", position: 6))
        #expect(throws: IngestError(file: "x.csv", line: 2, kind: both)) {
            _ = try ExportReader(path: path, name: "x.csv", units: UnitRegistry())
        }
        #expect(IngestError(file: "x.csv", line: 2, kind: both).description
                == "x.csv:2: header names MaHoSo twice: column 1 'Mã hồ sơ' and column 6 'MaHoSo'")
    }

    /// Blank lines of every kind before the header are skipped, counted, and not kept.
    @Test func blankLinesBeforeTheHeaderAreCounted() throws {
        let blank = String(repeating: "\r", count: 300_000) + "\n \r\n\t\n"
        let path = try temporaryFile(blank + "MaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\rH1;U;1;01/01/2023;2\r")
        let reader = try ExportReader(path: path, units: UnitRegistry())
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let row = try #require(try reader.next())
        #expect(row.code == "H1")
        // 299,999 lone CRs, a CRLF, two more lines: the header is line 300,003.
        #expect(row.position.line == 300_004)
        #expect(row.position.byte == blank.utf8.count + 57)
        #expect(try reader.next() == nil)
    }

    /// A spreadsheet's wrapped header title is a quoted cell with a line break: the header is
    /// that record, and its delimiter is counted over all of it.
    @Test func aQuotedHeaderCellMayHoldALineBreak() throws {
        let path = try temporaryFile("\"Mã hồ\r\nsơ\";DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\r\nX1;A;1;15/03/2023;4\r\n")
        let reader = try ExportReader(path: path, units: UnitRegistry())
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let row = try #require(try reader.next())
        #expect(row.reject == nil && row.code == "X1")
        #expect(row.position.line == 3)
        #expect(try reader.next() == nil)
    }

    /// Lines a record of which is blank under any delimiter (delimiters, quotes, white space,
    /// a no-break space) are skipped before the header, which gives the delimiter.
    @Test(arguments: [",,,,\n", "\"\",\"\"\n", "\u{00A0}\n", " \u{00A0}\t\u{3000}\n", ";\n\u{00A0},\n"])
    func blankLinesOfDelimitersOrNoBreakSpacesBeforeTheHeader(_ blank: String) throws {
        let path = try temporaryFile(blank + "MaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\nX1;A;1;15/03/2023;4\n")
        let reader = try ExportReader(path: path, units: UnitRegistry())
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let row = try #require(try reader.next())
        #expect(row.reject == nil && row.code == "X1")
        let lines = blank.filter { $0 == "\n" }.count
        #expect(row.position.line == lines + 2)
    }

    /// A quote left open in the header is still a malformed header, on the header's line.
    @Test func aQuoteLeftOpenInTheHeaderIsMalformed() throws {
        let path = try temporaryFile("\n\"MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\nX1,A,1,15/03/2023,4\n")
        #expect(throws: IngestError(file: "x.csv", line: 2, kind: .malformedHeader)) {
            _ = try ExportReader(path: path, name: "x.csv", units: UnitRegistry())
        }
    }

    @Test func aFileOfBlankLinesIsEmpty() throws {
        let path = try temporaryFile(String(repeating: " \r\n\r", count: 100_000))
        #expect(throws: IngestError(file: "x.csv", kind: .empty)) {
            _ = try ExportReader(path: path, name: "x.csv", units: UnitRegistry())
        }
    }
}
