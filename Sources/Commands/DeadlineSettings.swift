import Ingest
import KPIMetrics
import Reports
import WorkingDays

/// How a command counts deadlines: the working-day calendar (with the `--calendar` file's
/// days), and whether dossiers without NgayHenTra take the catalogue's deadline
/// (`--fill-deadlines`).
public struct DeadlineSettings: Sendable {
    public var fillDeadlines: Bool
    /// The `--calendar` file, as named.
    public var calendarFile: String?

    public init(fillDeadlines: Bool = false, calendarFile: String? = nil) {
        self.fillDeadlines = fillDeadlines
        self.calendarFile = calendarFile
    }

    /// Whether either option was given (a report's manifest then says so).
    public var isUsed: Bool { fillDeadlines || calendarFile != nil }

    /// The civil servants' calendar, the `--calendar` file's days on top.
    public func calendar() throws(CommandError) -> WorkingCalendar {
        do {
            let overrides = try calendarFile.map { path throws(CalendarFileError) in try CalendarFile.read(path: path) }
            return try WorkingCalendar(overrides: overrides ?? CalendarOverrides())
        } catch {
            throw CommandError(file: error.file, line: error.line, .calendar(error))
        }
    }

    /// The rules of a read set of dossiers; with `--fill-deadlines`, its dossiers without a due
    /// date take the catalogue's deadline. Returns the rules and what the manifest records.
    public func apply(to set: inout DossierSet, catalogue: Catalogue?) throws(CommandError)
        -> (rules: DeadlineRules, manifest: DeadlinesManifest?) {
        let rules = DeadlineRules(calendar: try calendar(), catalogue: catalogue?.entries(for: set.procedureCodes) ?? [])
        var filled: Int?
        if fillDeadlines { filled = rules.fill(&set.table) }
        guard isUsed else { return (rules, nil) }
        let calendar = try calendarFile.map { path throws(CommandError) in
            (path, try CommandError.from { try FileDigest.sha256(of: path, name: path) })
        }
        return (rules, DeadlinesManifest(catalogue: fillDeadlines ? catalogue.map { ($0.name, $0.sha256) } : nil,
                                         filled: filled, calendar: calendar))
    }
}

extension DossierSource {
    /// What the lists print beside each dossier of `sources`: codes, units, procedures and the
    /// names exported at those lines.
    func labels(_ set: DossierSet, sources: Set<SourceLine>) throws(CommandError) -> DossierLabels {
        let names = try CommandError.from { try procedureNames(at: sources) }
        return DossierLabels(table: set.table, unitNames: set.unitNames, procedureCodes: set.procedureCodes, procedureNames: names)
    }
}
