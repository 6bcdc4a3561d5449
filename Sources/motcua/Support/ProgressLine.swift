import Foundation

/// A progress line on the terminal for work that takes longer than a second: the label, a
/// bar, the percentage and rows per second. Nothing at all when stderr is not a terminal
/// (cron, systemd, a pipe), and nothing for work that finishes within the second.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// Shows `fraction` (0…1) of `label` done.
    func update(_ label: String, _ fraction: Double) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        drawn = true
        let width = 30, filled = Int(Double(width) * min(1, max(0, fraction)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.writeError("\r\(label) \(bar) \(Int(fraction * 100))%\u{1B}[K")
    }

    /// Clears the line, if one was drawn.
    func finish() {
        if drawn { Terminal.writeError("\r\u{1B}[K") }
        drawn = false
    }
}
