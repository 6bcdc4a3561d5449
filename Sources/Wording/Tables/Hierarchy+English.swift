extension Phrase {
    /// The English of units in a hierarchy: the units file's errors, the roll-up rows.
    static let englishHierarchy: [Phrase: String] = [
        .errorUnitsLevel: "level: no level is called '{text}'; the levels: {list}",
        .errorUnitsParent: "parent: '{name}' is not a unit of the file (give it a row of its own)",
        .errorUnitsParentAliased: "parent: '{name}' is an old name of '{unit}'; write '{unit}'",
        .errorUnitsConflict: "{text}: '{unit}' was given another value on line {line}",
        .errorUnitsNoUnit: "unit: '{name}' has no unit to count for",
        .errorUnitsCycle: "parent: the parents go round in a cycle: {list}",
        .errorUnitsNoHierarchy: "gives no parent and no level: nothing to roll up by (--by {text})",
        .rollUpSubtotal: "Subtotal {name}",
        .rollUpNoParent: "(no parent unit)",
        .rollUpOutside: "{name} (outside any {level})",
        .rollUpParentLegend: "Units grouped by their parent, each group with a subtotal row; a subtotal's rates come from its summed counts.",
        .rollUpLevelLegend: "Each unit counts for its {level}-level unit; a unit outside any {level} keeps a row of its own; rates come from summed counts.",
        .usageRollUpUnits: "--by {text} needs --units with a parent or level column",
        .usageRollUpTable: "--by {text} goes with the KPI table, plan and index766, not with form 06a or --breakdown",
    ]
}
