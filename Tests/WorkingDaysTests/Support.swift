import Ingest
import Testing
@testable import WorkingDays

/// `yyyy-MM-dd` → the day (tests only: a typo fails the test).
func day(_ iso: String) -> CivilDay {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, let day = CivilDay(year: parts[0], month: parts[1], day: parts[2]) else {
        Issue.record("not a date: \(iso)")
        return CivilDay(0)
    }
    return day
}

/// `dd/MM/yyyy HH:mm:ss` (or any form of the export spec) → the moment.
func moment(_ text: String) -> LocalMoment {
    guard case .success(let value) = DateValue.parse(text, role: .moment) else {
        Issue.record("not a moment: \(text)")
        return LocalMoment(seconds: 0)
    }
    return value.moment
}

/// The shipped calendar, built once for the whole test target (a broken data file fails here).
let shippedCalendar = try! WorkingCalendar()
