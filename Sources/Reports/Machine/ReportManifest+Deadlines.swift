import Foundation

/// What a report's manifest says about deadlines when they played a part: `--fill-deadlines`
/// (the catalogue, by name and SHA-256, and how many dossiers took its deadline) and the
/// `--calendar` file that changed the working days.
public struct DeadlinesManifest: Sendable {
    public var catalogue: (name: String, sha256: String)?
    /// Dossiers without NgayHenTra that took the catalogue's deadline.
    public var filled: Int?
    /// The `--calendar` file, as named, and its SHA-256.
    public var calendar: (name: String, sha256: String)?

    public init(catalogue: (name: String, sha256: String)?, filled: Int?, calendar: (name: String, sha256: String)?) {
        self.catalogue = catalogue.map { (ReportManifest.publishedName($0.name), $0.sha256) }
        self.filled = filled
        self.calendar = calendar.map { (ReportManifest.publishedName($0.name), $0.sha256) }
    }

    /// `"deadlines": {"fill_deadlines": true, "catalogue": …, "filled": n, "calendar": …}`.
    var object: [String: Any] {
        var object: [String: Any] = ["fill_deadlines": filled != nil]
        if let filled { object["filled"] = filled }
        if let catalogue { object["catalogue"] = ["name": catalogue.name, "sha256": catalogue.sha256] }
        object["calendar"] = calendar.map { ["name": $0.name, "sha256": $0.sha256] as Any } ?? NSNull()
        return object
    }
}
