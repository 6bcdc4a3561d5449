extension Phrase {
    /// The English of `motcua run`: its log, its lock, its configuration file.
    static let englishRun: [Phrase: String] = [
        .runInboxEmpty: "inbox {file}: no new file",
        .runImporting: "importing {file}",
        .runSetAside: "set aside {file} in {name}: {reason}",
        .runNoData: "the store has no dossiers yet: no report to write",
        .runDataAsOf: "the newest data is as of {moment}",
        .runPeriodOpen: "{period} is not covered by the data yet (as of {moment}): no report (--provisional writes one marked provisional)",
        .runAlias: "alias: {name} → {unit}: {count} dossiers",
        .runAliasUnused: "alias {name} → {unit}: no export spells a unit so",
        .runUpToDate: "{period}: up to date",
        .runFiguresChanged: "figures of {period} changed: kept the old report as {file}",
        .runWrote: "wrote {file}",
        .runWroteProvisional: "wrote {file} (provisional)",
        .runProvisionalRemoved: "{period} is covered by the data: removed its provisional reports",
        .runDone: "done: {count} imported, {rows} already in the store, {rejected} set aside, {files} reports written",
        .runLockHeld: "another motcua run is running{reason}",
        .runLockPid: " (pid {id})",
        .runLockFailed: "cannot take the lock: {reason}",

        // motcua.toml
        .configUnreadable: "cannot read the configuration",
        .configSyntax: "not a valid TOML file: {reason}",
        .configUnusedKey: "'{name}' is used by the {list} table only, and `tables` lists none of them",
        .configUnknownKey: "'{name}' is not a key of motcua's configuration (the keys: {list})",
        .configWrongType: "'{name}' must be {kind}",
        .configBadValue: "'{name}' cannot be '{text}' (it takes: {list})",
        .configString: "a quoted string",
        .configStrings: "a list of strings, e.g. [\"csv\", \"json\"]",
        .configNumber: "a number",
        .configBool: "true or false",
        .configByNoHierarchy: "'by' = '{text}': the units file {file} gives no parent and no level: nothing to roll up by",
        .configByNoUnits: "'by' = '{text}' needs a units file with a parent or level column (the key 'units', or --units)",
        .configByForm06a: "'by' = '{text}' does not go with form06a in 'formats': form 06a is by unit",
        .runRollUp: "rows rolled up (by = {text}) through the units file {file}: reports written as {name}",
        .configTable: "a table [aliases] of \"name\" = \"unit\" lines",
    ]
}
