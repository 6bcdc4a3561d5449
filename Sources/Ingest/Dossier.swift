/// A dossier's state as the figures need it: one accepted row, reduced to the facts the KPI
/// rules, the plan and the service index use. Personal data never gets this far.
///
/// Stored compactly (48 bytes): a run holds one of these per dossier, ten million of them for
/// a province's year, so the three moments share 16 bytes (``PackedMoments``: 40 bits each,
/// every moment of a four-digit year and then some), optional moments are a sentinel rather
/// than `Optional`s, and the channel, status, digitisation flags and the service columns share
/// one 32-bit word.
public struct Dossier: Sendable, Equatable {
    private var moments: PackedMoments
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

    public init(unit: UnitID, channel: Channel, status: Status, received: LocalMoment, due: LocalMoment?,
                finished: LocalMoment?, digitisedDossier: Bool, digitisedResult: Bool, source: SourceLine,
                field: FieldID = .unknown, unitSpelling: UnitRegistry.SpellingID = .none,
                procedure: ProcedureID = .none, service: ServiceFacts = ServiceFacts()) {
        self.unit = unit
        self.field = field
        self.unitSpelling = unitSpelling
        moments = PackedMoments(received: received, due: due, finished: finished)
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

    /// NgayTiepNhan.
    public var received: LocalMoment {
        get { moments.received }
        set { moments.received = newValue }
    }

    /// The binding deadline (a date-only deadline is the end of its day).
    public var due: LocalMoment? {
        get { moments.due }
        set { moments.due = newValue }
    }

    /// NgayKetThucXuLy, or NgayTra when that is empty. Only finished statuses use it.
    public var finished: LocalMoment? {
        get { moments.finished }
        set { moments.finished = newValue }
    }
}

/// A dossier's three moments in 16 bytes: received, due and finished, 40 bits each, as seconds
/// biased by 2³⁹ (0 is "none").
///
/// Why 40 bits: a moment of any four-digit year (0001–9999, all an export can write) is within
/// ±3.2·10¹¹ seconds of 1970, and 40 bits hold ±5.5·10¹¹ (some 17,000 years either way), so a
/// deadline worked out from one (days added) fits too. A moment further out is clamped to the
/// nearest one that fits rather than wrapped.
struct PackedMoments: Sendable, Equatable {
    /// Bits 0–39 received, 40–63 the low 24 bits of finished.
    private var low: UInt64 = 0
    /// Bits 0–39 due, 40–55 the high 16 bits of finished.
    private var high: UInt64 = 0

    static let width: UInt64 = 40
    static let mask: UInt64 = 1 << width - 1
    static let bias: Int64 = 1 << 39
    /// The moments that fit, "none" (0) left out.
    static let range: ClosedRange<Int64> = (1 - bias)...(bias - 1)

    init(received: LocalMoment, due: LocalMoment?, finished: LocalMoment?) {
        self.received = received
        self.due = due
        self.finished = finished
    }

    private static func encode(_ moment: LocalMoment?) -> UInt64 {
        guard let moment else { return 0 }
        let seconds = min(max(moment.seconds, range.lowerBound), range.upperBound)
        return UInt64(seconds + bias)
    }

    private static func decode(_ bits: UInt64) -> LocalMoment? {
        bits == 0 ? nil : LocalMoment(seconds: Int64(bits) - bias)
    }

    var received: LocalMoment {
        // Never none: `encode` of a moment is never 0.
        get { LocalMoment(seconds: Int64(low & Self.mask) - Self.bias) }
        set { low = (low & ~Self.mask) | Self.encode(newValue) }
    }

    var due: LocalMoment? {
        get { Self.decode(high & Self.mask) }
        set { high = (high & ~Self.mask) | Self.encode(newValue) }
    }

    /// The bits of finished that `low` holds above received (24).
    private static let lowPart = 64 - width

    var finished: LocalMoment? {
        get { Self.decode(low >> Self.width | (high >> Self.width) << Self.lowPart) }
        set {
            let bits = Self.encode(newValue)
            low = (low & Self.mask) | bits << Self.width
            high = (high & Self.mask) | (bits >> Self.lowPart) << Self.width
        }
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
