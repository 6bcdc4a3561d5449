import TestSupport
import Ingest
@testable import KPIMetrics

/// 2023-Q1 on the decree 09 basis: 15/12/2022 – 14/03/2023.
let q1 = Period(year: 2023, span: .quarter(1)).bounds(.decree09)
