import Foundation
import Ingest
import KPIMetrics

/// A json report read back: what `verify` needs to recompute it and to compare figures.
public struct ReportDocument: Sendable {
    public struct Input: Sendable, Equatable {
        public var name: String
        public var sha256: String
        /// The as-of the report ranked the input by (`--as-of` when given): an export's.
        public var asOf: LocalMoment?
        /// How the export was read (given or detected): an export's; nil in an older report.
        public var encoding: SourceEncoding?
        public var delimiter: UInt8?

        public init(name: String, sha256: String, asOf: LocalMoment? = nil, encoding: SourceEncoding? = nil,
                    delimiter: UInt8? = nil) {
            self.name = name
            self.sha256 = sha256
            self.asOf = asOf
            self.encoding = encoding
            self.delimiter = delimiter
        }
    }

    public var period: Period
    public var basis: PeriodBasis
    public var target: Target
    public var inputs: [Input]
    /// The unit aliases the report applied.
    public var aliases: UnitAliases
    /// The table the report holds: `kpi`, `plan` or `index766`.
    public var table: String
    /// The goals a plan or index report was computed with.
    public var goals = Goals()
    /// The catalogue a plan or index report was computed with, if any.
    public var catalogue: Input?
    /// `--fill-deadlines` (with its catalogue) and the `--calendar` file the report was made
    /// with, if either.
    public var deadlines: (fill: Bool, catalogue: Input?, calendar: Input?)?
    /// The units file a rolled-up report took its hierarchy from, and how it rolled up
    /// (`roll_up.by`): its rolled rows are then compared too.
    public var unitsFile: Input?
    public var rollUpBy: String?
    /// Every figure, by unit (`TOTAL` for the total row) and column, as json values' text.
    public var cells: [String: [String: String]]
    /// How many rows name each unit (`TOTAL` too): more than one is a row added to the report.
    public var rowCounts: [String: Int] = [:]
    /// What the report says of itself outside its rows and manifest (period, dates, basis,
    /// target, goals, provisional), as `key` or `name.key` cells: a report whose heading was
    /// changed does not stand either.
    public var headline: [String: String] = [:]

    /// Why a file is not a report motcua can verify.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public enum Kind: Sendable {
            /// Not a json object.
            case notJSON
            /// No manifest, or one without its period, basis, target or inputs.
            case noManifest
            /// An input of the manifest without its name or SHA-256.
            case inputWithoutHash
        }

        public var kind: Kind
        public var description: String { "\(kind)" }
    }

    public init(json data: Data) throws(ReadError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReadError(kind: .notJSON)
        }
        guard let manifest = object["manifest"] as? [String: Any],
              let periodText = manifest["period"] as? String, let period = try? Period(parsing: periodText),
              let basisText = manifest["basis"] as? String, let basis = PeriodBasis(rawValue: basisText),
              let targetNumber = manifest["target"] as? NSNumber, let target = Target(targetNumber.stringValue),
              let inputs = manifest["inputs"] as? [[String: Any]] else {
            throw ReadError(kind: .noManifest)
        }
        self.period = period
        self.basis = basis
        self.target = target
        self.inputs = try inputs.map { input throws(ReadError) -> Input in
            guard let name = input["name"] as? String, let sha = input["sha256"] as? String else {
                throw ReadError(kind: .inputWithoutHash)
            }
            let asOf = (input["as_of"] as? String).flatMap { text -> LocalMoment? in
                guard case .success(let value) = DateValue.parse(text, role: .moment) else { return nil }
                return value.moment
            }
            let delimiter = (input["delimiter"] as? String).flatMap { $0.utf8.count == 1 ? $0.utf8.first : nil }
            return Input(name: name, sha256: sha, asOf: asOf,
                         encoding: (input["encoding"] as? String).flatMap(SourceEncoding.init(rawValue:)), delimiter: delimiter)
        }
        aliases = UnitAliases((manifest["aliases"] as? [[String: Any]] ?? []).compactMap { entry in
            guard let name = entry["name"] as? String, let unit = entry["unit"] as? String else { return nil }
            return (name, unit)
        })
        table = manifest["table"] as? String ?? "kpi"
        for (name, value) in manifest["goals"] as? [String: Any] ?? [:] {
            if let number = value as? NSNumber { try? goals.set(name, number.stringValue) }
        }
        if let catalogue = manifest["catalogue"] as? [String: Any], let name = catalogue["name"] as? String,
           let sha = catalogue["sha256"] as? String {
            self.catalogue = Input(name: name, sha256: sha)
        }
        if let deadlines = manifest["deadlines"] as? [String: Any] {
            func input(_ key: String) -> Input? {
                guard let object = deadlines[key] as? [String: Any], let name = object["name"] as? String,
                      let sha = object["sha256"] as? String else { return nil }
                return Input(name: name, sha256: sha)
            }
            self.deadlines = (deadlines["fill_deadlines"] as? Bool ?? false, input("catalogue"), input("calendar"))
        }
        if let units = manifest["units_file"] as? [String: Any], let name = units["name"] as? String,
           let sha = units["sha256"] as? String {
            unitsFile = Input(name: name, sha256: sha)
        }
        let rollUp = object["roll_up"] as? [String: Any]
        rollUpBy = rollUp?["by"] as? String
        var cells: [String: [String: String]] = [:]
        var rows = (object["units"] as? [[String: Any]] ?? []) + [object["total"] as? [String: Any] ?? [:]]
        // A rolled row is keyed by its kind and unit (`roll_up · subtotal · Huyện X`); its
        // parent and level are cells. Without the units file they stand on, the rolled rows
        // (sums of the unit rows, which are compared) cannot be recomputed.
        if unitsFile != nil {
            rows += (rollUp?["rows"] as? [[String: Any]] ?? []).map { row in
                var keyed = row.filter { $0.key != "kind" }
                keyed["unit"] = "roll_up · \(row["kind"] as? String ?? "?") · \(row["unit"] as? String ?? "?")"
                return keyed
            }
        }
        for row in rows {
            guard let unit = row["unit"] as? String else { continue }
            // A unit's first row is compared; a second one is counted, never silently kept.
            rowCounts[unit, default: 0] += 1
            if cells[unit] == nil { cells[unit] = Self.flatten(row.filter { $0.key != "unit" }) }
        }
        self.cells = cells
        // The manifest is compared input by input before; `roll_up.by` is what the report
        // says of itself.
        headline = Self.flatten(object.filter { !["manifest", "units", "total", "roll_up"].contains($0.key) })
        if unitsFile != nil, let by = rollUpBy { headline["roll_up.by"] = by }
        headline.merge(Self.record(of: manifest)) { a, _ in a }
    }

    /// What the manifest records of the report's making, as `manifest.…` cells: each input's
    /// counts (keyed by its SHA-256), the settings, the end, the mark. Not the names (a file is
    /// verified under any name), nor the versions (this motcua recomputes a report of an earlier
    /// one), nor the aliases (applied again, they show in the rows), nor how an input was read
    /// (its as-of, encoding, delimiter): a store may have imported it with other options than
    /// the files are read with, and the figures say whether that mattered.
    private static func record(of manifest: [String: Any]) -> [String: String] {
        let settings = manifest.filter { !["inputs", "motcua_version", "rules_version", "aliases"].contains($0.key) }
        var out = flatten(settings, prefix: "manifest.").filter { !$0.key.hasSuffix(".name") }
        let reading: Set = ["name", "sha256", "as_of", "encoding", "delimiter"]
        for input in manifest["inputs"] as? [[String: Any]] ?? [] {
            guard let sha = input["sha256"] as? String else { continue }
            let cells = flatten(input.filter { !reading.contains($0.key) }, prefix: "manifest.inputs.\(sha.prefix(12)).")
            out.merge(cells) { a, _ in a }
        }
        return out
    }

    /// Nested objects (a target's or an indicator's figures) as `name.key` cells.
    private static func flatten(_ object: [String: Any], prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in object {
            if let nested = value as? [String: Any] {
                out.merge(flatten(nested, prefix: prefix + key + ".")) { a, _ in a }
            } else {
                out[prefix + key] = text(value)
            }
        }
        return out
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
        // A manifest cell the report lacks is one an earlier motcua did not write (a delimiter).
        for key in Set(headline.keys).union(other.headline.keys).sorted()
        where headline[key] != other.headline[key] && !(key.hasPrefix("manifest.") && headline[key] == nil) {
            out.append("\(key): report \(headline[key] ?? "absent"), recomputed \(other.headline[key] ?? "absent")")
        }
        let counted = Set(rowCounts.keys).union(other.rowCounts.keys).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        for unit in counted where rowCounts[unit, default: 0] > 1 || other.rowCounts[unit, default: 0] > 1 {
            if rowCounts[unit, default: 0] != other.rowCounts[unit, default: 0] {
                out.append("\(unit) · rows: report \(rowCounts[unit, default: 0]), recomputed \(other.rowCounts[unit, default: 0])")
            }
        }
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
