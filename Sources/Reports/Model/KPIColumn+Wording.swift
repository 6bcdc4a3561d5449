import KPIMetrics
import Wording

/// How the people's formats title a column of the KPI table: its short title in the table and
/// Markdown (none: not shown there), its title on the page under its group, and its title in
/// the workbook. One entry a column.
struct ColumnWording {
    var short: Phrase?
    var page: Phrase?
    var group: Phrase?
    var sheet: Phrase?
}

extension KPIColumn {
    var wording: ColumnWording {
        switch self {
        case .count(.carriedOver):
            return ColumnWording(short: .carriedOverShort, page: .carriedOver, group: .groupReceived, sheet: .carriedOver)
        case .count(.receivedNew):
            return ColumnWording(short: .receivedNewShort, page: .receivedNew, group: .groupReceived, sheet: .receivedNew)
        case .count(.receivedOnline):
            return ColumnWording(short: .online, page: .online, group: .groupReceived, sheet: .receivedOnline)
        case .count(.receivedDirect): return ColumnWording(page: .direct, group: .groupReceived, sheet: .receivedDirect)
        case .count(.receivedPostal): return ColumnWording(page: .postal, group: .groupReceived, sheet: .receivedPostal)
        case .count(.resolved): return ColumnWording(short: .resolved, page: .groupTotal, group: .resolved, sheet: .resolved)
        case .count(.resolvedEarly): return ColumnWording(short: .early, page: .early, group: .resolved, sheet: .early)
        case .count(.resolvedOnTime): return ColumnWording(short: .onTime, page: .onTime, group: .resolved, sheet: .onTime)
        case .count(.resolvedLate): return ColumnWording(short: .late, page: .late, group: .resolved, sheet: .late)
        case .count(.resolvedWithoutResult):
            return ColumnWording(page: .withoutResult, group: .resolved, sheet: .withoutResultLong)
        case .count(.pending): return ColumnWording(short: .pending, page: .groupTotal, group: .pending, sheet: .pending)
        case .count(.pendingOverdue):
            return ColumnWording(short: .pendingOverdue, page: .overdue, group: .pending, sheet: .pendingOverdue)
        case .count(.receivedDigitised), .count(.resolvedWithDigitalResult):
            return ColumnWording()  // numerators of rates: no column of their own
        case .rate(.onTime): return ColumnWording(short: .onTimeRate, page: .onTime, group: .groupRates, sheet: .onTimeRate)
        case .rate(.progress): return ColumnWording(short: .progress, page: .progress, group: .groupRates, sheet: .progress)
        case .rate(.online): return ColumnWording(short: .onlineRate, page: .online, group: .groupRates, sheet: .onlineRate)
        case .rate(.digitisedDossier):
            return ColumnWording(short: .digitisedDossiers, page: .digitisedDossiers, group: .groupRates, sheet: .digitisedDossiers)
        case .rate(.digitisedResult):
            return ColumnWording(short: .digitisedResults, page: .digitisedResults, group: .groupRates, sheet: .digitisedResults)
        case .belowTarget: return ColumnWording(sheet: .belowTargetColumn)
        }
    }
}
