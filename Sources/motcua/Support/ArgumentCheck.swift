import ArgumentParser
import Wording

/// What a command line must not do that ArgumentParser lets pass: checked before it parses.
enum ArgumentCheck {
    /// The one-line refusal of `arguments` (without the program's name), or nil when they may
    /// be parsed.
    static func refusal(of arguments: [String], _ language: Language) -> String? {
        if let unknown = unknownHelpTopic(arguments) {
            return UsageWording.message("Unexpected argument '\(unknown)'", language)
        }
        if let repeated = repeatedOption(arguments) {
            return language[.usageRepeated, [.name: repeated]]
        }
        return nil
    }

    /// The name after `help` that is no command, if any. ArgumentParser answers `help NAME`
    /// with the general help and status 0 whatever NAME is, so a script's typo (`help reprot`)
    /// would pass as help given; it is refused as `motcua reprot` is.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = Motcua.self
        // Options after the topic are ArgumentParser's to judge (`help report --lang en`).
        for name in arguments.dropFirst().prefix(while: { !$0.hasPrefix("-") }) where name != "help" {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return name }
            command = sub
        }
        return nil
    }

    /// The long options a command takes more than once: `--goal` (a goal a column) and
    /// `run --format` (a format a report).
    private static func repeatable(_ option: String, command: String?) -> Bool {
        option == "--goal" || (command == "run" && option == "--format")
    }

    /// The commands' short names, as the long ones they stand for.
    private static let shortNames = ["-q": "--quiet", "-h": "--help"]

    /// The first long option given twice that may be given once only. ArgumentParser lets the
    /// last one win: `--period 2023-Q1 --period 2023-Q2` reported the second quarter without a
    /// word, a setting applied silently. A flag given twice is refused too (it says nothing
    /// more the second time, and may be a slip for another option).
    static func repeatedOption(_ arguments: [String]) -> String? {
        var seen: Set<Substring> = []
        for token in arguments.dropFirst() {
            // Past `--` every word is a file.
            if token == "--" { break }
            guard token.hasPrefix("-"), token.count > 1 else { continue }
            let option: Substring = shortNames[token].map { Substring($0) } ?? token.prefix { $0 != "=" }
            guard option.hasPrefix("--") else { continue }
            if repeatable(String(option), command: arguments.first) { continue }
            if !seen.insert(option).inserted { return String(option) }
        }
        return nil
    }
}
