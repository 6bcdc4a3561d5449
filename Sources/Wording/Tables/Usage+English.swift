extension Phrase {
    /// The English of command lines that are wrong, and of the frame of `--help`.
    static let englishUsage: [Phrase: String] = [
        // Our own checks of option values
        .usagePeriod: "'{text}' is not a period: write one of {list}",
        .usageTarget: "the target '{text}' is not valid: a percentage from 0 to 100, e.g. 98 or 97.5",
        .usageLang: "no language '{text}': use vi or en",
        .usageLangVariable: "MOTCUA_LANG={text} names no language: use vi or en",
        .usageImportOption: "{name} does nothing in import (the store keeps the rows as the exports write them): give it to the commands that read the store",
        .usageOutputIsInput: "{name} names '{file}', which this command reads: writing it would destroy the input",
        .usageReadOptionWithoutFiles: "{name} tells how to read export files, and none is named: a report from the store would ignore it",
        .usageEncoding: "no encoding '{text}': use one of {list}",
        .usageDelimiter: "no delimiter '{text}': use ',' ';' or tab",
        .usageMoment: "'{text}' is not a date and time (e.g. 2023-03-31 or 31/03/2023 17:00)",
        .usageBreakdownTable: "--table {text} has no breakdown: {name} goes with the KPI table",
        .usageBreakdownFormat: "--breakdown goes with a format for people: table, md, html or xlsx.",
        .usageBreakdownPeriod: "--breakdown {kind} needs a longer period (quarters: a year, a half or nine months; halves: a year).",
        .usageXLSXOutput: "--format xlsx needs --output FILE.xlsx.",
        .usageByField: "--by field goes with formats for people; csv and json are the KPI table by unit.",
        .usageFormUnit: "{name} fills the heading of form 06a: it goes with --table 06a, --format form06a or --format xlsx",
        .usageForm06aTable: "--format form06a writes the KPI table as form 06a; it does not go with --table {text}",
        .usageTableMachine: "--table 06a goes with formats for people (table, md, html, xlsx); csv and json are the KPI table.",
        .usageNeedFiles: "Name at least one export FILE.",
        .usageEmptyDB: "--db needs a store: an SQLite file or a postgresql:// URL, not an empty value.",
        .usageExplainEither: "Give either --dossier, or --period with --unit and --count.",
        .usageExplainAll: "Give --period, --unit and --count (or --dossier CODE).",
        .usageYear: "The year must be within {years}.",
        .usageRunBy: "--by cannot be '{text}': use one of {list}",
        .usageRunFormat: "no report format '{text}': use one of {list}",

        // ArgumentParser's messages, worded again
        .usageUnknownOption: "Unknown option '{text}'",
        .usageDidYouMean: ". Did you mean '{name}'?",
        .usageMissingValue: "Missing value for '{text}'",
        .usageUnexpected: "Unexpected argument {text}",
        .usageMissingArgument: "Missing expected argument '{text}'",
        .usageInvalidValue: "The value '{text}' is invalid for '{name}'",
        .usageOneOf: ". Please provide one of {list}.",
        .usageNoValue: "The option '{name}' does not take any value, but '{text}' was specified.",
        .usageMissingSubcommand: "Missing required subcommand.",
        .usageRepeated: "'{name}' is given more than once: give it once",
        .usageOther: "{reason}",
        .usageSeeHelp: "(see '{name} --help')",

        // The frame of --help
        .chromeOverview: "OVERVIEW:", .chromeUsage: "USAGE:", .chromeArguments: "ARGUMENTS:", .chromeOptions: "OPTIONS:",
        .chromeSubcommands: "SUBCOMMANDS:", .chromeShowHelp: "Show help information.", .chromeShowVersion: "Show the version.",
        .chromeDefault: "default:", .chromeValues: "values:", .chromeSeeHelp: "See '{name} <subcommand>' for detailed help.",
        .chromeOptionsToken: "<options>", .chromeSubcommandToken: "<subcommand>",
    ]
}
