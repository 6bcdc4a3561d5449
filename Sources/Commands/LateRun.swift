import Foundation
import Ingest
import KPIMetrics
import Reports
import Wording

/// `motcua late`: the late dossiers of a period (the KPI table's `resolved_late` and
/// `pending_overdue`, dossier by dossier), or the pending dossiers falling due within N working
/// days of a moment (`--due-within N --as-of DATE`).
public struct LateRun {
    public enum Mode: Sendable {
        case period(Period, PeriodBasis)
        case dueWithin(days: Int, asOf: LocalMoment)
    }

    public var mode: Mode
    public var format: ReportFormat
    public var language: Language
    public var deadlines: DeadlineSettings
    public var strict = false

    public init(mode: Mode, format: ReportFormat, language: Language, deadlines: DeadlineSettings = DeadlineSettings(),
                strict: Bool = false) {
        self.mode = mode
        self.format = format
        self.language = language
        self.deadlines = deadlines
        self.strict = strict
    }

    /// The list the options ask for, and what the run read.
    public struct Outcome {
        public var listing: DossierListing
        public var set: DossierSet
        public var summary: RunSummary
    }

    /// The late list's rows of a period (the letters are drafted from them), and the newest
    /// as-of of the data.
    func rows(_ inputs: Inputs, period: Period, basis: PeriodBasis, rejects: String? = nil, progress: Progress? = nil)
        throws(CommandError) -> (rows: [LateList.Row], asOf: LocalMoment?, summary: RunSummary) {
        let (source, read, set, rules, _) = try load(inputs, rejects: rejects, progress: progress)
        let list = LateList(dossiers: set.dossiers, bounds: period.bounds(basis), rules: rules)
        let labels = try source.labels(set, sources: list.sources(in: set.dossiers))
        return (list.rows(labels), set.newestAsOf, RunSummary(read.set, catalogue: read.catalogue))
    }

    /// Reads the inputs, applies `--strict`, the calendar and `--fill-deadlines`.
    private func load(_ inputs: Inputs, rejects: String?, progress: Progress?) throws(CommandError)
        -> (any DossierSource, ReadDossiers, DossierSet, DeadlineRules, DeadlinesManifest?) {
        let source = try inputs.source()
        let read = try ReadDossiers(source, catalogue: inputs.catalogue, rejects: rejects, progress: progress)
        if strict, let reject = read.firstReject {
            throw CommandError(file: reject.file, line: reject.line, .strictReject(reject))
        }
        var set = read.set
        let (rules, manifest) = try deadlines.apply(to: &set, catalogue: read.catalogue)
        return (source, read, set, rules, manifest)
    }

    public func list(_ inputs: Inputs, rejects: String? = nil, progress: Progress? = nil) throws(CommandError) -> Outcome {
        let (source, read, set, rules, manifest) = try load(inputs, rejects: rejects, progress: progress)
        let notes = manifest?.filled.map { [language[.deadlinesFilled, [.file: read.catalogue?.name ?? "", .count: String($0)]]] } ?? []
        let listing: DossierListing
        switch mode {
        case .period(let period, let basis):
            let list = LateList(dossiers: set.dossiers, bounds: period.bounds(basis), rules: rules)
            let labels = try source.labels(set, sources: list.sources(in: set.dossiers))
            // The rule `report` marks a table provisional by (ReportSettings.markProvisional).
            let covered = set.newestAsOf.map { period.isCovered(asOf: $0, basis: basis) } ?? false
            listing = .late(list.rows(labels), period: period, basis: basis, language: language, notes: notes,
                            provisional: !covered)
        case .dueWithin(let days, let asOf):
            let list = DueWithinList(dossiers: set.dossiers, asOf: asOf, days: days, rules: rules)
            let labels = try source.labels(set, sources: list.sources(in: set.dossiers))
            listing = .dueWithin(list.rows(labels), asOf: asOf, days: days, language: language, notes: notes)
        }
        return Outcome(listing: listing, set: set, summary: RunSummary(read.set, catalogue: read.catalogue))
    }

    /// The list's bytes in the format asked for, and the summary.
    public func perform(_ inputs: Inputs, rejects: String? = nil, output: String? = nil,
                        progress: Progress? = nil) throws(CommandError) -> ReportRun.Outcome {
        let outcome = try list(inputs, rejects: rejects, progress: progress)
        let bytes = try ListingFile.render(outcome.listing, format, language: language, inputs: outcome.set.inputs, output: output)
        return ReportRun.Outcome(bytes: bytes, summary: outcome.summary)
    }
}

/// Rendering a list to its file's bytes.
enum ListingFile {
    static func render(_ listing: DossierListing, _ format: ReportFormat, language: Language, inputs: [InputSummary],
                       output: String?) throws(CommandError) -> Data {
        // The workbook's date: the latest as-of of the inputs, never the clock.
        let created = inputs.compactMap(\.asOf).max().map { max(1, Int($0.seconds - LocalMoment.utcOffset)) } ?? 1
        do {
            return try listing.render(format, language: language, created: created)
        } catch {
            throw CommandError(file: output ?? "stdout", .cannotRender(String(describing: error)))
        }
    }
}
