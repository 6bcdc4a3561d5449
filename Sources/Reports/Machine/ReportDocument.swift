import Foundation
import Ingest
import KPIMetrics

/// A json report read back: what `verify` needs to recompute it and to compare figures.
public struct ReportDocument: Sendable {
    public struct Input: Sendable, Equatable {
        public var name: String
        public var sha256: String
    }

    public var period: Period
    public var basis: PeriodBasis
    public var target: Target
    public var inputs: [Input]
    /// The unit aliases the report applied.
    public var aliases: UnitAliases
    /// Every figure, by unit (`TOTAL` for the total row) and column, as json values' text.
    public var cells: [String: [String: String]]

    /// Why a file is not a report motcua can verify.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init(json data: Data) throws(ReadError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReadError(description: "not a json report")
        }
        guard let manifest = object["manifest"] as? [String: Any],
              let periodText = manifest["period"] as? String, let period = try? Period(parsing: periodText),
              let basisText = manifest["basis"] as? String, let basis = PeriodBasis(rawValue: basisText),
              let targetNumber = manifest["target"] as? NSNumber, let target = Target(targetNumber.stringValue),
              let inputs = manifest["inputs"] as? [[String: Any]] else {
            throw ReadError(description: "the report has no manifest (made by motcua report --format json?)")
        }
        self.period = period
        self.basis = basis
        self.target = target
        self.inputs = try inputs.map { input throws(ReadError) -> Input in
            guard let name = input["name"] as? String, let sha = input["sha256"] as? String else {
                throw ReadError(description: "a manifest input lacks its name or SHA-256")
            }
            return Input(name: name, sha256: sha)
        }
        aliases = UnitAliases((manifest["aliases"] as? [[String: Any]] ?? []).compactMap { entry in
            guard let name = entry["name"] as? String, let unit = entry["unit"] as? String else { return nil }
            return (name, unit)
        })
        var cells: [String: [String: String]] = [:]
        let rows = (object["units"] as? [[String: Any]] ?? []) + [object["total"] as? [String: Any] ?? [:]]
        for row in rows {
            guard let unit = row["unit"] as? String else { continue }
            cells[unit] = row.filter { $0.key != "unit" }.mapValues(Self.text)
        }
        self.cells = cells
    }

    /// A json value as comparable text (`null` for null, numbers as written by JSON).
    private static func text(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let number as NSNumber:
            // JSON booleans come back as NSNumbers of C type `c`.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return String(describing: value)
        }
    }

    /// Every cell that differs between `self` (the report) and `other` (the recomputation), as
    /// `unit · column: report X, recomputed Y`, units in code-point order.
    public func differences(from other: ReportDocument) -> [String] {
        var out: [String] = []
        let units = Set(cells.keys).union(other.cells.keys).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for unit in units {
            let mine = cells[unit] ?? [:], theirs = other.cells[unit] ?? [:]
            for column in Set(mine.keys).union(theirs.keys).sorted() where mine[column] != theirs[column] {
                out.append("\(unit) · \(column): report \(mine[column] ?? "absent"), recomputed \(theirs[column] ?? "absent")")
            }
        }
        return out
    }
}
