import Foundation
import KPIMetrics

extension Report {
    /// The plan table or the service index in `format`.
    func renderService(_ format: ReportFormat) throws -> Data {
        let name = settings.table.rawValue
        let people = ServiceReport(service, settings, catalogue: manifest.service?.catalogue)
        let rolled = settings.machineRolled(service.unitRows)
        switch format {
        case .csv:
            let csv = settings.table == .plan ? service.planCSV(goals: settings.goals, rolled: rolled) : service.indexCSV(rolled: rolled)
            return Data(csv.utf8)
        case .json:
            let by = settings.rollUp.flatMap { by in rolled.map { (by, $0) } }
            return Data(try service.json(name, goals: settings.goals, manifest: manifest, provisional: settings.provisional,
                                         rolled: by).utf8)
        case .table, .form06a: return Data(people.text().utf8)
        case .md: return Data(people.markdown().utf8)
        case .html: return Data(people.html(manifest: manifest).utf8)
        case .xlsx:
            var plan = settings, index = settings
            plan.table = .plan
            index.table = .index766
            index.basis = settings.basis
            let sheets = [ServiceReport(service, plan, catalogue: people.catalogue),
                          ServiceReport(service, index, catalogue: people.catalogue)]
            return try XLSXReport.workbook(people: self.people, breakdown: nil, form: nil, service: sheets, inputs: manifest.inputs)
        }
    }
}
