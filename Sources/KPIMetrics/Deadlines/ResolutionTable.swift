import Ingest
import WorkingDays

/// Resolution time (catalogue.md; the index's indicator 2.2, which carries no points): the
/// working days from received to finished of the dossiers of F (resolved in the period) with
/// status 9 or 10, summed exactly and averaged per unit and procedure.
public struct ResolutionTable: Sendable {
    /// A unit's or the total's figures for one procedure (nil: dossiers without a MaTTHC), or
    /// for all of them.
    public struct Row: Sendable {
        /// The unit's display name; nil for the total over units.
        public var unit: String?
        public enum Procedure: Sendable, Equatable {
            case code(String)
            case none
            case total
        }
        public var procedure: Procedure
        /// TenTTHC for a procedure row (possibly empty).
        public var name: String
        public var dossiers: Int
        /// Exact sum of the working times.
        public var time: WorkingTime
        /// The average in hundredths of a day, half up from the exact fraction; nil when empty.
        public var averageHundredths: Int64? { dossiers == 0 ? nil : WorkingTime.hundredths(seconds: time.seconds, of: Int64(dossiers)) }
    }

    public let period: Period
    public let basis: PeriodBasis
    /// Each unit's procedures, then its total; then the total per procedure and the grand total.
    public let rows: [Row]
    /// The dossiers counted, by index: what the command reads names for.
    public let counted: [Int]

    /// Picks the dossiers; `labels` then names them.
    public static func counted(dossiers: [Dossier], bounds: PeriodBounds) -> [Int] {
        dossiers.indices.filter { i in
            let d = dossiers[i]
            return (d.status == .processed || d.status == .returned) && DossierClass(d, in: bounds).contains(.resolved)
        }
    }

    /// `asOf(file)`: the as-of moment of each input, which decides the name shown.
    public init(period: Period, basis: PeriodBasis, labels: DossierLabels, rules: DeadlineRules,
                asOf: (Int32) -> LocalMoment?) {
        self.period = period
        self.basis = basis
        let dossiers = labels.table.dossiers
        let counted = Self.counted(dossiers: dossiers, bounds: period.bounds(basis))
        self.counted = counted
        struct Sum { var dossiers = 0; var seconds: Int64 = 0; var name: (asOf: LocalMoment?, text: String)? }
        var byUnit: [String: [String?: Sum]] = [:]
        for i in counted {
            let d = dossiers[i]
            let code = labels.procedureCode(d)
            let key: String? = code.isEmpty ? nil : code
            var sum = byUnit[labels.unit(d), default: [:]][key, default: Sum()]
            sum.dossiers += 1
            if let finished = d.finished { sum.seconds += rules.workingTime(from: d.received, to: finished).seconds }
            let name = labels.procedureName(d)
            if !name.isEmpty {
                let candidate = (asOf: asOf(d.source.file), text: name)
                if let held = sum.name {
                    // The latest as-of wins; ties to the smallest name by code point.
                    let later = (candidate.asOf ?? LocalMoment(seconds: .min)) > (held.asOf ?? LocalMoment(seconds: .min))
                    let same = candidate.asOf == held.asOf
                    if later || (same && codePointsPrecede(candidate.text, held.text)) { sum.name = candidate }
                } else {
                    sum.name = candidate
                }
            }
            byUnit[labels.unit(d), default: [:]][key] = sum
        }
        func ordered(_ procedures: [String?: Sum]) -> [(String?, Sum)] {
            procedures.sorted { a, b in
                switch (a.key, b.key) {
                case (let x?, let y?): return codePointsPrecede(x, y)
                case (_?, nil): return true
                default: return false
                }
            }.map { ($0.key, $0.value) }
        }
        func row(_ unit: String?, _ key: String?, _ sum: Sum) -> Row {
            Row(unit: unit, procedure: key.map(Row.Procedure.code) ?? .none, name: key == nil ? "" : sum.name?.text ?? "",
                dossiers: sum.dossiers, time: WorkingTime(seconds: sum.seconds))
        }
        var rows: [Row] = []
        var overall: [String?: Sum] = [:]
        for unit in byUnit.keys.sorted(by: codePointsPrecede) {
            var total = Sum()
            for (key, sum) in ordered(byUnit[unit] ?? [:]) {
                rows.append(row(unit, key, sum))
                total.dossiers += sum.dossiers
                total.seconds += sum.seconds
                var all = overall[key, default: Sum()]
                all.dossiers += sum.dossiers
                all.seconds += sum.seconds
                if let name = sum.name {
                    let later = (name.asOf ?? LocalMoment(seconds: .min)) > (all.name?.asOf ?? LocalMoment(seconds: .min))
                    if all.name == nil || later || (name.asOf == all.name?.asOf && codePointsPrecede(name.text, all.name?.text ?? "")) {
                        all.name = name
                    }
                }
                overall[key] = all
            }
            rows.append(Row(unit: unit, procedure: .total, name: "", dossiers: total.dossiers, time: WorkingTime(seconds: total.seconds)))
        }
        var grand = Sum()
        for (key, sum) in ordered(overall) {
            rows.append(row(nil, key, sum))
            grand.dossiers += sum.dossiers
            grand.seconds += sum.seconds
        }
        rows.append(Row(unit: nil, procedure: .total, name: "", dossiers: grand.dossiers, time: WorkingTime(seconds: grand.seconds)))
        self.rows = rows
    }
}
