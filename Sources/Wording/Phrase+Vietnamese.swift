extension Phrase {
    /// The Vietnamese text of every phrase.
    static let vietnamese: [Phrase: String] = [
        // Reports: titles, the period, rows
        .reportTitle: "Kết quả giải quyết thủ tục hành chính",
        .markdownHeading: "{title} — {period} ({start} – {end})",
        .periodDates: "Kỳ báo cáo {period} ({basis}): từ {start} đến {end}.",
        .onTimeTarget: "Mục tiêu giải quyết đúng hạn: {target}.",
        .basisDecree09: "theo Nghị định 09/2019/NĐ-CP",
        .basisCalendar: "theo tháng dương lịch",
        .basisDecree09Heading: "Theo Nghị định 09/2019/NĐ-CP",
        .basisCalendarHeading: "Theo tháng dương lịch",
        .basisDates: "{basis}: {periods}.",
        .periodSpan: "{period}: {start} – {end}",
        .unit: "Đơn vị",
        .field: "Lĩnh vực",
        .noField: "(không rõ lĩnh vực)",
        .total: "TỔNG CỘNG",

        // Reports: legends and flags
        .marksBelowTarget: "{mark} = dưới mục tiêu; — = không có hồ sơ để tính.",
        .noUnitBelow: "Không có đơn vị nào dưới mục tiêu.",
        .unitsBelow: "Đơn vị dưới mục tiêu ({count}): {list}",
        .belowTarget: "dưới mục tiêu",
        .pageLegend: "⚠ nền đỏ = tỷ lệ đúng hạn dưới mục tiêu {target}; — = không có hồ sơ để tính tỷ lệ. "
            + "Tỷ lệ tính từ số hồ sơ, làm tròn hai chữ số thập phân.",
        .sheetLegend: "Hàng tô đỏ: dưới mục tiêu; ô tỷ lệ để trống: không có hồ sơ để tính.",

        // KPI columns
        .carriedOverShort: "Kỳ trước",
        .receivedNewShort: "Mới nhận",
        .carriedOver: "Kỳ trước chuyển qua",
        .receivedNew: "Mới tiếp nhận",
        .online: "Trực tuyến",
        .direct: "Trực tiếp",
        .postal: "Bưu chính",
        .receivedOnline: "Tiếp nhận trực tuyến",
        .receivedDirect: "Tiếp nhận trực tiếp",
        .receivedPostal: "Tiếp nhận qua bưu chính",
        .resolved: "Đã giải quyết",
        .early: "Trước hạn",
        .onTime: "Đúng hạn",
        .late: "Quá hạn",
        .withoutResult: "Rút, dừng",
        .withoutResultLong: "Rút hồ sơ / dừng xử lý",
        .pending: "Đang giải quyết",
        .overdue: "Quá hạn",
        .pendingOverdue: "Đang quá hạn",
        .onTimeRate: "Tỷ lệ đúng hạn",
        .progress: "Tiến độ",
        .onlineRate: "Tỷ lệ trực tuyến",
        .digitisedDossiers: "Số hóa hồ sơ",
        .digitisedResults: "Số hóa kết quả",
        .period: "Kỳ",
        .belowTargetColumn: "Dưới mục tiêu",
        .groupReceived: "Hồ sơ tiếp nhận",
        .groupRates: "Tỷ lệ",
        .groupTotal: "Tổng số",

        // The breakdown
        .breakdownByQuarter: "Tỷ lệ giải quyết đúng hạn theo quý",
        .breakdownByHalf: "Tỷ lệ giải quyết đúng hạn theo 6 tháng",
        .breakdownHeadingQuarter: "Tỷ lệ giải quyết đúng hạn theo quý, {period}",
        .breakdownHeadingHalf: "Tỷ lệ giải quyết đúng hạn theo 6 tháng, {period}",
        .breakdownTextLegend: "Mục tiêu: {target}. * = dưới mục tiêu; trống = không có hồ sơ; — = không có hồ sơ đã giải quyết.",
        .breakdownLegend: "⚠ = dưới mục tiêu; — = không có hồ sơ đã giải quyết trong kỳ.",
        .breakdownSheetLegend: "{title}, {period}. Mục tiêu: {target}. Ô tô đỏ: dưới mục tiêu; ô trống: không có hồ sơ; "
            + "—: không có hồ sơ đã giải quyết.",

        // Form 06a
        .form06aTitle: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
        .form06aPeriod: "Kỳ báo cáo: {period} (từ ngày {start} đến ngày {end})",
        .form06aNumber: "STT",
        .form06aTotal: "Tổng cộng",
        .form06aToResolve: "Số hồ sơ nhận giải quyết",
        .form06aResolved: "Số hồ sơ đã giải quyết",
        .form06aPending: "Số hồ sơ đang giải quyết",
        .form06aCarriedOver: "Số kỳ trước chuyển qua",
        .form06aOnline: "Số mới tiếp nhận trực tuyến",
        .form06aDirectAndPostal: "Số mới tiếp nhận trực tiếp và dịch vụ bưu chính",
        .form06aEarly: "Trả trước hạn",
        .form06aOnTime: "Trả đúng thời hạn",
        .form06aLate: "Trả quá hạn",
        .form06aNotYetDue: "Chưa đến hạn",

        // The html page
        .cardOnTime: "Tỷ lệ đúng hạn (tổng)",
        .cardBelow: "Đơn vị dưới mục tiêu",
        .cardResolved: "Hồ sơ đã giải quyết",
        .cardOnline: "Tỷ lệ tiếp nhận trực tuyến",
        .chartOnTime: "Tỷ lệ giải quyết đúng hạn theo đơn vị (thấp nhất trước)",
        .chartDigital: "Tỷ lệ trực tuyến và số hóa theo đơn vị (mục tiêu {target})",
        .nothingResolved: "chưa có hồ sơ đã giải quyết",
        .targetMark: "Mục tiêu {target}",

        // Inputs
        .inputs: "Dữ liệu đầu vào",
        .inputFile: "Tệp",
        .inputSHA256: "SHA-256",
        .inputBytes: "Số byte",
        .inputKind: "Kiểu tệp",
        .inputEncoding: "Mã hóa",
        .inputAsOf: "Thời điểm dữ liệu",
        .inputRows: "Dòng đã đọc",
        .inputAccepted: "Chấp nhận",
        .inputRejected: "Loại bỏ",

        // Workbook sheets
        .sheetKPI: "Chỉ số",
        .sheetForm06a: "Biểu 06a",
        .sheetInputs: "Tệp đầu vào",
        .sheetByQuarter: "Theo quý",
        .sheetByHalf: "Theo 6 tháng",

        // Summaries on stderr, check, import
        .summaryTotals: "Tệp: {files}; dòng đã đọc: {rows}; hồ sơ: {dossiers}; dòng bị loại: {rejected}; "
            + "dòng trùng đã gộp: {collapsed}",
        .summaryAlias: "bí danh: {name} → {unit}: {count} hồ sơ",
        .summaryRejected: "loại: {count} × {reason}",
        .checkFormat: "kiểu tệp: {kind}; mã hóa: {encoding}; dấu phân cách: {delimiter}",
        .checkRows: "dòng: {rows}; nhận: {accepted}; loại bỏ: {rejected}",
        .checkIgnored: "cột bỏ qua: {columns}",
        .checkAsOf: "as-of: {moment}",
        .imported: "{file}: đã nhập (lần nhập #{id}, sha256 {hash}…): {rows} dòng, {accepted} nhận, {rejected} loại",
        .alreadyImported: "{file}: đã có trong kho (lần nhập #{id}, {stored}, sha256 {hash}…): không thay đổi gì",
    ]
}
