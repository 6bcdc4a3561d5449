extension Phrase {
    /// The Vietnamese of the commands' own output: summaries, `check`, `import`, `explain`, `units`.
    static let vietnameseCommands: [Phrase: String] = [
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
        .importRemoved: "đã gỡ lần nhập #{id} khỏi kho ({file}, {count} dòng hồ sơ)",
    ]
}
