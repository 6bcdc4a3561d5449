/// A dossier's state as the KPI rules need it: one accepted row, reduced to the facts the
/// figures use. Personal data never gets this far.
public struct Dossier: Sendable, Equatable {
    public var unit: UnitID
    public var channel: Channel
    public var status: Status
    public var received: LocalMoment
    /// The binding deadline (a date-only deadline is the end of its day).
    public var due: LocalMoment?
    /// NgayKetThucXuLy, or NgayTra when that is empty. Only finished statuses use it.
    public var finished: LocalMoment?
    public var digitisedDossier: Bool
    public var digitisedResult: Bool
    /// Which input and line this state came from.
    public var source: SourceLine

    public init(unit: UnitID, channel: Channel, status: Status, received: LocalMoment, due: LocalMoment?,
                finished: LocalMoment?, digitisedDossier: Bool, digitisedResult: Bool, source: SourceLine) {
        self.unit = unit
        self.channel = channel
        self.status = status
        self.received = received
        self.due = due
        self.finished = finished
        self.digitisedDossier = digitisedDossier
        self.digitisedResult = digitisedResult
        self.source = source
    }
}

/// A line of one input: the input's index in the run, and the 1-based line.
public struct SourceLine: Hashable, Sendable {
    public var file: Int32
    public var line: Int32

    public init(file: Int32, line: Int32) {
        self.file = file
        self.line = line
    }
}

/// A unit (phòng, ban, UBND xã), interned: all spellings that normalise alike share one id.
public struct UnitID: Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
