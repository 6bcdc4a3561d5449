import Ingest

/// Whether civil servants work on a day a schedule names: the spec's closed vocabulary.
public enum DayKind: String, CaseIterable, Sendable {
    /// A day off (ngày nghỉ) that would otherwise be a working day.
    case off = "nghỉ"
    /// A working day (ngày làm việc), a swapped Saturday or Sunday.
    case work = "làm"

    /// Reads the kind of a `--calendar` row: `nghỉ` or `làm`, in any letter case, with or
    /// without the diacritics (`nghi`, `lam`), or the English `off` and `work`.
    public init?(reading text: String) {
        switch text.normalizedKey {
        case "nghỉ", "nghi", "off": self = .off
        case "làm", "lam", "work": self = .work
        default: return nil
        }
    }
}

/// The public holidays of the Labour Code 2019 (Bộ luật Lao động 2019, Điều 112 khoản 1),
/// as the spec fixes them: 2/9 with 1/9 as its adjacent day.
public enum Holiday: Hashable, Sendable, CaseIterable {
    /// 1/1 (Tết Dương lịch).
    case newYear
    /// The last day of the lunar year (29 or 30 tháng Chạp).
    case lunarNewYearsEve
    /// Tết: the first four days of the lunar year.
    case tet1, tet2, tet3, tet4
    /// 10/3 of the lunar calendar (Giỗ Tổ Hùng Vương).
    case hungKings
    /// 30/4 (Ngày Chiến thắng).
    case reunification
    /// 1/5 (Ngày Quốc tế lao động).
    case labour
    /// 1/9, the day the spec adds next to 2/9.
    case nationalDayEve
    /// 2/9 (Quốc khánh).
    case nationalDay
}

/// Why a day differs from the ordinary Monday-to-Friday week, and on whose word.
public enum DayOrigin: Hashable, Sendable {
    /// The shipped official schedule: the notice or law the day comes from.
    case official(source: String)
    /// A holiday computed by the Labour Code, for a year without an official schedule.
    case holiday(Holiday)
    /// The next working day off, for a computed holiday that fell on `day`, a weekend day.
    case compensatory(for: Holiday, day: CivilDay)
    /// A row of a `--calendar` file.
    case override(file: String, line: Int, note: String)

    /// True when the day comes from the Labour Code's rule, not from an official notice.
    public var isComputed: Bool {
        switch self {
        case .holiday, .compensatory: return true
        case .official, .override: return false
        }
    }
}

/// One day of a schedule: a weekday off, or a weekend day worked.
public struct ScheduleEntry: Hashable, Sendable {
    public var day: CivilDay
    public var kind: DayKind
    public var origin: DayOrigin

    public init(day: CivilDay, kind: DayKind, origin: DayOrigin) {
        self.day = day
        self.kind = kind
        self.origin = origin
    }
}

/// One year's days that differ from the ordinary week, and where the year's schedule comes from.
public struct YearSchedule: Sendable {
    public enum Basis: Sendable, Equatable {
        /// The government's notices for the year ship with motcua.
        case official
        /// No official schedule: the Labour Code's holidays, computed ("computed, not official").
        case computed
    }

    public var year: Int
    public var basis: Basis
    /// In day order, one entry a day; `--calendar` rows already applied.
    public var entries: [ScheduleEntry]

    /// Whether civil servants work on a day of this year.
    public func isWorkingDay(_ day: CivilDay) -> Bool {
        if let entry = entries.first(where: { $0.day == day }) { return entry.kind == .work }
        return !day.weekday.isWeekend
    }

    /// The schedule with `overrides`' days of this year put in place of its own.
    func applying(_ overrides: [ScheduleEntry]) -> YearSchedule {
        let mine = overrides.filter { $0.day.year == year }
        guard !mine.isEmpty else { return self }
        let replaced = Set(mine.map(\.day))
        var copy = self
        copy.entries = (entries.filter { !replaced.contains($0.day) } + mine).sorted { $0.day < $1.day }
        return copy
    }
}
