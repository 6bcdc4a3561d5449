extension Phrase {
    /// The English of `explain` and `units`: a dossier's columns, channels and statuses, why a
    /// dossier is in a column, the units and their spellings.
    static let englishExplain: [Phrase: String] = [
        .explainCode: "Code", .explainProcedure: "Procedure", .explainChannel: "Channel", .explainReceived: "Received",
        .explainDue: "Due", .explainFinished: "Finished", .explainStatus: "Status", .explainFile: "File",
        .explainLine: "Line", .explainReason: "Reason", .explainUnit: "Unit", .explainState: "State",
        .channelDirect: "direct", .channelOnline: "online", .channelPostal: "postal",
        .statusRegistered: "registered", .statusAccepted: "accepted", .statusNotAccepted: "not accepted",
        .statusProcessing: "processing", .statusAwaitingSupplement: "awaiting documents",
        .statusAwaitingPayment: "awaiting payment", .statusWithdrawn: "withdrawn",
        .statusStopped: "stopped", .statusProcessed: "processed", .statusReturned: "returned",
        .statusCode: "status {code}",
        .statusNamed: "status “{name}”",
        .countedCarriedOver: "received {received}, before the period; not finished before it starts",
        .countedReceivedNew: "received {received}, in the period",
        .countedReceivedChannel: "received {received}, in the period, channel {channel}",
        .countedReceivedDigitised: "received {received}, in the period, digitised (SoHoaHoSo)",
        .countedResolved: "finished {finished} ({status}), in the period",
        .countedEarly: "finished {finished}, a calendar day before the due day {due}",
        .countedOnTime: "finished {finished}, not after the due moment {due}, not a day early",
        .countedOnTimeNoDeadline: "finished {finished}; no deadline, so on time",
        .countedLate: "finished {finished}, after the due moment {due}",
        .countedWithoutResult: "finished {finished} in the period with {status}",
        .countedDigitalResult: "finished {finished} in the period with {status} and a digital result (SoHoaKetQua)",
        .countedPending: "received {received}, before the period ends; not finished before it ends ({status})",
        .countedPendingOverdue: "pending with {status}, due {due}, before the period ends; not waiting for the applicant",
        .occurrenceWins: "wins",
        .occurrenceSuperseded: "superseded",
        .occurrenceRejected: "rejected: {reason}",

        // motcua units
        .unitsUnit: "Unit", .unitsSpelling: "Spelling in the exports", .unitsDossiers: "Dossiers",
        .unitsWritten: "{file}: wrote {count} spellings of {unit} units; correct the unit column to the official "
            + "names, then use the file with --units",
    ]
}
