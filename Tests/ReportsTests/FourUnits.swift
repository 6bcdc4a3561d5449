import Ingest
import KPIMetrics
import TestSupport

/// Four units whose names sort differently for people (Vietnamese order) and for machines (code
/// points), shared by the order, comparison and roll-up tests.
enum FourUnits {
    static let q1 = Period(year: 2023, span: .quarter(1))
    static let names: [UnitID: String] = [UnitID(rawValue: 0): "UBND xã Hoằng Yến", UnitID(rawValue: 1): "UBND xã Hoằng Đông",
                                          UnitID(rawValue: 2): "PHÒNG NỘI VỤ", UnitID(rawValue: 3): "Phòng Tư pháp"]

    /// One dossier a unit resolved on time in 2023-Q1; unit 0 also 2 of 3 on time in 2022-Q4
    /// (the period compared with).
    static var dossiers: [Dossier] {
        (0..<4).map { dossier(.returned, unit: Int32($0), received: moment(2023, 1, 2), due: moment(2023, 1, 9), finished: moment(2023, 1, 9)) }
            + [dossier(.returned, unit: 0, received: moment(2022, 10, 2), due: moment(2022, 10, 9), finished: moment(2022, 10, 20)),
               dossier(.returned, unit: 0, received: moment(2022, 10, 2), due: moment(2022, 10, 9), finished: moment(2022, 10, 5)),
               dossier(.returned, unit: 0, received: moment(2022, 10, 2), due: moment(2022, 10, 9), finished: moment(2022, 10, 5))]
    }
}
