import Ingest
@testable import Metrics

func moment(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> LocalMoment {
    LocalMoment(year: y, month: m, day: d, hour: h, minute: mi, second: s)!
}

/// A dossier for rule tests: unit 0, direct, not digitised unless said.
func dossier(_ status: Status, received: LocalMoment, due: LocalMoment? = nil, finished: LocalMoment? = nil,
             channel: Channel = .direct, unit: Int32 = 0, digitisedDossier: Bool = false,
             digitisedResult: Bool = false) -> Dossier {
    Dossier(unit: UnitID(rawValue: unit), channel: channel, status: status, received: received, due: due,
            finished: finished, digitisedDossier: digitisedDossier, digitisedResult: digitisedResult,
            source: SourceLine(file: 0, line: 0))
}

/// 2023-Q1 on the decree 09 basis: 15/12/2022 – 14/03/2023.
let q1 = Period(year: 2023, span: .quarter(1)).bounds(.decree09)
