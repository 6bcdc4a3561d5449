import Foundation
import Ingest
import Testing
import TestSupport

/// The optional service columns: packed in a few bytes per dossier, read under every
/// vocabulary, and nothing lost (rows read = accepted + rejected).
@Suite struct ServiceColumnsTests {
    @Test func aDossierStaysSmall() {
        #expect(MemoryLayout<Dossier>.stride == 40)
    }

    @Test func factsRoundTripThroughThePackedWord() {
        var facts = ServiceFacts()
        for field in ServiceField.allCases { facts.setKnown(field) }
        facts.paidOnline = true
        facts.feeIsZero = false
        facts.rating = 5
        facts.routing = .paper
        facts.supplements = 7
        facts.complaint = true
        facts.apology = LocalMoment(year: 2024, month: 6, day: 30)
        let d = Dossier(unit: UnitID(rawValue: 3), channel: .postal, status: .returned,
                        received: LocalMoment(year: 2024, month: 5, day: 1)!, due: nil, finished: nil,
                        digitisedDossier: true, digitisedResult: false, source: SourceLine(file: 1, line: 9),
                        procedure: ProcedureID(rawValue: 4), service: facts)
        #expect(d.channel == .postal && d.status == .returned && d.digitisedDossier && !d.digitisedResult)
        let s = d.service
        #expect(s.knownMask == 0x3FF)
        #expect(s.paidOnline && s.complaint && !s.vneid && !s.reuse && !s.dataStore)
        #expect(s.feeIsZero == false && s.rating == 5 && s.routing == .paper)
        #expect(s.supplements == 3, "capped: the rules ask only whether more than one")
        #expect(s.apology == LocalMoment(year: 2024, month: 6, day: 30))
        #expect(d.procedure == ProcedureID(rawValue: 4))
        var none = ServiceFacts()
        none.feeIsZero = nil
        #expect(none.feeIsZero == nil && none.rating == nil && none.routing == .none && none.knownMask == 0)
    }

    /// One row per case: the value in the column, and the field it is rejected for (nil: accepted).
    @Test(arguments: [
        ("DuocThanhToanTrucTuyen", "2", nil), ("DuocThanhToanTrucTuyen", "4", "DuocThanhToanTrucTuyen"),
        ("PhiLePhi", "1.250.000", nil), ("PhiLePhi", "0 000", nil), ("PhiLePhi", "50.00", "PhiLePhi"),
        ("PhiLePhi", "1,250.000", "PhiLePhi"), ("PhiLePhi", "-5", "PhiLePhi"), ("PhiLePhi", "50 000", nil),
        // One separator character: two spaces leave an empty group; a tab or a no-break space is no space.
        ("PhiLePhi", "50  000", "PhiLePhi"), ("PhiLePhi", "50\t000", "PhiLePhi"), ("PhiLePhi", "50\u{00A0}000", "PhiLePhi"),
        // At the ends a no-break space is trimmed as any white space: an amount, or nothing stated.
        ("PhiLePhi", "\u{00A0}50.000\u{00A0}", nil), ("PhiLePhi", "\u{00A0}", nil),
        ("SoLanBoSung", "01", nil), ("SoLanBoSung", "1.5", "SoLanBoSung"),
        ("DanhGiaHaiLong", "Chấp nhận được", nil), ("DanhGiaHaiLong", "0", "DanhGiaHaiLong"),
        ("LuanChuyen", "Bản giấy", nil), ("LuanChuyen", "3", "LuanChuyen"),
        ("NgayXinLoi", "31/02/2024", "NgayXinLoi"), ("Xác thực VNeID", "có", nil), ("Xác thực VNeID", "maybe", "TaiKhoanDuocXacThucVoiVNeID"),
        // A cell of Unicode white space only is empty: not rated, not moved, no supplement.
        ("DanhGiaHaiLong", "\u{00A0}", nil), ("LuanChuyen", "\u{2003}", nil), ("SoLanBoSung", "\u{3000}", nil),
        ("SoLanBoSung", "2\u{00A0}", nil), ("DanhGiaHaiLong", "\u{202F}1\u{2009}", nil), ("LuanChuyen", "\u{00A0}3", "LuanChuyen"),
    ] as [(String, String, String?)])
    func values(column: String, value: String, rejectedFor: String?) throws {
        let text = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo,\(column)\nH1,UBND xã A,1,01/05/2024,4,\"\(value)\"\n"
        let dir = try TempDir()
        let file = try dir.write("x.csv", text)
        let reader = try ExportReader(path: file.path, units: UnitRegistry())
        let row = try #require(try reader.next())
        #expect(row.reject?.field == rejectedFor, "\(column)=\(value): \(String(describing: row.reject))")
    }
}
