/// How a dossier was submitted (KenhThucHien): the national portal's three codes.
public enum Channel: UInt8, CaseIterable, Sendable {
    case direct = 1
    case online = 2
    case postal = 3

    /// Accepted spellings, compared as `normalizedKey`s. An empty value means direct: that is
    /// the portal's rule, applied by the row parser.
    static let spellings: [String: Channel] = vocabulary([
        (.direct, ["1", "Trực tiếp"]),
        (.online, ["2", "Trực tuyến", "Dịch vụ công trực tuyến", "Nộp trực tuyến"]),
        (.postal, ["3", "Bưu chính", "Dịch vụ bưu chính", "Dịch vụ bưu chính công ích", "BCCI"]),
    ])
}

/// The national status code list of a dossier (TrangThaiHoSo).
public enum Status: UInt8, CaseIterable, Sendable {
    case registered = 1
    case accepted = 2
    case notAccepted = 3
    case processing = 4
    case awaitingSupplement = 5
    case awaitingFinancialObligation = 6
    case withdrawn = 7
    case stopped = 8
    case processed = 9
    case returned = 10

    /// Statuses 1 and 3 never entered processing: they are in no figure.
    public var isCounted: Bool { self != .registered && self != .notAccepted }

    /// Statuses 7–10: the dossier left processing, with or without a result.
    public var isFinished: Bool { rawValue >= 7 }

    /// Statuses 5 and 6 stop the clock: the applicant has to act.
    public var isWaitingForApplicant: Bool { self == .awaitingSupplement || self == .awaitingFinancialObligation }

    /// Statuses 7 and 8 end without a result (withdrawn, stopped).
    public var isWithoutResult: Bool { self == .withdrawn || self == .stopped }

    static let spellings: [String: Status] = vocabulary([
        (.registered, ["1", "Mới đăng ký", "Chờ tiếp nhận"]),
        (.accepted, ["2", "Được tiếp nhận", "Đã tiếp nhận", "Mới tiếp nhận"]),
        (.notAccepted, ["3", "Không được tiếp nhận", "Từ chối tiếp nhận"]),
        (.processing, ["4", "Đang xử lý", "Đang giải quyết"]),
        (.awaitingSupplement, ["5", "Yêu cầu bổ sung giấy tờ", "Yêu cầu bổ sung", "Chờ bổ sung"]),
        (.awaitingFinancialObligation, ["6", "Yêu cầu thực hiện nghĩa vụ tài chính", "Chờ thực hiện nghĩa vụ tài chính"]),
        (.withdrawn, ["7", "Công dân yêu cầu rút hồ sơ", "Rút hồ sơ", "Công dân rút hồ sơ"]),
        (.stopped, ["8", "Dừng xử lý", "Dừng giải quyết"]),
        (.processed, ["9", "Đã xử lý xong", "Hoàn thành", "Đã giải quyết", "Chờ trả kết quả"]),
        (.returned, ["10", "Đã trả kết quả", "Đã trả"]),
    ])
}

/// The yes/no vocabulary of the digitisation columns (SoHoaHoSo, SoHoaKetQua).
enum YesNo {
    static let spellings: [String: Bool] = vocabulary([
        (true, ["1", "true", "có", "x", "yes", "đã số hóa"]),
        (false, ["0", "false", "không", "no", ""]),
    ])
}

private func vocabulary<Value>(_ groups: [(Value, [String])]) -> [String: Value] {
    var table: [String: Value] = [:]
    for (value, words) in groups {
        for word in words { table[word.normalizedKey] = value }
    }
    return table
}
