import Metrics
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

extension CountColumn {
    var wording: ColumnWording {
        switch self {
        case .carriedOver: return ColumnWording(short: .carriedOverShort, page: .carriedOver, group: .groupReceived, sheet: .carriedOver)
        case .receivedNew: return ColumnWording(short: .receivedNewShort, page: .receivedNew, group: .groupReceived, sheet: .receivedNew)
        case .receivedOnline: return ColumnWording(short: .online, page: .online, group: .groupReceived, sheet: .receivedOnline)
        case .receivedDirect: return ColumnWording(page: .direct, group: .groupReceived, sheet: .receivedDirect)
        case .receivedPostal: return ColumnWording(page: .postal, group: .groupReceived, sheet: .receivedPostal)
        case .resolved: return ColumnWording(short: .resolved, page: .groupTotal, group: .resolved, sheet: .resolved)
        case .resolvedEarly: return ColumnWording(short: .early, page: .early, group: .resolved, sheet: .early)
        case .resolvedOnTime: return ColumnWording(short: .onTime, page: .onTime, group: .resolved, sheet: .onTime)
        case .resolvedLate: return ColumnWording(short: .late, page: .late, group: .resolved, sheet: .late)
        case .resolvedWithoutResult: return ColumnWording(page: .withoutResult, group: .resolved, sheet: .withoutResultLong)
        case .pending: return ColumnWording(short: .pending, page: .groupTotal, group: .pending, sheet: .pending)
        case .pendingOverdue: return ColumnWording(short: .pendingOverdue, page: .overdue, group: .pending, sheet: .pendingOverdue)
        case .receivedDigitised, .resolvedWithDigitalResult: return ColumnWording()
        }
    }
}

extension RateColumn {
    var wording: ColumnWording {
        switch self {
        case .onTime: return ColumnWording(short: .onTimeRate, page: .onTime, group: .groupRates, sheet: .onTimeRate)
        case .progress: return ColumnWording(short: .progress, page: .progress, group: .groupRates, sheet: .progress)
        case .online: return ColumnWording(short: .onlineRate, page: .online, group: .groupRates, sheet: .onlineRate)
        case .digitisedDossier:
            return ColumnWording(short: .digitisedDossiers, page: .digitisedDossiers, group: .groupRates, sheet: .digitisedDossiers)
        case .digitisedResult:
            return ColumnWording(short: .digitisedResults, page: .digitisedResults, group: .groupRates, sheet: .digitisedResults)
        }
    }
}

extension KPIColumn {
    var wording: ColumnWording {
        switch self {
        case .count(let column): return column.wording
        case .rate(let column): return column.wording
        case .belowTarget: return ColumnWording(sheet: .belowTargetColumn)
        }
    }
}
