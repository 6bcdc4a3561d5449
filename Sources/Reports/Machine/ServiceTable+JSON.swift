import Foundation
import KPIMetrics

extension ServiceTable {
    /// `--table plan|index766 --format json`: the csv's figures by unit (numbers as numbers, a
    /// missing value as null), each target or indicator an object keyed by its machine name,
    /// with the period, basis, goals and the manifest (table, goals, catalogue).
    /// Rolled up (`rolled`), it also has `roll_up`: how (`by`) and the rolled rows, each with
    /// its kind, unit, parent and level.
    public func json(_ table: String, goals: Goals, manifest: ReportManifest?, provisional: Bool = false,
                     rolled: (by: RollUp, rows: [RolledRow<ServiceCounts>])? = nil) throws -> String {
        func decimal(_ hundredths: Int?) -> Any { hundredths.map { NSDecimalNumber(string: Hundredths.text($0)) } ?? NSNull() }
        func count(_ n: Int?) -> Any { n.map { $0 as Any } ?? NSNull() }
        func row(_ r: Row) -> [String: Any] { figures(["unit": r.machineKey], r.counts) }
        func figures(_ start: [String: Any], _ counts: ServiceCounts) -> [String: Any] {
            var object = start
            if table == "plan" {
                for f in counts.plan(goals) {
                    object[f.target.name] = [
                        "numerator": f.numerator, "denominator": f.denominator,
                        "rate": f.rate.map { NSDecimalNumber(string: $0.formatted) } ?? NSNull(),
                        "goal": NSDecimalNumber(string: f.goal.description), "met": f.met.map { $0 as Any } ?? NSNull(),
                    ] as [String: Any]
                }
            } else {
                for f in counts.index {
                    object[f.indicator.name] = [
                        "numerator": count(f.numerator), "denominator": count(f.denominator),
                        "rate": decimal(f.rate?.hundredths(times: 100)), "max_points": f.indicator.maxPoints,
                        "points": decimal(f.points?.hundredths()),
                    ] as [String: Any]
                }
                let total = counts.indexTotal
                object["total"] = ["rate": decimal(total.rateHundredths), "max_points": total.maxPoints,
                                   "points": decimal(total.pointsHundredths)] as [String: Any]
            }
            return object
        }
        var document: [String: Any] = [
            "table": table,
            "period": period.description,
            "basis": basis.rawValue,
            "start": bounds.start.isoDate,
            "end": bounds.lastDay.isoDate,
            "units": rows.map(row),
            "total": row(Row(label: .total, counts: total)),
        ]
        if table == "plan" {
            document["goals"] = Dictionary(uniqueKeysWithValues: PlanTarget.allCases.map {
                ($0.name, NSDecimalNumber(string: goals[$0].description))
            })
        } else {
            document["max_points"] = IndexIndicator.maxTotal
        }
        if let rolled {
            document["roll_up"] = ["by": rolled.by.argument,
                                   "rows": rolled.rows.map { figures(RolledColumns.object($0), $0.counts) }
                                       + [figures(RolledColumns.totalObject, total)]] as [String: Any]
        }
        if provisional { document["provisional"] = true }
        if let manifest {
            var object = manifest.object(period: period, basis: basis, bounds: bounds, target: goals[.onTime])
            if provisional { object["provisional"] = true }
            document["manifest"] = object
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
