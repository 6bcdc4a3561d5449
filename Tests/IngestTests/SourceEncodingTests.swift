import TestSupport
import Foundation
import Testing
@testable import Ingest

@Suite struct SourceEncodingTests {
    private func detect(_ bytes: [UInt8]) throws(IngestError) -> SourceEncoding {
        let path = (try? temporaryFile(bytes)) ?? "/nonexistent"
        return try SourceEncoding.check(try InputFile(path: path, name: "f.csv"), given: nil)
    }

    private let vietnamese = "Mã hồ sơ,Đơn vị\n"

    @Test func aBOMDecides() throws {
        #expect(try detect([0xEF, 0xBB, 0xBF] + Array(vietnamese.utf8)) == .utf8BOM)
        #expect(try detect([0xFF, 0xFE] + vietnamese.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) == .utf16LE)
        #expect(try detect([0xFE, 0xFF] + vietnamese.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }) == .utf16BE)
    }

    /// `--encoding utf-8` on a file with UTF-8's BOM: the BOM is skipped as detection skips it,
    /// so a quoted first header cell and a blank first line read as without `--encoding`.
    @Test(arguments: ["\"MaHoSo\",\"DonViXuLy\",\"KenhThucHien\",\"NgayTiepNhan\",\"TrangThaiHoSo\"\r\n",
                      "\r\nMaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\r\n"])
    func utf8GivenSkipsUTF8sBOM(header: String) throws {
        let path = try temporaryFile([0xEF, 0xBB, 0xBF] + Array((header + "\"H1\",\"A\",\"1\",\"01/02/2023\",\"4\"\r\n").utf8))
        #expect(try SourceEncoding.check(try InputFile(path: path, name: "f.csv"), given: .utf8) == .utf8BOM)
        let reader = try ExportReader(path: path, encoding: .utf8, units: UnitRegistry())
        let row = try #require(try reader.next())
        #expect(row.occurrence?.code == "H1")
    }

    @Test func validUTF8IsUTF8ElseWindows1258() throws {
        #expect(try detect(Array(vietnamese.utf8)) == .utf8)
        // "Hoà" in Windows-1258 with a combining grave (0xCC): not valid UTF-8.
        #expect(try detect(Array("Ho".utf8) + [0x61, 0xCC, 0x0A]) == .windows1258)
    }

    /// Windows-1258 text only after the first megabyte is still found.
    @Test func detectionReadsTheWholeFile() throws {
        let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20)
        #expect(try detect(ascii + [0xE0, 0x0A]) == .windows1258)
        // A UTF-8 sequence split across the 1 MiB read boundary is still valid.
        let split = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 1) + Array("ồ\n".utf8)
        #expect(try detect(split) == .utf8)
    }

    @Test func notTextAndEmpty() {
        #expect(throws: IngestError(file: "f.csv", line: 1, kind: .notText(.nulByte))) { try detect([0x61, 0x00, 0x62]) }
        #expect(throws: IngestError(file: "f.csv", line: 1, kind: .notText(.undefinedInWindows1258(0x81)))) {
            try detect([0x61, 0x81, 0x62])
        }
        #expect(throws: IngestError(file: "f.csv", kind: .empty)) { try detect([]) }
        #expect(throws: IngestError(file: "f.csv", kind: .empty)) { try detect([0xEF, 0xBB, 0xBF]) }
    }

    @Test func windows1258DecodesToNFC() throws {
        // "xã Hoằng" as a Vietnamese desktop writes it: a + combining tilde (0xDE),
        // ă (0xE3) + combining grave (0xCC).
        let header = Array("MaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\r\n".utf8)
        let row = Array("H1;UBND xa".utf8) + [0xDE, 0x20] + Array("Ho".utf8) + [0xE3, 0xCC] + Array("ng;1;1/2/2023;2\r\n".utf8)
        let units = UnitRegistry()
        let reader = try ExportReader(path: try temporaryFile(header + row), name: "f.csv", units: units)
        #expect(reader.encoding == .windows1258)
        #expect(reader.delimiter == UInt8(ascii: ";"))
        let occurrence = try #require(try reader.next()?.occurrence)
        #expect(units.text(of: occurrence.unitSpelling).unicodeScalars.elementsEqual("UBND xã Hoằng".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test(arguments: [SourceEncoding.utf16LE, .utf16BE])
    func utf16RoundTripsThroughTheReader(encoding: SourceEncoding) throws {
        var text = portalHeader
        for i in 0..<30_000 { text += "H\(i),UBND xã Hoằng Đức 𝔸,1,01/02/2023,,,,2,,\r\n" }
        let units16 = Array(text.utf16)
        let bytes: [UInt8] = (encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]) + units16.flatMap {
            encoding == .utf16LE ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
        }
        let units = UnitRegistry()
        let all = try rows(of: try temporaryFile(bytes), units: units)
        #expect(all.count == 30_000)
        #expect(all.allSatisfy { $0.occurrence != nil })
        #expect(units.unitCount == 1)
        #expect(units.spellings.first?.text == "UBND xã Hoằng Đức 𝔸")
    }
}
