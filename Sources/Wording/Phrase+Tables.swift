extension Phrase {
    /// The tables of each concern, in one language: every phrase is in exactly one of them
    /// (a test checks it).
    static func tables(_ language: Language) -> [[Phrase: String]] {
        switch language {
        case .vi: return [vietnameseReports, vietnameseCommands, vietnameseErrors, vietnameseInput, vietnameseExplain, vietnameseRun, vietnameseHelp, vietnameseUsage, vietnameseCalendar, vietnameseService, vietnameseDeadlines, vietnameseHierarchy]
        case .en: return [englishReports, englishCommands, englishErrors, englishInput, englishExplain, englishRun, englishHelp, englishUsage, englishCalendar, englishService, englishDeadlines, englishHierarchy]
        }
    }

    /// The Vietnamese text of every phrase.
    static let vietnamese = merged(tables(.vi))

    /// The English text of every phrase.
    static let english = merged(tables(.en))

    private static func merged(_ tables: [[Phrase: String]]) -> [Phrase: String] {
        tables.reduce(into: [:]) { all, table in all.merge(table) { first, _ in first } }
    }
}
