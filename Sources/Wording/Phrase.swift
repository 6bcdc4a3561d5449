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

    // MARK: Provisional reports, the period compared with, form 06a's header and signatures
    case provisionalTitle, onTimePrevious, onTimeLastYear, onTimeChange, comparedWith
    case form06aNumberLine, form06aIssued, reportingUnit, receivingUnit, form06aMeasure
    case signaturePlaceDate, signaturePreparer, signaturePreparerNote, signatureHead, signatureHeadNote
    case yes, chartTrend, zoomedAxis

    // MARK: Summaries on stderr, check, import
    case summaryTotals, summaryAlias, summaryRejected
    case checkFormat, checkRows, checkIgnored, checkAsOf
    case imported, alreadyImported, importRemoved
    case checkRejected, kindPortalSync, kindPortalVN, kindSpreadsheet

    // MARK: Inputs: files that cannot be read, the store, rejected rows, exports cut off
    case ingestUnreadable, ingestNoSuchFile, ingestPermissionDenied, fileIsDirectory, fileNotADirectory, fileLinkLoop, fileNameTooLong, fileNotRegular, ingestIsDirectory, ingestNotRegularFile
    case nodePipe, nodeCharacterDevice, nodeBlockDevice, nodeSocket, nodeOther
    case ingestNameNotUTF8, ingestEmpty, ingestNotText
    case notTextNUL, notTextUndefined1258, notTextInvalidUTF8, notTextOddUTF16, notTextSurrogate, notTextNULCharacter
    case ingestMalformedHeader, ingestHeaderTooLong, ingestMissingColumns, ingestDuplicateColumn, ingestShrank, ingestTooManyNames, ingestTooManyInputs
    case ingestRejectedRow, ingestSpreadsheet
    case storeMissing, storeNotAStore, storeNewerSchema, storeBusy, storeReadOnly, storeCannotCreate, storeNoSuchImport, storeFailed
    case storeNameIDClash, storeUnitNames, storeProcedures, storeTooManyNames, storeDiskFull, storeIOError, storeDamaged, storeOlderReadOnly, storeFolderNotWritable
    case serverInvalidURL, urlNotAURL, urlNoHost, urlNoUser, urlPortOutOfRange, urlSlashInDatabaseName
    case urlUnknownTLSMode, urlUnknownParameter, serverUnreadableRootCertificate
    case serverCannotConnect, serverCannotSetUpTLS, serverTLSNotOffered, serverPasswordNeeded
    case serverAuthenticationFailed, serverAuthenticationRefused, serverConnectionLost, serverSessionEnded
    case connectionRefused, connectionTimedOut, connectionUnresolvableHost, connectionNoAddress
    case connectionUntrustedCertificate, connectionCertificateForAnotherHost, connectionTLS, connectionUnknown
    case rejectMissingValue, rejectUnreadableDate, rejectNonexistentDate, rejectUnknownChannel, rejectUnknownStatus
    case rejectInvalidYesNo, rejectFinishedWithoutDate, rejectFinishedBeforeReceived, rejectTooManyFields
    case rejectMalformedQuote, rejectUnterminatedQuote, rejectRecordTooLong
    case rejectedMissingValue, rejectedUnreadableDate, rejectedNonexistentDate, rejectedUnknownChannel
    case rejectedUnknownStatus, rejectedInvalidYesNo, rejectedFinishedWithoutDate, rejectedFinishedBeforeReceived
    case rejectedTooManyFields, rejectedMalformedQuote, rejectedUnterminatedQuote, rejectedRecordTooLong
    case cutOffWarning, cutOffOpenQuote, cutOffShortRecord

    // MARK: explain and units
    case explainCode, explainProcedure, explainChannel, explainReceived, explainDue, explainFinished, explainStatus
    case explainFile, explainLine, explainReason, explainUnit, explainState
    case channelDirect, channelOnline, channelPostal
    case statusRegistered, statusAccepted, statusNotAccepted, statusProcessing, statusAwaitingSupplement
    case statusAwaitingPayment, statusWithdrawn, statusStopped, statusProcessed, statusReturned, statusCode, statusNamed
    case countedCarriedOver, countedReceivedNew, countedReceivedChannel, countedReceivedDigitised, countedResolved
    case countedEarly, countedOnTime, countedOnTimeNoDeadline, countedLate, countedWithoutResult, countedDigitalResult
    case countedPending, countedPendingOverdue, occurrenceWins, occurrenceSuperseded, occurrenceRejected
    case unitsUnit, unitsSpelling, unitsDossiers, unitsWritten, unitsParent, unitsLevel

    // MARK: Errors: what went wrong, after the file and line
    case errorUnitsUnreadable, errorUnitsFields, errorRejectsUnwritable, errorReportUnwritable, errorFolderUnmakeable, errorStandardOutputUnwritable, errorRender
    case errorStrictReject, errorReportUnreadable, errorNotJSONReport, errorNoManifest, errorManifestInput
    case errorHashMismatch, errorInputMissing, errorNotAnInput, errorNotInStore, errorNoSuchUnit, errorNoOccurrence
    case errorSuggestUnits, errorUnknownColumn, errorAmbiguousColumn

    // MARK: Units in a hierarchy: the units file's errors, roll-up rows
    case errorUnitsLevel, errorUnitsParent, errorUnitsParentAliased, errorUnitsConflict, errorUnitsNoUnit, errorUnitsCycle
    case rollUpSubtotal, rollUpNoParent, rollUpOutside, rollUpParentLegend, rollUpLevelLegend
    case errorUnitsNoHierarchy, usageRollUpUnits, usageRollUpTable

    // MARK: motcua run: the log, the lock, the configuration
    case runInboxEmpty, runImporting, runSetAside, runNoData, runDataAsOf, runPeriodOpen, runAlias, runAliasUnused, runCatalogueReject
    case runUpToDate, runFiguresChanged, runWrote, runWroteProvisional, runProvisionalRemoved, runDone
    case runLockHeld, runLockPid, runLockFailed
    case configUnusedFormatKey, configAliasConflict, configInInbox
    case runInboxSkipped, runSkipFolder, runSkipUnreadable
    case letterNotYetDue
    case configUnreadable, configNotText, configSyntax, configUnusedKey, configUnknownKey, configWrongType, configBadValue
    case configString, configStrings, configNumber, configBool, configTable
    case configByNoHierarchy, configByNoUnits, configByForm06a, runRollUp

    // MARK: --help: each command's summary, each option's help
    case helpMotcua, helpExitStatus, helpReport, helpPeriod, helpBasis, helpFormat, helpBy, helpBreakdown, helpTarget
    case helpLang, helpOutput, helpTable, helpCompare, helpReportingUnit, helpReceivingUnit, helpStrict, helpQuiet
    case helpEncoding, helpDelimiter, helpAsOf, helpRejects, helpUnits, helpFiles, helpDB, helpCheck, helpCheckDetails
    case helpImport, helpImportDetails, helpImports, helpImportsList, helpImportsRemove, helpImportID
    case helpVerify, helpVerifyDetails, helpVerifyReport, helpVerifyFiles, helpVerifyUnits
    case verifyRollUpUnchecked, verifyUnitsUnused
    case helpExplain, helpExplainDetails, helpExplainPeriod, helpExplainUnit, helpExplainCount, helpExplainDossier
    case helpListingFormat, helpRejectsCommand, helpRejectsImport, helpRejectsOutput
    case helpRun, helpRunDetails, helpConfig, helpInbox, helpArchive, helpReportsFolder, helpRunFormat, helpProvisional
    case helpVerbose, helpRunQuiet, helpCalendar, helpCalendarDetails, helpYear, helpCalendarFormat, helpCalendarFile
    case helpUnitsCommand, helpUnitsDetails, helpUnitsWrite, helpRunBy

    // MARK: Wrong command lines, and the frame of --help
    case usageRunBy
    case usagePeriod, usageTarget, usageLang, usageLangVariable, usageReadOptionWithoutFiles, usageOutputIsInput, usageImportOption, usageEncoding, usageDelimiter, usageMoment, usageBreakdownFormat, usageBreakdownTable
    case usageBreakdownPeriod, usageXLSXOutput, usageByField, usageTableMachine, usageForm06aTable, usageFormUnit, usageNeedFiles, usageEmptyDB, usageExplainEither
    case usageExplainAll, usageYear, usageRunFormat
    case usageUnknownOption, usageDidYouMean, usageMissingValue, usageUnexpected, usageMissingArgument
    case usageInvalidValue, usageOneOf, usageNoValue, usageMissingSubcommand, usageRepeated, usageOther, usageSeeHelp
    case chromeOverview, chromeUsage, chromeArguments, chromeOptions, chromeSubcommands, chromeShowHelp
    case chromeShowVersion, chromeDefault, chromeValues, chromeSeeHelp, chromeOptionsToken, chromeSubcommandToken

    // MARK: The calendar
    case calendarTitleOfficial, calendarTitleComputed, calendarOverrides
    case calendarDate, calendarWeekday, calendarKind, calendarSource, dayOff, workingDay, calendarSummary
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case holidayNewYear, holidayLunarNewYearsEve, holidayTet1, holidayTet2, holidayTet3, holidayTet4, holidayHungKings
    case holidayReunification, holidayLabour, holidayNationalDayEve, holidayNationalDay
    case labourCodeHoliday, labourCodeInLieu
    case calendarColumnDate, calendarColumnKind, calendarColumnNote
    case calendarUnreadable, calendarNotText, calendarEmpty, calendarMalformedQuote, calendarTooManyFields, calendarMissingKind
    case calendarBadDate, calendarOutsideYears, calendarUnknownKind, calendarDuplicateDate

    // MARK: The service columns, the catalogue, the plan and the service index (issue 12)
    case rejectUnknownPayment, rejectInvalidAmount, rejectInvalidWholeNumber, rejectUnknownRating
    case rejectUnknownRouting, rejectUnknownServiceLevel, rejectDuplicateProcedure
    case rejectedUnknownPayment, rejectedInvalidAmount, rejectedInvalidWholeNumber, rejectedUnknownRating
    case rejectedUnknownRouting, rejectedUnknownServiceLevel, rejectedDuplicateProcedure
    case summaryCatalogue, summaryMissingProcedures, summaryMissingProcedure
    case planTitle, indexTitle, planHeading, indexHeading
    case targetOnTime, targetEligibleOnline, targetDigitisedResult, targetSatisfied, targetElectronicRouting
    case indicatorProgress, indicatorFullOnline, indicatorOnlinePayment, indicatorEResult, indicatorDigitised
    case indicatorReuse, indicatorDataStore, indicatorVNeID, indicatorSatisfaction, indicatorTotal
    case columnTarget, columnIndicator, columnNumerator, columnDenominator, columnRate, columnGoal, columnMet
    case columnMaxPoints, columnPoints, met, notMet, missedTargets, allTargetsMet, noTargetFigures, belowFullMarks, allFullMarks
    case indexOutOf62, chartIndexPoints, pointsValue, pointsOutOf, sheetPlan, sheetIndex, noCatalogue, catalogueUsed, goalsLine
    case helpCatalogue, helpGoal, helpExplainTable, usageGoal, usageGoalTwice, usageGoalTable, usageExplainFigure, usageExplainIndexFigure, usageExplainTable
    case figureNumerator, figureDenominator
    case whyOnTimeNum, whyResolved, whyEligibleOnlineNum, whyEligibleOnlineDen, whyDigitisedResultNum
    case whyDigitisedResultDen, whySatisfiedNum, whySatisfiedDen, whyRoutingNum, whyRoutingDen, whyProgressNum
    case whyProgressDen, whyFullOnlineNum, whyFullOnlineDen, whyPaymentNum, whyPaymentDen, whyEResultNum, whyEResultDen
    case whyDigitisedNum, whyReceived, whyReuseNum, whyReuseDen, whyDataStoreNum, whyDataStoreDen, whyVNeIDNum
    case whyVNeIDDen, whyComplaintNum, whyComplaintFiled, whyComplaintRatedAndFiled, whyComplaintDen, whyLate

    // MARK: Deadlines, late lists, resolution time, the audit, apology letters (issue 13)
    case lateTitle, dueWithinTitle, resolutionTitle, auditTitle, listEmpty, dueWithinSubtitle
    case columnProcedureCode, columnProcedureName, columnDossierCode, columnKind, columnReceived, columnDue
    case columnFinished, columnWorkingDaysLate, columnApology, columnWorkingDaysLeft, columnDossiers
    case columnWorkingDaysTotal, columnAverageWorkingDays, columnAllowedDue, columnWorkingDaysBeyond, columnFinding
    case kindResolvedLate, kindPendingOverdue, findingLaterThanAllowed, findingMissingDue, noProcedure
    case deadlinesFilled, workingDaysNote, lateByProcedure, lateByProcedureLine
    case helpLate, helpLateDetails, helpDueWithin, helpDeadlines, helpDeadlinesDetails, helpFillDeadlines
    case helpCalendarOverrides, helpApologies, helpApologiesDetails, helpLetterFormat, helpLetterOutput, helpListFormat
    case usageFillDeadlinesCatalogue, usageFillDeadlinesHere, usageDueWithinAsOf, usageDueWithinDays, usageDueWithinPeriod, usageNeedCatalogue
    case usageLetterFormat, usageListFormat
    case letterTitle, letterNational, letterMotto, letterNumber, letterUnit, letterDossier, letterProcedure
    case letterReceived, letterPromised, letterBody, letterReason, letterNewDate, letterApplicant, letterClosing
    case letterSigner, letterSignerNote, letterPlaceDate, letterNone, lettersCount
}

/// A named argument of a templated phrase: `{period}` in the text.
public enum Slot: String, CaseIterable, Sendable {
    case period, basis, start, end, target, mark, count, list, title, periods
    case files, rows, dossiers, rejected, accepted, collapsed
    case name, unit, reason, kind, encoding, delimiter, columns, moment, file, id, hash, stored
    case found, expected, input, store, code, year, holiday, day, off, work, days, text, years, line
    case first, second, received, due, finished, status, channel
    case points, max, goal, figure, procedure, level
}
