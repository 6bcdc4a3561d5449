import Foundation
import Wording

/// ArgumentParser's own messages are English, and its error types internal: its messages are
/// worded again from their known forms, the argument they name kept; any other keeps its
/// English inside a sentence in the reader's language, so that it still names the argument.
enum UsageWording {
    static func message(_ message: String, _ language: Language) -> String {
        if WordedUsage.messages.contains(message) { return message }
        // A long list of values comes as bullets on lines of their own: one line, like a short one.
        var english = message.replacingOccurrences(of: ". Please provide one of the following:\n  - ", with: ". Please provide one of ")
        if english != message { english = english.replacingOccurrences(of: "\n  - ", with: ", ") + "." }
        for (pattern, word) in patterns {
            guard let match = english.firstMatch(of: pattern) else { continue }
            return word(match.output.map { $0.substring.map(String.init) ?? "" }, language)
        }
        return language[.usageOther, [.reason: english]]
    }

    private typealias Wording = ([String], Language) -> String

    /// Built when needed (once, for the one error a process prints).
    private static var patterns: [(Regex<AnyRegexOutput>, Wording)] {
        [
            (Regex(#/^Unknown option '([^']*)'(?:\. Did you mean '([^']*)'\?)?$/#), { m, l in
                l[.usageUnknownOption, [.text: m[1]]] + (m[2].isEmpty ? "" : l[.usageDidYouMean, [.name: m[2]]])
            }),
            (Regex(#/^Missing value for '([^']*)'$/#), { m, l in l[.usageMissingValue, [.text: m[1]]] }),
            (Regex(#/^Missing expected argument '([^']*)'$/#), { m, l in l[.usageMissingArgument, [.text: m[1]]] }),
            (Regex(#/^Unexpected argument '([^']*)'$/#), { m, l in l[.usageUnexpected, [.text: "'" + m[1] + "'"]] }),
            (Regex(#/^\d+ unexpected arguments: (.*)$/#), { m, l in l[.usageUnexpected, [.text: m[1]]] }),
            (Regex(#/^The value '([^']*)' is invalid for '([^']*)'(?:\. Please provide one of (.*)\.)?/#), { m, l in
                l[.usageInvalidValue, [.text: m[1], .name: m[2]]]
                    + (m[3].isEmpty ? "" : l[.usageOneOf, [.list: m[3].replacingOccurrences(of: " or ", with: ", ")
                        .replacingOccurrences(of: " and ", with: ", ")]])
            }),
            (Regex(#/^The option '([^']*)' does not take any value, but '([^']*)' was specified\.$/#), { m, l in
                l[.usageNoValue, [.name: m[1], .text: m[2]]]
            }),
            (Regex(#/^Missing required subcommand\.$/#), { _, l in l[.usageMissingSubcommand] }),
        ]
    }

    /// The frame of a `--help` text in the reader's language (the help texts are already).
    static func help(_ text: String, _ language: Language) -> String {
        guard language != .en else { return text }
        var out = text
        if let see = out.firstMatch(of: #/See '([^']*) <subcommand>' for detailed help\./#) {
            out.replaceSubrange(see.range, with: language[.chromeSeeHelp, [.name: String(see.output.1)]])
        }
        let frame: [(String, Phrase)] = [("OVERVIEW:", .chromeOverview), ("USAGE:", .chromeUsage), ("ARGUMENTS:", .chromeArguments),
                                         ("OPTIONS:", .chromeOptions), ("SUBCOMMANDS:", .chromeSubcommands),
                                         ("Show help information.", .chromeShowHelp), ("Show the version.", .chromeShowVersion),
                                         ("default:", .chromeDefault), ("values:", .chromeValues),
                                         ("<options>", .chromeOptionsToken), ("<subcommand>", .chromeSubcommandToken)]
        for (english, phrase) in frame { out = out.replacingOccurrences(of: english, with: language[phrase]) }
        return out
    }
}
