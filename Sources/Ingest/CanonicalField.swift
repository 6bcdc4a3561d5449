/// The canonical dossier fields: the national portal's dossier-synchronisation names
/// (DongBoHoSoMC), in the spec's order, which is also the order rows are validated in.
public enum CanonicalField: String, CaseIterable, Sendable {
    case maHoSo = "MaHoSo"
    case maTTHC = "MaTTHC"
    case tenTTHC = "TenTTHC"
    case maLinhVuc = "MaLinhVuc"
    case tenLinhVuc = "TenLinhVuc"
    case donViXuLy = "DonViXuLy"
    case kenhThucHien = "KenhThucHien"
    case ngayTiepNhan = "NgayTiepNhan"
    case ngayHenTra = "NgayHenTra"
    case ngayKetThucXuLy = "NgayKetThucXuLy"
    case ngayTra = "NgayTra"
    case trangThaiHoSo = "TrangThaiHoSo"
    case soHoaHoSo = "SoHoaHoSo"
    case soHoaKetQua = "SoHoaKetQua"

    /// Other headers that mean this field.
    public var aliases: [String] {
        switch self {
        case .maHoSo: return ["Mã hồ sơ", "Số hồ sơ"]
        case .maTTHC: return ["Mã TTHC", "Mã thủ tục"]
        case .tenTTHC: return ["Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính"]
        case .maLinhVuc: return ["Mã lĩnh vực"]
        case .tenLinhVuc: return ["Lĩnh vực", "Tên lĩnh vực"]
        case .donViXuLy: return ["Đơn vị xử lý", "Cơ quan giải quyết", "Đơn vị giải quyết", "Đơn vị"]
        case .kenhThucHien: return ["Kênh thực hiện", "Hình thức nộp", "Kênh nộp", "Hình thức tiếp nhận"]
        case .ngayTiepNhan: return ["Ngày tiếp nhận", "Ngày nhận"]
        case .ngayHenTra: return ["Ngày hẹn trả", "Hạn xử lý", "Hạn giải quyết"]
        case .ngayKetThucXuLy: return ["Ngày kết thúc xử lý", "Ngày hoàn thành", "Ngày có kết quả"]
        case .ngayTra: return ["Ngày trả kết quả", "Ngày trả"]
        case .trangThaiHoSo: return ["Trạng thái", "Tình trạng", "Trạng thái hồ sơ"]
        case .soHoaHoSo: return ["Số hóa hồ sơ", "Số hóa thành phần hồ sơ", "HoSoCoThanhPhanSoHoa"]
        case .soHoaKetQua: return ["Số hóa kết quả", "Kết quả điện tử"]
        }
    }

    /// A row without this column cannot be read at all.
    public var isRequired: Bool {
        switch self {
        case .maHoSo, .donViXuLy, .kenhThucHien, .ngayTiepNhan, .trangThaiHoSo: return true
        default: return false
        }
    }

    /// Every accepted header, as a normalised key, with the field it names and whether it is
    /// the canonical name itself.
    static let headerTable: [String: (field: CanonicalField, isCanonical: Bool)] = {
        var table: [String: (CanonicalField, Bool)] = [:]
        for field in allCases {
            table[field.rawValue.normalizedKey] = (field, true)
            for alias in field.aliases { table[alias.normalizedKey] = (field, false) }
        }
        return table
    }()
}

extension CanonicalField {
    /// Position in the spec's table (and `allCases`).
    var ordinal: Int {
        switch self {
        case .maHoSo: return 0
        case .maTTHC: return 1
        case .tenTTHC: return 2
        case .maLinhVuc: return 3
        case .tenLinhVuc: return 4
        case .donViXuLy: return 5
        case .kenhThucHien: return 6
        case .ngayTiepNhan: return 7
        case .ngayHenTra: return 8
        case .ngayKetThucXuLy: return 9
        case .ngayTra: return 10
        case .trangThaiHoSo: return 11
        case .soHoaHoSo: return 12
        case .soHoaKetQua: return 13
        }
    }
}
