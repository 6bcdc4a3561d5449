extension Phrase {
    /// The Vietnamese of the one-line errors: what went wrong, after the file (and line) it
    /// concerns.
    static let vietnameseErrors: [Phrase: String] = [
        .errorUnitsUnreadable: "không đọc được tệp tên đơn vị (--units)",
        .errorUnitsFields: "cần từ hai đến bốn cột (tên, đơn vị, cấp trên, cấp), dòng này có {count} cột",
        .errorRejectsUnwritable: "không ghi được tệp các dòng bị loại",
        .errorReportUnwritable: "không ghi được báo cáo",
        .errorFolderUnmakeable: "không tạo được thư mục này, hoặc không ghi được vào đó",
        .errorStandardOutputUnwritable: "không ghi được ra đầu ra chuẩn (đĩa đầy, hoặc đầu ra đã đóng)",
        .errorRender: "không tạo được báo cáo: {reason}",
        .errorStrictReject: "có dòng bị loại (--strict): {reason}",
        .errorReportUnreadable: "không đọc được báo cáo",
        .errorNotJSONReport: "không phải báo cáo json",
        .errorNoManifest: "báo cáo không có bản kê dữ liệu (manifest): có phải do motcua report --format json tạo ra?",
        .errorManifestInput: "một tệp trong bản kê dữ liệu thiếu tên hoặc SHA-256",
        .errorHashMismatch: "SHA-256 {found} không khớp với {expected} mà bản kê dữ liệu ghi cho {input}",
        .errorInputMissing: "không tệp nào được chỉ ra có SHA-256 {hash} như bản kê dữ liệu ghi",
        .errorNotAnInput: "không phải dữ liệu đầu vào của báo cáo (SHA-256 {hash} không có trong bản kê dữ liệu)",
        .errorNotInStore: "kho {store} không có lần nhập nào có SHA-256 {hash} như bản kê dữ liệu ghi",
        .errorNoSuchUnit: "không có đơn vị nào tên '{unit}' trong dữ liệu",
        .errorNoOccurrence: "không thấy hồ sơ {code} trong dữ liệu",
        .errorSuggestUnits: "không có đơn vị nào tên '{unit}' trong dữ liệu; có phải: {list}?",
        .errorUnknownColumn: "không có cột số liệu nào tên '{text}'; các cột: {list}",
        .errorAmbiguousColumn: "tên cột '{text}' có thể là một trong các cột: {list}; hãy ghi tên máy của cột",
    ]
}
