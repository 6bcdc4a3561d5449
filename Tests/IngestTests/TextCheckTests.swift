import TestSupport
import Foundation
import Testing
@testable import Ingest

/// The spec's "not text" rule holds over the whole file, wherever the offending byte lies and
/// whatever decided the encoding (issue 11, defects 1 and 2); the error names its line.
@Suite struct TextCheckTests {
    private func check(_ bytes: [UInt8], given: SourceEncoding? = nil) throws(IngestError) -> SourceEncoding {
        let path = (try? temporaryFile(bytes)) ?? "/nonexistent"
        return try SourceEncoding.check(try InputFile(path: path, name: "f.csv"), given: given)
    }

    private func notText(_ line: Int, _ reason: IngestError.NotText) -> IngestError {
        IngestError(file: "f.csv", line: line, kind: .notText(reason))
    }

    private let header = Array("MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n".utf8)

    @Test func aNULByteIsNotTextWhateverDecidedTheEncoding() {
        let row = Array("A1,UBND x".utf8) + [0x00] + Array("a,1,01/01/2023,2\n".utf8)
        #expect(throws: notText(2, .nulByte)) { try check([0xEF, 0xBB, 0xBF] + header + row) }
        #expect(throws: notText(2, .nulByte)) { try check(header + row) }
        for given in [SourceEncoding.utf8, .utf8BOM, .windows1258] {
            #expect(throws: notText(2, .nulByte)) { try check(header + row, given: given) }
        }
    }

    @Test func givenEncodingsAreCheckedToo() {
        let undefined = header + Array("A1,UBND x".utf8) + [0x81] + Array("a,1,01/01/2023,2\n".utf8)
        #expect(throws: notText(2, .undefinedInWindows1258(0x81))) { try check(undefined, given: .windows1258) }
        let invalid = [0xEF, 0xBB, 0xBF] + header + header + Array("A1,x".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: notText(3, .invalidUTF8)) { try check(invalid) }
        #expect(throws: notText(3, .invalidUTF8)) { try check(Array(invalid.dropFirst(3)), given: .utf8) }
    }

    /// A UTF-8 export cut off mid-character is not UTF-8, so it is Windows-1258; an earlier
    /// `Đ` (C4 90) holds a byte Windows-1258 leaves undefined: not text, on the line of the `Đ`.
    @Test func detectionSeesUndefinedBytesBeforeUTF8Fails() throws {
        let rows = Array("A1,Đội 1,1,01/01/2023,2\nA2,x,1,01/01/2023,2\n".utf8)
        #expect(throws: notText(2, .undefinedInWindows1258(0x90))) { try check(header + rows + [0xE1]) }
        #expect(throws: notText(2, .undefinedInWindows1258(0x90))) { try check(header + rows + [0xE1, 0xBB]) }
        #expect(try check(header + rows + Array("ồ".utf8)) == .utf8)
    }

    @Test func theLineCountsCRLFAndLoneCRLikeTheReader() {
        let text = Array("h\r\na\rb\n\nc".utf8) + [0x00]
        #expect(throws: notText(5, .nulByte)) { try check(text) }
        #expect(throws: notText(2, .nulByte)) { try check(Array("h\r".utf8) + [0x00]) }
    }

    @Test func utf16IsCheckedOverTheWholeFile() throws {
        func le(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let body = le("MaHoSo\r\nA1\n")
        #expect(throws: notText(3, .oddUTF16Length)) { try check([0xFF, 0xFE] + body + [0x41]) }
        #expect(throws: notText(3, .unpairedSurrogate)) { try check([0xFF, 0xFE] + body + [0x00, 0xD8, 0x41, 0x00]) }
        #expect(throws: notText(3, .nulCharacter)) { try check([0xFF, 0xFE] + body + [0x00, 0x00]) }
        #expect(throws: notText(1, .unpairedSurrogate)) { try check(le("MaHoSo") + [0x00, 0xDC], given: .utf16LE) }
        #expect(try check([0xFF, 0xFE] + body) == .utf16LE)
    }

    /// `--encoding utf-16le` on a file without a BOM keeps its first character.
    @Test func aGivenUTF16WithoutBOMKeepsItsFirstCharacter() throws {
        let text = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\nA1,U,1,01/01/2023,2\n"
        let path = try temporaryFile(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let reader = try ExportReader(path: path, encoding: .utf16LE, units: UnitRegistry())
        #expect(reader.header.columns[.maHoSo] == 0)
        #expect(try reader.next()?.code == "A1")
    }
}
