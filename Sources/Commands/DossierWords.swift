import Ingest
import KPIMetrics
import Reports
import Wording

/// How `explain` words a dossier: for people in their language (channel and status by name,
/// reasons in sentences), or for machines (`language` nil: codes, and the reasons in English).
struct DossierWords {
    let language: Language?

    init(_ language: Language?) { self.language = language }

    /// The columns of a listing.
    enum Column: String {
        case code, procedure, channel, received, due, finished, status, file, line, reason, unit, state

        var phrase: Phrase {
            switch self {
            case .code: return .explainCode
            case .procedure: return .explainProcedure
            case .channel: return .explainChannel
            case .received: return .explainReceived
            case .due: return .explainDue
            case .finished: return .explainFinished
            case .status: return .explainStatus
            case .file: return .explainFile
            case .line: return .explainLine
            case .reason: return .explainReason
            case .unit: return .explainUnit
            case .state: return .explainState
            }
        }
    }

    func header(_ columns: [Column]) -> [String] {
        columns.map { column in language.map { $0[column.phrase] } ?? column.rawValue }
    }

    func channel(_ channel: Channel) -> String {
        language.map { $0[channel.phrase] } ?? "\(channel.rawValue)"
    }

    func status(_ status: Status) -> String {
        language.map { $0[status.phrase] } ?? "\(status.rawValue)"
    }

    /// A status inside a reason: `trạng thái “Đã xử lý xong”`; for machines `status 9`, with
    /// its name after a dossier withdrawn or stopped (`status 7 (withdrawn)`).
    private func statusInSentence(_ status: Status, named: Bool = false) -> String {
        guard let language else {
            let code = Language.en[.statusCode, [.code: String(status.rawValue)]]
            return named ? code + " (" + Language.en[status.phrase] + ")" : code
        }
        return language[.statusNamed, [.name: language[status.phrase]]]
    }

    /// Why `d` is in `column` for `bounds`, in one sentence.
    func reason(_ column: CountColumn, _ d: Dossier, _ bounds: PeriodBounds) -> String {
        let words = language ?? .en
        var slots: [Slot: String] = [.received: d.received.description, .finished: d.finished?.description ?? "—",
                                     .due: d.due?.description ?? "—", .status: statusInSentence(d.status)]
        let phrase: Phrase
        switch column {
        case .carriedOver: phrase = .countedCarriedOver
        case .receivedNew: phrase = .countedReceivedNew
        case .receivedOnline, .receivedDirect, .receivedPostal:
            phrase = .countedReceivedChannel
            slots[.channel] = language.map { $0[d.channel.phrase] } ?? "\(d.channel.rawValue) (\(Language.en[d.channel.phrase]))"
        case .receivedDigitised: phrase = .countedReceivedDigitised
        case .resolved: phrase = .countedResolved
        case .resolvedEarly: phrase = .countedEarly
        case .resolvedOnTime: phrase = d.due == nil ? .countedOnTimeNoDeadline : .countedOnTime
        case .resolvedLate: phrase = .countedLate
        case .resolvedWithoutResult:
            phrase = .countedWithoutResult
            slots[.status] = statusInSentence(d.status, named: true)
        case .resolvedWithDigitalResult: phrase = .countedDigitalResult
        case .pending: phrase = .countedPending
        case .pendingOverdue: phrase = .countedPendingOverdue
        }
        return words[phrase, slots]
    }

    /// Whether an occurrence won, was superseded, or was rejected (and why).
    func state(_ occurrence: OccurrenceListing, winner: SourceLine?) -> String {
        if let reject = occurrence.reject {
            guard let language else { return "rejected: \(reject.sentence)" }
            return language[.occurrenceRejected, [.reason: reject.reason(language)]]
        }
        let won = occurrence.source == winner
        guard let language else { return won ? "wins" : "superseded" }
        return language[won ? .occurrenceWins : .occurrenceSuperseded]
    }
}

extension Channel {
    var phrase: Phrase {
        switch self {
        case .direct: return .channelDirect
        case .online: return .channelOnline
        case .postal: return .channelPostal
        }
    }
}

extension Status {
    var phrase: Phrase {
        switch self {
        case .registered: return .statusRegistered
        case .accepted: return .statusAccepted
        case .notAccepted: return .statusNotAccepted
        case .processing: return .statusProcessing
        case .awaitingSupplement: return .statusAwaitingSupplement
        case .awaitingFinancialObligation: return .statusAwaitingPayment
        case .withdrawn: return .statusWithdrawn
        case .stopped: return .statusStopped
        case .processed: return .statusProcessed
        case .returned: return .statusReturned
        }
    }
}
