import Foundation
import Ingest
import KPIMetrics
import Reports
import Wording

/// `motcua apologies`: an apology letter for each dossier of the period's late list that has no
/// written apology yet, counted as `motcua late` counts (same period, basis, deadlines).
public struct ApologyRun {
    public var period: Period
    public var basis: PeriodBasis
    /// How the late list is read (language, deadlines, strictness).
    public var late: LateRun

    public init(period: Period, basis: PeriodBasis, language: Language, deadlines: DeadlineSettings = DeadlineSettings(),
                strict: Bool = false) {
        self.period = period
        self.basis = basis
        late = LateRun(mode: .period(period, basis), format: .html, language: language, deadlines: deadlines, strict: strict)
    }

    /// The letters of `inputs` and what the run read. A letter tells the applicant the promised
    /// date was missed: only for a dossier late by the newest data. A dossier the late list
    /// counts overdue at the end of a period the data does not reach, but whose promised date
    /// the data has not passed, gets none, and the summary says how many.
    public func letters(_ inputs: Inputs, rejects: String? = nil,
                        progress: Progress? = nil) throws(CommandError) -> (letters: ApologyLetters, summary: RunSummary) {
        var (rows, asOf, summary) = try late.rows(inputs, period: period, basis: basis, rejects: rejects, progress: progress)
        let lateByTheData = { (row: LateList.Row) in row.kind == .resolvedLate || asOf.map { row.due.seconds < $0.seconds } ?? false }
        let held = rows.filter { !lateByTheData($0) && $0.apology == nil }.count
        rows = rows.filter(lateByTheData)
        if held > 0, let asOf {
            summary.notes.append(late.language[.letterNotYetDue, [.count: late.language.count(held), .moment: asOf.description]])
        }
        return (ApologyLetters(rows, language: late.language), summary)
    }

    /// The letters' bytes (`md` or `html`) and the summary.
    public func perform(_ inputs: Inputs, format: ReportFormat, rejects: String? = nil,
                        progress: Progress? = nil) throws(CommandError) -> ReportRun.Outcome {
        let (letters, summary) = try self.letters(inputs, rejects: rejects, progress: progress)
        let text = format == .md ? letters.markdown() : letters.html()
        return ReportRun.Outcome(bytes: Data(text.utf8), summary: summary)
    }
}
