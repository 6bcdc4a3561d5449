import Testing
@testable import Ingest

/// The dossier's 40 bytes: every field reads back what was set, at its extremes, and setting one
/// never disturbs another (fields run on from one word into the next).
@Suite struct DossierLayoutTests {
    /// What a dossier holds, kept plainly: the model the packed form is compared with.
    struct Model: Equatable {
        var unit: Int32 = 0, field: Int32 = -1, spelling: Int32 = -1, procedure: Int32 = -1
        var file: Int32 = 0, line: Int32 = 1
        var channel = Channel.direct, status = Status.registered
        var digitisedDossier = false, digitisedResult = false
        var received = LocalMoment(seconds: 0), due: LocalMoment?, finished: LocalMoment?
        var serviceBits: UInt32 = 0, apologyDay = Int32.min

        init() {}

        init(_ d: Dossier) {
            unit = d.unit.rawValue; field = d.field.rawValue; spelling = d.unitSpelling.rawValue
            procedure = d.procedure.rawValue; file = d.source.file; line = d.source.line
            channel = d.channel; status = d.status
            digitisedDossier = d.digitisedDossier; digitisedResult = d.digitisedResult
            received = d.received; due = d.due; finished = d.finished
            serviceBits = d.service.bits; apologyDay = d.service.packedApologyDay
        }
    }

    /// SplitMix64: the same sequence on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let lastID = Int32(Dossier.idLimit - 1)
    static let ids: [Int32] = [-1, 0, 1, 0x2A_AAAA, lastID - 1, lastID]
    static let lines: [Int32] = [0, 1, 2, 0x5555_5555, Int32.max]
    /// 0001-01-01 00:00:00 and 9999-12-31 23:59:59, local.
    static let moments: [LocalMoment] = [LocalMoment(seconds: -62_135_596_800), LocalMoment(seconds: -1), LocalMoment(seconds: 0),
                                         LocalMoment(seconds: 1_700_000_000), LocalMoment(seconds: 253_402_300_799)]
    static let apologyDays: [Int32] = [Int32.min, -719_163, -719_162, -1, 0, 19_500, 2_932_896, 2_932_897]

    private func dossier(_ m: Model) -> Dossier {
        Dossier(unit: UnitID(rawValue: m.unit), channel: m.channel, status: m.status, received: m.received, due: m.due,
                finished: m.finished, digitisedDossier: m.digitisedDossier, digitisedResult: m.digitisedResult,
                source: SourceLine(file: m.file, line: m.line), field: FieldID(rawValue: m.field),
                unitSpelling: UnitRegistry.SpellingID(rawValue: m.spelling), procedure: ProcedureID(rawValue: m.procedure),
                service: ServiceFacts(bits: m.serviceBits, apologyDay: m.apologyDay))
    }

    @Test func isFortyBytes() {
        #expect(MemoryLayout<Dossier>.size == 40)
        #expect(MemoryLayout<Dossier>.stride == 40)
    }

    /// A batch's rows are plain bytes (no reference to count), so that handing rows between
    /// threads copies them as such; so is a row's facts, the dossier with them.
    @Test func aBatchRowIsPlainBytes() {
        #expect(_isPOD(Dossier.self))
        #expect(_isPOD(RowFacts.self))
        #expect(_isPOD(RowBatch.Row.self))
        #expect(!_isPOD(ExportRow.Outcome.self), "a reject holds strings: the batch keeps it aside")
    }

    @Test func everyFieldAtItsExtremesReadsBack() {
        for id in Self.ids {
            var m = Model()
            (m.unit, m.field, m.spelling, m.procedure, m.file) = (id, Self.lastID - 1, id, -1, id)
            #expect(Model(dossier(m)) == m)
            (m.unit, m.field, m.spelling, m.procedure, m.file) = (-1, id, Self.lastID, id, 0)
            #expect(Model(dossier(m)) == m)
        }
        for line in Self.lines {
            var m = Model()
            m.line = line
            m.file = Self.lastID
            #expect(Model(dossier(m)) == m)
        }
        for day in Self.apologyDays {
            var m = Model()
            m.apologyDay = day
            m.serviceBits = 0xFF_FFFF
            #expect(Model(dossier(m)) == m)
        }
        for received in Self.moments {
            for finished in [nil] + Self.moments {
                var m = Model()
                (m.received, m.due, m.finished) = (received, finished, finished)
                m.status = .returned
                m.channel = .postal
                m.digitisedResult = true
                #expect(Model(dossier(m)) == m)
            }
        }
    }

    /// Beyond the ids a dossier can name: the last one (readers refuse a run before that).
    @Test func idsPastTheLimitReadAsTheLast() {
        var m = Model()
        (m.unit, m.procedure, m.file) = (Int32(Dossier.idLimit), Int32.max, Int32(Dossier.idLimit) + 5)
        let read = Model(dossier(m))
        #expect(read.unit == Self.lastID && read.procedure == Self.lastID && read.file == Self.lastID)
        #expect(read.field == -1 && read.spelling == -1 && read.line == 1)
    }

    /// A day past the four-digit years and the day either side is kept as the nearest of them.
    @Test func apologyDaysOutsideTheYearsAreClamped() {
        var m = Model()
        m.apologyDay = -800_000
        #expect(Model(dossier(m)).apologyDay == -719_163)
        m.apologyDay = Int32.max
        #expect(Model(dossier(m)).apologyDay == 2_932_897)
    }

    /// 9999-12-31T23:30:00-12:00 is 10000-01-01 in Vietnam: its day is kept as read.
    @Test func anApologyMovedPastTheYearsByItsOffsetIsKept() throws {
        let day = try DateValue.parse("9999-12-31T23:30:00-12:00", role: .moment).get().moment.day
        #expect(day == 2_932_897)
        var m = Model()
        m.apologyDay = Int32(day)
        #expect(Model(dossier(m)).apologyDay == 2_932_897)
    }

    /// Random values set in a random order, one field at a time: every field always reads what
    /// the model holds.
    @Test func settingOneFieldLeavesTheOthers() {
        var random = Seeded(state: 14)
        var m = Model()
        var d = dossier(m)
        func id() -> Int32 { Self.ids.randomElement(using: &random) ?? 0 }
        func moment() -> LocalMoment { Self.moments.randomElement(using: &random) ?? LocalMoment(seconds: 0) }
        for _ in 0..<20_000 {
            switch Int.random(in: 0..<14, using: &random) {
            case 0: m.unit = id(); d.unit = UnitID(rawValue: m.unit)
            case 1: m.field = id(); d.field = FieldID(rawValue: m.field)
            case 2: m.spelling = id(); d.unitSpelling = UnitRegistry.SpellingID(rawValue: m.spelling)
            case 3: m.procedure = id(); d.procedure = ProcedureID(rawValue: m.procedure)
            case 4: m.file = max(0, id()); d.source.file = m.file
            case 5: m.line = Self.lines.randomElement(using: &random) ?? 1; d.source.line = m.line
            case 6: m.channel = Channel(rawValue: UInt8.random(in: 1...3, using: &random)) ?? .direct; d.channel = m.channel
            case 7: m.status = Status(rawValue: UInt8.random(in: 1...10, using: &random)) ?? .registered; d.status = m.status
            case 8: m.digitisedDossier.toggle(); d.digitisedDossier = m.digitisedDossier
            case 9: m.digitisedResult.toggle(); d.digitisedResult = m.digitisedResult
            case 10: m.received = moment(); d.received = m.received
            case 11: m.due = Bool.random(using: &random) ? nil : moment(); d.due = m.due
            case 12: m.finished = Bool.random(using: &random) ? nil : moment(); d.finished = m.finished
            default:
                m.serviceBits = UInt32.random(in: 0...0xFF_FFFF, using: &random)
                m.apologyDay = Self.apologyDays.randomElement(using: &random) ?? Int32.min
                d.service = ServiceFacts(bits: m.serviceBits, apologyDay: m.apologyDay)
            }
            guard Model(d) == m else {
                Issue.record("after a change: \(Model(d)) is not \(m)")
                return
            }
        }
        #expect(d == dossier(m), "equal dossiers compare equal")
    }
}
