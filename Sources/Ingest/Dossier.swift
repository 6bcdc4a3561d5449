/// A dossier's state as the KPI rules need it: one accepted row, reduced to the facts the
/// figures use. Personal data never gets this far.
///
/// Stored compactly (48 bytes): a run holds one of these per dossier, a million of them for a
/// province's year, so optional moments are kept as a sentinel rather than as `Optional`s.
public struct Dossier: Sendable, Equatable {
    public var received: LocalMoment
    private var dueSeconds: Int64
    private var finishedSeconds: Int64
    public var unit: UnitID
    /// The field of procedures (TenLinhVuc), or `.unknown`.
    public var field: FieldID
    /// The unit's spelling in this row (it tells which alias, if any, moved the dossier).
    public var unitSpelling: UnitRegistry.SpellingID
    /// Which input and line this state came from.
    public var source: SourceLine
    public var channel: Channel
    public var status: Status
    public var digitisedDossier: Bool
    public var digitisedResult: Bool

    private static let none = Int64.min

    public init(unit: UnitID, channel: Channel, status: Status, received: LocalMoment, due: LocalMoment?,
                finished: LocalMoment?, digitisedDossier: Bool, digitisedResult: Bool, source: SourceLine,
                field: FieldID = .unknown, unitSpelling: UnitRegistry.SpellingID = .none) {
        self.unit = unit
        self.field = field
        self.unitSpelling = unitSpelling
        self.channel = channel
        self.status = status
        self.received = received
        dueSeconds = due?.seconds ?? Self.none
        finishedSeconds = finished?.seconds ?? Self.none
        self.digitisedDossier = digitisedDossier
        self.digitisedResult = digitisedResult
        self.source = source
    }

    /// The binding deadline (a date-only deadline is the end of its day).
    public var due: LocalMoment? {
        get { dueSeconds == Self.none ? nil : LocalMoment(seconds: dueSeconds) }
        set { dueSeconds = newValue?.seconds ?? Self.none }
    }

    /// NgayKetThucXuLy, or NgayTra when that is empty. Only finished statuses use it.
    public var finished: LocalMoment? {
        get { finishedSeconds == Self.none ? nil : LocalMoment(seconds: finishedSeconds) }
        set { finishedSeconds = newValue?.seconds ?? Self.none }
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

/// A field of procedures (lĩnh vực, from TenLinhVuc), interned like units.
public struct FieldID: Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// The export gave no field.
    public static let unknown = FieldID(rawValue: -1)
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A unit (phòng, ban, UBND xã), interned: all spellings that normalise alike share one id.
public struct UnitID: Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
