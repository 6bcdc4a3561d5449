import Foundation
import Wording

extension InputOptions {
    /// Refuses (64) an output that names a file this command reads: an export, the units
    /// file, the catalogue, the calendar, or the store. Writing it would destroy the input, the
    /// rejects file before the input is even read (nothing lost).
    ///
    /// `outputs` pairs each output option's name with its path (nil: not given); `--rejects`
    /// is checked always. Paths are compared as the files they name: the same file under two
    /// spellings (`./a.csv`, a link) is one.
    func refuseOverwritingInputs(_ outputs: [(name: String, path: String?)] = [], calendar: String? = nil,
                                 store: StoreOptions? = nil) throws {
        try SameFile.refuse([("--rejects", rejects)] + outputs,
                            overwriting: files + [units, catalogue, calendar, store?.path].compactMap { $0 })
    }
}

/// Whether two paths name one file.
enum SameFile {
    /// Refuses (64) the first output whose path names one of `inputs`.
    static func refuse(_ outputs: [(name: String, path: String?)], overwriting inputs: [String]) throws {
        for (name, path) in outputs {
            guard let path, let input = inputs.first(where: { check(path, $0) }) else { continue }
            throw usage(.usageOutputIsInput, [.name: name, .file: input])
        }
    }

    static func check(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        // Both exist: the same device and inode, whatever the spelling or links.
        if stat(a, &first) == 0, stat(b, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        // One is still to be made: the same resolved path.
        return resolved(a) == resolved(b)
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
