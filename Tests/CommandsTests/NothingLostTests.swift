import Commands
import Foundation
import Ingest
import Testing
import TestSupport

/// Every row is counted once: rows read = accepted + rejected, for the exports and for the
/// catalogue of every case with the service columns.
@Suite struct NothingLostTests {
    @Test(arguments: ["service-vocabulary", "known-fields", "index-points", "plan-targets"])
    func rowsReadAreAcceptedOrRejected(_ name: String) throws {
        let folder = PackagePaths.fixture(name)
        let catalogue = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("catalogue").path)
            .map { folder.appendingPathComponent("catalogue/" + $0).path }.first
        var rejects: [Reject] = []
        let source = try Inputs(files: try fixtureFiles(name)).source()
        let read = try ReadDossiers(source, catalogue: catalogue)
        _ = try source.dossierSet { rejects.append($0) }
        for input in read.set.inputs {
            #expect(input.rowsRead == input.accepted + input.rejected, "\(input.name)")
        }
        let c = try #require(read.catalogue)
        #expect(c.rowsRead == c.entries.count + c.rejected, "catalogue of \(name)")
        #expect(rejects.count == read.set.inputs.reduce(0) { $0 + $1.rejected })
    }
}
