import TestSupport
import Ingest
import Testing
import WorkingDays
@testable import KPIMetrics

/// `--fill-deadlines` and the working-time figures of the lists, on dossiers built by hand
/// around Tết 2024 (Thu 08/02 – Wed 14/02 off) and the swapped Saturday 04/05/2024.
@Suite struct DeadlineRulesTests {
    static let calendar: WorkingCalendar = {
        do { return try WorkingCalendar() } catch { preconditionFailure("the shipped calendar does not load: \(error)") }
    }()

    /// The catalogue's entries for procedures 0, 1 (and 2, missing from it) of `text`.
    static func entries(_ text: String) throws -> [CatalogueEntry?] {
        try Catalogue(path: temporaryFile(text, name: "danh-muc.csv")).entries(for: ["1.001612", "2.000815", "9.999999"])
    }

    /// Procedure 0 has 2 working days, procedure 1 none.
    let rules: DeadlineRules

    init() throws {
        rules = DeadlineRules(calendar: Self.calendar,
                              catalogue: try Self.entries("MaTTHC,TenTTHC,ThoiHanGiaiQuyet\n1.001612,Khai sinh,2\n2.000815,Chứng thực,\n"))
    }

    func withProcedure(_ d: Dossier, _ id: Int32) -> Dossier {
        var d = d
        d.procedure = ProcedureID(rawValue: id)
        return d
    }

    @Test func fillsOnlyCountedDossiersWithoutADueDateWhoseProcedureHasALimit() {
        var table = DossierTable()
        let received = moment(2024, 2, 7, 10)  // Wed before Tết: Thu 15/02, Fri 16/02 → due Fri 16/02 10:00
        let cases: [(String, Dossier)] = [
            ("fill", withProcedure(dossier(.processing, received: received), 0)),
            ("kept", withProcedure(dossier(.processing, received: received, due: moment(2024, 2, 9, 17)), 0)),
            ("status1", withProcedure(dossier(.registered, received: received), 0)),
            ("status3", withProcedure(dossier(.notAccepted, received: received), 0)),
            ("nolimit", withProcedure(dossier(.processing, received: received), 1)),
            ("noprocedure", dossier(.processing, received: received)),
            ("missing", withProcedure(dossier(.processing, received: received), 2)),
        ]
        for (code, d) in cases {
            var bytes = Array(code.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { table.upsert(code: UnsafeBufferPointer($0), d) }
        }
        #expect(rules.fill(&table) == 1)
        #expect(table.dossier(code: "fill")?.due == moment(2024, 2, 16, 10))
        #expect(table.dossier(code: "kept")?.due == moment(2024, 2, 9, 17))
        for code in ["status1", "status3", "nolimit", "noprocedure", "missing"] { #expect(table.dossier(code: code)?.due == nil, "\(code)") }
    }

    @Test func aFilledDeadlineChangesTheClassExactlyAsTheDueDateWould() {
        // Received Fri 26/04 08:00 with 2 days: Mon 29/04, 30/04, 01/05 off → Thu 02/05, Fri 03/05 08:00.
        let bounds = Period(year: 2024, span: .quarter(2)).bounds(.decree09)
        var table = DossierTable()
        let d = withProcedure(dossier(.returned, received: moment(2024, 4, 26, 8), finished: moment(2024, 5, 3, 9)), 0)
        var code = Array("x".utf8)
        _ = code.withUnsafeMutableBufferPointer { table.upsert(code: UnsafeBufferPointer($0), d) }
        #expect(DossierClass(table.dossiers[0], in: bounds).contains(.resolvedOnTime))
        rules.fill(&table)
        #expect(table.dossiers[0].due == moment(2024, 5, 3, 8))
        let late = DossierClass(table.dossiers[0], in: bounds)
        #expect(late.contains(.resolvedLate))
        let list = LateList(dossiers: table.dossiers, bounds: bounds, rules: rules)
        #expect(list.entries.map { $0.late.seconds } == [3600])
    }

    @Test func hundredthsRoundHalfUpFromTheExactSeconds() {
        #expect(WorkingTime(seconds: 54_000).hundredths == 63)  // 0.625 → 0.63
        #expect(WorkingTime(seconds: 1).hundredths == 0)
        #expect(WorkingTime(seconds: 431).hundredths == 0)  // 0.00499 days
        #expect(WorkingTime(seconds: 432).hundredths == 1)  // exactly 0.005
        #expect(WorkingTime(seconds: 86_400 * 3).hundredths == 300)
        // An average from the exact sum: 51/8 days = 6.375 → 6.38, 3 dossiers of 1 day + 1 s → 1.00.
        #expect(WorkingTime.hundredths(seconds: 86_400 * 51, of: 8) == 638)
        #expect(WorkingTime.hundredths(seconds: 86_400 * 3 + 1, of: 3) == 100)
    }

    @Test func workingTimeIsZeroWhenTheEndIsNotAfterTheStart() {
        #expect(rules.workingTime(from: moment(2024, 5, 15, 10), to: moment(2024, 5, 15)).seconds == 0)
        // Across Tết: Wed 07/02 12:00 to Thu 15/02 12:00 is half a day + half a day.
        #expect(rules.workingTime(from: moment(2024, 2, 7, 12), to: moment(2024, 2, 15, 12)).seconds == 86_400)
    }

    @Test func aLimitTooLargeForTheCalendarHasNoDeadline() throws {
        let huge = DeadlineRules(calendar: Self.calendar,
                                 catalogue: try Self.entries("MaTTHC,ThoiHanGiaiQuyet\n1.001612,99999999999999999999\n"))
        #expect(huge.allowedDue(withProcedure(dossier(.processing, received: moment(2024, 2, 7, 10)), 0)) == nil)
    }
}
