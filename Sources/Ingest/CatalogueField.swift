/// The columns of the procedure catalogue (catalogue.md), in the order its rows are checked.
public enum CatalogueField: String, TableField {
    case maTTHC = "MaTTHC"
    case tenTTHC = "TenTTHC"
    case thoiHanGiaiQuyet = "ThoiHanGiaiQuyet"
    case mucDoDVC = "MucDoDVC"
    case duDieuKienToanTrinh = "DuDieuKienToanTrinh"
    case coPhiLePhi = "CoPhiLePhi"
    case traKetQuaGiay = "TraKetQuaGiay"

    public var aliases: [String] {
        switch self {
        case .maTTHC: return ["Mã TTHC", "Mã thủ tục"]
        case .tenTTHC: return ["Tên TTHC", "Tên thủ tục"]
        case .thoiHanGiaiQuyet: return ["Thời hạn giải quyết", "Thời hạn"]
        case .mucDoDVC: return ["Mức độ DVCTT", "Mức độ"]
        case .duDieuKienToanTrinh: return ["Đủ điều kiện toàn trình"]
        case .coPhiLePhi: return ["Có phí, lệ phí"]
        case .traKetQuaGiay: return ["Trả kết quả bằng giấy", "Kết quả bằng văn bản giấy"]
        }
    }

    public var isRequired: Bool { self == .maTTHC }

    public var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static let headerTable = TableSchema<CatalogueField>.headerTable()
}

/// The online service a procedure offers (MucDoDVC).
public enum ServiceLevel: String, Sendable {
    /// `toàn trình` or `4`.
    case full
    /// `một phần` or `3`.
    case partial

    /// Words by key; nil values: no online service (empty, `không`, `2`).
    static let words: [String: ServiceLevel?] = keyed([
        (.full, ["toàn trình", "4"]), (.partial, ["một phần", "3"]), (nil, ["", "không", "2"]),
    ])
}

/// What the catalogue says about one procedure.
public struct CatalogueEntry: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Working days; nil: no time limit.
    public var timeLimit: Int?
    public var level: ServiceLevel?
    /// DuDieuKienToanTrinh.
    public var fullOnlineEligible = false
    /// CoPhiLePhi.
    public var chargesFees = false
    /// TraKetQuaGiay.
    public var paperResult = false

    /// Offered online, fully or in part: the plan's eligible_online counts its dossiers.
    public var isOfferedOnline: Bool { level != nil }
}
