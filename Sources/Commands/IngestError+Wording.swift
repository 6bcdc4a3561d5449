import Ingest
import Store
import Wording

extension Language {
    /// Why a file cannot be opened, as the system says it (strerror), in this language where
    /// it is a common reason.
    func systemReason(_ reason: String) -> String {
        let known: [String: Phrase] = ["No such file or directory": .ingestNoSuchFile, "Permission denied": .ingestPermissionDenied,
                                       "is a directory": .fileIsDirectory, "Not a directory": .fileNotADirectory,
                                       "Too many levels of symbolic links": .fileLinkLoop, "File name too long": .fileNameTooLong,
                                       "not a regular file": .fileNotRegular]
        return known[reason].map { self[$0] } ?? reason
    }
}

extension IngestError {
    /// One line for people: `file:line: what went wrong`, in `language`.
    public func message(_ language: Language) -> String {
        (line.map { "\(file):\($0)" } ?? file) + ": " + what(language)
    }

    private func what(_ language: Language) -> String {
        switch kind {
        case .unreadable(let reason): return language[.ingestUnreadable, [.reason: language.systemReason(reason)]]
        case .isDirectory: return language[.ingestIsDirectory]
        case .notRegularFile(let node):
            let names: [NodeKind: Phrase] = [.pipe: .nodePipe, .characterDevice: .nodeCharacterDevice,
                                             .blockDevice: .nodeBlockDevice, .socket: .nodeSocket, .other: .nodeOther]
            return language[.ingestNotRegularFile, [.kind: language[names[node] ?? .nodeOther]]]
        case .nameNotUTF8: return language[.ingestNameNotUTF8]
        case .empty: return language[.ingestEmpty]
        case .notText(let reason): return language[.ingestNotText, [.reason: reason.words(language)]]
        case .malformedHeader: return language[.ingestMalformedHeader]
        case .headerTooLong(let limit): return language[.ingestHeaderTooLong, [.count: String(limit >> 20)]]
        case .missingColumns(let names): return language[.ingestMissingColumns, [.columns: names.joined(separator: ", ")]]
        case .duplicateColumn(let field, let first, let second):
            return language[.ingestDuplicateColumn, [.name: field, .first: "\(first.position) '\(first.text)'",
                                                     .second: "\(second.position) '\(second.text)'"]]
        case .shrank(let expected, let read):
            return language[.ingestShrank, [.found: language.count(read), .expected: language.count(expected)]]
        case .rejectedRow(let reason): return language[.ingestRejectedRow, [.reason: reason]]
        case .spreadsheet(let kind): return language[.ingestSpreadsheet, [.kind: kind.rawValue]]
        case .tooManyNames(let column, let limit):
            return language[.ingestTooManyNames, [.name: column, .count: language.count(limit)]]
        case .tooManyInputs(let limit): return language[.ingestTooManyInputs, [.count: language.count(limit)]]
        }
    }
}

extension IngestError.NotText {
    func words(_ language: Language) -> String {
        switch self {
        case .nulByte: return language[.notTextNUL]
        case .undefinedInWindows1258(let byte):
            return language[.notTextUndefined1258, [.code: "0x" + String(byte, radix: 16, uppercase: true)]]
        case .invalidUTF8: return language[.notTextInvalidUTF8]
        case .oddUTF16Length: return language[.notTextOddUTF16]
        case .unpairedSurrogate: return language[.notTextSurrogate]
        case .nulCharacter: return language[.notTextNULCharacter]
        }
    }
}

extension StoreError {
    /// One line for people: `path: what went wrong`, in `language`.
    public func message(_ language: Language) -> String {
        let what: String
        switch kind {
        case .missing: what = language[.storeMissing]
        case .notAStore: what = language[.storeNotAStore]
        case .newerSchema: what = language[.storeNewerSchema]
        case .busy: what = language[.storeBusy]
        case .readOnly: what = language[.storeReadOnly]
        case .olderReadOnly: what = language[.storeOlderReadOnly]
        case .folderNotWritable: what = language[.storeFolderNotWritable]
        case .cannotCreate: what = language[.storeCannotCreate]
        case .noSuchImport(let id): what = language[.storeNoSuchImport, [.id: String(id)]]
        case .server(let fault): what = fault.words(language)
        case .nameIDClash(let list): what = language[.storeNameIDClash, [.name: language[list.phrase]]]
        case .tooManyNames(let limit): what = language[.storeTooManyNames, [.count: language.count(limit)]]
        case .diskFull: what = language[.storeDiskFull]
        case .ioError: what = language[.storeIOError]
        case .damaged(let name): what = language[.storeDamaged, [.name: name]]
        case .failed(let message): what = language[.storeFailed, [.reason: message]]
        }
        return "\(path): \(what)"
    }
}

extension StoreError.NameList {
    /// What the list's names are called.
    var phrase: Phrase {
        switch self {
        case .unitSpellings: return .storeUnitNames
        case .procedures: return .storeProcedures
        }
    }
}

extension Reject {
    /// Why the row was rejected, for people, in `language` (the rejects file keeps the spec's
    /// English sentence).
    public func reason(_ language: Language) -> String {
        language[reason.phrase, [.name: field ?? ""]]
    }
}

extension RejectReason {
    /// The phrase of a row's reason, naming its field.
    var phrase: Phrase {
        switch self {
        case .missingValue: return .rejectMissingValue
        case .unreadableDate: return .rejectUnreadableDate
        case .nonexistentDate: return .rejectNonexistentDate
        case .unknownChannel: return .rejectUnknownChannel
        case .unknownStatus: return .rejectUnknownStatus
        case .invalidYesNo: return .rejectInvalidYesNo
        case .finishedWithoutDate: return .rejectFinishedWithoutDate
        case .finishedBeforeReceived: return .rejectFinishedBeforeReceived
        case .tooManyFields: return .rejectTooManyFields
        case .malformedQuote: return .rejectMalformedQuote
        case .unterminatedQuote: return .rejectUnterminatedQuote
        case .recordTooLong: return .rejectRecordTooLong
        case .unknownPayment: return .rejectUnknownPayment
        case .invalidAmount: return .rejectInvalidAmount
        case .invalidWholeNumber: return .rejectInvalidWholeNumber
        case .unknownRating: return .rejectUnknownRating
        case .unknownRouting: return .rejectUnknownRouting
        case .unknownServiceLevel: return .rejectUnknownServiceLevel
        case .duplicateProcedure: return .rejectDuplicateProcedure
        }
    }

    /// The reason without a field, for totals across fields, in `language`.
    public func summary(_ language: Language) -> String {
        let phrase: Phrase
        switch self {
        case .missingValue: phrase = .rejectedMissingValue
        case .unreadableDate: phrase = .rejectedUnreadableDate
        case .nonexistentDate: phrase = .rejectedNonexistentDate
        case .unknownChannel: phrase = .rejectedUnknownChannel
        case .unknownStatus: phrase = .rejectedUnknownStatus
        case .invalidYesNo: phrase = .rejectedInvalidYesNo
        case .finishedWithoutDate: phrase = .rejectedFinishedWithoutDate
        case .finishedBeforeReceived: phrase = .rejectedFinishedBeforeReceived
        case .tooManyFields: phrase = .rejectedTooManyFields
        case .malformedQuote: phrase = .rejectedMalformedQuote
        case .unterminatedQuote: phrase = .rejectedUnterminatedQuote
        case .recordTooLong: phrase = .rejectedRecordTooLong
        case .unknownPayment: phrase = .rejectedUnknownPayment
        case .invalidAmount: phrase = .rejectedInvalidAmount
        case .invalidWholeNumber: phrase = .rejectedInvalidWholeNumber
        case .unknownRating: phrase = .rejectedUnknownRating
        case .unknownRouting: phrase = .rejectedUnknownRouting
        case .unknownServiceLevel: phrase = .rejectedUnknownServiceLevel
        case .duplicateProcedure: phrase = .rejectedDuplicateProcedure
        }
        return language[phrase]
    }
}

extension CutOffRecord {
    /// The warning about an export whose last record looks cut off, in `language`.
    public func warning(_ language: Language) -> String {
        let reason: String
        switch kind {
        case .openQuote: reason = language[.cutOffOpenQuote]
        case .shortRecord(let fields, let header):
            reason = language[.cutOffShortRecord, [.count: String(fields), .expected: String(header)]]
        }
        return language[.cutOffWarning, [.line: String(line), .reason: reason]]
    }
}
