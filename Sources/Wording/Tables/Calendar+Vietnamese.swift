extension Phrase {
    /// The Vietnamese of `motcua calendar` and of its `--calendar` files.
    static let vietnameseCalendar: [Phrase: String] = [
        .calendarTitleOfficial: "Lịch nghỉ năm {year} của cán bộ, công chức, viên chức: lịch chính thức",
        .calendarTitleComputed: "Lịch nghỉ năm {year} của cán bộ, công chức, viên chức: tính theo Bộ luật Lao động 2019, "
            + "chưa phải lịch chính thức (computed, not official)",
        .calendarOverrides: "Có {count} ngày theo tệp --calendar {file}.",
        .calendarDate: "Ngày",
        .calendarWeekday: "Thứ",
        .calendarKind: "Loại",
        .calendarSource: "Nguồn",
        .dayOff: "nghỉ",
        .workingDay: "làm việc",
        .calendarSummary: "{off} ngày nghỉ trong tuần, {work} ngày làm việc vào thứ Bảy hoặc Chủ nhật; "
            + "cả năm {days} ngày làm việc.",
        .monday: "Thứ Hai", .tuesday: "Thứ Ba", .wednesday: "Thứ Tư", .thursday: "Thứ Năm", .friday: "Thứ Sáu",
        .saturday: "Thứ Bảy", .sunday: "Chủ nhật",
        .holidayNewYear: "Tết Dương lịch",
        .holidayLunarNewYearsEve: "ngày cuối năm âm lịch",
        .holidayTet1: "mùng 1 Tết", .holidayTet2: "mùng 2 Tết", .holidayTet3: "mùng 3 Tết", .holidayTet4: "mùng 4 Tết",
        .holidayHungKings: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
        .holidayReunification: "Ngày Chiến thắng (30/4)",
        .holidayLabour: "Ngày Quốc tế lao động (1/5)",
        .holidayNationalDayEve: "Quốc khánh (1/9)",
        .holidayNationalDay: "Quốc khánh (2/9)",
        .labourCodeHoliday: "Bộ luật Lao động 2019 Điều 112: {holiday}",
        .labourCodeInLieu: "Bộ luật Lao động 2019 Điều 111 khoản 3: nghỉ bù {holiday} trùng {day}",

        // --calendar files that cannot be used
        // The columns as a Vietnamese calendar file heads them.
        .calendarColumnDate: "ngày",
        .calendarColumnKind: "loại",
        .calendarColumnNote: "ghi chú",
        .calendarUnreadable: "không đọc được tệp lịch ({reason})",
        .calendarNotText: "không phải văn bản UTF-8",
        .calendarEmpty: "tệp rỗng: tệp lịch phải liệt kê các ngày (chỉ có dòng tiêu đề nếu không có ngày nào)",
        .calendarMalformedQuote: "dấu ngoặc kép không đóng hoặc sai chỗ",
        .calendarTooManyFields: "có {count} cột, tối đa 3 (ngày, loại, ghi chú); ghi chú có dấu phẩy phải đặt trong ngoặc kép",
        .calendarMissingKind: "thiếu cột loại (nghỉ hoặc làm)",
        .calendarBadDate: "'{text}' không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy, không kèm giờ)",
        .calendarOutsideYears: "ngày {text} nằm ngoài các năm của lịch ({years})",
        .calendarUnknownKind: "loại '{text}' không hợp lệ: ghi nghỉ hoặc làm",
        .calendarDuplicateDate: "ngày {text} đã có ở dòng {line}",
    ]
}
