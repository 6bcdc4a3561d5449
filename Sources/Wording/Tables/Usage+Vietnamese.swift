extension Phrase {
    /// The Vietnamese of command lines that are wrong, and of the frame of `--help`.
    static let vietnameseUsage: [Phrase: String] = [
        // Our own checks of option values
        .usagePeriod: "'{text}' không phải kỳ báo cáo; các cách ghi được dùng: {list}",
        .usageTarget: "mục tiêu '{text}' không hợp lệ: ghi số phần trăm từ 0 đến 100, ví dụ 98 hoặc 97.5",
        .usageLang: "ngôn ngữ '{text}' không có: dùng vi hoặc en",
        .usageLangVariable: "biến MOTCUA_LANG='{text}' không phải ngôn ngữ có sẵn: dùng vi hoặc en",
        .usageImportOption: "{name} không có tác dụng khi nhập (kho giữ các dòng đúng như tệp xuất): hãy dùng nó với các lệnh đọc kho",
        .usageOutputIsInput: "{name} trỏ tới '{file}', là tệp mà lệnh này đang đọc: ghi vào đó sẽ làm mất dữ liệu đầu vào",
        .usageReadOptionWithoutFiles: "{name} chỉ dùng khi đọc tệp xuất, mà không có tệp nào: báo cáo từ kho dữ liệu sẽ bỏ qua nó",
        .usageEncoding: "bảng mã '{text}' không có: dùng một trong {list}",
        .usageDelimiter: "dấu phân cách '{text}' không có: dùng ',' ';' hoặc tab",
        .usageMoment: "'{text}' không phải ngày giờ (ví dụ 2023-03-31 hoặc 31/03/2023 17:00)",
        .usageBreakdownTable: "bảng --table {text} không chia nhỏ được: {name} chỉ dùng với bảng chỉ số",
        .usageBreakdownFormat: "--breakdown chỉ dùng với dạng cho người đọc: table, md, html hoặc xlsx",
        .usageBreakdownPeriod: "--breakdown {kind} cần kỳ dài hơn (theo quý: năm, 6 tháng hoặc 9 tháng; theo 6 tháng: năm)",
        .usageXLSXOutput: "--format xlsx cần --output TỆP.xlsx",
        .usageByField: "--by field chỉ dùng với dạng cho người đọc; csv và json là bảng chỉ số theo đơn vị",
        .usageFormUnit: "{name} điền vào phần đầu Biểu 06a: chỉ dùng cùng --table 06a, --format form06a hoặc --format xlsx",
        .usageForm06aTable: "--format form06a là bảng chỉ số theo Biểu 06a; không dùng cùng --table {text}",
        .usageTableMachine: "--table 06a chỉ dùng với dạng cho người đọc (table, md, html, xlsx); csv và json là bảng chỉ số",
        .usageNeedFiles: "hãy chỉ ra ít nhất một tệp xuất",
        .usageEmptyDB: "--db cần một kho dữ liệu: một tệp SQLite hoặc một địa chỉ postgresql://, không được để trống",
        .usageExplainEither: "chỉ dùng --dossier, hoặc --period cùng --unit và --count",
        .usageExplainAll: "hãy ghi --period, --unit và --count (hoặc --dossier MÃ)",
        .usageYear: "năm phải trong khoảng {years}",
        .usageRunBy: "--by không nhận giá trị '{text}': dùng một trong {list}",
        .usageRunFormat: "dạng báo cáo '{text}' không có: dùng một trong {list}",

        // ArgumentParser's messages, worded again
        .usageUnknownOption: "không có tùy chọn '{text}'",
        .usageDidYouMean: "; có phải '{name}'?",
        .usageMissingValue: "thiếu giá trị cho '{text}'",
        .usageUnexpected: "tham số thừa: {text}",
        .usageMissingArgument: "thiếu tham số '{text}'",
        .usageInvalidValue: "giá trị '{text}' không hợp lệ cho '{name}'",
        .usageOneOf: "; hãy dùng một trong: {list}",
        .usageNoValue: "tùy chọn '{name}' không nhận giá trị, nhưng được ghi '{text}'",
        .usageMissingSubcommand: "thiếu lệnh (xem danh sách lệnh bằng motcua --help)",
        .usageRepeated: "tùy chọn '{name}' được ghi hơn một lần: chỉ ghi một lần",
        .usageOther: "dòng lệnh không đúng: {reason}",
        .usageSeeHelp: "(xem '{name} --help')",

        // The frame of --help
        .chromeOverview: "TỔNG QUAN:", .chromeUsage: "CÁCH DÙNG:", .chromeArguments: "THAM SỐ:", .chromeOptions: "TÙY CHỌN:",
        .chromeSubcommands: "LỆNH:", .chromeShowHelp: "Hiện trợ giúp.", .chromeShowVersion: "Hiện phiên bản.",
        .chromeDefault: "mặc định:", .chromeValues: "giá trị:", .chromeSeeHelp: "Xem '{name} <lệnh>' để biết chi tiết.",
        .chromeOptionsToken: "<tùy chọn>", .chromeSubcommandToken: "<lệnh>",
    ]
}
