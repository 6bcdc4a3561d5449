/// A dossier's state as the figures need it: one accepted row, reduced to the facts the KPI
/// rules, the plan and the service index use. Personal data never gets this far.
///
/// Stored compactly (40 bytes): a run holds one of these per dossier, ten million of them for
/// a province's year. The three moments share 16 bytes (``PackedMoments``: 40 bits each, every
/// moment of a four-digit year and then some) with the channel, status and digitisation flags;
/// the rest is bit fields in three words (``Dossier/Layout``): the line, the ids of unit,
/// spelling, field, procedure and input in 23 bits each (``idLimit``: readers and stores refuse
/// a run with more distinct names or inputs than that, before any such dossier is used), the
/// service facts' 24 bits and the apology's day.
public struct Dossier: Sendable, Equatable {
    private var moments: PackedMoments
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

    /// How many distinct ids of each kind (units, spellings, fields, procedures, inputs) a
    /// dossier can name: 0 to `idLimit - 1`, and -1 (none). An id past them reads as the last.
    public static let idLimit = 1 << Layout.idWidth - 1

    public init(unit: UnitID, channel: Channel, status: Status, received: LocalMoment, due: LocalMoment?,
                finished: LocalMoment?, digitisedDossier: Bool, digitisedResult: Bool, source: SourceLine,
                field: FieldID = .unknown, unitSpelling: UnitRegistry.SpellingID = .none,
                procedure: ProcedureID = .none, service: ServiceFacts = ServiceFacts()) {
        moments = PackedMoments(received: received, due: due, finished: finished)
        self.unit = unit
        self.field = field
        self.unitSpelling = unitSpelling
        self.source = source
        self.procedure = procedure
        self.channel = channel
        self.status = status
        self.digitisedDossier = digitisedDossier
        self.digitisedResult = digitisedResult
        self.service = service
    }

    /// Where each field lies in `words`: its first bit and width. A field may run on into the
    /// next word. 192 bits in all.
    enum Layout {
        static let idWidth = 23
        static let line = (offset: 0, width: 31)
        static let unit = (offset: 31, width: idWidth)
        static let spelling = (offset: 54, width: idWidth)
        static let field = (offset: 77, width: idWidth)
        static let procedure = (offset: 100, width: idWidth)
        static let file = (offset: 123, width: idWidth)
        static let service = (offset: 146, width: ServiceFacts.bitWidth)
        static let apology = (offset: 170, width: 22)
    }

    @inline(__always)
    private func word(_ index: Int) -> UInt64 {
        index == 0 ? words.0 : index == 1 ? words.1 : words.2
    }

    @inline(__always)
    private mutating func setWord(_ index: Int, _ value: UInt64) {
        if index == 0 { words.0 = value } else if index == 1 { words.1 = value } else { words.2 = value }
    }

    @inline(__always)
    private func bits(_ field: (offset: Int, width: Int)) -> UInt64 {
        let index = field.offset >> 6, shift = UInt64(field.offset & 63)
        var value = word(index) >> shift
        if Int(shift) + field.width > 64 { value |= word(index + 1) << (64 - shift) }
        return value & (1 << UInt64(field.width) - 1)
    }

    @inline(__always)
    private mutating func setBits(_ field: (offset: Int, width: Int), _ value: UInt64) {
        let index = field.offset >> 6, shift = UInt64(field.offset & 63)
        let mask: UInt64 = 1 << UInt64(field.width) - 1
        let value = value & mask
        setWord(index, word(index) & ~(mask << shift) | value << shift)
        if Int(shift) + field.width > 64 {
            let written = 64 - shift
            setWord(index + 1, word(index + 1) & ~(mask >> written) | value >> written)
        }
    }

    /// An id as stored: one more than it is (0: none), the last one for any past ``idLimit``.
    @inline(__always)
    private func id(_ field: (offset: Int, width: Int)) -> Int32 { Int32(truncatingIfNeeded: bits(field)) - 1 }

    @inline(__always)
    private mutating func setID(_ field: (offset: Int, width: Int), _ rawValue: Int32) {
        setBits(field, UInt64(min(max(Int(rawValue) + 1, 0), Self.idLimit)))
    }

    public var unit: UnitID {
        get { UnitID(rawValue: id(Layout.unit)) }
        set { setID(Layout.unit, newValue.rawValue) }
    }

    /// The field of procedures (TenLinhVuc), or `.unknown`.
    public var field: FieldID {
        get { FieldID(rawValue: id(Layout.field)) }
        set { setID(Layout.field, newValue.rawValue) }
    }

    /// The unit's spelling in this row (it tells which alias, if any, moved the dossier).
    public var unitSpelling: UnitRegistry.SpellingID {
        get { UnitRegistry.SpellingID(rawValue: id(Layout.spelling)) }
        set { setID(Layout.spelling, newValue.rawValue) }
    }

    /// The procedure (MaTTHC of this occurrence), or `.none`.
    public var procedure: ProcedureID {
        get { ProcedureID(rawValue: id(Layout.procedure)) }
        set { setID(Layout.procedure, newValue.rawValue) }
    }

    /// Which input and line this state came from (a line is never negative: one below 0 reads as 0).
    public var source: SourceLine {
        get { SourceLine(file: id(Layout.file), line: Int32(truncatingIfNeeded: bits(Layout.line))) }
        set {
            setID(Layout.file, newValue.file)
            setBits(Layout.line, UInt64(max(newValue.line, 0)))
        }
    }

    // The flags in the moments' spare byte: bits 0–1 the channel, 2–5 the status, 6 SoHoaHoSo,
    // 7 SoHoaKetQua.
    private func flags(_ shift: UInt8, _ width: UInt8) -> UInt8 { (moments.spare >> shift) & (1 << width - 1) }
    private mutating func setFlags(_ shift: UInt8, _ width: UInt8, _ value: UInt8) {
        let mask: UInt8 = (1 << width - 1) << shift
        moments.spare = (moments.spare & ~mask) | ((value << shift) & mask)
    }

    public var channel: Channel {
        get { Channel(rawValue: flags(0, 2)) ?? .direct }
        set { setFlags(0, 2, newValue.rawValue) }
    }

    public var status: Status {
        get { Status(rawValue: flags(2, 4)) ?? .registered }
        set { setFlags(2, 4, newValue.rawValue) }
    }

    /// SoHoaHoSo.
    public var digitisedDossier: Bool {
        get { flags(6, 1) != 0 }
        set { setFlags(6, 1, newValue ? 1 : 0) }
    }

    /// SoHoaKetQua.
    public var digitisedResult: Bool {
        get { flags(7, 1) != 0 }
        set { setFlags(7, 1, newValue ? 1 : 0) }
    }

    /// The days an apology's day can be: those of the four-digit years (0001-01-01 to
    /// 9999-12-31, all an export can write) and one either side (a time with a UTC offset, at
    /// most 14:59, moves the local day by one at most), stored one above the first (0: none
    /// sent). A day outside (from a store edited by hand) is kept as the nearest of them.
    static let apologyDays: ClosedRange<Int64> = -719_163...2_932_897

    /// The optional service columns of this occurrence, and which of them its file has.
    public var service: ServiceFacts {
        get {
            let stored = Int64(bits(Layout.apology))
            let day = stored == 0 ? Int32.min : Int32(stored - 1 + Self.apologyDays.lowerBound)
            return ServiceFacts(bits: UInt32(truncatingIfNeeded: bits(Layout.service)), apologyDay: day)
        }
        set {
            setBits(Layout.service, UInt64(newValue.bits))
            let day = newValue.packedApologyDay
            let stored = day == Int32.min ? 0
                : min(max(Int64(day), Self.apologyDays.lowerBound), Self.apologyDays.upperBound) - Self.apologyDays.lowerBound + 1
            setBits(Layout.apology, UInt64(stored))
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

    public static func == (lhs: Dossier, rhs: Dossier) -> Bool {
        lhs.moments == rhs.moments && lhs.words == rhs.words
    }
}

/// A dossier's three moments in 16 bytes: received, due and finished, 40 bits each, as seconds
/// biased by 2³⁹ (0 is "none"), and a spare byte the dossier keeps its flags in.
///
/// Why 40 bits: a moment of any four-digit year (0001–9999, all an export can write) is within
/// ±3.2·10¹¹ seconds of 1970, and 40 bits hold ±5.5·10¹¹ (some 17,000 years either way), so a
/// deadline worked out from one (days added) fits too. A moment further out is clamped to the
/// nearest one that fits rather than wrapped.
struct PackedMoments: Sendable, Equatable {
    /// Bits 0–39 received, 40–63 the low 24 bits of finished.
    private var low: UInt64 = 0
    /// Bits 0–39 due, 40–55 the high 16 bits of finished, 56–63 the spare byte.
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
        get { Self.decode(low >> Self.width | (high >> Self.width & 0xFFFF) << Self.lowPart) }
        set {
            let bits = Self.encode(newValue)
            low = (low & Self.mask) | bits << Self.width
            high = (high & ~(0xFFFF << Self.width)) | (bits >> Self.lowPart & 0xFFFF) << Self.width
        }
    }

    /// The byte above the moments.
    var spare: UInt8 {
        get { UInt8(truncatingIfNeeded: high >> 56) }
        set { high = (high & (1 << 56 - 1)) | UInt64(newValue) << 56 }
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
