import Ingest
import KPIMetrics
import Wording

/// The inputs a report was made from, as people read them: the page's footer and the
/// workbook's last sheet show it.
struct InputsTable {
    let inputs: [InputSummary]
    let language: Language

    private typealias Column = (title: Phrase, key: String, role: PeopleTable.Column.Role, value: @Sendable (InputSummary) -> PeopleTable.Value)

    private static let columns: [Column] = [
        (.inputFile, "file", .name, { .text($0.name) }),
        (.inputSHA256, "sha256", .text, { .text($0.sha256 ?? "") }),
        (.inputBytes, "bytes", .figure, { .count($0.byteCount) }),
        (.inputKind, "kind", .text, { .text($0.kind.rawValue) }),
        (.inputEncoding, "encoding", .text, { .text($0.encoding.rawValue) }),
        (.inputAsOf, "as_of", .text, { .text($0.asOf?.description ?? "") }),
        (.inputRows, "rows", .figure, { .count($0.rowsRead) }),
        (.inputAccepted, "accepted", .figure, { .count($0.accepted) }),
        (.inputRejected, "rejected", .figure, { .count($0.rejected) }),
    ]

    var table: PeopleTable {
        PeopleTable(
            columns: Self.columns.map { PeopleTable.Column(title: language[$0.title], key: $0.key, role: $0.role) },
            rows: inputs.map { input in
                PeopleTable.Row(key: input.name, cells: Self.columns.map { PeopleTable.Cell(value: $0.value(input)) })
            })
    }
}
