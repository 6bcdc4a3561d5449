import Ingest
import Testing

/// A dossier's moments, packed 40 bits each: every moment an export can write comes back as it
/// went in, each of the three apart from the others, and "none" stays none.
@Suite struct DossierTests {
    /// The first and last seconds of the years an export can write (0001–9999), 1970's first,
    /// and ordinary moments either side of it.
    static let moments: [LocalMoment] = [
        LocalMoment(year: 1, month: 1, day: 1)!,
        LocalMoment(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)!,
        LocalMoment(year: 1970, month: 1, day: 1)!,
        LocalMoment(seconds: -1),
        LocalMoment(year: 1969, month: 12, day: 31, hour: 12)!,
        LocalMoment(year: 2024, month: 2, day: 29, hour: 16, minute: 30, second: 7)!,
    ]

    static func dossier(received: LocalMoment, due: LocalMoment?, finished: LocalMoment?) -> Dossier {
        Dossier(unit: UnitID(rawValue: 7), channel: .online, status: .returned, received: received, due: due,
                finished: finished, digitisedDossier: true, digitisedResult: true, source: SourceLine(file: 2, line: 41))
    }

    @Test(arguments: moments)
    func everyMomentOfAFourDigitYearRoundTrips(moment: LocalMoment) {
        for other in Self.moments {
            let d = Self.dossier(received: moment, due: other, finished: nil)
            #expect(d.received == moment && d.due == other && d.finished == nil)
            let e = Self.dossier(received: other, due: nil, finished: moment)
            #expect(e.received == other && e.due == nil && e.finished == moment)
            let f = Self.dossier(received: moment, due: moment, finished: other)
            #expect(f.received == moment && f.due == moment && f.finished == other)
        }
    }

    @Test func settingOneMomentLeavesTheOthers() {
        let (a, b, c) = (Self.moments[0], Self.moments[1], Self.moments[5])
        var d = Self.dossier(received: a, due: b, finished: c)
        d.finished = a
        #expect(d.received == a && d.due == b && d.finished == a)
        d.due = nil
        #expect(d.received == a && d.due == nil && d.finished == a)
        d.received = b
        #expect(d.received == b && d.due == nil && d.finished == a)
        d.finished = nil
        d.due = c
        #expect(d.received == b && d.due == c && d.finished == nil)
        // The other facts share no bits with the moments.
        #expect(d.unit == UnitID(rawValue: 7) && d.channel == .online && d.status == .returned)
        #expect(d.source == SourceLine(file: 2, line: 41) && d.digitisedDossier && d.digitisedResult)
    }

    @Test func aMomentBeyondFortyBitsIsClampedNotWrapped() {
        let far = LocalMoment(seconds: 1 << 45)
        let d = Self.dossier(received: LocalMoment(seconds: -(1 << 45)), due: far, finished: far)
        #expect(d.received.seconds == -(1 << 39) + 1)
        #expect(d.due?.seconds == (1 << 39) - 1 && d.finished?.seconds == (1 << 39) - 1)
        #expect(d.received < Self.moments[0] && d.due.map { $0 > Self.moments[1] } == true)
    }
}
