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
        var lines = ["period \(settings.period) \(settings.basis.rawValue) target \(settings.target)",
                     "compare \(settings.comparison?.rawValue ?? "none")",
                     "aliases " + configuration.aliases.entries.map { "\($0.name.normalizedKey)→\($0.unit.normalizedKey)" }
                        .joined(separator: ";")]
        // Every table a configured format shows: the period's; the one compared with (people's
        // formats); the last four quarters (the page's trend chart).
        var tables = [report.table]
        if configuration.formats.contains(where: \.isForPeople), let previous = report.previous { tables.append(previous) }
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

    /// The stamp file's text.
    var stamp: String { Self.header + "\n" + presentation + "\n" + figures + "\n" }

    /// A stamp read back; nil for a stamp an older motcua wrote (or none).
    init?(stamp: String) {
        let lines = stamp.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 2, lines[0] == Self.header else { return nil }
        presentation = lines[1]
        figures = lines.dropFirst(2).joined(separator: "\n").trimmingCharacters(in: ["\n"])
    }
}
