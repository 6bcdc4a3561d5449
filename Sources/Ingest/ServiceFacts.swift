/// The optional service columns of input-formats.md, in the spec table's order.
public enum ServiceField: Int, CaseIterable, Sendable {
    case paidOnline, fee, vneid, reuse, dataStore, supplements, rating, complaint, apology, routing

    /// The export column that holds it.
    public var canonical: CanonicalField {
        switch self {
        case .paidOnline: return .duocThanhToanTrucTuyen
        case .fee: return .phiLePhi
        case .vneid: return .taiKhoanDuocXacThucVoiVNeID
        case .reuse: return .duocTaiSuDung
        case .dataStore: return .duocLayTuKhoDMQG
        case .supplements: return .soLanBoSung
        case .rating: return .danhGiaHaiLong
        case .complaint: return .coPhanAnhKienNghi
        case .apology: return .ngayXinLoi
        case .routing: return .luanChuyen
        }
    }
}

/// How a dossier moved between agencies (LuanChuyen).
public enum Routing: UInt8, Sendable {
    /// `0`, `Không` or empty: it did not.
    case none = 0
    case electronic = 1
    case paper = 2
}

/// What a dossier's winning occurrence says in the optional service columns, packed in 24 bits
/// and a day: a million dossiers per report, so a few bytes each. Whether the dossier *knows*
/// a field (its file has the column) is one bit per field; a field it does not know reads as
/// an empty cell would.
///
/// Bits: 0–9 the known mask (by ``ServiceField``), 10 paid online, 11 VNeID, 12 reuse, 13 data
/// store, 14 complaint, 15 fee stated as 0, 16–18 the rating (0: not rated), 19–20 the routing,
/// 21–22 the supplements asked for, capped at 3 (the rules ask only whether more than one),
/// 23 a fee stated (not empty).
public struct ServiceFacts: Hashable, Sendable {
    public static let bitWidth = 24
    private(set) var bits: UInt32 = 0
    /// NgayXinLoi's day (days since 1970, local), or `Int32.min`: none sent.
    private var apologyDay = Int32.min

    public init() {}

    init(bits: UInt32, apologyDay: Int32) {
        self.bits = bits & (1 << Self.bitWidth - 1)
        self.apologyDay = apologyDay
    }

    var packedApologyDay: Int32 { apologyDay }

    public func knows(_ field: ServiceField) -> Bool { bits & (1 << UInt32(field.rawValue)) != 0 }

    public mutating func setKnown(_ field: ServiceField) { bits |= 1 << UInt32(field.rawValue) }

    /// The fields known, one bit each by ``ServiceField`` raw value.
    public var knownMask: UInt16 { UInt16(bits & 0x3FF) }

    private func flag(_ bit: UInt32) -> Bool { bits & (1 << bit) != 0 }
    private mutating func set(_ bit: UInt32, _ value: Bool) {
        if value { bits |= 1 << bit } else { bits &= ~(1 << bit) }
    }
    private func field(_ shift: UInt32, _ width: UInt32) -> UInt32 { (bits >> shift) & (1 << width - 1) }
    private mutating func setField(_ shift: UInt32, _ width: UInt32, _ value: UInt32) {
        let mask: UInt32 = (1 << width - 1) << shift
        bits = (bits & ~mask) | ((value << shift) & mask)
    }

    /// DuocThanhToanTrucTuyen: fees paid online.
    public var paidOnline: Bool { get { flag(10) } set { set(10, newValue) } }
    /// TaiKhoanDuocXacThucVoiVNeID.
    public var vneid: Bool { get { flag(11) } set { set(11, newValue) } }
    /// DuocTaiSuDung.
    public var reuse: Bool { get { flag(12) } set { set(12, newValue) } }
    /// DuocLayTuKhoDMQG.
    public var dataStore: Bool { get { flag(13) } set { set(13, newValue) } }
    /// CoPhanAnhKienNghi.
    public var complaint: Bool { get { flag(14) } set { set(14, newValue) } }
    /// PhiLePhi as stated: nil when empty (or unknown), else whether it is zero.
    public var feeIsZero: Bool? {
        get { flag(23) ? flag(15) : nil }
        set { set(23, newValue != nil); set(15, newValue ?? false) }
    }
    /// DanhGiaHaiLong, 1 (very satisfied) to 5; nil when not rated.
    public var rating: UInt8? {
        get { let r = field(16, 3); return r == 0 ? nil : UInt8(r) }
        set { setField(16, 3, UInt32(newValue ?? 0)) }
    }
    /// LuanChuyen.
    public var routing: Routing {
        get { Routing(rawValue: UInt8(field(19, 2))) ?? .none }
        set { setField(19, 2, UInt32(newValue.rawValue)) }
    }
    /// SoLanBoSung, capped at 3 (empty: 0).
    public var supplements: Int {
        get { Int(field(21, 2)) }
        set { setField(21, 2, UInt32(min(max(newValue, 0), 3))) }
    }
    /// NgayXinLoi, the day the written apology was sent.
    public var apology: LocalMoment? {
        get { apologyDay == Int32.min ? nil : LocalMoment(seconds: Int64(apologyDay) * 86_400) }
        set { apologyDay = newValue.map { Int32(clamping: $0.day) } ?? Int32.min }
    }
}

/// A procedure (MaTTHC, normalised: NFC, trimmed, white space folded, case kept), interned.
public struct ProcedureID: Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// An empty MaTTHC: no procedure.
    public static let none = ProcedureID(rawValue: -1)
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Interns procedure codes across the inputs of a run: a code seen before costs a cache hit.
public final class ProcedureRegistry {
    /// Every code, by id. Its count is read twice a row by a part's reader (what the row met
    /// first): exempt from the dynamic exclusivity check, as the cache (one thread at a time).
    @exclusivity(unchecked) public private(set) var codes: [String] = []
    private var ids: [String: ProcedureID] = [:]
    @exclusivity(unchecked) private var cache = ByteKeyedCache<ProcedureID>()

    public init() {}

    /// The id of a MaTTHC field's bytes (`.none` when empty).
    func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> ProcedureID {
        if bytes.isEmpty { return .none }
        if let id = cache.lookup(bytes) { return id }
        let id = intern(String(decoding: bytes, as: UTF8.self))
        cache.insert(bytes, id)
        return id
    }

    /// The id of a procedure code given as text (`.none` when blank).
    public func intern(_ code: String) -> ProcedureID {
        let key = code.normalizedForDisplay
        guard !key.isEmpty else { return .none }
        if let id = ids[key] { return id }
        let id = ProcedureID(rawValue: Int32(codes.count))
        codes.append(key)
        ids[key] = id
        return id
    }
}
