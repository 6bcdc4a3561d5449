import Ingest
import KPIMetrics
import Reports
import Wording

extension Explanation {
    /// The dossiers behind one count of the plan table or the service index (`figure`, a
    /// numerator or a denominator) for `unit` (or `TOTAL`) in `period`, by file and line, each
    /// with why it counts. `catalogue`: the one the table was computed with.
    public func dossiers(in figure: ServiceCount, catalogue: Catalogue?, unit: String, period: Period, basis: PeriodBasis,
                         language: Language?) throws(CommandError) -> Listing {
        let bounds = period.bounds(basis)
        let entries = catalogue?.entries(for: set.procedureCodes) ?? []
        let codes = set.procedureCodes
        func entry(_ d: Dossier) -> CatalogueEntry? {
            let p = Int(d.procedure.rawValue)
            return p >= 0 && p < entries.count ? entries[p] : nil
        }
        return try listing(unit: unit, language: language) { d in
            ServiceClass(d, DossierClass(d, in: bounds), catalogue: entry(d)).contains(figure)
        } reason: { words, d in
            let procedure = d.procedure == .none ? "—" : codes[Int(d.procedure.rawValue)]
            return words.reason(figure, d, procedure: procedure)
        }
    }
}

extension DossierWords {
    /// Why `d` is in the service count `figure`, in one sentence.
    func reason(_ figure: ServiceCount, _ d: Dossier, procedure: String) -> String {
        let words = language ?? .en
        let s = d.service
        var slots: [Slot: String] = [.received: d.received.description, .finished: d.finished?.description ?? "—",
                                     .due: d.due?.description ?? "—", .status: status(d.status), .procedure: procedure,
                                     .count: String(s.supplements), .text: s.rating.map(String.init) ?? "—"]
        let phrase: Phrase
        switch figure {
        case .onTimeNumerator: phrase = .whyOnTimeNum
        case .resolved: phrase = .whyResolved
        case .eligibleOnlineNumerator: phrase = .whyEligibleOnlineNum
        case .eligibleOnlineDenominator: phrase = .whyEligibleOnlineDen
        case .digitisedResultNumerator: phrase = .whyDigitisedResultNum
        case .digitisedResultDenominator: phrase = .whyDigitisedResultDen
        case .satisfiedNumerator: phrase = .whySatisfiedNum
        case .satisfiedDenominator: phrase = .whySatisfiedDen
        case .routingNumerator: phrase = .whyRoutingNum
        case .routingDenominator:
            phrase = .whyRoutingDen
            slots[.text] = s.routing == .electronic ? "1" : "2"
        case .progressNumerator: phrase = .whyProgressNum
        case .progressDenominator: phrase = .whyProgressDen
        case .fullOnlineNumerator: phrase = .whyFullOnlineNum
        case .fullOnlineDenominator: phrase = .whyFullOnlineDen
        case .paymentNumerator: phrase = .whyPaymentNum
        case .paymentDenominator: phrase = .whyPaymentDen
        case .eResultNumerator: phrase = .whyEResultNum
        case .eResultDenominator: phrase = .whyEResultDen
        case .digitisedNumerator: phrase = .whyDigitisedNum
        case .received: phrase = .whyReceived
        case .reuseNumerator: phrase = .whyReuseNum
        case .reuseDenominator: phrase = .whyReuseDen
        case .dataStoreNumerator: phrase = .whyDataStoreNum
        case .dataStoreDenominator: phrase = .whyDataStoreDen
        case .vneidNumerator: phrase = .whyVNeIDNum
        case .vneidDenominator: phrase = .whyVNeIDDen
        case .resolvedLate: phrase = .whyLate
        case .complaintNumerator:
            // Counted for a rating of 4 or 5, a complaint, or both: say which.
            let dissatisfied = (s.rating ?? 0) >= 4
            phrase = dissatisfied && s.complaint ? .whyComplaintRatedAndFiled : dissatisfied ? .whyComplaintNum : .whyComplaintFiled
        case .complaintDenominator: phrase = .whyComplaintDen
        }
        return words[phrase, slots]
    }
}

/// A figure of the plan table or the index as `explain --count` names it: `TARGET.numerator`
/// or `TARGET.denominator`; satisfaction has neither (its csv cells are empty) but is made of
/// four counts (service-index.md: late % = resolved_late ÷ resolved, complaint % =
/// complaint_numerator ÷ complaint_denominator), each named `satisfaction.COUNT`.
public enum ServiceFigureName {
    /// The four counts of the index's satisfaction, by the name `explain` takes after `satisfaction.`.
    static let satisfactionCounts: [(name: String, count: ServiceCount)] = [
        ("resolved_late", .resolvedLate), ("resolved", .resolved),
        ("complaint_numerator", .complaintNumerator), ("complaint_denominator", .complaintDenominator),
    ]

    /// The count `name` stands for in `table`, or nil.
    public static func count(_ name: String, table: ReportTable) -> ServiceCount? {
        let parts = name.lowercased().split(separator: ".")
        guard parts.count == 2 else { return nil }
        if table == .index766, parts[0] == IndexIndicator.satisfaction.name {
            return satisfactionCounts.first { $0.name == parts[1] }?.count
        }
        let fraction: (numerator: ServiceCount, denominator: ServiceCount)?
        switch table {
        case .plan: fraction = PlanTarget(rawValue: String(parts[0]))?.fraction
        case .index766: fraction = IndexIndicator(rawValue: String(parts[0]))?.fraction
        default: fraction = nil
        }
        guard let fraction else { return nil }
        switch parts[1] {
        case "numerator": return fraction.numerator
        case "denominator": return fraction.denominator
        default: return nil
        }
    }

    /// The names a table's figures take.
    public static func names(table: ReportTable) -> [String] {
        table == .plan ? PlanTarget.allCases.map(\.name) : IndexIndicator.allCases.filter { $0.fraction != nil }.map(\.name)
    }

    /// The names of the counts a table's figure is made of besides its targets' (the index's
    /// satisfaction: `satisfaction.resolved_late`, …).
    public static func countNames(table: ReportTable) -> [String] {
        table == .index766 ? satisfactionCounts.map { "\(IndexIndicator.satisfaction.name).\($0.name)" } : []
    }
}
