import Foundation
@testable import Store
import Testing
import TestSupport

/// The lock a store's creation takes: one holder at a time however many wait, and no lock file
/// left in the temporary folder once it is let go (a test run used to leave thousands).
@Suite struct SchemaLockTests {
    /// Holders inside the lock at once, and the most ever seen.
    private final class Occupancy: @unchecked Sendable {
        private let lock = NSLock()
        private var inside = 0
        private(set) var most = 0
        private(set) var entries = 0

        func enter() { lock.withLock { inside += 1; entries += 1; most = max(most, inside) } }
        func leave() { lock.withLock { inside -= 1 } }
    }

    @Test func oneHolderAtATimeAndNoFileLeft() throws {
        let dir = try TempDir(prefix: "motcua-schema-lock")
        let store = dir.file("kho.sqlite").path
        let occupancy = Occupancy()
        // Each holder opens the file anew (flock excludes open files, threads alike), waits,
        // and removes the file on release while others wait on it: they must lock again.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<40 {
                guard let lock = SchemaLock(storePath: store) else { continue }
                occupancy.enter()
                usleep(100)
                occupancy.leave()
                lock.release()
            }
        }
        #expect(occupancy.entries == 8 * 40)
        #expect(occupancy.most == 1)
        #expect(!FileManager.default.fileExists(atPath: SchemaLock.path(forStore: store)))
    }

    @Test func creatingAStoreLeavesNoLockFile() throws {
        let dir = try TempDir(prefix: "motcua-schema-lock")
        let path = dir.file("kho.sqlite").path
        _ = try MotcuaStore(path: path, access: .create)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: SchemaLock.path(forStore: path)))
    }
}
