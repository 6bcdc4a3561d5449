import Foundation
import KPIMetrics

extension Report {
    /// The plan table or the service index in `format`.
    func renderService(_ format: ReportFormat) throws -> Data {
        let name = settings.table.rawValue
        let people = ServiceReport(service, settings, catalogue: manifest.service?.catalogue)
        switch format {
        case .csv: return Data((settings.table == .plan ? service.planCSV(goals: settings.goals) : service.indexCSV()).utf8)
        case .json:
            return Data(try service.json(name, goals: settings.goals, manifest: manifest, provisional: settings.provisional).utf8)
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
