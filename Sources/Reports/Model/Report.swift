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
    /// The table the people's formats show: the KPI table, or biểu 06a.
    public var table: ReportTable = .kpi
    /// The period each unit's on-time rate is shown beside (people's formats); nil: none.
    public var comparison: Comparison? = .previous
    /// The data does not cover the whole period: every format that can says so.
    public var provisional = false

    /// Marks the report provisional when its data, whose newest as-of is `newestAsOf`, does not
    /// reach the period's end (on the report's basis): the one rule `report` and `verify` apply.
    public mutating func markProvisional(newestAsOf: LocalMoment?) {
        if !(newestAsOf.map { period.isCovered(asOf: $0, basis: basis) } ?? false) {
            provisional = true
        }
    }
    /// Form 06a's reporting and receiving units (dotted blanks when not given).
    public var reportingUnit: String?
    public var receivingUnit: String?
    /// The goals of the plan's targets (on_time's is also the KPI table's target).
    public var goals = Goals()
    /// `--fill-deadlines` and `--calendar` as used, for the manifest (nil: neither).
    public var deadlines: DeadlinesManifest?
    /// Unit rows rolled up through `hierarchy` (`--by parent`, `--by level=…`); nil: by unit.
    public var rollUp: RollUp?
    /// The units' parents and levels (the `--units` file).
    public var hierarchy = UnitHierarchy()
    /// That file, as named, and its SHA-256: a rolled-up report's manifest names it, so that
    /// `verify` rolls the recomputed units up by the same hierarchy.
    public var unitsFile: (name: String, sha256: String)?

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

/// The table a report shows people.
public enum ReportTable: String, CaseIterable, Sendable {
    /// The KPI table (csv, json and every format).
    case kpi
    /// Biểu 06a of Thông tư 01/2020/TT-VPCP, with its official header and signature block.
    case form06a = "06a"
    /// The plan's five service targets (service-index.md), in every format.
    case plan
    /// The service index of QĐ 766 (service-index.md), in every format.
    case index766
    /// Resolution time in working days per unit and procedure (catalogue.md), in every format
    /// but json.
    case resolution

    /// The tables of service-index.md: every format, machine ones included.
    public var isService: Bool { self == .plan || self == .index766 }

    /// The basis a table counts by unless told: the national portal's months for the index.
    public var defaultBasis: PeriodBasis { self == .index766 || self == .resolution ? .calendar : .decree09 }
}

/// One report: its figures, computed from the dossiers when a format first needs them, and the
/// one entry point that renders it in any format, as the bytes of the file.
public final class Report {
    public let settings: ReportSettings
    public let manifest: ReportManifest
    private let dossiers: [Dossier]
    private let unitNames: [UnitID: String]
    private let fieldNames: [FieldID: String]
    /// The catalogue's entry of each procedure, by ``ProcedureID`` (empty: no catalogue).
    let catalogue: [CatalogueEntry?]
    /// The code of each procedure, by ``ProcedureID`` (the late dossiers by procedure name them).
    var procedureCodes: [String] = []

    public init(settings: ReportSettings, dossiers: [Dossier], unitNames: [UnitID: String],
                fieldNames: [FieldID: String] = [:], catalogue: [CatalogueEntry?] = [], manifest: ReportManifest) {
        self.settings = settings
        self.dossiers = dossiers
        self.unitNames = unitNames
        self.fieldNames = fieldNames
        self.catalogue = catalogue
        self.manifest = manifest
    }

    /// The report of a loaded set of dossiers (from files or the store), with the procedure
    /// catalogue when one was given.
    public convenience init(settings: ReportSettings, set: DossierSet, catalogue: Catalogue? = nil) {
        var manifest = ReportManifest(inputs: set.inputs, aliases: set.aliasUses)
        manifest.deadlines = settings.deadlines
        if settings.rollUp != nil, let units = settings.unitsFile {
            manifest.unitsFile = (ReportManifest.publishedName(units.name), units.sha256)
        }
        if settings.table.isService {
            manifest.service = ServiceManifest(table: settings.table.rawValue, goals: settings.goals,
                                               catalogue: catalogue.map { ($0.name, $0.sha256) })
        }
        self.init(settings: settings, dossiers: set.dossiers, unitNames: set.unitNames, fieldNames: set.fieldNames,
                  catalogue: catalogue?.entries(for: set.procedureCodes) ?? [], manifest: manifest)
        procedureCodes = set.procedureCodes
    }

    /// The service counts by unit: what the plan table and the index are made of.
    public private(set) lazy var service = ServiceTable(period: settings.period, basis: settings.basis,
                                                        dossiers: dossiers, unitNames: unitNames, catalogue: catalogue)

    /// The KPI table by unit.
    public private(set) lazy var table = makeTable(.unit)

    /// The table with the rows asked for (by unit or by field).
    public private(set) lazy var grouped = settings.grouping == .unit ? table : makeTable(settings.grouping)

    public private(set) lazy var breakdown: KPIBreakdown? = settings.breakdown.map { step in
        KPIBreakdown(period: settings.period, step: step, basis: settings.basis, target: settings.target,
                     dossiers: dossiers, unitNames: unitNames)
    }

    /// The grouped table of the period compared with, when a comparison is asked for.
    public private(set) lazy var previous: KPITable? = settings.comparison.map {
        makeTable(settings.grouping, period: settings.period.compared(with: $0))
    }

    /// Each unit below target with its late dossiers by procedure (people's formats).
    private(set) lazy var lateByProcedure = LateByProcedure(table: table, dossiers: dossiers, unitNames: unitNames,
                                                            procedureCodes: procedureCodes)

    /// The tables by unit of the last four quarters, for the trend chart.
    public private(set) lazy var trend: [KPITable] = settings.period.lastFourQuarters.map { makeTable(.unit, period: $0) }

    private func makeTable(_ grouping: KPITable.Grouping, period: Period? = nil) -> KPITable {
        KPITable(period: period ?? settings.period, basis: settings.basis, target: settings.target, dossiers: dossiers,
                 unitNames: unitNames, grouping: grouping, fieldNames: fieldNames)
    }

    /// The people's KPI table: the grouped table, beside the one compared with.
    var people: KPIReport {
        var report = KPIReport(grouped, settings, previous: previous)
        if settings.grouping == .unit { report.lateByProcedure = lateLines }
        return report
    }

    /// Biểu 06a of the grouped table, with its header and signature block.
    var form: Form06aReport { Form06aReport(table: grouped, settings: settings) }

    /// The report in `format`: its file's bytes. `colour` marks the table's rows below target
    /// for a terminal.
    public func render(_ format: ReportFormat, colour: Bool = false) throws -> Data {
        if settings.table.isService { return try renderService(format) }
        let breakdown = format.showsBreakdown ? self.breakdown.map { BreakdownReport(breakdown: $0, settings: settings) } : nil
        let form06a = format == .form06a || settings.table == .form06a
        switch format {
        case .csv: return Data((settings.machineRolled(table.unitRows).map(table.csv(rolled:)) ?? table.csv()).utf8)
        case .json:
            let rolled = settings.rollUp.flatMap { by in settings.machineRolled(table.unitRows).map { (by, $0) } }
            return Data(try table.json(manifest: manifest, provisional: settings.provisional, rolled: rolled).utf8)
        case .form06a: return Data(form.text().utf8)
        case .table:
            let text = breakdown.map { $0.text() } ?? (form06a ? form.text() : people.text(colour: colour))
            return Data(text.utf8)
        case .md:
            return Data((breakdown.map { $0.markdown() } ?? (form06a ? form.markdown() : people.markdown())).utf8)
        case .html:
            let page = breakdown.map { $0.html() }
                ?? (form06a ? form.html() : people.html(manifest: manifest, trend: settings.grouping == .unit && settings.rollUp == nil ? trend : []))
            return Data(page.utf8)
        case .xlsx:
            return try XLSXReport.workbook(people: people, breakdown: breakdown, form: form, inputs: manifest.inputs)
        }
    }
}
