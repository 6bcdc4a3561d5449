import ArgumentParser
import Foundation
import Wording

/// `--lang vi|en`: the language of what a command prints (help and usage errors follow it
/// too, read before parsing). Without it, `MOTCUA_LANG`, else Vietnamese.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: help(.helpLang))
    var text: String?

    func validate() throws {
        if let text, Language(rawValue: text.lowercased()) == nil { throw usage(.usageLang, [.text: text]) }
        // A variable naming no language is refused like the option, never read as Vietnamese.
        if text == nil, let variable = ProcessInfo.processInfo.environment["MOTCUA_LANG"], !variable.isEmpty,
           Language(rawValue: variable.lowercased()) == nil {
            throw usage(.usageLangVariable, [.text: variable])
        }
    }

    /// The language given with `--lang`, if any.
    var given: Language? { text.flatMap { Language(rawValue: $0.lowercased()) } }

    /// The language to use: `--lang`, else `MOTCUA_LANG`, else Vietnamese.
    var value: Language { given ?? CommandLanguage.current }
}
