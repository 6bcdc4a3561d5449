extension Phrase {
    /// The Vietnamese of the commands' own output: summaries, `check`, `import`, `explain`, `units`.
    static let vietnameseCommands: [Phrase: String] = [
        // Summaries on stderr, check, import
        .summaryTotals: "Tệp: {files}; dòng đã đọc: {rows}; hồ sơ: {dossiers}; dòng bị loại: {rejected}; "
            + "dòng trùng đã gộp: {collapsed}",
        .summaryAlias: "quy đổi tên đơn vị: {name} → {unit}: {count} hồ sơ",
        .summaryRejected: "bị loại {count} dòng: {reason}",
        .checkFormat: "kiểu tệp: {kind}; mã hóa: {encoding}; dấu phân cách: {delimiter}",
        .checkRows: "dòng: {rows}; nhận: {accepted}; loại bỏ: {rejected}",
        .checkIgnored: "cột bỏ qua: {columns}",
        .checkAsOf: "thời điểm dữ liệu: {moment}",
        .imported: "{file}: đã nhập (lần nhập #{id}, sha256 {hash}…): {rows} dòng, {accepted} nhận, {rejected} loại",
        .alreadyImported: "{file}: đã có trong kho (lần nhập #{id}, {stored}, sha256 {hash}…): không thay đổi gì",
        .importRemoved: "đã gỡ lần nhập #{id} khỏi kho ({file}, {count} dòng hồ sơ)",
        .checkRejected: "{count} dòng: {reason}",
        .kindPortalSync: "đồng bộ Cổng Dịch vụ công quốc gia (portal-sync)",
        .kindPortalVN: "xuất từ hệ thống một cửa, tiêu đề tiếng Việt (portal-vn)",
        .kindSpreadsheet: "bảng tính lưu thành CSV (spreadsheet)",
    ]
}
