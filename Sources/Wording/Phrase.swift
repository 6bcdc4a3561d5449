/// A phrase people read, by what it says: the key of the strings table. Every phrase has a
/// Vietnamese and an English text (`Phrase+Vietnamese.swift`, `Phrase+English.swift`); a
/// templated one names its arguments as `{slot}`, the same slots in both languages.
public enum Phrase: String, CaseIterable, Sendable {
    // MARK: Reports: titles, the period, rows
    case reportTitle, markdownHeading
    case periodDates, onTimeTarget, basisDecree09, basisCalendar, basisDecree09Heading, basisCalendarHeading
    case basisDates, periodSpan
    case unit, field, noField, total

    // MARK: Reports: legends and flags
    case marksBelowTarget, noUnitBelow, unitsBelow, belowTarget, pageLegend, sheetLegend

    // MARK: KPI columns (the short titles of the table, the titles under a group, the sheet's)
    case carriedOverShort, receivedNewShort, carriedOver, receivedNew, online, direct, postal
    case receivedOnline, receivedDirect, receivedPostal
    case resolved, early, onTime, late, withoutResult, withoutResultLong, pending, overdue, pendingOverdue
    case onTimeRate, progress, onlineRate, digitisedDossiers, digitisedResults, period, belowTargetColumn
    case groupReceived, groupRates, groupTotal

    // MARK: The breakdown
    case breakdownByQuarter, breakdownByHalf, breakdownHeadingQuarter, breakdownHeadingHalf
    case breakdownTextLegend, breakdownLegend, breakdownSheetLegend

    // MARK: Form 06a
    case form06aTitle, form06aPeriod, form06aNumber, form06aTotal
    case form06aToResolve, form06aResolved, form06aPending
    case form06aCarriedOver, form06aOnline, form06aDirectAndPostal, form06aEarly, form06aOnTime, form06aLate
    case form06aNotYetDue

    // MARK: The html page
    case cardOnTime, cardBelow, cardResolved, cardOnline
    case chartOnTime, chartDigital, nothingResolved, targetMark

    // MARK: Inputs (the page's footer, the workbook's sheet)
    case inputs, inputFile, inputSHA256, inputBytes, inputKind, inputEncoding, inputAsOf, inputRows
    case inputAccepted, inputRejected

    // MARK: Workbook sheets
    case sheetKPI, sheetForm06a, sheetInputs, sheetByQuarter, sheetByHalf

    // MARK: Summaries on stderr, check, import
    case summaryTotals, summaryAlias, summaryRejected
    case checkFormat, checkRows, checkIgnored, checkAsOf
    case imported, alreadyImported, importRemoved

    // MARK: Errors: what went wrong, after the file and line
    case errorUnitsUnreadable, errorUnitsFields, errorRejectsUnwritable, errorReportUnwritable, errorRender
    case errorStrictReject, errorReportUnreadable, errorNotJSONReport, errorNoManifest, errorManifestInput
    case errorHashMismatch, errorInputMissing, errorNotAnInput, errorNotInStore, errorNoSuchUnit, errorNoOccurrence

    // MARK: The calendar
    case calendarTitleOfficial, calendarTitleComputed, calendarOverrides
    case calendarDate, calendarWeekday, calendarKind, calendarSource, dayOff, workingDay, calendarSummary
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case holidayNewYear, holidayLunarNewYearsEve, holidayTet1, holidayTet2, holidayTet3, holidayTet4, holidayHungKings
    case holidayReunification, holidayLabour, holidayNationalDayEve, holidayNationalDay
    case labourCodeHoliday, labourCodeInLieu
    case calendarUnreadable, calendarNotText, calendarMalformedQuote, calendarTooManyFields, calendarMissingKind
    case calendarBadDate, calendarOutsideYears, calendarUnknownKind, calendarDuplicateDate
}

/// A named argument of a templated phrase: `{period}` in the text.
public enum Slot: String, CaseIterable, Sendable {
    case period, basis, start, end, target, mark, count, list, title, periods
    case files, rows, dossiers, rejected, accepted, collapsed
    case name, unit, reason, kind, encoding, delimiter, columns, moment, file, id, hash, stored
    case found, expected, input, store, code, year, holiday, day, off, work, days, text, years, line
}
