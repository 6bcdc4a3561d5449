import Foundation
import Ingest
import KPIMetrics
import Reports

/// What decides whether a period's reports must be written again: the figures they show, with
/// each unit keyed by its normalised name (a unit spelt "PHÒNG NỘI VỤ" one month and "Phòng
/// Nội vụ" the next has the same figures), and the settings that shape them; apart, how they
/// are presented (formats, language, form 06a's units). Figures that change make a new version;
/// a presentation that changes rewrites the files in place; neither writes nothing.
struct ReportFingerprint: Equatable {
    var figures: String
    var presentation: String

    private static let header = "motcua report fingerprint 1"

    init(_ report: Report, _ configuration: RunConfiguration) {
        let settings = report.settings
        // Only what a configured format shows: an alias shows in the unit rows it moves (an
        // alias that moves nothing changes no figure), the comparison in people's formats only.
        let forPeople = configuration.formats.contains(where: \.isForPeople)
        var lines = ["period \(settings.period) \(settings.basis.rawValue) target \(settings.target)"]
        if forPeople { lines.append("compare \(settings.comparison?.rawValue ?? "none")") }
        // A roll-up's rows are sums of the unit rows below, grouped by the hierarchy: a unit that
        // moves to another parent changes them.
        if let rollUp = settings.rollUp { lines += Self.lines(rollUp, settings.hierarchy) }
        // Every table a configured format shows: the period's; the one compared with (people's
        // formats); the last four quarters (the page's trend chart).
        var tables = [report.table]
        if forPeople, let previous = report.previous { tables.append(previous) }
        if configuration.formats.contains(.html) { tables += report.trend }
        for table in tables { lines += Self.lines(table) }
        if settings.table.isService, let csv = try? report.render(.csv) {
            // The plan's or the index's own figures, with the catalogue and goals they depend on.
            lines += ["table \(settings.table.rawValue) catalogue \(report.manifest.service?.catalogue?.sha256 ?? "none")",
                      String(decoding: csv, as: UTF8.self)]
        }
        figures = lines.joined(separator: "\n")
        presentation = "formats \(configuration.formats.map(\.rawValue).joined(separator: ",")) lang \(settings.language.rawValue)"
            + " reporting \(settings.reportingUnit ?? "") receiving \(settings.receivingUnit ?? "")"
    }

    /// One line a unit (its normalised name, its counts) and the total, in key order.
    private static func lines(_ table: KPITable) -> [String] {
        var byKey: [String: KPICounts] = [:]
        for row in table.rows { byKey[(row.name ?? "").normalizedKey, default: KPICounts()] += row.counts }
        func counts(_ c: KPICounts) -> String { CountColumn.allCases.map { String(c[$0]) }.joined(separator: " ") }
        return ["table \(table.period)"] + byKey.keys.sorted().map { "\($0)\t\(counts(byKey[$0] ?? KPICounts()))" }
            + ["TOTAL\t\(counts(table.total))"]
    }

    /// The roll-up and every unit of the hierarchy (key, parent's key, level), in key order.
    private static func lines(_ rollUp: RollUp, _ hierarchy: UnitHierarchy) -> [String] {
        ["by \(rollUp.argument)"] + hierarchy.nodes.keys.sorted().map { key in
            let node = hierarchy.nodes[key]
            return "unit \(key)\tparent \(node?.parent ?? "")\tlevel \(node?.level?.rawValue ?? "")"
        }
    }

    /// The stamp file's text.
    var stamp: String { Self.header + "\n" + presentation + "\n" + figures + "\n" }

    /// A stamp read back, beside `current` (this run's); nil for a stamp an older motcua wrote
    /// without a header (or none). Its figures are read as this motcua writes them: a stamp
    /// of an earlier version has an `aliases` line (aliases now count by the rows they move),
    /// and a `compare` line whether or not a format showed the comparison; both go where
    /// `current` has none, so that an upgrade alone makes no version.
    init?(stamp: String, current: ReportFingerprint) {
        var lines = stamp.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 2, lines[0] == Self.header else { return nil }
        presentation = lines[1]
        // Lines 2… are the figures: the period first, then (earlier versions) compare, aliases.
        if lines.count > 4, lines[4].hasPrefix("aliases ") { lines.remove(at: 4) }
        let compares = current.figures.split(separator: "\n", maxSplits: 2).dropFirst().first?.hasPrefix("compare ") ?? false
        if lines.count > 3, lines[3].hasPrefix("compare "), !compares { lines.remove(at: 3) }
        // Only the stamp's own final line break: figures may end with one of theirs (the plan's csv).
        var text = lines.dropFirst(2).joined(separator: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        figures = text
    }
}
