extension Phrase {
    /// The English of `motcua --help`: each command's summary and each option's help.
    static let englishHelp: [Phrase: String] = [
        .helpMotcua: "KPI reports from one-stop-shop (bộ phận một cửa) dossier exports.",
        .helpExitStatus: "Exit status: 0 done (rows may have been rejected: they are reported); 64 the command line is wrong; "
            + "65 rows were rejected and --strict was given (check: any rejected row), or an input is not the one a manifest names "
            + "(verify: 1 when a figure differs); "
            + "66 an input cannot be opened or read, is empty, is not text, lacks a required column, is a spreadsheet "
            + "workbook (save it as CSV), or there is no store; 73 an output cannot be written; 74 the store is busy or "
            + "failed. Language: --lang vi|en or MOTCUA_LANG.",
        .helpReport: "Compute the KPI table of a period from export files, or from the store when no FILE is given.",
        .helpPeriod: "Period: 2023-Q3, Quý III/2023, quý 3 năm 2023, Q3 2023, 2023-H1, 6 tháng đầu năm 2023, 2023-9M, "
            + "9 tháng năm 2023, năm 2023.",
        .helpBasis: "Period basis: decree09 (15th to 14th, Decree 09/2019; the default, but calendar for index766) or calendar.",
        .helpFormat: "Output format: table, form06a, md, html or xlsx (for people; xlsx needs --output), csv or json (for machines).",
        .helpBy: "Rows by unit, by field of procedures (TenLinhVuc), or rolled up through the --units file: parent (each parent's units and a subtotal), level=huyện (one row per unit at that level).",
        .helpBreakdown: "Split the period into quarters or halves: one table of units × sub-periods with the on-time rate of each.",
        .helpTarget: "On-time target in percent (default 98).",
        .helpLang: "Language: vi (the default, or MOTCUA_LANG) or en.",
        .helpOutput: "Write the report to this file instead of standard output.",
        .helpTable: "The table: kpi (the KPI table, the default), plan (the plan's five service targets), index766 (the service "
            + "index of Decision 766/QĐ-TTg), or 06a for people (form 06a/VPCP/KSTT, with its signature block).",
        .helpCompare: "Compare on-time rates with: previous (the period before, the default), last-year, or none.",
        .helpReportingUnit: "The reporting unit on form 06a (none: a dotted line to fill in by hand).",
        .helpReceivingUnit: "The receiving unit on form 06a (none: a dotted line to fill in by hand).",
        .helpStrict: "Exit with status 65, writing no report, when any row is rejected.",
        .helpQuiet: "Do not print the summary.",
        .helpEncoding: "Override encoding detection: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1258.",
        .helpDelimiter: "Override delimiter detection: ',' ';' or tab.",
        .helpAsOf: "State every file's as-of moment instead of deriving it (e.g. 31/03/2023 17:00, or 2023-04-01: a date alone is 00:00:00 of that day).",
        .helpRejects: "Write rejected rows to this CSV file (file,line,field,reason,raw).",
        .helpUnits: "Unit names: a CSV file of name,unit lines (names as they appear in exports, the unit they count for); "
            + "start one with motcua units --write.",
        .helpFiles: "Export files (CSV).",
        .helpDB: "The store: an SQLite file, or postgresql://USER@HOST:PORT/DB. Default: $MOTCUA_DB, else motcua.sqlite in the current folder.",
        .helpCheck: "Describe each export file and count the rows it would reject.",
        .helpCheckDetails: "Exit status 0 when no row is rejected, 65 when some are, 66 when a file cannot be read.",
        .helpImport: "Import export files into the store (each file whole, or not at all).",
        .helpImportDetails: "A file already in the store (same SHA-256) is skipped and said so. Exit 66 when a file cannot be "
            + "read (the others are still imported).",
        .helpImports: "List the store's imports, or remove one.",
        .helpImportsList: "List the imports, oldest first.",
        .helpImportsRemove: "Take one import out of the store (its dossiers fall back to their next occurrence).",
        .helpImportID: "The import's id (see motcua imports).",
        .helpVerify: "Recompute a json report from the named files (or the store) and compare every figure.",
        .helpVerifyDetails: "Prints OK, or each differing cell. Exit 0 when identical, 1 when a figure differs, 65 when an "
            + "input's SHA-256 does not match the report's manifest (the input is named), 66 when the report or an input "
            + "cannot be read.",
        .helpVerifyReport: "A report written by motcua report --format json.",
        .helpVerifyFiles: "The export files the report was made from (none: the store's imports, found by SHA-256).",
        .verifyRollUpUnchecked: "the report's rolled-up rows are not checked: its manifest names no units file",
        .verifyUnitsUnused: "--units is not used: the report's manifest names no units file",
        .helpVerifyUnits: "The units file a rolled-up report was made with (its manifest names it by SHA-256): its subtotals are checked too.",
        .helpExplain: "List the dossiers behind one count of the KPI table, or every occurrence of one dossier.",
        .helpExplainDetails: "motcua explain --period 2023-Q1 --unit \"UBND xã Hoằng Trinh\" --count Late FILE...\n"
            + "motcua explain --dossier H45.4-2023-001249 FILE...\nWithout FILE, the store is read. Count columns: {columns}.",
        .helpExplainPeriod: "Period, as for report (with --unit and --count).",
        .helpExplainUnit: "The unit, as the report names it (letter case and spacing do not matter), or TOTAL.",
        .helpExplainCount: "The count column whose dossiers to list: its title in the table (\"Late\", \"Quá hạn\"…) or its "
            + "machine name (resolved_late…).",
        .helpExplainDossier: "List every occurrence of this dossier code across the inputs, and which one won.",
        .helpListingFormat: "Output format: table (for people) or csv (for machines: column names, codes, English reasons).",
        .helpRejectsCommand: "Print the store's rejected rows (file,line,field,reason,raw), or write them with --output.",
        .helpRejectsImport: "Only the rejects of this import (see motcua imports).",
        .helpRejectsOutput: "Write to this file instead of standard output.",
        .helpRun: "Import every new file of the inbox, then write the reports of every period the data covers.",
        .helpRunDetails: "Reads motcua.toml (--config); every key can be given here too. A period is written once its end is "
            + "at or before the newest as-of in the store; --provisional also writes the open period, marked PROVISIONAL. "
            + "Files that import are moved to the archive; a file that fails goes to inbox/failed/ with a .txt saying why. "
            + "Exit 0 when all went well, 65 when a file was set aside, 66 when the configuration is wrong, 75 when another "
            + "run holds the lock.",
        .helpConfig: "The configuration file (TOML). Default: motcua.toml in the current folder, if there is one.",
        .helpInbox: "The inbox folder.",
        .helpArchive: "The archive folder.",
        .helpReportsFolder: "The reports folder.",
        .helpRunFormat: "A report format to write (csv, json, table, form06a, md, html, xlsx); repeat for several.",
        .helpProvisional: "Also write the open period (the one holding the newest data), marked PROVISIONAL.",
        .helpVerbose: "Log every step, debug details included.",
        .helpRunQuiet: "Log warnings and errors only.",
        .helpCalendar: "List the days off and swapped working days of civil servants in a year, with their source.",
        .helpCalendarDetails: "Official years ship with motcua (each day with the notice it comes from); other years are "
            + "computed by the Labour Code 2019 with the Vietnamese lunar calendar and say \"computed, not official\". "
            + "--calendar FILE (CSV: date, kind, note; kind nghỉ or làm) adds or overrides days. Exit status: 64 the command "
            + "line is wrong; 65 a row of the calendar file is wrong; 66 the calendar file cannot be read.",
        .helpYear: "The year ({years}).",
        .helpCalendarFormat: "Output format: table (for people) or csv (date,kind,source).",
        .helpCalendarFile: "CSV of days to add or override: date, kind (nghỉ or làm), note.",
        .helpUnitsCommand: "List every unit with its spellings in the exports and its dossiers, or write a starter units file.",
        .helpUnitsDetails: "motcua units --write units.csv FILE... writes name,unit lines: each spelling → the unit's name as "
            + "reports show it. Correct the unit column to the official names (two units given one name are merged), then "
            + "use it with --units or units = in motcua.toml. With --units FILE giving parent and level columns, each unit's "
            + "parent and level are listed too (every unit of the file, dossiers or not) and the file is name,unit,parent,level.",
        .helpUnitsWrite: "Write the starter units file (name,unit) here.",
        .helpRunBy: "Roll the reports' rows up through the units file: parent (each parent's units and a subtotal) or "
            + "level=huyện (one row per unit at that level); unit (the default) writes them by unit.",
    ]
}
