import Ingest
import KPIMetrics
import Wording

extension Report {
    /// Each unit below target with its late dossiers by procedure, worded: "1.002253 Cấp Giấy
    /// chứng nhận… (2); 1.001990 (1)". The procedure's name is the catalogue's, when one was given.
    var lateLines: [(unit: String, procedures: String)] {
        let language = settings.language
        // In the people's order of units (Vietnamese alphabetical), as the table above.
        let late = Dictionary(lateByProcedure.units.map { ($0.unit, $0.counts) }, uniquingKeysWith: { first, _ in first })
        let units = table.peopleRows.compactMap { row in row.name.flatMap { name in late[name].map { (name, $0) } } }
        return units.map { unit, counts in
            let items = counts.map { count -> String in
                let i = Int(count.procedure.rawValue)
                let code = i >= 0 && i < procedureCodes.count ? procedureCodes[i] : nil
                let name = i >= 0 && i < catalogue.count ? catalogue[i]?.name ?? "" : ""
                let label = code.map { name.isEmpty ? $0 : $0 + " " + name } ?? language[.noProcedure]
                return label + " (" + language.count(count.dossiers) + ")"
            }
            return (unit, items.joined(separator: "; "))
        }
    }
}

extension KPIReport {
    /// "Hồ sơ trễ hạn của đơn vị dưới chỉ tiêu, theo thủ tục", then a line a unit; nothing when
    /// no unit is below target.
    func lateLines(_ escape: (String) -> String = { $0 }) -> [String] {
        lateByProcedure.map { language[.lateByProcedureLine, [.unit: escape($0.unit), .list: escape($0.procedures)]] }
    }
}
