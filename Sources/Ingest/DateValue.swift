/// A date read from an export: the moment, and whether the export gave a time of day.
///
/// Whether a time was given matters twice in the rules: a date-only deadline means the end of
/// that day, and "finished before received" is judged by day when either side has no time.
public struct DateValue: Hashable, Sendable {
    public var moment: LocalMoment
    public var hasTime: Bool

    public init(moment: LocalMoment, hasTime: Bool) {
        self.moment = moment
        self.hasTime = hasTime
    }

    /// Why a date field could not be read.
    public enum Failure: Error, Equatable, Sendable {
        /// Not one of the date forms of the spec.
        case unreadable
        /// The right form, but no such day or time (31/02/2023, 25:00).
        case nonexistent
    }

    /// What a date-only value means: a deadline runs to 23:59:59 of its day, any other moment
    /// starts at 00:00:00.
    public enum Role: Sendable { case deadline, moment }
}

extension DateValue {
    /// Parses one of the spec's date forms from UTF-8 bytes (already trimmed):
    /// `d/M/yyyy[ H:mm[:ss]]`, `yyyy-MM-dd[( |T)HH:mm[:ss][Z|±HH:mm|±HHmm|±HH]]`,
    /// `yyyyMMddHHmmss` and `yyyyMMdd`.
    ///
    /// Works on bytes because every accepted row has up to four dates: building a `String`
    /// for each would dominate the ingest time.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, role: Role) -> Result<DateValue, Failure> {
        var scanner = DigitScanner(bytes)
        let fields: DateFields?
        if bytes.count == 14 || bytes.count == 8, bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
            fields = scanner.compact()
        } else if bytes.count >= 10, bytes[4] == UInt8(ascii: "-") {
            fields = scanner.iso()
        } else {
            fields = scanner.dayFirst()
        }
        guard let f = fields, scanner.atEnd else { return .failure(.unreadable) }
        guard let days = CivilDate.daysSinceEpoch(year: f.year, month: f.month, day: f.day),
              f.hour <= 23, f.minute <= 59, f.second <= 59
        else { return .failure(.nonexistent) }
        var seconds = days * 86_400 + Int64(f.hour * 3600 + f.minute * 60 + f.second)
        if let offset = f.offsetSeconds {
            seconds += LocalMoment.utcOffset - Int64(offset)
        }
        if !f.hasTime, role == .deadline {
            seconds += 86_399
        }
        return .success(DateValue(moment: LocalMoment(seconds: seconds), hasTime: f.hasTime))
    }

    /// Convenience for tests and the command line: parses a `String`.
    public static func parse(_ text: String, role: Role) -> Result<DateValue, Failure> {
        var copy = text.trimmingWhitespace
        return copy.withUTF8 { parse($0, role: role) }
    }
}

private struct DateFields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var hasTime = false
    var offsetSeconds: Int?
}

/// Reads fixed-width and variable-width digit groups and separators off a byte buffer.
private struct DigitScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skip(_ ascii: Unicode.Scalar) -> Bool {
        guard current == UInt8(ascii: ascii) else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits.
    mutating func digits(_ count: Int) -> Int? { digits(min: count, max: count) }

    /// Between `min` and `max` digits.
    @inline(__always)
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0, n = 0
        while n < max, let b = current, b &- 0x30 < 10 {
            value = value * 10 + Int(b - 0x30)
            index += 1
            n += 1
        }
        return n >= min ? value : nil
    }

    /// `yyyyMMdd[HHmmss]`, all digits already checked: positional arithmetic only (the portal
    /// feed has up to four of these per row).
    mutating func compact() -> DateFields? {
        @inline(__always) func two(_ i: Int) -> Int { Int(bytes[i] &- 0x30) * 10 + Int(bytes[i + 1] &- 0x30) }
        var f = DateFields()
        (f.year, f.month, f.day) = (two(0) * 100 + two(2), two(4), two(6))
        if bytes.count == 14 {
            (f.hour, f.minute, f.second, f.hasTime) = (two(8), two(10), two(12), true)
        }
        index = bytes.count
        return f
    }

    mutating func dayFirst() -> DateFields? {
        var f = DateFields()
        guard let d = digits(min: 1, max: 2), skip("/"),
              let m = digits(min: 1, max: 2), skip("/"),
              let y = digits(4) else { return nil }
        (f.year, f.month, f.day) = (y, m, d)
        guard !atEnd else { return f }
        guard skipSpaces(), time(into: &f, hourDigits: 1) else { return nil }
        return f
    }

    mutating func iso() -> DateFields? {
        var f = DateFields()
        guard let y = digits(4), skip("-"), let m = digits(2), skip("-"), let d = digits(2) else {
            return nil
        }
        (f.year, f.month, f.day) = (y, m, d)
        guard !atEnd else { return f }
        // No fractional seconds: the spec's forms end at `:ss` (a `.250` is unreadable).
        guard skip("T") || skipSpaces(), time(into: &f, hourDigits: 2) else { return nil }
        if skip("Z") {
            f.offsetSeconds = 0
        } else if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            index += 1
            // `+07`, `+0700` or `+07:00`: minutes, when begun, are two digits (`+05:3` is unreadable).
            guard let oh = digits(2), oh <= 14 else { return nil }
            var om = 0
            if skip(":") || current.map({ $0 &- 0x30 < 10 }) == true {
                guard let minutes = digits(2), minutes <= 59 else { return nil }
                om = minutes
            }
            let offset = oh * 3600 + om * 60
            f.offsetSeconds = sign == UInt8(ascii: "+") ? offset : -offset
        }
        return f
    }

    private mutating func skipSpaces() -> Bool {
        var skipped = false
        while current == 0x20 {
            index += 1
            skipped = true
        }
        return skipped
    }

    private mutating func time(into f: inout DateFields, hourDigits: Int) -> Bool {
        guard let h = digits(min: hourDigits, max: 2), skip(":"), let mi = digits(2) else { return false }
        (f.hour, f.minute, f.hasTime) = (h, mi, true)
        if skip(":") {
            guard let s = digits(2) else { return false }
            f.second = s
        }
        return true
    }
}
