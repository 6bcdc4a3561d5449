import Ingest

extension WorkingCalendar {
    /// The deadline of a dossier received at `received` with a time limit of `limit` working
    /// days (catalogue.md, "Deadlines in working days"):
    ///
    /// - the same time of day, `limit` working days later;
    /// - received on a day that is not a working day, counting starts at 00:00 of the next
    ///   working day (a Saturday 10:00 reception with one day is due Tuesday 00:00);
    /// - `limit` 0: 23:59:59 of that working day (the day itself, or the next working day);
    /// - a moment on a working day stays where it is whatever the hour: office hours play no
    ///   part, and the night between two working days moves nothing.
    ///
    /// Nil when the reception or the deadline falls outside ``years``, or `limit` is negative.
    public func deadline(received: LocalMoment, limit: Int) -> LocalMoment? {
        guard limit >= 0, let i = index(of: CivilDay(received)) else { return nil }
        let startsNow = isWorking(index: i)
        let startRank = Int(rank[i])  // the reception day's rank, or the next working day's
        let timeOfDay = startsNow ? received.seconds - (firstDay + Int64(i)) * 86_400 : 0
        // A limit beyond the table (a catalogue's 99999999999) must not overflow.
        guard limit < workingDays.count, startRank + limit < workingDays.count else { return nil }
        let target = startRank + limit
        let day = firstDay + Int64(workingDays[target])
        if limit == 0 { return CivilDay(day).lastSecond }
        return LocalMoment(seconds: day * 86_400 + timeOfDay)
    }

    /// The working time from `start` to `end`: the seconds between them that lie in working
    /// days, as an exact number of days (a partial day counts as the fraction of its 24 hours
    /// that lies in working days). Negative when `end` is before `start`; nil when either lies
    /// outside ``years``.
    public func workingTime(from start: LocalMoment, to end: LocalMoment) -> WorkingTime? {
        guard let a = workingSeconds(before: start), let b = workingSeconds(before: end) else { return nil }
        return WorkingTime(seconds: b - a)
    }

    /// Working days from `from` to `to`, counting `to` and not `from` (Friday to the next
    /// Monday: 1). Nil outside ``years``.
    public func workingDays(from: CivilDay, to: CivilDay) -> Int? {
        guard let a = index(of: from), let b = index(of: to) else { return nil }
        return Int(rank[b + 1]) - Int(rank[a + 1])
    }

    /// Seconds of working days from the table's first day up to `moment`.
    private func workingSeconds(before moment: LocalMoment) -> Int64? {
        guard let i = index(of: CivilDay(moment)) else { return nil }
        let intoDay = isWorking(index: i) ? moment.seconds - (firstDay + Int64(i)) * 86_400 : 0
        return Int64(rank[i]) * 86_400 + intoDay
    }
}

/// A length of working time, exact: whole seconds, shown as a fraction of 24-hour days.
public struct WorkingTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static let secondsPerDay: Int64 = 86_400

    /// In days, as a reduced fraction: 129,600 seconds are 3/2.
    public var days: (numerator: Int64, denominator: Int64) {
        let divisor = gcd(seconds.magnitude, UInt64(Self.secondsPerDay))
        return (seconds / Int64(divisor), Self.secondsPerDay / Int64(divisor))
    }

    /// `3/2`, or `2` for whole days.
    public var description: String {
        let (n, d) = days
        return d == 1 ? "\(n)" : "\(n)/\(d)"
    }

    public static func < (lhs: WorkingTime, rhs: WorkingTime) -> Bool { lhs.seconds < rhs.seconds }
}

private func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
