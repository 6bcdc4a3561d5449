import Commands
import Foundation
import Ingest
import KPIMetrics
import Reports
import Store
import Wording

extension UnattendedRun {
    /// The procedure catalogue, read when a table that uses it (the plan, the index) is asked for.
    /// Each rejected row is logged with its line and reason (a catalogue holds no personal data):
    /// a run has no rejects file, and a procedure left out must not go unnoticed.
    func readCatalogue() throws(CommandError) -> Catalogue? {
        guard configuration.tables.contains(where: \.isService), let path = configuration.catalogue else { return nil }
        var rejects: [Reject] = []
        let catalogue = try CommandError.from { try Catalogue(path: path) { rejects.append($0) } }
        for reject in rejects {
            let line = language[.runCatalogueReject, [.file: reject.file, .line: String(reject.line), .reason: reject.reason(language)]]
            logger.warning("\(line)")
        }
        return catalogue
    }

    /// Writes the reports of every period the data covers (and, when asked, the open one, as
    /// provisional), each once, again only when its figures or presentation changed.
    func writeReports(from store: any DossierStore, catalogue: Catalogue?, outcome: inout Outcome) throws(CommandError) {
        let set = try ReadDossiers(store.dossiers(only: nil, aliases: configuration.aliases)).set
        logAliases(set)
        logCatalogue(catalogue, set)
        if let rollUp = configuration.rollUp {
            let line = language[.runRollUp, [.text: rollUp.argument, .file: configuration.unitsFile ?? "", .name: "*.\(rollUp.fileTag).*"]]
            logger.info("\(line)")
        }
        let imports = try CommandError.from { try store.imports() }
        guard let asOf = imports.compactMap(\.asOf).max().map(LocalMoment.init(seconds:)),
              let first = set.dossiers.map(\.received).min() else {
            logger.info("\(language[.runNoData])")
            return
        }
        logger.info("\(language[.runDataAsOf, [.moment: asOf.description]])")
        // A period is covered on the basis its table counts by: the index's calendar quarter
        // ends after the run's decree-09 one, and may not be covered when that one is.
        var bases: [PeriodBasis] = []
        for table in configuration.tables where !bases.contains(basis(of: table)) { bases.append(basis(of: table)) }
        for basis in bases {
            let tables = configuration.tables.filter { self.basis(of: $0) == basis }
            // From the year of the earliest dossier: periods before it would be empty anyway.
            let periods = CoveredPeriods(kinds: configuration.periods, years: first.civil.year...max(first.civil.year, asOf.civil.year),
                                         basis: basis, asOf: asOf)
            for period in periods.final {
                for table in tables {
                    try write(period, table, provisional: false, set: set, catalogue: catalogue, outcome: &outcome)
                }
            }
            for period in periods.open {
                if configuration.provisional {
                    for table in tables {
                        try write(period, table, provisional: true, set: set, catalogue: catalogue, outcome: &outcome)
                    }
                } else {
                    // Named as its files are when the tables count on two bases.
                    let name = bases.count > 1 ? "\(period).\(basis.rawValue)" : period.description
                    logger.info("\(language[.runPeriodOpen, [.period: name, .moment: asOf.description]])")
                }
            }
        }
    }

    /// The basis `table` counts by: the index by the national portal's months, kpi and plan by
    /// the run's basis.
    private func basis(of table: ReportTable) -> PeriodBasis {
        table == .index766 ? table.defaultBasis : configuration.basis
    }

    /// What was read of the catalogue, its rejects by reason and the procedures dossiers use
    /// that it lacks (their figures leave those dossiers out), as `report` prints them.
    private func logCatalogue(_ catalogue: Catalogue?, _ set: DossierSet) {
        guard let catalogue else { return }
        let missing = set.missingProcedures(from: catalogue)
        let quiet = catalogue.rejected == 0 && missing.isEmpty
        for line in RunSummary.catalogueLines(catalogue, missing: missing, language: language) {
            if quiet { logger.info("\(line)") } else { logger.warning("\(line)") }
        }
    }

    /// Each alias that moved dossiers, and each that moved none (a name no export spells so).
    private func logAliases(_ set: DossierSet) {
        for use in set.aliasUses {
            logger.info("\(language[.runAlias, [.name: use.name, .unit: use.unit, .count: String(use.dossiers)]])")
        }
        let used = Set(set.aliasUses.map(\.name))
        for entry in configuration.aliases.entries where !used.contains(entry.name) {
            logger.notice("\(language[.runAliasUnused, [.name: entry.name, .unit: entry.unit]])")
        }
    }

    /// Writes one period's reports unless the same figures, presented the same way, are
    /// already written. A final report replaces the provisional one of its period.
    private func write(_ period: Period, _ table: ReportTable, provisional: Bool, set: DossierSet, catalogue: Catalogue?,
                       outcome: inout Outcome) throws(CommandError) {
        var settings = configuration.settings(period, provisional: provisional)
        settings.table = table
        settings.basis = basis(of: table)
        let report = Report(settings: settings, set: set, catalogue: catalogue)
        guard !report.table.rows.isEmpty else { return }
        let name = "\(period).\(settings.basis.rawValue)" + (table.isService ? ".\(table.rawValue)" : "")
            + (settings.rollUp.map { ".\($0.fileTag)" } ?? "")
        let base = (configuration.reports as NSString).appendingPathComponent(name)
        let stem = provisional ? base + ".provisional" : base
        // Form 06a is the KPI table's official form: a plan or an index has none to write.
        let formats = configuration.formats.filter { $0 != .form06a || table == .kpi }
        let bodies = try formats.map { format throws(CommandError) in
            ("\(stem).\(format.fileExtension)", try CommandError.from { try report.render(format) })
        }
        let fingerprint = ReportFingerprint(report, configuration)
        let stamp = stem + ".figures"
        let old = FileManager.default.contents(atPath: stamp).flatMap { ReportFingerprint(stamp: String(decoding: $0, as: UTF8.self), current: fingerprint) }
        let complete = bodies.allSatisfy { FileManager.default.fileExists(atPath: $0.0) }
        if old == fingerprint, complete {
            logger.debug("\(language[.runUpToDate, [.period: period.description]])")
            return
        }
        // New figures make a version of a final report (it may have been sent); a provisional
        // one is replaced, and a new presentation of the same figures rewrites the files.
        let keepsOld = !provisional && old?.figures != fingerprint.figures && changedSinceLegacy(old, stem: stem, bodies)
        let version = keepsOld ? nextVersion(stem: stem) : nil
        for (path, data) in bodies {
            do {
                if let version, FileManager.default.fileExists(atPath: path) {
                    let kept = stem + ".v\(version)" + path.dropFirst(stem.count)
                    try FileManager.default.moveItem(atPath: path, toPath: kept)
                    outcome.reportsSuperseded.append(kept)
                    logger.notice("\(language[.runFiguresChanged, [.period: period.description, .file: kept]])")
                }
                try ReplacingFile.write(data, to: path, followingLinks: false)
            } catch {
                throw CommandError(file: path, .cannotWriteReport)
            }
            outcome.reportsWritten.append(path)
            logger.info("\(language[provisional ? .runWroteProvisional : .runWrote, [.file: path]])")
        }
        do { try ReplacingFile.write(Data(fingerprint.stamp.utf8), to: stamp, followingLinks: false) } catch {
            throw CommandError(file: stamp, .cannotWriteReport)
        }
        if !provisional { removeProvisional(of: base, period: period, outcome: &outcome) }
    }

    /// True unless the stamp is one an older motcua wrote and the csv on disk has the same
    /// figures: an upgrade alone makes no version.
    private func changedSinceLegacy(_ old: ReportFingerprint?, stem: String, _ bodies: [(String, Data)]) -> Bool {
        guard old == nil, FileManager.default.fileExists(atPath: stem + ".figures") else { return true }
        guard let csv = bodies.first(where: { $0.0.hasSuffix(".csv") }) else { return true }
        return FileManager.default.contents(atPath: csv.0) != csv.1
    }

    /// Removes the provisional reports of a period whose final report is written.
    private func removeProvisional(of base: String, period: Period, outcome: inout Outcome) {
        let folder = (base as NSString).deletingLastPathComponent, prefix = (base as NSString).lastPathComponent + ".provisional."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let path = (folder as NSString).appendingPathComponent(name)
            guard (try? FileManager.default.removeItem(atPath: path)) != nil else { continue }
            if !name.hasSuffix(".figures") { outcome.provisionalRemoved.append(path) }
        }
        if outcome.provisionalRemoved.contains(where: { $0.hasPrefix(base + ".provisional.") }) {
            logger.info("\(language[.runProvisionalRemoved, [.period: period.description]])")
        }
    }

    /// The first version number no file of this period uses yet.
    private func nextVersion(stem: String) -> Int {
        let folder = (stem as NSString).deletingLastPathComponent, base = (stem as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var version = 1
        while names.contains(where: { $0.hasPrefix("\(base).v\(version).") }) { version += 1 }
        return version
    }
}

extension RollUp {
    /// What a rolled-up report's file names carry after the table, so that it is never taken
    /// for a report by unit: `by-parent`, `by-level-huyen` (the level without its diacritics,
    /// for file names that travel by e-mail and USB stick).
    var fileTag: String {
        switch self {
        case .parent: return "by-parent"
        case .level(let level): return "by-level-" + level.rawValue.folding(options: .diacriticInsensitive, locale: nil)
        }
    }
}
