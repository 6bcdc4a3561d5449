// WORDING of the calendar: every word people read from WorkingDays, in one place, Vietnamese
// and English, until these phrases move to the Wording module's one strings table.

/// The language of what people read (the Wording module's `Language`, once it exists).
public enum CalendarLanguage: String, CaseIterable, Sendable {
    case vi, en
}

enum CalendarWording {
    /// The heading of a year's listing.
    static func title(year: Int, basis: YearSchedule.Basis, in language: CalendarLanguage) -> String {
        switch (language, basis) {
        case (.vi, .official):
            return "Lịch nghỉ năm \(year) của cán bộ, công chức, viên chức: lịch chính thức"
        case (.vi, .computed):
            return "Lịch nghỉ năm \(year) của cán bộ, công chức, viên chức: tính theo Bộ luật Lao động 2019, "
                + "chưa phải lịch chính thức (computed, not official)"
        case (.en, .official):
            return "Days off of civil servants in \(year): official schedule"
        case (.en, .computed):
            return "Days off of civil servants in \(year): computed, not official (Labour Code 2019)"
        }
    }

    static func overridesLine(file: String, count: Int, in language: CalendarLanguage) -> String {
        switch language {
        case .vi: return "Có \(count) ngày theo tệp --calendar \(file)."
        case .en: return "\(count) day\(count == 1 ? "" : "s") from the --calendar file \(file)."
        }
    }

    static func header(in language: CalendarLanguage) -> [String] {
        switch language {
        case .vi: return ["Ngày", "Thứ", "Loại", "Nguồn"]
        case .en: return ["Date", "Weekday", "Kind", "Source"]
        }
    }

    static func kind(_ kind: DayKind, in language: CalendarLanguage) -> String {
        switch (language, kind) {
        case (.vi, .off): return "nghỉ"
        case (.vi, .work): return "làm việc"
        case (.en, .off): return "day off"
        case (.en, .work): return "working day"
        }
    }

    static func summary(off: Int, work: Int, workingDays: Int, in language: CalendarLanguage) -> String {
        switch language {
        case .vi:
            return "\(off) ngày nghỉ trong tuần, \(work) ngày làm việc vào thứ Bảy hoặc Chủ nhật; "
                + "cả năm \(workingDays) ngày làm việc."
        case .en:
            return "\(off) weekday\(off == 1 ? "" : "s") off, \(work) weekend working day\(work == 1 ? "" : "s"); "
                + "\(workingDays) working days in the year."
        }
    }

    static func weekday(_ day: Weekday, in language: CalendarLanguage) -> String {
        let vi = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return (language == .vi ? vi : en)[day.rawValue - 1]
    }

    /// The Labour Code's name of a holiday (the csv's source column uses the Vietnamese one).
    static func holiday(_ holiday: Holiday, in language: CalendarLanguage) -> String {
        switch (language, holiday) {
        case (.vi, .newYear): return "Tết Dương lịch"
        case (.vi, .lunarNewYearsEve): return "ngày cuối năm âm lịch"
        case (.vi, .tet1): return "mùng 1 Tết"
        case (.vi, .tet2): return "mùng 2 Tết"
        case (.vi, .tet3): return "mùng 3 Tết"
        case (.vi, .tet4): return "mùng 4 Tết"
        case (.vi, .hungKings): return "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
        case (.vi, .reunification): return "Ngày Chiến thắng (30/4)"
        case (.vi, .labour): return "Ngày Quốc tế lao động (1/5)"
        case (.vi, .nationalDayEve): return "Quốc khánh (1/9)"
        case (.vi, .nationalDay): return "Quốc khánh (2/9)"
        case (.en, .newYear): return "New Year's Day"
        case (.en, .lunarNewYearsEve): return "last day of the lunar year"
        case (.en, .tet1): return "Tết, day 1"
        case (.en, .tet2): return "Tết, day 2"
        case (.en, .tet3): return "Tết, day 3"
        case (.en, .tet4): return "Tết, day 4"
        case (.en, .hungKings): return "Hùng Kings' Commemoration (10/3 lunar)"
        case (.en, .reunification): return "Reunification Day (30/4)"
        case (.en, .labour): return "Labour Day (1/5)"
        case (.en, .nationalDayEve): return "National Day (1/9)"
        case (.en, .nationalDay): return "National Day (2/9)"
        }
    }

    /// Where a day comes from, for people.
    static func origin(_ origin: DayOrigin, in language: CalendarLanguage) -> String {
        switch origin {
        case .official(let source):
            return source
        case .holiday(let holiday):
            return (language == .vi ? "Bộ luật Lao động 2019 Điều 112: " : "Labour Code 2019 art. 112: ")
                + Self.holiday(holiday, in: language)
        case .compensatory(let holiday, let day):
            // "trùng thứ Bảy 06/02/2027", "trùng Chủ nhật …", "on Saturday …".
            var name = weekday(day.weekday, in: language)
            if language == .vi, name.hasPrefix("Thứ") { name = "thứ" + name.dropFirst(3) }
            let on = "\(name) \(day)"
            return language == .vi
                ? "Bộ luật Lao động 2019 Điều 111 khoản 3: nghỉ bù \(Self.holiday(holiday, in: .vi)) trùng \(on)"
                : "Labour Code 2019 art. 111(3): in lieu of \(Self.holiday(holiday, in: .en)) on \(on)"
        case .override(let file, let line, let note):
            return "--calendar \(file):\(line)" + (note.isEmpty ? "" : ": \(note)")
        }
    }

    /// The csv's source column: the notice of an official day, else the Vietnamese legal
    /// wording, marked "computed, not official" for a computed day (machine output is the
    /// same whatever the language).
    static func csvSource(_ origin: DayOrigin) -> String {
        origin.isComputed ? "computed, not official: " + Self.origin(origin, in: .vi) : Self.origin(origin, in: .vi)
    }

    /// One line about a calendar file's fault: `file:line: field: what is wrong`.
    static func message(for error: CalendarFileError, in language: CalendarLanguage) -> String {
        var place = error.file
        if let line = error.line { place += ":\(line)" }
        if let field = error.field { place += ": \(field.rawValue)" }
        let vi = language == .vi
        let what: String
        switch error.kind {
        case .unreadable(let reason):
            what = vi ? "không đọc được tệp lịch (\(reason))" : "cannot read the calendar file (\(reason))"
        case .notText:
            what = vi ? "không phải văn bản UTF-8" : "not UTF-8 text"
        case .malformedQuote:
            what = vi ? "dấu ngoặc kép không đóng hoặc sai chỗ" : "a quote that does not close, or text after a closing quote"
        case .tooManyFields(let n):
            what = vi ? "có \(n) cột, tối đa 3 (ngày, loại, ghi chú); ghi chú có dấu phẩy phải đặt trong ngoặc kép"
                : "\(n) fields, at most 3 (date, kind, note); quote a note that holds a comma"
        case .missingKind:
            what = vi ? "thiếu cột loại (nghỉ hoặc làm)" : "no kind (nghỉ or làm)"
        case .badDate(let text):
            what = vi ? "'\(text)' không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy, không kèm giờ)"
                : "'\(text)' is not a date (yyyy-MM-dd or dd/MM/yyyy, without a time)"
        case .outsideYears(let text):
            let years = "\(WorkingCalendar.years.lowerBound)–\(WorkingCalendar.years.upperBound)"
            what = vi ? "ngày \(text) nằm ngoài các năm của lịch (\(years))" : "\(text) is outside the calendar's years (\(years))"
        case .unknownKind(let text):
            what = vi ? "loại '\(text)' không hợp lệ: ghi nghỉ hoặc làm" : "unknown kind '\(text)': write nghỉ or làm"
        case .duplicateDate(let text, let first):
            what = vi ? "ngày \(text) đã có ở dòng \(first)" : "\(text) is already given on line \(first)"
        }
        return "\(place): \(what)"
    }
}
