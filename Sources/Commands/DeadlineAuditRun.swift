import Foundation
import Ingest
import KPIMetrics
import Reports
import Wording

/// `motcua deadlines`: the deadline audit of a period against the procedure catalogue. Due
/// dates are read as exported (`--fill-deadlines` does not apply); `--calendar` does.
public struct DeadlineAuditRun {
    public var period: Period
    public var basis: PeriodBasis
    public var format: ReportFormat
    public var language: Language
    public var calendarFile: String?
    public var strict = false

    public init(period: Period, basis: PeriodBasis, format: ReportFormat, language: Language, calendarFile: String? = nil,
                strict: Bool = false) {
        self.period = period
        self.basis = basis
        self.format = format
        self.language = language
        self.calendarFile = calendarFile
        self.strict = strict
    }

    /// `inputs.catalogue` must be set (the command line requires it).
    public func perform(_ inputs: Inputs, rejects: String? = nil, output: String? = nil,
                        progress: Progress? = nil) throws(CommandError) -> ReportRun.Outcome {
        let source = try inputs.source()
        let read = try ReadDossiers(source, catalogue: inputs.catalogue, rejects: rejects, progress: progress)
        if strict, let reject = read.firstReject {
            throw CommandError(file: reject.file, line: reject.line, .strictReject(reject))
        }
        var set = read.set
        let (rules, _) = try DeadlineSettings(calendarFile: calendarFile).apply(to: &set, catalogue: read.catalogue)
        let labels = try source.labels(set, sources: [])
        let audit = DeadlineAudit(dossiers: set.dossiers, bounds: period.bounds(basis), rules: rules, labels: labels)
        let listing = DossierListing.audit(audit, period: period, basis: basis,
                                           catalogue: (read.catalogue?.name ?? "", read.catalogue?.sha256 ?? ""), language: language)
        let bytes = try ListingFile.render(listing, format, language: language, inputs: set.inputs, output: output)
        return ReportRun.Outcome(bytes: bytes, summary: RunSummary(read.set, catalogue: read.catalogue))
    }
}
