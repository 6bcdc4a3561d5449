import ArgumentParser
import Commands
import Wording

/// `motcua units FILE…` (or the store): every unit with its spellings and dossiers; `--write
/// units.csv`: a starter units file for people to correct.
struct UnitsCommand: ParsableCommand {
    static let configuration = commandConfiguration("units", .helpUnitsCommand, .helpUnitsDetails)

    @Option(help: help(.helpUnitsWrite))
    var write: String?

    @Option(help: help(.helpListingFormat))
    var format: ListingFormat = .table

    @OptionGroup var input: InputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        try input.refuseReadOptionsWithoutFiles()
        // The units file itself may be written again (`--units F --write F`): it is read whole
        // first, and the file written rolls up as it does.
        try SameFile.refuse([("--write", write)], overwriting: input.files + [store.path])
    }

    func run() throws {
        let language = language.value
        let progress = ProgressLine()
        defer { progress.finish() }
        try failing(language) {
            let inputs = try input.inputs(store: store)
            let read = try ReadDossiers(try inputs.source(), rejects: input.rejects, progress: progress.update)
            progress.finish()
            let units = UnitsListing(read.set, hierarchy: try inputs.units().hierarchy)
            if let write {
                Terminal.writeError(try units.write(to: write, language) + "\n")
            } else {
                Terminal.write(format == .csv ? units.csv : units.listing(language).text())
            }
        }
    }
}
