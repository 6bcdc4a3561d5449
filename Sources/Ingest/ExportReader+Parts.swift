/// Where `ExportReader.next()` stands among the parts of its file.
struct PartState {
    var batch: RowBatch?
    var index = 0
    /// How far into the batch's names first met the rows taken have gone.
    var newSpelling = 0
    var newField = 0
    var newProcedure = 0
    /// The positions of the part being taken are counted from its start: these make them the
    /// file's (the lines, decoded bytes and records before the part).
    var lines = 0
    var bytes = 0
    var records = 0
    /// The file offset up to which parts have been taken: where the next one must start.
    var taken = 0
    /// The next part of `partStarts` to take or pass over.
    var nextPart = 1
    /// A stretch read again, because the part that should start there guessed wrong.
    var rereading: Pipeline<RowBatch>?
    /// The part's unit spellings in the reader's registry, by the part's spelling id; its
    /// fields of procedures, by the part's field id.
    var spellings: [(UnitID, UnitRegistry.SpellingID)] = []
    var fieldIDs: [FieldID] = []
    /// The part's procedure codes in the reader's registry, by the part's id.
    var procedureIDs: [ProcedureID] = []
    var last: LastRecord?
    /// The column of which the run met more distinct values than a dossier can name.
    var tooMany: CanonicalField?
    var finished = false
    /// True from taking a batch until its code hashes are handed out.
    var hashesAhead = false
}

extension ExportReader {
    /// The next row, or nil at the end of the file.
    public func next() throws(IngestError) -> ExportRow? {
        while true {
            // The batch is read in place (`state.batch?…`): binding it to a constant would copy
            // it, a retain and a release of each of its arrays, for every row.
            let i = state.index
            guard let buffer = state.batch?.fields, let row = i < state.batch?.rows.count ?? 0 ? state.batch?.rows[i] : nil else {
                if let end = state.batch?.end { partEnded(at: end) }
                state.batch = nil
                guard !state.finished, let next = try nextBatch() else {
                    if !state.finished {
                        state.finished = true
                        cutOff = state.last?.cutOff(header: header.count, endsWithLineBreak: file.endsWithLineBreak(encoding))
                    }
                    return nil
                }
                state.batch = next
                state.hashesAhead = true
                state.index = 0
                state.newSpelling = 0
                state.newField = 0
                state.newProcedure = 0
                continue
            }
            state.index += 1
            internNames(row: i)
            var position = row.position
            if let column = state.tooMany {
                // Before the row's dossier is used: its ids would not fit (``Dossier/idLimit``).
                throw IngestError(file: name, line: position.line + state.lines,
                                  kind: .tooManyNames(column: column.rawValue, limit: nameLimit))
            }
            position.line += state.lines
            position.byte += state.bytes
            position.record += state.records
            guard let outcome = row.outcome else {
                blankRecords += 1
                state.last = nil
                continue
            }
            rowsRead += 1
            state.last = LastRecord(line: position.line, fields: Int(row.fieldCount), fault: row.fault)
            let fields = RowFields(buffer: buffer, first: Int(row.firstField), count: Int(row.fieldCount), columns: columns)
            let code: CodeBytes = switch row.code {
            case .asRead: .asRead
            case .none: .none
            case .normalized(let k): state.batch.map { .normalized($0.normalizedCodes[Int(k)]) } ?? .none
            }
            switch outcome {
            case .accepted(var facts):
                let (unit, spelling) = state.spellings[Int(facts.unitSpelling.rawValue)]
                facts.dossier.unit = unit
                facts.dossier.unitSpelling = spelling
                facts.unitSpelling = spelling
                if facts.dossier.field != .unknown { facts.dossier.field = state.fieldIDs[Int(facts.dossier.field.rawValue)] }
                if facts.dossier.procedure != .none {
                    facts.dossier.procedure = state.procedureIDs[Int(facts.dossier.procedure.rawValue)]
                }
                facts.dossier.source.line = Int32(clamping: position.line)
                return ExportRow(position: position, outcome: .accepted(facts), fields: fields, codeBytes: code,
                                 codeHash: state.batch?.codeHashes[i] ?? 0)
            case .rejected(let k):
                // Always there: the row was just read from this batch.
                guard var reject = state.batch?.rejects[Int(k)] else { continue }
                reject.line = position.line
                return ExportRow(position: position, outcome: .rejected(reject), fields: fields, codeBytes: code, codeHash: 0)
            }
        }
    }

    /// Right after ``next()`` took a new batch of rows, calls `body` with the code hashes of its
    /// rows (0 for rows not accepted), once: a table fetches their slots ahead
    /// (``DossierTable/warm(_:)``).
    public func withCodeHashesAhead(_ body: ([UInt32]) -> Void) {
        guard state.hashesAhead, let batch = state.batch else { return }
        state.hashesAhead = false
        body(batch.codeHashes)
    }

    /// Interns the names row `row` of the batch met first in its part, in the reader's
    /// registries: in the order one pass over the file would.
    ///
    /// By their bytes (the registries' caches), not as `String`s: every part of every file
    /// hands over the names it met, mostly Vietnamese ones, whose `String` hash normalises
    /// them again; over 219 exports of 1 MB that cost the thread taking the rows a tenth of
    /// its time.
    private func internNames(row: Int) {
        while state.newSpelling < state.batch?.newSpellings.count ?? 0,
              let new = state.batch?.newSpellings[state.newSpelling], new.row == row {
            state.spellings.append(Self.withBytes(of: new.text) { units.resolve($0) } ?? (UnitID(rawValue: -1), .none))
            state.newSpelling += 1
            if units.spellings.count > nameLimit { state.tooMany = .donViXuLy }
        }
        while state.newField < state.batch?.newFields.count ?? 0,
              let new = state.batch?.newFields[state.newField], new.row == row {
            let id = fields.flatMap { fields in Self.withBytes(of: new.text) { fields.resolve($0) } }
                .map { FieldID(rawValue: $0.0.rawValue) } ?? .unknown
            if Int(new.id) == state.fieldIDs.count { state.fieldIDs.append(id) }
            state.newField += 1
            // The part's own ids are in its rows' dossiers until they are mapped.
            if state.fieldIDs.count > nameLimit || (fields?.unitCount ?? 0) > nameLimit { state.tooMany = .tenLinhVuc }
        }
        while state.newProcedure < state.batch?.newProcedures.count ?? 0,
              let new = state.batch?.newProcedures[state.newProcedure], new.row == row {
            state.procedureIDs.append(Self.withBytes(of: new.code) { procedures.resolve($0) })
            state.newProcedure += 1
            if state.procedureIDs.count > nameLimit || procedures.codes.count > nameLimit { state.tooMany = .maTTHC }
        }
    }

    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    private func nextBatch() throws(IngestError) -> RowBatch? {
        if let rereading = state.rereading {
            if let batch = try rereading.next() { return batch }
            state.rereading = nil
        }
        return try parts.next()
    }

    /// A part has been taken whole: the next one must start where it ended. Parts that start
    /// before are passed over (their reader guessed a record started where none did); when
    /// the next part starts after, the stretch up to it is read again.
    private func partEnded(at end: ReadEnd) {
        state.lines += end.line - 1
        state.bytes += end.byte
        state.records += end.records
        state.taken = end.fileOffset
        state.spellings.removeAll(keepingCapacity: true)
        state.fieldIDs.removeAll(keepingCapacity: true)
        state.procedureIDs.removeAll(keepingCapacity: true)
        while state.nextPart < partStarts.count {
            let start = partStarts[state.nextPart]
            if start == state.taken {
                state.nextPart += 1
                return
            }
            if start < state.taken {
                parts.skip(state.nextPart)
                state.nextPart += 1
                continue
            }
            reread(from: state.taken, stop: start)
            return
        }
        if state.taken < file.size { reread(from: state.taken, stop: nil) }
    }

    private func reread(from start: Int, stop: Int?) {
        state.rereading = Pipeline(depth: chunking.depth, producer: spec.producer(from: start, stop: stop))
    }
}
