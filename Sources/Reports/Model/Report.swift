import Foundation
import Ingest
import KPIMetrics
import Wording

/// What a report shows: its period and how it counts, how its rows are grouped, whether the
/// period is broken down, and for whom.
public struct ReportSettings: Sendable {
    public var period: Period
    public var basis: PeriodBasis
    public var target: Target
    /// Rows by unit or by field of procedures: the people's table and form 06a (csv, json and
    /// the workbook's KPI sheet are by unit).
    public var grouping: KPITable.Grouping
    /// Quarters or halves of the period, for the formats that show them.
    public var breakdown: KPIBreakdown.Step?
    public var language: Language

    public init(period: Period, basis: PeriodBasis = .decree09, target: Target = .onTimeDefault,
                grouping: KPITable.Grouping = .unit, breakdown: KPIBreakdown.Step? = nil, language: Language = .vi) {
        self.period = period
        self.basis = basis
        self.target = target
        self.grouping = grouping
        self.breakdown = breakdown
        self.language = language
    }
}

/// One report: its figures, computed from the dossiers when a format first needs them, and the
/// one entry point that renders it in any format, as the bytes of the file.
public final class Report {
    public let settings: ReportSettings
    public let manifest: ReportManifest
    private let dossiers: [Dossier]
    private let unitNames: [UnitID: String]
    private let fieldNames: [FieldID: String]

    public init(settings: ReportSettings, dossiers: [Dossier], unitNames: [UnitID: String],
                fieldNames: [FieldID: String] = [:], manifest: ReportManifest) {
        self.settings = settings
        self.dossiers = dossiers
        self.unitNames = unitNames
        self.fieldNames = fieldNames
        self.manifest = manifest
    }

    /// The report of a loaded set of dossiers (from files or the store).
    public convenience init(settings: ReportSettings, set: DossierSet) {
        self.init(settings: settings, dossiers: set.dossiers, unitNames: set.unitNames, fieldNames: set.fieldNames,
                  manifest: ReportManifest(inputs: set.inputs, aliases: set.aliasUses))
    }

    /// The KPI table by unit.
    public private(set) lazy var table = makeTable(.unit)

    /// The table with the rows asked for (by unit or by field).
    public private(set) lazy var grouped = settings.grouping == .unit ? table : makeTable(settings.grouping)

    public private(set) lazy var breakdown: KPIBreakdown? = settings.breakdown.map { step in
        KPIBreakdown(period: settings.period, step: step, basis: settings.basis, target: settings.target,
                     dossiers: dossiers, unitNames: unitNames)
    }

    private func makeTable(_ grouping: KPITable.Grouping) -> KPITable {
        KPITable(period: settings.period, basis: settings.basis, target: settings.target, dossiers: dossiers,
                 unitNames: unitNames, grouping: grouping, fieldNames: fieldNames)
    }

    /// The report in `format`: its file's bytes. `colour` marks the table's rows below target
    /// for a terminal.
    public func render(_ format: ReportFormat, colour: Bool = false) throws -> Data {
        let language = settings.language
        let breakdown = format.showsBreakdown ? breakdown : nil
        switch format {
        case .csv: return Data(table.csv().utf8)
        case .json: return Data(try table.json(manifest: manifest).utf8)
        case .form06a: return Data(Form06aReport(table: grouped, language: language).text().utf8)
        case .table:
            let text = breakdown.map { BreakdownReport(breakdown: $0, language: language).text() }
                ?? KPIReport(grouped, language).text(colour: colour)
            return Data(text.utf8)
        case .md:
            let text = breakdown.map { BreakdownReport(breakdown: $0, language: language).markdown() } ?? KPIReport(grouped, language).markdown()
            return Data(text.utf8)
        case .html:
            let page = breakdown.map { BreakdownReport(breakdown: $0, language: language).html() }
                ?? KPIReport(grouped, language).html(manifest: manifest)
            return Data(page.utf8)
        case .xlsx:
            return try XLSXReport.workbook(table: table, breakdown: breakdown, form06a: grouped, inputs: manifest.inputs,
                                           language: language)
        }
    }
}
