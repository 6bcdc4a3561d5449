/// A dossier's state as the figures need it: one accepted row, reduced to the facts the KPI
/// rules, the plan and the service index use. Personal data never gets this far.
///
/// Stored compactly (56 bytes): a run holds one of these per dossier, a million of them for a
/// province's year, so optional moments are kept as a sentinel rather than as `Optional`s, and
/// the channel, status, digitisation flags and the service columns share one 32-bit word.
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
    /// Bits 0–1 the channel, 2–5 the status, 6 SoHoaHoSo, 7 SoHoaKetQua, 8–31 the service
    /// facts' bits (``ServiceFacts``).
    private var packed: UInt32
    /// The procedure (MaTTHC of this occurrence), or `.none`.
    public var procedure: ProcedureID
    private var apologyDay: Int32

    private static let none = Int64.min

    public init(unit: UnitID, channel: Channel, status: Status, received: LocalMoment, due: LocalMoment?,
                finished: LocalMoment?, digitisedDossier: Bool, digitisedResult: Bool, source: SourceLine,
                field: FieldID = .unknown, unitSpelling: UnitRegistry.SpellingID = .none,
                procedure: ProcedureID = .none, service: ServiceFacts = ServiceFacts()) {
        self.unit = unit
        self.field = field
        self.unitSpelling = unitSpelling
        self.received = received
        dueSeconds = due?.seconds ?? Self.none
        finishedSeconds = finished?.seconds ?? Self.none
        self.source = source
        self.procedure = procedure
        packed = 0
        apologyDay = Int32.min
        self.channel = channel
        self.status = status
        self.digitisedDossier = digitisedDossier
        self.digitisedResult = digitisedResult
        self.service = service
    }

    private func bits(_ shift: UInt32, _ width: UInt32) -> UInt32 { (packed >> shift) & (1 << width - 1) }
    private mutating func setBits(_ shift: UInt32, _ width: UInt32, _ value: UInt32) {
        let mask: UInt32 = (1 << width - 1) << shift
        packed = (packed & ~mask) | ((value << shift) & mask)
    }

    public var channel: Channel {
        get { Channel(rawValue: UInt8(bits(0, 2))) ?? .direct }
        set { setBits(0, 2, UInt32(newValue.rawValue)) }
    }

    public var status: Status {
        get { Status(rawValue: UInt8(bits(2, 4))) ?? .registered }
        set { setBits(2, 4, UInt32(newValue.rawValue)) }
    }

    /// SoHoaHoSo.
    public var digitisedDossier: Bool {
        get { bits(6, 1) != 0 }
        set { setBits(6, 1, newValue ? 1 : 0) }
    }

    /// SoHoaKetQua.
    public var digitisedResult: Bool {
        get { bits(7, 1) != 0 }
        set { setBits(7, 1, newValue ? 1 : 0) }
    }

    /// The optional service columns of this occurrence, and which of them its file has.
    public var service: ServiceFacts {
        get { ServiceFacts(bits: packed >> 8, apologyDay: apologyDay) }
        set {
            setBits(8, UInt32(ServiceFacts.bitWidth), newValue.bits)
            apologyDay = newValue.packedApologyDay
        }
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
