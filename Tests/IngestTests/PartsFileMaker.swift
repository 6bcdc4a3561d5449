import TestSupport
@testable import Ingest

/// Seeded random exports meant to put record boundaries, quoted line breaks and rejects
/// everywhere: codes that repeat (a later row wins), unit spellings that differ in case and
/// spacing, values of every kind and some wrong, quoted fields holding LF, CRLF or CR, blank
/// lines, malformed quotes, too many fields, mixed line ends, no final line break, a quote
/// left open at the end.
struct PartsFileMaker {
    var random: SplitMix64
    /// Windows-1258 files: ASCII text and a few Windows-1258 letters (0xC3 Ă, 0xD0 Đ, 0xF5 ơ).
    var windows1258 = false

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    private var breaks: [String] { ["\n", "\r\n", "\r"] }

    /// A field as written: quoted when it must be, and sometimes when it need not.
    private mutating func write(_ value: String, delimiter: Character) -> String {
        let needs = value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r")
        guard needs || chance(10) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private mutating func unit() -> String {
        if windows1258 { return pick(["UBND x\u{C3} A", "ubnd X\u{C3} a", " UBND x\u{C3}  A ", "Ph\u{D0}ng B", "C", ""]) }
        return pick(["UBND xã A", "ubnd XÃ a", "  UBND xã  A ", "Phòng Tư pháp", "phòng tư  pháp", "C, \"quoted\"", "D\nmultiline", ""])
    }

    private mutating func field() -> String {
        if windows1258 { return pick(["H\u{F5} t\u{F5}ch", "h\u{F5}  t\u{F5}ch", "Dat dai", ""]) }
        return pick(["Hộ tịch", "hộ  tịch", "Đất đai", "", "Chứng\r\nthực"])
    }

    private mutating func date() -> String {
        pick(["15/03/2023", "16/03/2023 08:00", "20230317090000", "2023-03-18", "", "31/02/2023", "abc", "01/01/2024"])
    }

    private mutating func value(_ column: Int) -> String {
        switch column {
        case 0: return chance(3) ? "" : chance(5) ? " H \(random.next() % 40) " : "H\(random.next() % 40)"
        case 1: return unit()
        case 2: return pick(["1", "2", "3", "", "trực tuyến", "9"])
        case 3: return chance(3) ? pick(["", "abc"]) : date()
        case 4, 5, 6: return chance(50) ? "" : date()
        case 7: return pick(["1", "2", "4", "5", "9", "10", "", "đang xử lý", "x", "7"])
        case 8, 9: return pick(["", "1", "0", "có", "maybe"])
        case 10: return field()
        default: return pick(["1.001", "2.002", "", " 1.001 ", "3.003", "1.00\(random.next() % 9)"])
        }
    }

    /// The bytes of one export of about `rows` records.
    mutating func file(rows: Int) -> [UInt8] {
        let delimiter: Character = pick([",", ",", ";", "\t"])
        let names = ["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra",
                     "TrangThaiHoSo", "SoHoaHoSo", "SoHoaKetQua", "TenLinhVuc", "MaTTHC"]
        var text = (chance(20) ? "\n \n" : "") + names.joined(separator: String(delimiter)) + pick(breaks)
        for _ in 0..<rows {
            if chance(4) { text += pick(["", " ", "\t", "  "]) + pick(breaks) }
            var fields = names.indices.map { write(value($0), delimiter: delimiter) }
            if chance(3) { fields[Int(random.next() % UInt64(fields.count))] = "ab\"c" }
            if chance(2) { fields.append("extra") }
            if chance(2) { fields.removeLast(Int(random.next() % 5)) }
            if chance(3) { fields[1] = "\"" + pick(breaks) + "spread" + pick(breaks) + "over lines\"" }
            text += fields.joined(separator: String(delimiter)) + pick(breaks)
        }
        if chance(30) { text.removeLast() }
        if chance(10) { text += "H7\(delimiter)\"an open quote" + pick(breaks) + "to the end" }
        if windows1258 {
            // Characters below U+0100 stand for the Windows-1258 byte of the same value.
            return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        }
        return Array(text.utf8)
    }
}
