import KPIMetrics
import Wording

extension KPITable {
    /// The rows as people's formats list them: named rows in Vietnamese alphabetical order,
    /// then dossiers without a field of procedures (the machine formats keep code-point order).
    var peopleRows: [Row] {
        rows.filter { $0.name != nil }.sortedVietnamese { $0.name ?? "" } + rows.filter { $0.name == nil }
    }
}
