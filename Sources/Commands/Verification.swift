import Foundation
import Ingest
import KPIMetrics
import Reports
import Store
import Wording

/// `motcua verify`: a json report recomputed from its inputs, the named files or the store's
/// imports found by SHA-256, every input checked against the manifest first.
public struct Verification {
    /// The report, read back.
    public let document: ReportDocument

    /// Reads the json report at `path`.
    public init(report path: String) throws(CommandError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(file: path, .reportUnreadable)
        }
        do {
            document = try ReportDocument(json: data)
        } catch {
            throw CommandError(file: path, .notAReport(error))
        }
    }

    /// Every cell that differs between the report and its recomputation from `files` (none: the
    /// store's imports at `store`); empty when the report stands. Throws when an input does not
    /// match the manifest.
    /// A plan or index report is recomputed with the catalogue at `catalogue`, which must be the
    /// one its manifest names (by SHA-256).
    /// A report made with `--fill-deadlines` or `--calendar` is recomputed with them: the
    /// catalogue and the calendar file (`calendar`) must be the ones its manifest names.
    /// A rolled-up report whose manifest names its units file is rolled up again by that
    /// file's hierarchy (`units`, which must be it, by SHA-256), and its rolled rows compared.
    public func differences(files: [String], store: String, catalogue: String? = nil, calendar: String? = nil,
                            units: String? = nil, progress: Progress? = nil) throws(CommandError) -> [String] {
        let unitsFile = try checkedFile(units, document.unitsFile)
        var set = files.isEmpty ? try fromStore(store) : try fromFiles(files, progress: progress)
        let table = ReportTable(rawValue: document.table).flatMap { $0.isService ? $0 : nil } ?? .kpi
        var settings = ReportSettings(period: document.period, basis: document.basis, target: document.target)
        settings.table = table
        settings.goals = document.goals
        if let unitsFile, let expected = document.unitsFile {
            // A by the report does not know is left out: the recomputation then has no rolled
            // rows, and every one of the report's differs.
            settings.rollUp = document.rollUpBy.flatMap(RollUp.init(argument:))
            settings.hierarchy = try Inputs.units(from: unitsFile).hierarchy
            settings.unitsFile = (expected.name, expected.sha256)
        }
        let checkedCatalogue = try checkedCatalogue(catalogue)
        if let deadlines = document.deadlines {
            let calendar = try checkedFile(calendar, deadlines.calendar)
            (_, settings.deadlines) = try DeadlineSettings(fillDeadlines: deadlines.fill, calendarFile: calendar)
                .apply(to: &set, catalogue: checkedCatalogue)
        }
        // Provisional by the same rule as the report, from the as-ofs it ranked its inputs by (an
        // `--as-of` given to it is not in the files): a report that says otherwise differs.
        settings.markProvisional(newestAsOf: document.inputs.compactMap(\.asOf).max())
        let report = Report(settings: settings, set: set, catalogue: checkedCatalogue)
        let recomputed = try CommandError.from { try ReportDocument(json: report.render(.json)) }
        return document.differences(from: recomputed)
    }

    /// What verify leaves unchecked, said on stderr beside its answer: rolled rows the report
    /// names no units file for (a json from an earlier motcua, or one whose `units_file` was
    /// taken out), and a units file given for a report that names none (it is not used).
    public func unchecked(units: String?) -> [Phrase] {
        var out: [Phrase] = []
        if document.rollUpBy != nil, document.unitsFile == nil { out.append(.verifyRollUpUnchecked) }
        if units != nil, document.unitsFile == nil { out.append(.verifyUnitsUnused) }
        return out
    }

    /// The catalogue at `path`, once its SHA-256 is the manifest's; none when the report was
    /// made without one.
    private func checkedCatalogue(_ path: String?) throws(CommandError) -> Catalogue? {
        guard let expected = document.catalogue ?? document.deadlines?.catalogue else { return nil }
        guard let path else { throw CommandError(file: expected.name, .inputMissing(sha256: expected.sha256)) }
        let catalogue = try CommandError.from { try Catalogue(path: path) }
        if catalogue.sha256 != expected.sha256 {
            throw CommandError(file: path, .hashMismatch(found: catalogue.sha256, expected: expected.sha256, input: expected.name))
        }
        return catalogue
    }

    /// `path`, once its SHA-256 is `expected`'s; nil when nothing is expected.
    private func checkedFile(_ path: String?, _ expected: ReportDocument.Input?) throws(CommandError) -> String? {
        guard let expected else { return nil }
        guard let path else { throw CommandError(file: expected.name, .inputMissing(sha256: expected.sha256)) }
        let found = try CommandError.from { try FileDigest.sha256(of: path, name: path) }
        if found != expected.sha256 {
            throw CommandError(file: path, .hashMismatch(found: found, expected: expected.sha256, input: expected.name))
        }
        return path
    }

    /// The dossiers of `files`, once each file's SHA-256 is one of the manifest's and every
    /// manifest input is among them.
    private func fromFiles(_ files: [String], progress: Progress?) throws(CommandError) -> DossierSet {
        var hashes: [String: String] = [:]  // file → SHA-256
        for file in files {
            hashes[file] = try CommandError.from { try FileDigest.sha256(of: file, name: file) }
        }
        let expected = Set(document.inputs.map(\.sha256))
        for input in document.inputs where !hashes.values.contains(input.sha256) {
            let base = URL(fileURLWithPath: input.name).lastPathComponent
            if let file = files.first(where: { URL(fileURLWithPath: $0).lastPathComponent == base }) {
                throw CommandError(file: file, .hashMismatch(found: hashes[file] ?? "?", expected: input.sha256, input: input.name))
            }
            throw CommandError(file: input.name, .inputMissing(sha256: input.sha256))
        }
        for file in files where !expected.contains(hashes[file] ?? "") {
            throw CommandError(file: file, .notAnInput(sha256: hashes[file] ?? "?"))
        }
        let source = ExportFiles(paths: files, options: readOptions, aliases: document.aliases)
        source.computesDigests = true
        return try ReadDossiers(source, progress: progress).set
    }

    /// How the report read its files, from its manifest: the as-of, encoding and delimiter
    /// every input shares. A report made with `--as-of`, `--encoding` or `--delimiter` gave
    /// one to all its files; one that detected them and found the same for all is read the
    /// same way whether they are given or detected again.
    var readOptions: ReadOptions {
        func shared<T: Equatable>(_ value: (ReportDocument.Input) -> T?) -> T? {
            guard let first = document.inputs.first.flatMap(value) else { return nil }
            return document.inputs.allSatisfy { value($0) == first } ? first : nil
        }
        return ReadOptions(asOf: shared(\.asOf), encoding: shared(\.encoding), delimiter: shared(\.delimiter))
    }

    /// The dossiers of the store's imports whose SHA-256 the manifest names, once every
    /// manifest input is found.
    private func fromStore(_ path: String) throws(CommandError) -> DossierSet {
        let store = try Inputs.open(path, .read)
        let imports = try CommandError.from { try store.imports() }
        var ids: Set<Int64> = []
        for input in document.inputs {
            guard let match = imports.first(where: { $0.sha256 == input.sha256 }) else {
                throw CommandError(file: input.name, .notInStore(sha256: input.sha256, store: store.name))
            }
            if let id = match.id { ids.insert(id) }
        }
        return try ReadDossiers(store.dossiers(only: ids, aliases: document.aliases)).set
    }
}
