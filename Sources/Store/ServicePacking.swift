import Ingest

/// The optional service columns as both stores read them back: `service_known`, the small
/// values packed into one integer by the query, and the apology day.
///
/// Why: a database computes (and PostgreSQL sends) every selected column of every row, and the
/// ten service columns, which most exports lack, cost a report a third of its time one by one.
/// Each packed value takes three bits: 0 for NULL, the value + 1 otherwise (flags are 0 or 1,
/// the counts at most 5), so the whole fits an `int4`.
public enum ServicePacking {
    /// The packed columns: column `k` in bits 3k…3k+2.
    public static let columns = ["paid_online", "fee_zero", "vneid", "reuse", "data_store", "supplements", "rating",
                                 "complaint", "routing"]

    /// The SQL expression that packs ``columns``; `integer` turns a column's name into an integer
    /// expression (a PostgreSQL flag needs a cast).
    public static func sql(_ integer: (String) -> String) -> String {
        columns.enumerated().map { "(COALESCE(\(integer($1)) + 1, 0) << \(3 * $0))" }.joined(separator: " | ")
    }

    /// What ``sql(_:)`` computes from the columns a row of `service` would have: an import
    /// packs its rows as it writes them.
    public static func packed(_ service: ServiceFacts) -> Int64 {
        func slot(_ k: Int, _ field: ServiceField, _ value: Int64?) -> Int64 {
            guard service.knows(field), let value else { return 0 }
            return (value + 1) << (3 * Int64(k))
        }
        return slot(0, .paidOnline, service.paidOnline ? 1 : 0)
            | slot(1, .fee, service.feeIsZero.map { $0 ? 1 : 0 })
            | slot(2, .vneid, service.vneid ? 1 : 0)
            | slot(3, .reuse, service.reuse ? 1 : 0)
            | slot(4, .dataStore, service.dataStore ? 1 : 0)
            | slot(5, .supplements, Int64(service.supplements))
            | slot(6, .rating, service.rating.map(Int64.init))
            | slot(7, .complaint, service.complaint ? 1 : 0)
            | slot(8, .routing, Int64(service.routing.rawValue))
    }

    /// The facts a row holds: `mask` its `service_known`, `packed` the value of ``sql(_:)``.
    public static func facts(mask: Int, packed: Int64, apology: LocalMoment?) -> ServiceFacts {
        var service = ServiceFacts()
        // A row whose file had no service column (most): nothing to set.
        if mask == 0, packed == 0, apology == nil { return service }
        for field in ServiceField.allCases where mask & (1 << field.rawValue) != 0 { service.setKnown(field) }
        func slot(_ k: Int) -> Int64? {
            let value = (packed >> (3 * Int64(k))) & 7
            return value == 0 ? nil : value - 1
        }
        service.paidOnline = slot(0) == 1
        service.feeIsZero = slot(1).map { $0 == 1 }
        service.vneid = slot(2) == 1
        service.reuse = slot(3) == 1
        service.dataStore = slot(4) == 1
        service.supplements = Int(slot(5) ?? 0)
        service.rating = slot(6).map { UInt8(clamping: $0) }
        service.complaint = slot(7) == 1
        service.apology = apology
        service.routing = Routing(rawValue: UInt8(clamping: slot(8) ?? 0)) ?? .none
        return service
    }
}
