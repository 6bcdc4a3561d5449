import ArgumentParser
import Foundation
import Wording

/// The language of the command line, known before arguments are parsed (help texts are built
/// at parse time): `--lang` in the arguments (it wins), else `MOTCUA_LANG`, else Vietnamese.
enum CommandLanguage {
    /// `--lang xx` or `--lang=xx` in the arguments, else `MOTCUA_LANG`; nil when neither names
    /// a language.
    static let explicit: Language? = scan(Array(CommandLine.arguments.dropFirst()),
                                          environment: ProcessInfo.processInfo.environment["MOTCUA_LANG"])

    /// What people read, unless a command decides otherwise (`run` follows its configuration).
    static let current: Language = explicit ?? .vi

    static func scan(_ arguments: [String], environment: String?) -> Language? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1].lowercased()) }
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7)).lowercased()) }
        }
        return environment.flatMap { Language(rawValue: $0.lowercased()) }
    }
}

/// An option's or argument's help, in the command line's language.
func help(_ phrase: Phrase, _ slots: [Slot: String] = [:]) -> ArgumentHelp {
    ArgumentHelp(CommandLanguage.current[phrase, slots])
}

/// A command's configuration, its summary and details in the command line's language.
func commandConfiguration(_ name: String, _ abstract: Phrase, _ discussion: Phrase? = nil, slots: [Slot: String] = [:],
                   subcommands: [ParsableCommand.Type] = [], defaultSubcommand: ParsableCommand.Type? = nil) -> CommandConfiguration {
    let language = CommandLanguage.current
    return CommandConfiguration(commandName: name, abstract: language[abstract], discussion: discussion.map { language[$0, slots] } ?? "",
                                subcommands: subcommands, defaultSubcommand: defaultSubcommand)
}

/// A command line found wrong by motcua itself, worded in the command line's language. The
/// message is remembered so that it is not worded again as one of ArgumentParser's.
func usage(_ phrase: Phrase, _ slots: [Slot: String] = [:]) -> ValidationError {
    let message = CommandLanguage.current[phrase, slots]
    WordedUsage.messages.insert(message)
    return ValidationError(message)
}

enum WordedUsage {
    /// Messages of `usage(_:_:)` thrown during this parse (one parse a process).
    nonisolated(unsafe) static var messages: Set<String> = []
}
