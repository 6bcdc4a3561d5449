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
    // The optional service columns ("Optional service columns"), validated in this order
    // after the ten above and before the cross-field rules.
    case duocThanhToanTrucTuyen = "DuocThanhToanTrucTuyen"
    case phiLePhi = "PhiLePhi"
    case taiKhoanDuocXacThucVoiVNeID = "TaiKhoanDuocXacThucVoiVNeID"
    case duocTaiSuDung = "DuocTaiSuDung"
    case duocLayTuKhoDMQG = "DuocLayTuKhoDMQG"
    case soLanBoSung = "SoLanBoSung"
    case danhGiaHaiLong = "DanhGiaHaiLong"
    case coPhanAnhKienNghi = "CoPhanAnhKienNghi"
    case ngayXinLoi = "NgayXinLoi"
    case luanChuyen = "LuanChuyen"

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
        case .duocThanhToanTrucTuyen: return ["Thanh toán trực tuyến", "Đã thanh toán trực tuyến"]
        case .phiLePhi: return ["Phí, lệ phí", "Lệ phí", "Tổng phí, lệ phí"]
        case .taiKhoanDuocXacThucVoiVNeID: return ["Xác thực VNeID", "Tài khoản VNeID"]
        case .duocTaiSuDung: return ["Tái sử dụng dữ liệu số hóa", "Sử dụng lại dữ liệu số hóa"]
        case .duocLayTuKhoDMQG: return ["Lấy từ kho dữ liệu cá nhân", "Kho dữ liệu cá nhân"]
        case .soLanBoSung: return ["Số lần bổ sung", "Số lần yêu cầu bổ sung"]
        case .danhGiaHaiLong: return ["Đánh giá", "Mức độ hài lòng", "Đánh giá hài lòng"]
        case .coPhanAnhKienNghi: return ["Phản ánh, kiến nghị", "Có phản ánh, kiến nghị"]
        case .ngayXinLoi: return ["Ngày xin lỗi", "Ngày văn bản xin lỗi"]
        case .luanChuyen: return ["Luân chuyển", "Hình thức luân chuyển", "Liên thông"]
        }
    }

    /// A row without this column cannot be read at all.
    public var isRequired: Bool {
        switch self {
        case .maHoSo, .donViXuLy, .kenhThucHien, .ngayTiepNhan, .trangThaiHoSo: return true
        default: return false
        }
    }

    /// The optional service column this field is, if it is one.
    public var service: ServiceField? { ordinal >= 14 ? ServiceField(rawValue: ordinal - 14) : nil }

    public static let headerTable = TableSchema<CanonicalField>.headerTable()
}

extension CanonicalField: TableField {
    /// Position in the spec's table (and `allCases`).
    public var ordinal: Int {
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
        case .duocThanhToanTrucTuyen: return 14
        case .phiLePhi: return 15
        case .taiKhoanDuocXacThucVoiVNeID: return 16
        case .duocTaiSuDung: return 17
        case .duocLayTuKhoDMQG: return 18
        case .soLanBoSung: return 19
        case .danhGiaHaiLong: return 20
        case .coPhanAnhKienNghi: return 21
        case .ngayXinLoi: return 22
        case .luanChuyen: return 23
        }
    }
}
