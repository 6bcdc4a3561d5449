import Ingest
import Reports
import Wording
import WorkingDays

extension CommandError {
    /// One line for people: `file:line: what went wrong`, in `language`.
    public func message(_ language: Language) -> String {
        switch reason {
        case .input(let error): return error.message(language)
        case .store(let error): return error.message(language)
        case .calendar(let error): return error.message(language)
        case .unitsUnreadable: return placed(language[.errorUnitsUnreadable])
        case .unitsLine(let error): return placed(error.message(language))
        case .unitsNoHierarchy(let rollUp): return placed(language[.errorUnitsNoHierarchy, [.text: rollUp]])
        case .cannotWriteRejects: return placed(language[.errorRejectsUnwritable])
        case .cannotWriteReport: return placed(language[.errorReportUnwritable])
        case .cannotMakeFolder: return placed(language[.errorFolderUnmakeable])
        case .cannotRender(let reason): return placed(language[.errorRender, [.reason: reason]])
        case .strictReject(let reject): return placed(language[.errorStrictReject, [.reason: reject.reason(language)]])
        case .reportUnreadable: return placed(language[.errorReportUnreadable])
        case .notAReport(let error):
            switch error.kind {
            case .notJSON: return placed(language[.errorNotJSONReport])
            case .noManifest: return placed(language[.errorNoManifest])
            case .inputWithoutHash: return placed(language[.errorManifestInput])
            }
        case .hashMismatch(let found, let expected, let input):
            return placed(language[.errorHashMismatch, [.found: found, .expected: expected, .input: input]])
        case .inputMissing(let sha256): return placed(language[.errorInputMissing, [.hash: sha256]])
        case .notAnInput(let sha256): return placed(language[.errorNotAnInput, [.hash: sha256]])
        case .notInStore(let sha256, let store): return placed(language[.errorNotInStore, [.hash: sha256, .store: store]])
        case .noSuchUnit(let unit, let suggestions) where suggestions.isEmpty: return placed(language[.errorNoSuchUnit, [.unit: unit]])
        case .noSuchUnit(let unit, let suggestions):
            return placed(language[.errorSuggestUnits, [.unit: unit, .list: suggestions.map { "'\($0)'" }.joined(separator: ", ")]])
        case .noOccurrence(let code): return placed(language[.errorNoOccurrence, [.code: code]])
        }
    }

    /// `what` after the file and line, when there are.
    private func placed(_ what: String) -> String {
        let place = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        return place.isEmpty ? what : place + ": " + what
    }
}

extension CalendarFileError {
    /// One line: `file:line: field: what is wrong`, in `language`.
    public func message(_ language: Language) -> String {
        var place = file
        if let line { place += ":\(line)" }
        if let field {
            let names: [CalendarFileError.Field: Phrase] = [.date: .calendarColumnDate, .kind: .calendarColumnKind, .note: .calendarColumnNote]
            place += ": " + (names[field].map { language[$0] } ?? field.rawValue)
        }
        let what: String
        switch kind {
        case .unreadable(let reason): what = language[.calendarUnreadable, [.reason: language.systemReason(reason)]]
        case .notText: what = language[.calendarNotText]
        case .empty: what = language[.calendarEmpty]
        case .malformedQuote: what = language[.calendarMalformedQuote]
        case .tooManyFields(let n): what = language[.calendarTooManyFields, [.count: String(n)]]
        case .missingKind: what = language[.calendarMissingKind]
        case .badDate(let text): what = language[.calendarBadDate, [.text: text]]
        case .outsideYears(let text):
            let years = "\(WorkingCalendar.years.lowerBound)–\(WorkingCalendar.years.upperBound)"
            what = language[.calendarOutsideYears, [.text: text, .years: years]]
        case .unknownKind(let text): what = language[.calendarUnknownKind, [.text: text]]
        case .duplicateDate(let text, let first): what = language[.calendarDuplicateDate, [.text: text, .line: String(first)]]
        }
        return "\(place): \(what)"
    }
}

extension UnitsFileError {
    /// What is wrong with the row, after its file and line, in `language`.
    func message(_ language: Language) -> String {
        switch kind {
        case .fieldCount(let count): return language[.errorUnitsFields, [.count: String(count)]]
        case .unknownLevel(let text): return language[.errorUnitsLevel, [.text: text, .list: UnitLevel.acceptedWords]]
        case .unknownParent(let name): return language[.errorUnitsParent, [.name: name]]
        case .parentAliased(let name, let unit): return language[.errorUnitsParentAliased, [.name: name, .unit: unit]]
        case .conflict(let unit, let first):
            return language[.errorUnitsConflict, [.text: field.map { language == .vi ? $0.aliases.first ?? $0.rawValue : $0.rawValue } ?? "",
                                                  .unit: unit, .line: String(first)]]
        case .noUnit(let name): return language[.errorUnitsNoUnit, [.name: name]]
        case .cycle(let names): return language[.errorUnitsCycle, [.list: names.joined(separator: " → ")]]
        }
    }
}
