import TestSupport
import Ingest
import Testing
@testable import KPIMetrics

/// The column table against kpi-rules.md, and the counts against the classes they are summed from.
@Suite struct KPIColumnsTests {
    /// kpi-rules.md, "The KPI table (machine form)", without period and unit.
    @Test func publishedColumnsAreTheSpecsInItsOrder() {
        #expect(KPIColumn.published.map(\.name) == [
            "carried_over", "received_new", "received_online", "received_direct", "received_postal", "resolved",
            "resolved_early", "resolved_on_time", "resolved_late", "resolved_without_result", "pending",
            "pending_overdue", "on_time_rate", "progress_rate", "online_rate", "digitised_dossier_rate",
            "digitised_result_rate", "below_target",
        ])
        #expect(Set(CountColumn.allCases.map(\.name)).count == CountColumn.count, "machine names are unique")
    }

    @Test func onlyPublishedColumnsAreFoundByName() {
        #expect(CountColumn(name: "resolved_late") == .resolvedLate)
        #expect(CountColumn(name: "received_digitised") == nil, "a rate's numerator is no column of the table")
        #expect(CountColumn(name: "on_time_rate") == nil)
    }

    /// Each count of a row is the number of its dossiers whose class holds the column: the table
    /// and `explain` list the same dossiers.
    @Test func everyCountIsTheDossiersOfItsClass() {
        var random = SplitMix64(seed: 9)
        let statuses: [Status] = [.registered, .accepted, .processing, .awaitingSupplement, .withdrawn, .stopped,
                                  .processed, .returned]
        let dossiers = (0..<400).map { _ -> Dossier in
            let received = moment(2022, 11 + Int(random.next() % 2), 1 + Int(random.next() % 28)) + Int(random.next() % 150)
            let status = statuses[Int(random.next() % UInt64(statuses.count))]
            return dossier(status, unit: Int32(random.next() % 3), received: received,
                           due: random.next() % 4 == 0 ? nil : received + Int(random.next() % 40),
                           finished: status.isFinished ? received + Int(random.next() % 60) : nil,
                           channel: [.online, .direct, .postal][Int(random.next() % 3)],
                           digitisedDossier: random.next() % 2 == 0, digitisedResult: random.next() % 2 == 0)
        }
        let table = KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: dossiers,
                             unitNames: [UnitID(rawValue: 0): "A", UnitID(rawValue: 1): "B", UnitID(rawValue: 2): "C"])
        for row in table.rows {
            let mine = dossiers.filter { ["A", "B", "C"][Int($0.unit.rawValue)] == row.name }
            for column in CountColumn.allCases {
                let expected = mine.filter { DossierClass($0, in: q1).contains(column) }.count
                #expect(row.counts[column] == expected, "\(row.label) \(column.name)")
            }
            #expect(row.counts.balances)
        }
        for column in CountColumn.allCases {
            #expect(table.total[column] == table.rows.reduce(0) { $0 + $1.counts[column] })
        }
    }

    /// kpi-rules.md's formulas, on counts set by hand.
    @Test func ratesAreTheSpecsFractions() {
        var c = KPICounts()
        for (column, value) in [(CountColumn.carriedOver, 3), (.receivedNew, 9), (.receivedOnline, 4), (.resolved, 8),
                                (.resolvedEarly, 2), (.resolvedOnTime, 5), (.resolvedLate, 1), (.resolvedWithoutResult, 2),
                                (.pending, 4), (.pendingOverdue, 1), (.receivedDigitised, 6), (.resolvedWithDigitalResult, 3)] {
            c[column] = value
        }
        #expect(c.rate(.onTime) == Percentage(7, of: 8))
        #expect(c.rate(.progress) == Percentage(2 + 5 + 4 - 1, of: 3 + 9))
        #expect(c.rate(.online) == Percentage(4, of: 9))
        #expect(c.rate(.digitisedDossier) == Percentage(6, of: 9))
        #expect(c.rate(.digitisedResult) == Percentage(3, of: 8 - 2))
        #expect(c.value(.belowTarget, target: .onTimeDefault) == .flag(true))
        #expect(KPICounts().value(.rate(.onTime), target: .onTimeDefault) == .rate(nil))
        #expect(KPICounts().value(.belowTarget, target: .onTimeDefault) == .flag(nil))
    }

    @Test func aClassIsASetOfColumns() {
        var c: DossierClass = [.receivedNew, .pending]
        #expect(c.columns == [.receivedNew, .pending])
        c.insert(.resolvedWithDigitalResult)
        #expect(c.contains(.resolvedWithDigitalResult) && !c.contains(.resolved))
        var counts = KPICounts()
        counts.add(c)
        counts.add(c)
        #expect(CountColumn.allCases.map { counts[$0] } == CountColumn.allCases.map { c.contains($0) ? 2 : 0 })
    }

    /// By field: named fields in code-point order, then the dossiers without one (however many
    /// ids lack a name), never mixed with a field that happens to be called alike.
    @Test func dossiersWithoutAFieldComeLast() {
        func d(_ field: Int32) -> Dossier {
            Dossier(unit: UnitID(rawValue: 0), channel: .direct, status: .processing, received: moment(2023, 1, 5), due: nil,
                    finished: nil, digitisedDossier: false, digitisedResult: false, source: SourceLine(file: 0, line: 0),
                    field: FieldID(rawValue: field))
        }
        let table = KPITable(period: Period(year: 2023, span: .quarter(1)), dossiers: [d(-1), d(0), d(1), d(2), d(-1)],
                             unitNames: [UnitID(rawValue: 0): "X"], grouping: .field,
                             fieldNames: [FieldID(rawValue: 0): "Đất đai", FieldID(rawValue: 1): "(không rõ lĩnh vực)"])
        #expect(table.rows.map(\.label) == [.named("(không rõ lĩnh vực)"), .named("Đất đai"), .noField])
        #expect(table.rows.last?.counts[.receivedNew] == 3)
        #expect(table.total[.receivedNew] == 5)
    }
}

/// `days` days later.
private func + (moment: LocalMoment, days: Int) -> LocalMoment {
    LocalMoment(seconds: moment.seconds + Int64(days) * 86_400)
}
