extension Phrase {
    /// The English of the one-line errors: what went wrong, after the file (and line) it
    /// concerns.
    static let englishErrors: [Phrase: String] = [
        .errorUnitsUnreadable: "cannot read the unit aliases",
        .errorUnitsFields: "expected two to four fields (name,unit,parent,level), found {count}",
        .errorRejectsUnwritable: "cannot write the rejects file",
        .errorReportUnwritable: "cannot write the report",
        .errorFolderUnmakeable: "cannot make this folder, or write in it",
        .errorStandardOutputUnwritable: "cannot write to standard output (a full disk, or a closed output)",
        .errorRender: "cannot make the report: {reason}",
        .errorStrictReject: "row rejected (--strict): {reason}",
        .errorReportUnreadable: "cannot read the report",
        .errorNotJSONReport: "not a json report",
        .errorNoManifest: "the report has no manifest (made by motcua report --format json?)",
        .errorManifestInput: "a manifest input lacks its name or SHA-256",
        .errorHashMismatch: "SHA-256 {found} does not match the manifest's {expected} for {input}",
        .errorInputMissing: "no FILE given has the manifest's SHA-256 {hash}",
        .errorNotAnInput: "not an input of the report (SHA-256 {hash} is not in its manifest)",
        .errorNotInStore: "no import in {store} has the manifest's SHA-256 {hash}",
        .errorNoSuchUnit: "no unit named '{unit}' in the inputs",
        .errorNoOccurrence: "no occurrence of dossier {code} in the inputs",
        .errorSuggestUnits: "no unit named '{unit}' in the inputs; did you mean: {list}?",
        .errorUnknownColumn: "no count column is titled '{text}'; the columns: {list}",
        .errorAmbiguousColumn: "the title '{text}' may mean any of the columns {list}; give the column's machine name",
    ]
}
