import Ingest
import WorkingDays

/// The catalogue's time limits counted on the civil servants' calendar (catalogue.md,
/// "Deadlines in working days"): what `--fill-deadlines`, the deadline audit and the lists'
/// working time are computed with.
public struct DeadlineRules: Sendable {
    public let calendar: WorkingCalendar
    /// The time limit of each procedure, by ``ProcedureID`` (nil: none, or not in the catalogue).
    private let limits: [Int?]

    /// `catalogue`: the catalogue's entry of each procedure, by ``ProcedureID`` (empty: no
    /// catalogue, so no limit).
    public init(calendar: WorkingCalendar, catalogue: [CatalogueEntry?] = []) {
        self.calendar = calendar
        limits = catalogue.map { $0?.timeLimit }
    }

    /// The procedure's time limit in working days, if the catalogue gives one.
    public func limit(of procedure: ProcedureID) -> Int? {
        let i = Int(procedure.rawValue)
        return i >= 0 && i < limits.count ? limits[i] : nil
    }

    /// The deadline the catalogue allows a dossier: its reception plus its procedure's limit,
    /// or nil when there is no limit (or the days fall outside the calendar).
    public func allowedDue(_ dossier: Dossier) -> LocalMoment? {
        limit(of: dossier.procedure).flatMap { calendar.deadline(received: dossier.received, limit: $0) }
    }

    /// `--fill-deadlines`: a counted dossier (not status 1 or 3) without NgayHenTra takes the
    /// deadline its procedure allows. Returns how many were filled.
    @discardableResult
    public func fill(_ table: inout DossierTable) -> Int {
        var filled = 0
        table.updateEach { dossier in
            guard dossier.due == nil, dossier.status.isCounted, let due = allowedDue(dossier) else { return }
            dossier.due = due
            filled += 1
        }
        return filled
    }

    /// The working time from `start` to `end`, or zero when `end` is not after `start` (a
    /// date-only finish on the day of a reception with a time) or outside the calendar.
    public func workingTime(from start: LocalMoment, to end: LocalMoment) -> WorkingTime {
        guard end > start, let time = calendar.workingTime(from: start, to: end) else { return WorkingTime(seconds: 0) }
        return WorkingTime(seconds: max(0, time.seconds))
    }
}

extension WorkingTime {
    /// Hundredths of a day, rounded half up from the exact seconds (`0.625` days → 63): how
    /// every list writes working days.
    public var hundredths: Int64 { Self.hundredths(seconds: seconds, of: 1) }

    /// `seconds ÷ count` in hundredths of a day, rounded half up from the exact fraction (an
    /// average written from the exact sum, not from rounded parts).
    public static func hundredths(seconds: Int64, of count: Int64) -> Int64 {
        let denominator = secondsPerDay * max(count, 1)
        return (seconds * 200 + denominator) / (2 * denominator)
    }
}
