import Foundation
import KPIMetrics

extension KPITable {
    /// `--format json`: the figures of the csv table (numbers as numbers, a missing rate as
    /// null) with the period's bounds, basis and target, and the manifest when given. A
    /// provisional report (data that does not cover the period) says so with `"provisional":
    /// true`, at the top and in the manifest; a final one has no such key.
    /// Rolled up (`rolled`), it also has `roll_up`: how (`by`) and the rolled rows, each with
    /// its kind, unit, parent and level.
    public func json(manifest: ReportManifest? = nil, provisional: Bool = false,
                     rolled: (by: RollUp, rows: [RolledRow<KPICounts>])? = nil) throws -> String {
        func row(_ r: Row) -> [String: Any] { figures(["unit": r.machineKey], r.counts) }
        func figures(_ start: [String: Any], _ counts: KPICounts) -> [String: Any] {
            var object = start
            for column in KPIColumn.published {
                switch counts.value(column, target: target) {
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
        if let rolled {
            document["roll_up"] = ["by": rolled.by.argument,
                                   "rows": rolled.rows.map { figures(RolledColumns.object($0), $0.counts) }
                                       + [figures(RolledColumns.totalObject, total)]] as [String: Any]
        }
        if provisional { document["provisional"] = true }
        if let manifest {
            var object = manifest.object(period: period, basis: basis, bounds: bounds, target: target)
            if provisional { object["provisional"] = true }
            document["manifest"] = object
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension ReportManifest {
    /// The manifest as json: the program and rules versions, the period, the target, the
    /// aliases and every input; a plan or index report adds its table, goals and catalogue.
    func object(period: Period, basis: PeriodBasis, bounds: PeriodBounds, target: Target) -> [String: Any] {
        var object: [String: Any] = [
            "motcua_version": ReportManifest.motcuaVersion,
            "rules_version": KPIRules.version,
            "period": period.description,
            "basis": basis.rawValue,
            "start": bounds.start.isoDate,
            "end": bounds.lastDay.isoDate,
            "target": NSDecimalNumber(string: target.description),
            "aliases": aliases.map { ["name": $0.name, "unit": $0.unit, "dossiers": $0.dossiers] as [String: Any] },
            "inputs": inputs.map { input -> [String: Any] in
                [
                    "name": input.name,
                    "sha256": input.sha256 ?? NSNull(),
                    "bytes": input.byteCount,
                    "export_kind": input.kind.rawValue,
                    "encoding": input.encoding.rawValue,
                    "delimiter": String(UnicodeScalar(input.delimiter)),
                    "as_of": input.asOf.map { $0.iso8601 as Any } ?? NSNull(),
                    "rows": input.rowsRead,
                    "accepted": input.accepted,
                    "rejected": input.rejected,
                ]
            },
        ]
        if let service {
            object["table"] = service.table
            object["goals"] = Dictionary(uniqueKeysWithValues: PlanTarget.allCases.map {
                ($0.name, NSDecimalNumber(string: service.goals[$0].description))
            })
            object["catalogue"] = service.catalogue.map { ["name": $0.name, "sha256": $0.sha256] as Any } ?? NSNull()
        }
        if let deadlines { object["deadlines"] = deadlines.object }
        if let unitsFile { object["units_file"] = ["name": unitsFile.name, "sha256": unitsFile.sha256] }
        return object
    }
}
