extension Phrase {
    /// The English text of every phrase.
    static let english: [Phrase: String] = [
        // Reports: titles, the period, rows
        .reportTitle: "Administrative procedures: results",
        .markdownHeading: "{title} — {period} ({start} – {end})",
        .periodDates: "Period {period} ({basis}): {start} to {end}.",
        .onTimeTarget: "On-time target: {target}.",
        .basisDecree09: "Decree 09/2019 cut-off",
        .basisCalendar: "calendar months",
        .basisDecree09Heading: "Decree 09/2019 cut-off",
        .basisCalendarHeading: "Calendar months",
        .basisDates: "{basis}: {periods}.",
        .periodSpan: "{period}: {start} – {end}",
        .unit: "Unit",
        .field: "Field",
        .noField: "(unknown field)",
        .total: "TOTAL",

        // Reports: legends and flags
        .marksBelowTarget: "{mark} = below target; — = nothing to rate.",
        .noUnitBelow: "No unit is below target.",
        .unitsBelow: "Units below target ({count}): {list}",
        .belowTarget: "below target",
        .pageLegend: "⚠ on red = on-time rate below the {target} target; — = nothing to rate. "
            + "Rates are computed from the counts and rounded to two decimals.",
        .sheetLegend: "Red rows: below target; an empty rate: nothing to rate.",

        // KPI columns
        .carriedOverShort: "Carried over",
        .receivedNewShort: "New",
        .carriedOver: "Carried over",
        .receivedNew: "New",
        .online: "Online",
        .direct: "Direct",
        .postal: "Postal",
        .receivedOnline: "Received online",
        .receivedDirect: "Received direct",
        .receivedPostal: "Received by post",
        .resolved: "Resolved",
        .early: "Early",
        .onTime: "On time",
        .late: "Late",
        .withoutResult: "Withdrawn, stopped",
        .withoutResultLong: "Withdrawn or stopped",
        .pending: "Pending",
        .overdue: "Overdue",
        .pendingOverdue: "Overdue",
        .onTimeRate: "On-time rate",
        .progress: "Progress",
        .onlineRate: "Online rate",
        .digitisedDossiers: "Digitised dossiers",
        .digitisedResults: "Digitised results",
        .period: "Period",
        .belowTargetColumn: "Below target",
        .groupReceived: "Received",
        .groupRates: "Rates",
        .groupTotal: "Total",

        // The breakdown
        .breakdownByQuarter: "On-time rate by quarter",
        .breakdownByHalf: "On-time rate by half-year",
        .breakdownHeadingQuarter: "On-time rate by quarter, {period}",
        .breakdownHeadingHalf: "On-time rate by half, {period}",
        .breakdownTextLegend: "Target: {target}. * = below target; blank = no dossiers; — = nothing resolved.",
        .breakdownLegend: "⚠ = below target; — = nothing resolved in the period.",
        .breakdownSheetLegend: "{title}, {period}. Target: {target}. Red cells: below target; blank: no dossiers; "
            + "—: nothing resolved.",

        // Form 06a
        .form06aTitle: "ADMINISTRATIVE PROCEDURES RECEIVED AND RESOLVED BY THE UNITS THAT RESOLVE THEM",
        .form06aPeriod: "Period: {period} ({start} to {end})",
        .form06aNumber: "No.",
        .form06aTotal: "Total",
        .form06aToResolve: "Dossiers to resolve",
        .form06aResolved: "Dossiers resolved",
        .form06aPending: "Dossiers pending",
        .form06aCarriedOver: "Carried over",
        .form06aOnline: "New, online",
        .form06aDirectAndPostal: "New, direct and postal",
        .form06aEarly: "Early",
        .form06aOnTime: "On time",
        .form06aLate: "Late",
        .form06aNotYetDue: "Not yet due",

        // The html page
        .cardOnTime: "On-time rate (total)",
        .cardBelow: "Units below target",
        .cardResolved: "Dossiers resolved",
        .cardOnline: "Online rate",
        .chartOnTime: "On-time rate by unit (lowest first)",
        .chartDigital: "Online and digitisation rates by unit (target {target})",
        .nothingResolved: "nothing resolved",
        .targetMark: "Target {target}",

        // Inputs
        .inputs: "Inputs",
        .inputFile: "File",
        .inputSHA256: "SHA-256",
        .inputBytes: "Bytes",
        .inputKind: "Kind",
        .inputEncoding: "Encoding",
        .inputAsOf: "As of",
        .inputRows: "Rows read",
        .inputAccepted: "Accepted",
        .inputRejected: "Rejected",

        // Workbook sheets
        .sheetKPI: "KPI",
        .sheetForm06a: "06a",
        .sheetInputs: "Inputs",
        .sheetByQuarter: "By quarter",
        .sheetByHalf: "By half",

        // Summaries on stderr, check, import
        .summaryTotals: "Files: {files}; rows read: {rows}; dossiers: {dossiers}; rows rejected: {rejected}; "
            + "duplicates collapsed: {collapsed}",
        .summaryAlias: "alias: {name} → {unit}: {count} dossiers",
        .summaryRejected: "rejected: {count} × {reason}",
        .checkFormat: "kind: {kind}; encoding: {encoding}; delimiter: {delimiter}",
        .checkRows: "rows: {rows}; accepted: {accepted}; rejected: {rejected}",
        .checkIgnored: "ignored columns: {columns}",
        .checkAsOf: "as-of: {moment}",
        .imported: "{file}: imported as #{id} (sha256 {hash}…): {rows} rows, {accepted} accepted, {rejected} rejected",
        .alreadyImported: "{file}: already in the store as #{id} ({stored}, sha256 {hash}…): nothing changed",
    ]
}
