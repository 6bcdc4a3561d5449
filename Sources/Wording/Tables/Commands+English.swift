extension Phrase {
    /// The English of the commands' own output: summaries, `check`, `import`, `explain`, `units`.
    static let englishCommands: [Phrase: String] = [
        // Summaries on stderr, check, import
        .summaryTotals: "Files: {files}; rows read: {rows}; dossiers: {dossiers}; rows rejected: {rejected}; "
            + "duplicates collapsed: {collapsed}",
        .summaryAlias: "alias: {name} → {unit}: {count} dossiers",
        .summaryRejected: "rejected: {count} × {reason}",
        .checkFormat: "kind: {kind}; encoding: {encoding}; delimiter: {delimiter}",
        .checkRows: "rows: {rows}; accepted: {accepted}; rejected: {rejected}",
        .checkIgnored: "ignored columns: {columns}",
        .checkAsOf: "as-of: {moment}",
        .imported: "{file}: imported as #{id} (sha256 {hash}…): {rows} rows, {accepted} accepted, {rejected} rejected",
        .alreadyImported: "{file}: already in the store as #{id} ({stored}, sha256 {hash}…): nothing changed",
        .importRemoved: "removed import #{id} ({file}, {count} occurrences)",
        .checkRejected: "{count} × {reason}",
        .kindPortalSync: "portal-sync",
        .kindPortalVN: "portal-vn",
        .kindSpreadsheet: "spreadsheet",
    ]
}
