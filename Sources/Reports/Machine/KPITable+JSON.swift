import Foundation
import KPIMetrics

extension KPITable {
    /// `--format json`: the figures of the csv table (numbers as numbers, a missing rate as
    /// null) with the period's bounds, basis and target, and the manifest when given.
    public func json(manifest: ReportManifest? = nil) throws -> String {
        func row(_ r: Row) -> [String: Any] {
            var object: [String: Any] = ["unit": r.machineKey]
            for column in KPIColumn.published {
                switch r.counts.value(column, target: target) {
                case .count(let n): object[column.name] = n
                case .rate(let rate): object[column.name] = rate.map { NSDecimalNumber(string: $0.formatted) } ?? NSNull()
                case .flag(let flag): object[column.name] = flag.map { $0 as Any } ?? NSNull()
                }
            }
            return object
        }
        var document: [String: Any] = [
            "period": period.description,
            "basis": basis.rawValue,
            "start": bounds.start.isoDate,
            "end": bounds.lastDay.isoDate,
            "start_moment": bounds.start.iso8601,
            "end_moment_exclusive": bounds.end.iso8601,
            "target": NSDecimalNumber(string: target.description),
            "units": rows.map(row),
            "total": row(Row(label: .total, counts: total)),
        ]
        if let manifest { document["manifest"] = manifestObject(manifest) }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension KPITable {
    private func manifestObject(_ manifest: ReportManifest) -> [String: Any] {
        [
            "motcua_version": ReportManifest.motcuaVersion,
            "rules_version": KPIRules.version,
            "period": period.description,
            "basis": basis.rawValue,
            "start": bounds.start.isoDate,
            "end": bounds.lastDay.isoDate,
            "target": NSDecimalNumber(string: target.description),
            "aliases": manifest.aliases.map { ["name": $0.name, "unit": $0.unit, "dossiers": $0.dossiers] as [String: Any] },
            "inputs": manifest.inputs.map { input -> [String: Any] in
                [
                    "name": input.name,
                    "sha256": input.sha256 ?? NSNull(),
                    "bytes": input.byteCount,
                    "export_kind": input.kind.rawValue,
                    "encoding": input.encoding.rawValue,
                    "as_of": input.asOf.map { $0.iso8601 as Any } ?? NSNull(),
                    "rows": input.rowsRead,
                    "accepted": input.accepted,
                    "rejected": input.rejected,
                ]
            },
        ]
    }
}
