extension Phrase {
    /// The Vietnamese of `motcua run`: its log, its lock, its configuration file.
    static let vietnameseRun: [Phrase: String] = [
        .runInboxEmpty: "thư mục nhận {file}: không có tệp mới",
        .runImporting: "đang nhập {file}",
        .runSetAside: "đã chuyển {file} sang {name}: {reason}",
        .runNoData: "kho dữ liệu chưa có hồ sơ: chưa có báo cáo nào để lập",
        .runDataAsOf: "dữ liệu mới nhất đến {moment}",
        .runPeriodOpen: "kỳ {period} chưa đủ số liệu (dữ liệu đến {moment}): chưa lập báo cáo (dùng --provisional để lập bản tạm tính)",
        .runAlias: "quy đổi tên đơn vị: {name} → {unit}: {count} hồ sơ",
        .runAliasUnused: "quy đổi tên đơn vị {name} → {unit}: không tệp xuất nào ghi tên này",
        .runCatalogueReject: "danh mục thủ tục {file}, dòng {line}: bị loại: {reason}",
        .runUpToDate: "{period}: báo cáo đã cập nhật, không ghi lại",
        .runFiguresChanged: "số liệu kỳ {period} đã thay đổi: giữ báo cáo cũ thành {file}",
        .runWrote: "đã ghi {file}",
        .runWroteProvisional: "đã ghi {file} (tạm tính)",
        .runProvisionalRemoved: "kỳ {period} đã đủ số liệu: đã xóa báo cáo tạm tính",
        .runDone: "xong: nhập {count} tệp, {rows} tệp đã có trong kho, chuyển riêng {rejected} tệp lỗi, ghi {files} báo cáo",
        .runLockHeld: "đang có một lần chạy motcua run khác{reason}",
        .runLockPid: " (pid {id})",
        .runLockFailed: "không khóa được: {reason}",

        // motcua.toml
        .configUnreadable: "không đọc được tệp cấu hình",
        .configNotText: "tệp cấu hình không phải văn bản UTF-8 (có byte không phải UTF-8, hoặc byte NUL): phần sau đó sẽ không được đọc",
        // The reason is the TOML parser's own (English) words, quoted as its: they cannot be translated.
        .configSyntax: "tệp cấu hình không đúng cú pháp TOML (bộ đọc TOML báo: “{reason}”)",
        .configUnusedKey: "khóa '{name}' chỉ dùng cho bảng {list}, mà `tables` không có bảng nào trong số đó",
        .configUnknownKey: "khóa '{name}' không có trong cấu hình của motcua (các khóa: {list})",
        .configWrongType: "khóa '{name}' phải là {kind}",
        .configBadValue: "khóa '{name}' không nhận giá trị '{text}' (giá trị được dùng: {list})",
        .configString: "một chuỗi trong ngoặc kép",
        .configStrings: "một danh sách chuỗi, ví dụ [\"csv\", \"json\"]",
        .configNumber: "một số",
        .configBool: "true hoặc false",
        .configByNoHierarchy: "khóa 'by' = '{text}': tệp đơn vị {file} không có cột parent hay level nào được điền, không cộng theo cấp được",
        .configByNoUnits: "khóa 'by' = '{text}' cần tệp đơn vị có cột parent hoặc level (khóa 'units', hoặc --units)",
        .configByForm06a: "khóa 'by' = '{text}' không dùng cùng form06a trong 'formats': biểu 06a lập theo từng đơn vị",
        .runRollUp: "các dòng được cộng theo cấp (by = {text}) qua tệp đơn vị {file}: báo cáo ghi thành {name}",
        .configTable: "một bảng [aliases] gồm các dòng \"tên\" = \"đơn vị\"",
    ]
}
