import Foundation
import Metrics

extension KPITable {
    /// `--format json`: the figures of the csv table (numbers as numbers, a missing rate as
    /// null) with the period's bounds, basis and target.
    public func json() throws -> String {
        func row(_ r: Row) -> [String: Any] {
            var object: [String: Any] = ["unit": r.unit ?? "TOTAL"]
            let names = Self.csvColumns.dropFirst(2)
            let counts = r.counts.countColumns
            for (name, value) in zip(names, counts) { object[name] = value }
            for (name, rate) in zip(names.dropFirst(counts.count), r.counts.rates) {
                object[name] = rate.map { NSDecimalNumber(string: $0.formatted) } ?? NSNull()
            }
            object["below_target"] = r.counts.isBelow(target).map { $0 as Any } ?? NSNull()
            return object
        }
        let document: [String: Any] = [
            "period": period.description,
            "basis": basis.rawValue,
            "start": bounds.start.isoDate,
            "end": bounds.lastDay.isoDate,
            "start_moment": bounds.start.iso8601,
            "end_moment_exclusive": bounds.end.iso8601,
            "target": NSDecimalNumber(string: target.description),
            "units": rows.map(row),
            "total": row(Row(unit: nil, counts: total)),
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
