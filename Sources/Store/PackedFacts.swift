import Ingest

/// A stored dossier's small facts in one integer, the `facts` column of `occurrence` and
/// `current` (migration v8): its channel, status and digitised flags, which optional service
/// columns its file had, and their values packed by ``ServicePacking``. An import binds one
/// cell where it bound eleven, and a report reads one.
///
/// Bits 0–3: the channel; 4–7: the status; 8: the dossier digitised; 9: the result digitised;
/// 10–19: `service_known` (bit n for ``ServiceField`` n); 20 on: ``ServicePacking``'s value.
/// `occurrence_detail` shows them one by one (``detailColumns(of:)``).
struct PackedFacts: RawRepresentable {
    var rawValue: Int64

    init(rawValue: Int64) { self.rawValue = rawValue }

    init(_ d: Dossier) {
        let service = d.service
        let known = Int64(service.knownMask)
        rawValue = Int64(d.channel.rawValue) | Int64(d.status.rawValue) << 4
            | (d.digitisedDossier ? 1 << 8 : 0) | (d.digitisedResult ? 1 << 9 : 0)
            | known << 10 | (known == 0 ? 0 : ServicePacking.packed(service) << 20)
    }

    /// nil when out of the vocabulary (a row edited by hand).
    var channel: Channel? { Channel(rawValue: UInt8(rawValue & 15)) }
    var status: Status? { Status(rawValue: UInt8(rawValue >> 4 & 15)) }
    var digitisedDossier: Bool { rawValue >> 8 & 1 != 0 }
    var digitisedResult: Bool { rawValue >> 9 & 1 != 0 }
    var serviceKnown: Int { Int(rawValue >> 10 & 1023) }
    var servicePacked: Int64 { rawValue >> 20 }

    /// The SQL expression that packs the state columns of a row of `table` in the layout before
    /// v8 (what the migration packs).
    ///
    /// A channel or status out of range (a row edited by hand) packs as 15 and a NULL one as 0,
    /// which no channel or status is: the row is refused when read, as it was before.
    /// SQLite gives `<<`, `&` and `|` one precedence: every term is parenthesised.
    static func sql(_ table: String) -> String {
        let t = table + "."
        return "(IFNULL(min(max(\(t)channel, 0), 15), 0) | (IFNULL(min(max(\(t)status, 0), 15), 0) << 4)"
            + " | ((IFNULL(\(t)digitised_dossier, 0) != 0) << 8) | ((IFNULL(\(t)digitised_result, 0) != 0) << 9)"
            + " | ((IFNULL(\(t)service_known, 0) & 1023) << 10)"
            + " | (CASE WHEN IFNULL(\(t)service_known, 0) = 0 THEN 0 ELSE ((\(ServicePacking.sql { t + $0 })) << 20) END))"
    }

    /// The columns the layout before v8 had, each unpacked from `facts` of `table` (NULL where
    /// the row's file lacked a service column), by name: what auditors query.
    static func detailColumns(of table: String) -> [String: String] {
        let facts = table + ".facts"
        var columns = [
            "channel": "\(facts) & 15", "status": "(\(facts) >> 4) & 15",
            "digitised_dossier": "(\(facts) >> 8) & 1", "digitised_result": "(\(facts) >> 9) & 1",
            "service_known": "(\(facts) >> 10) & 1023",
        ]
        for (k, name) in ServicePacking.columns.enumerated() {
            columns[name] = "NULLIF((\(facts) >> \(20 + 3 * k)) & 7, 0) - 1"
        }
        return columns
    }
}
