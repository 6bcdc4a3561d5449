internal import CXlsxWriter

/// The look of each kind of cell, made once per workbook and shared by its sheets: plain or red
/// (below target), regular or bold (the total row), open or boxed (a printed form's cells).
final class CellStyles {
    enum Kind: Hashable {
        case header, title, subtitle, note, numbering
        /// A line above a table, at its left (a form's number, the units it goes between).
        case preamble
        /// Who signs a form, and what their signature carries.
        case signer, signerNote
        case text, count, rate, ordinal, flag
        /// A change in percentage points, signed.
        case change
        /// Index points, two decimals.
        case points
        /// A rate that has no value, written `—`.
        case dash
    }

    private struct Key: Hashable {
        var kind: Kind
        var below: Bool
        var total: Bool
        var boxed: Bool
    }

    /// Rows and cells below target: light red, dark red text.
    static let belowFill: lxw_color_t = 0xF4CCCC
    static let belowFont: lxw_color_t = 0x990000

    private var made: [Key: Format?] = [:]
    private let book: Workbook

    init(_ book: Workbook) { self.book = book }

    func callAsFunction(_ kind: Kind, below: Bool = false, total: Bool = false, boxed: Bool = false) -> Format? {
        let key = Key(kind: kind, below: below, total: total, boxed: boxed)
        if let format = made[key] { return format }
        let format = book.format { f in
            let centre = UInt8(LXW_ALIGN_CENTER.rawValue), middle = UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
            let thin = UInt8(LXW_BORDER_THIN.rawValue)
            switch kind {
            case .header:
                format_set_bold(f)
                format_set_text_wrap(f)
                format_set_align(f, centre)
                format_set_align(f, middle)
                format_set_bg_color(f, boxed ? 0xF2F2F2 : 0xD9E1F2)
                format_set_bottom(f, thin)
            case .title:
                format_set_bold(f)
                format_set_font_size(f, 13)
                format_set_text_wrap(f)
                format_set_align(f, centre)
                format_set_align(f, middle)
            case .subtitle, .numbering:
                format_set_italic(f)
                format_set_align(f, centre)
            case .note: format_set_italic(f)
            case .preamble: format_set_bold(f)
            case .signer:
                format_set_bold(f)
                format_set_align(f, centre)
            case .signerNote:
                format_set_italic(f)
                format_set_align(f, centre)
            case .change: format_set_num_format(f, "+0.00;-0.00;0.00")
            case .points: format_set_num_format(f, "0.00")
            case .text: format_set_indent(f, 1)
            case .count: format_set_num_format(f, "#,##0")
            case .rate: format_set_num_format(f, "0.00%")
            case .ordinal, .flag: format_set_align(f, centre)
            case .dash: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
            }
            if boxed {
                format_set_border(f, thin)
                format_set_align(f, middle)
            }
            if below {
                format_set_bg_color(f, Self.belowFill)
                format_set_font_color(f, Self.belowFont)
            }
            if total {
                format_set_bold(f)
                format_set_top(f, thin)
            }
        }
        made[key] = format
        return format
    }
}
