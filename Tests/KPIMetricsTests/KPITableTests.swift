import TestSupport
import Ingest
import Testing
@testable import KPIMetrics

/// A whole table on a hand-checked set of dossiers, 2023-Q1 decree 09 (15/12/2022 – 14/03/2023).
///
/// Unit 0 "UBND xã B" (10 dossiers):
///   b1 carried over (recv 01/12/2022), returned 10/01/2023, due 12/01 → early
///   b2 new online digitised, processed 20/01 15:00, due 20/01 17:00 → on time, digital result
///   b3 new direct, returned 25/01 18:00, due 25/01 17:00 → late
///   b4 new postal, withdrawn 01/02 → resolved without result, on time (no due)
///   b5 new online, processing, due 01/03 → pending overdue
///   b6 new direct, awaiting supplement, due 01/03 → pending, not overdue
///   b7 carried over (recv 10/12/2022), processing, no due → pending
///   b8 registered (1) → nothing;  b9 finished 14/12/2022 → nothing
///   b10 new direct digitised, stopped 14/03 23:00, due 13/03 → late, without result
/// Unit 1 "Phòng A" (1 dossier): a1 new online digitised, returned early with digital result.
///
/// By hand, unit B: carried 2 (b1, b7); new 6 (b2 b3 b4 b5 b6 b10); online 2, direct 3, postal 1;
/// resolved 5 (b1 b2 b3 b4 b10): early 1, on time 2 (b2, b4), late 2; without result 2;
/// pending 3 (b5 b6 b7), overdue 1 (b5). 2 + 6 = 5 + 3.
/// on_time = 3/5 = 60.00; progress = (3 + 3 − 1)/8 = 62.50; online = 2/6 = 33.33;
/// digitised dossiers = 2/6 (b2, b10) = 33.33; digitised results = 1 (b2) / (5 − 2) = 33.33.
/// Unit A: new 1, resolved 1 early: all rates 100.00, below target false.
/// TOTAL: carried 2, new 7, online 3, direct 3, postal 1, resolved 6, early 2, on time 2, late 2,
/// without 2, pending 3, overdue 1; on_time 4/6 = 66.67; progress (4+3−1)/9 = 66.67;
/// online 3/7 = 42.86; digitised 3/7 = 42.86; results 2/4 = 50.00.
@Suite struct KPITableTests {
    let table: KPITable = {
        let b: Int32 = 0, a: Int32 = 1
        let dossiers = [
            dossier(.returned, unit: b, received: moment(2022, 12, 1), due: moment(2023, 1, 12), finished: moment(2023, 1, 10)),
            dossier(.processed, unit: b, received: moment(2023, 1, 2), due: moment(2023, 1, 20, 17), finished: moment(2023, 1, 20, 15),
                    channel: .online, digitisedDossier: true, digitisedResult: true),
            dossier(.returned, unit: b, received: moment(2023, 1, 3), due: moment(2023, 1, 25, 17), finished: moment(2023, 1, 25, 18)),
            dossier(.withdrawn, unit: b, received: moment(2023, 1, 4), finished: moment(2023, 2, 1), channel: .postal),
            dossier(.processing, unit: b, received: moment(2023, 2, 1), due: moment(2023, 3, 1), channel: .online),
            dossier(.awaitingSupplement, unit: b, received: moment(2023, 2, 2), due: moment(2023, 3, 1)),
            dossier(.processing, unit: b, received: moment(2022, 12, 10)),
            dossier(.registered, unit: b, received: moment(2023, 2, 3)),
            dossier(.returned, unit: b, received: moment(2022, 12, 1), finished: moment(2022, 12, 14)),
            dossier(.stopped, unit: b, received: moment(2023, 3, 1), due: moment(2023, 3, 13), finished: moment(2023, 3, 14, 23), digitisedDossier: true),
            dossier(.returned, unit: a, received: moment(2023, 2, 1), due: moment(2023, 2, 10), finished: moment(2023, 2, 5),
                    channel: .online, digitisedDossier: true, digitisedResult: true),
            // A unit with nothing in the period does not appear.
            dossier(.returned, unit: 2, received: moment(2023, 5, 1), finished: moment(2023, 5, 2)),
        ]
        return KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: dossiers,
                        unitNames: [UnitID(rawValue: b): "UBND xã B", UnitID(rawValue: a): "Phòng A",
                                    UnitID(rawValue: 2): "Phòng C"])
    }()

    @Test func unitsInCodePointOrderWithoutEmptyOnes() {
        #expect(table.rows.map(\.label) == [.named("Phòng A"), .named("UBND xã B")])
    }

    @Test func handCheckedCounts() throws {
        let b = try #require(table.rows.last?.counts)
        #expect(b.counts(.carriedOver, .receivedNew, .receivedOnline, .receivedDirect, .receivedPostal) == [2, 6, 2, 3, 1])
        #expect(b.counts(.resolved, .resolvedEarly, .resolvedOnTime, .resolvedLate, .resolvedWithoutResult) == [5, 1, 2, 2, 2])
        #expect(b.counts(.pending, .pendingOverdue) == [3, 1])
        #expect(b.onTimeRate?.formatted == "60.00")
        #expect(b.rate(.progress)?.formatted == "62.50")
        #expect(b.rate(.online)?.formatted == "33.33")
        #expect(b.rate(.digitisedDossier)?.formatted == "33.33")
        #expect(b.rate(.digitisedResult)?.formatted == "33.33")
        #expect(b.isBelow(.onTimeDefault) == true)
        #expect(table.flaggedRows.map(\.label) == [.named("UBND xã B")])
    }

    @Test func handCheckedTotal() {
        let t = table.total
        #expect(t.counts(.carriedOver, .receivedNew, .receivedOnline, .receivedDirect, .receivedPostal) == [2, 7, 3, 3, 1])
        #expect(t.counts(.resolved, .resolvedEarly, .resolvedOnTime, .resolvedLate, .resolvedWithoutResult) == [6, 2, 2, 2, 2])
        #expect(t.counts(.pending, .pendingOverdue) == [3, 1])
        #expect(t.rates.map { $0?.formatted } == ["66.67", "66.67", "42.86", "42.86", "50.00"])
    }

    @Test func theIdentityHoldsOnEveryRow() {
        for row in table.allRows {
            #expect(row.counts.balances, "\(row.label)")
            let c = row.counts
            #expect(c[.resolved] == c[.resolvedEarly] + c[.resolvedOnTime] + c[.resolvedLate])
            #expect(c[.receivedNew] == c[.receivedOnline] + c[.receivedDirect] + c[.receivedPostal])
        }
    }

    @Test func nothingResolvedMeansNoFlagAndNoRate() {
        let t = KPITable(period: Period(year: 2023, span: .quarter(1)),
                         dossiers: [dossier(.processing, received: moment(2023, 1, 5))],
                         unitNames: [UnitID(rawValue: 0): "X"])
        #expect(t.rows.first?.counts.onTimeRate == nil)
        #expect(t.rows.first?.counts.isBelow(.onTimeDefault) == nil)
        #expect(t.flaggedRows.isEmpty)
    }
}

extension KPICounts {
    var rates: [Percentage?] { RateColumn.allCases.map(rate) }

    func counts(_ columns: CountColumn...) -> [Int] { columns.map { self[$0] } }
}
