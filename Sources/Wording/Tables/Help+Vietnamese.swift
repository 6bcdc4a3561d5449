extension Phrase {
    /// The Vietnamese of `motcua --help`: each command's summary and each option's help.
    static let vietnameseHelp: [Phrase: String] = [
        .helpMotcua: "Lập báo cáo kết quả giải quyết thủ tục hành chính từ dữ liệu xuất của bộ phận một cửa.",
        .helpExitStatus: "Mã thoát: 0 hoàn thành (có thể có dòng bị loại: đã được báo); 64 dòng lệnh sai; 65 có dòng bị loại "
            + "khi dùng --strict (check: bất kỳ dòng nào bị loại), hoặc tệp đầu vào không đúng tệp mà bản kê dữ liệu ghi "
            + "(verify: mã 1 khi có số liệu khác); 66 không đọc được dữ liệu "
            + "đầu vào, tệp rỗng, không phải văn bản, thiếu cột bắt buộc, là tệp bảng tính (hãy lưu thành CSV), không có kho "
            + "dữ liệu; 73 không ghi được kết quả; 74 kho dữ liệu đang bận hoặc lỗi. Ngôn ngữ: --lang vi|en hoặc biến MOTCUA_LANG.",
        .helpReport: "Tính bảng chỉ số của một kỳ báo cáo từ các tệp xuất, hoặc từ kho dữ liệu khi không chỉ ra tệp nào.",
        .helpPeriod: "Kỳ báo cáo: 2023-Q3, Quý III/2023, quý 3 năm 2023, Q3 2023, 2023-H1, 6 tháng đầu năm 2023, 2023-9M, "
            + "9 tháng năm 2023, năm 2023.",
        .helpBasis: "Mốc số liệu: decree09 (từ ngày 15 đến ngày 14 theo Nghị định 09/2019/NĐ-CP, mặc định; riêng index766 mặc định calendar) hoặc calendar (tháng dương lịch).",
        .helpFormat: "Dạng báo cáo: table, form06a, md, html, xlsx (cho người đọc; xlsx cần --output) hoặc csv, json (cho máy).",
        .helpBy: "Mỗi dòng là một đơn vị (unit), một lĩnh vực thủ tục (field), hoặc cộng theo cấp trong tệp --units: parent (đơn vị theo đơn vị cấp trên, có dòng cộng), level=huyện (mỗi đơn vị cấp huyện một dòng).",
        .helpBreakdown: "Chia kỳ theo quý (quarter) hoặc 6 tháng (half): bảng tỷ lệ đúng hạn của từng đơn vị theo từng kỳ con.",
        .helpTarget: "Mục tiêu giải quyết đúng hạn, tính bằng phần trăm (mặc định 98).",
        .helpLang: "Ngôn ngữ: vi (mặc định, hoặc theo biến MOTCUA_LANG) hoặc en.",
        .helpOutput: "Ghi báo cáo vào tệp này thay vì ra màn hình.",
        .helpTable: "Bảng: kpi (bảng chỉ số, mặc định), plan (năm chỉ tiêu kế hoạch về phục vụ), index766 (Bộ chỉ số "
            + "phục vụ theo Quyết định 766/QĐ-TTg), hoặc 06a cho người đọc (Biểu số 06a/VPCP/KSTT, có phần ký).",
        .helpCompare: "So sánh tỷ lệ đúng hạn với: previous (kỳ trước, mặc định), last-year (cùng kỳ năm trước) hoặc none.",
        .helpReportingUnit: "Đơn vị báo cáo ghi trên Biểu 06a (để trống: dòng chấm để điền tay).",
        .helpReceivingUnit: "Đơn vị nhận báo cáo ghi trên Biểu 06a (để trống: dòng chấm để điền tay).",
        .helpStrict: "Không lập báo cáo và thoát với mã 65 khi có dòng bị loại.",
        .helpQuiet: "Không in phần tóm tắt.",
        .helpEncoding: "Chỉ định bảng mã thay vì tự nhận biết: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1258.",
        .helpDelimiter: "Chỉ định dấu phân cách thay vì tự nhận biết: ',' ';' hoặc tab.",
        .helpAsOf: "Thời điểm dữ liệu của mọi tệp, thay vì tính từ nội dung (ví dụ 31/03/2023 17:00, hoặc 2023-04-01: nếu chỉ ghi ngày thì là 00:00:00 của ngày đó).",
        .helpRejects: "Ghi các dòng bị loại vào tệp CSV này (file,line,field,reason,raw).",
        .helpUnits: "Tệp tên đơn vị: CSV gồm các dòng name,unit (tên như trong tệp xuất, đơn vị được tính vào); "
            + "lập bản đầu bằng motcua units --write.",
        .helpFiles: "Các tệp xuất (CSV).",
        .helpDB: "Kho dữ liệu: một tệp SQLite, hoặc postgresql://USER@HOST:PORT/DB. Mặc định: biến MOTCUA_DB, nếu không thì motcua.sqlite ở thư mục hiện tại.",
        .helpCheck: "Mô tả từng tệp xuất và đếm các dòng sẽ bị loại.",
        .helpCheckDetails: "Mã thoát 0 khi không có dòng nào bị loại, 65 khi có, 66 khi không đọc được một tệp.",
        .helpImport: "Nhập các tệp xuất vào kho dữ liệu (mỗi tệp nhập trọn vẹn hoặc không nhập gì).",
        .helpImportDetails: "Tệp đã có trong kho (cùng SHA-256) được bỏ qua và báo lại. Mã thoát 66 khi không đọc được một tệp "
            + "(các tệp khác vẫn được nhập).",
        .helpImports: "Liệt kê các lần nhập trong kho, hoặc gỡ một lần nhập.",
        .helpImportsList: "Liệt kê các lần nhập, cũ nhất trước.",
        .helpImportsRemove: "Gỡ một lần nhập khỏi kho (hồ sơ của nó lấy lại trạng thái từ lần xuất hiện kế tiếp).",
        .helpImportID: "Số của lần nhập (xem motcua imports).",
        .helpVerify: "Tính lại một báo cáo json từ các tệp đã dùng (hoặc từ kho) và so từng số liệu.",
        .helpVerifyDetails: "In OK, hoặc từng ô khác nhau. Mã thoát 0 khi khớp, 1 khi có số liệu khác, 65 khi SHA-256 của một "
            + "tệp không khớp bản kê dữ liệu của báo cáo (nêu tên tệp), 66 khi không đọc được báo cáo hoặc một tệp.",
        .helpVerifyReport: "Báo cáo do motcua report --format json tạo ra.",
        .helpVerifyFiles: "Các tệp xuất đã dùng để lập báo cáo (không chỉ ra: các lần nhập trong kho, tìm theo SHA-256).",
        .verifyRollUpUnchecked: "các dòng cộng theo cấp của báo cáo không được kiểm tra: bản kê dữ liệu không ghi tệp đơn vị nào",
        .verifyUnitsUnused: "--units không được dùng: bản kê dữ liệu của báo cáo không ghi tệp đơn vị nào",
        .helpVerifyUnits: "Tệp đơn vị đã dùng để lập báo cáo có dòng cộng theo cấp (bản kê dữ liệu ghi SHA-256 của tệp): các dòng cộng cũng được kiểm tra.",
        .helpExplain: "Liệt kê các hồ sơ đứng sau một số liệu của bảng chỉ số, hoặc mọi lần xuất hiện của một hồ sơ.",
        .helpExplainDetails: "motcua explain --period \"Quý I/2023\" --unit \"UBND xã Hoằng Trinh\" --count \"Quá hạn\" TỆP...\n"
            + "motcua explain --dossier H45.4-2023-001249 TỆP...\nKhông chỉ ra tệp: đọc kho dữ liệu. Cột số liệu: {columns}.",
        .helpExplainPeriod: "Kỳ báo cáo, như với report (đi cùng --unit và --count).",
        .helpExplainUnit: "Đơn vị, như báo cáo ghi (không phân biệt chữ hoa, khoảng trắng), hoặc TỔNG CỘNG / TOTAL.",
        .helpExplainCount: "Cột số liệu cần liệt kê hồ sơ: tên cột như trong bảng (\"Quá hạn\", \"Đã giải quyết\"…) hoặc tên máy (resolved_late…).",
        .helpExplainDossier: "Liệt kê mọi lần xuất hiện của mã hồ sơ này trong dữ liệu, và lần nào được dùng.",
        .helpListingFormat: "Dạng danh sách: table (cho người đọc) hoặc csv (cho máy: tên cột, mã và lý do bằng tiếng Anh).",
        .helpRejectsCommand: "In các dòng bị loại lưu trong kho (file,line,field,reason,raw), hoặc ghi ra tệp bằng --output.",
        .helpRejectsImport: "Chỉ các dòng bị loại của lần nhập này (xem motcua imports).",
        .helpRejectsOutput: "Ghi vào tệp này thay vì ra màn hình.",
        .helpRun: "Nhập mọi tệp mới trong thư mục nhận, rồi lập báo cáo các kỳ đã đủ số liệu.",
        .helpRunDetails: "Đọc motcua.toml (--config); mọi khóa đều có thể ghi ở dòng lệnh. Kỳ được lập báo cáo khi mốc kết thúc của kỳ "
            + "không muộn hơn thời điểm dữ liệu mới nhất trong kho; --provisional lập thêm kỳ đang dở, ghi rõ TẠM TÍNH. Tệp nhập "
            + "xong được chuyển vào thư mục lưu; tệp lỗi chuyển vào inbox/failed/ kèm tệp .txt nêu lý do. Mã thoát 0 khi mọi việc "
            + "ổn, 65 khi có tệp bị chuyển riêng, 66 khi cấu hình sai, 75 khi đang có lần chạy khác.",
        .helpConfig: "Tệp cấu hình (TOML). Mặc định: motcua.toml ở thư mục hiện tại, nếu có.",
        .helpInbox: "Thư mục nhận tệp xuất mới.",
        .helpArchive: "Thư mục lưu các tệp đã nhập.",
        .helpReportsFolder: "Thư mục ghi báo cáo.",
        .helpRunFormat: "Một dạng báo cáo cần ghi (csv, json, table, form06a, md, html, xlsx); lặp lại để ghi nhiều dạng.",
        .helpProvisional: "Lập cả báo cáo của kỳ đang dở (chứa thời điểm dữ liệu mới nhất), ghi rõ TẠM TÍNH.",
        .helpVerbose: "Ghi nhật ký mọi bước, kể cả chi tiết gỡ lỗi.",
        .helpRunQuiet: "Chỉ ghi nhật ký cảnh báo và lỗi.",
        .helpCalendar: "Liệt kê các ngày nghỉ và ngày làm bù của cán bộ, công chức trong một năm, kèm căn cứ.",
        .helpCalendarDetails: "Các năm có lịch chính thức đi kèm motcua (mỗi ngày ghi văn bản căn cứ); các năm khác tính theo "
            + "Bộ luật Lao động 2019 với âm lịch Việt Nam và ghi \"computed, not official\". --calendar TỆP (CSV: ngày, loại, "
            + "ghi chú; loại nghỉ hoặc làm) thêm hoặc sửa ngày. Mã thoát: 64 dòng lệnh sai; 65 một dòng của tệp lịch sai; 66 "
            + "không đọc được tệp lịch.",
        .helpYear: "Năm ({years}).",
        .helpCalendarFormat: "Dạng: table (cho người đọc) hoặc csv (date,kind,source).",
        .helpCalendarFile: "Tệp CSV các ngày cần thêm hoặc sửa: ngày, loại (nghỉ hoặc làm), ghi chú.",
        .helpUnitsCommand: "Liệt kê mọi đơn vị với các cách viết tên trong tệp xuất và số hồ sơ, hoặc ghi tệp tên đơn vị ban đầu.",
        .helpUnitsDetails: "motcua units --write units.csv TỆP... ghi tệp name,unit: mỗi cách viết → tên đơn vị như báo cáo ghi. "
            + "Sửa cột unit thành tên chính thức (hai đơn vị cùng tên là gộp làm một), rồi dùng với --units hoặc units = trong "
            + "motcua.toml. Với --units TỆP có cột parent và level, liệt kê thêm đơn vị cấp trên và cấp của từng đơn vị (mọi đơn "
            + "vị của tệp, có hồ sơ hay không) và tệp ghi là name,unit,parent,level.",
        .helpUnitsWrite: "Ghi tệp tên đơn vị ban đầu (name,unit) vào đây.",
        .helpRunBy: "Cộng các dòng của báo cáo theo tệp đơn vị: parent (các đơn vị của từng đơn vị cấp trên và dòng cộng) hoặc "
            + "level=huyện (một dòng cho mỗi đơn vị ở cấp đó); unit (mặc định) lập theo từng đơn vị.",
    ]
}
