import Ingest
import KPIMetrics
import Wording

extension CountColumn {
    /// The published count columns a title people see may name (`explain --count "Quá hạn"`):
    /// first the titles of `--format table` (either language), which are unique; else every
    /// other title of a people's format (the page's, the workbook's, form 06a's) that stands
    /// for one count column, which may be several. Letter case and spacing do not matter;
    /// diacritics do. Empty when nothing is titled so.
    public static func titled(_ text: String) -> [CountColumn] {
        let wanted = text.normalizedKey
        let counts = allCases.filter(\.isPublished)
        func matching(_ titles: (CountColumn) -> [Phrase]) -> [CountColumn] {
            counts.filter { column in
                titles(column).contains { phrase in Language.allCases.contains { $0[phrase].normalizedKey == wanted } }
            }
        }
        let table = matching { KPIColumn.count($0).wording.short.map { [$0] } ?? [] }
        if !table.isEmpty { return table }
        return matching { column in
            let wording = KPIColumn.count(column).wording
            let form = Form06a.columns.filter { $0.figure == CountSum(column) }.map(\.title)
            return [wording.page, wording.sheet].compactMap { $0 } + form
        }
    }

    /// The titles `--format table` gives the published count columns, in `language`: what an
    /// error lists as the choices.
    public static func tableTitles(_ language: Language) -> [String] {
        allCases.filter(\.isPublished).compactMap { KPIColumn.count($0).wording.short.map { language[$0] } }
    }
}
