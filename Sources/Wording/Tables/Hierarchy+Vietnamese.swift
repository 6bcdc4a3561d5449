extension Phrase {
    /// The Vietnamese of units in a hierarchy: the units file's errors, the roll-up rows.
    static let vietnameseHierarchy: [Phrase: String] = [
        .errorUnitsLevel: "cấp: cấp '{text}' không có trong danh mục; các cấp: {list}",
        .errorUnitsParent: "cấp trên: '{name}' không phải đơn vị nào của tệp (cần một dòng cho chính nó)",
        .errorUnitsParentAliased: "cấp trên: '{name}' là tên cũ của '{unit}'; hãy ghi '{unit}'",
        .errorUnitsConflict: "{text}: '{unit}' đã có giá trị khác ở dòng {line}",
        .errorUnitsNoUnit: "đơn vị: tên '{name}' chưa ghi đơn vị được tính vào",
        .errorUnitsCycle: "cấp trên: đơn vị cấp trên lặp vòng: {list}",
        .errorUnitsNoHierarchy: "không có cột cấp trên (parent) hay cấp (level) nào được điền: không cộng theo cấp được (--by {text})",
        .rollUpSubtotal: "Cộng {name}",
        .rollUpNoParent: "(không có đơn vị cấp trên)",
        .rollUpOutside: "{name} (ngoài cấp {level})",
        .rollUpParentLegend: "Các đơn vị xếp theo đơn vị cấp trên, mỗi nhóm có dòng cộng; tỷ lệ của dòng cộng tính từ tổng các số.",
        .rollUpLevelLegend: "Mỗi đơn vị được tính vào đơn vị cấp {level} của nó; đơn vị không thuộc cấp {level} nào giữ dòng riêng; tỷ lệ tính từ tổng các số.",
        .usageRollUpUnits: "--by {text} cần --units với cột parent hoặc level",
        .usageRollUpTable: "--by {text} chỉ dùng với bảng chỉ số, plan và index766, không dùng với biểu 06a hay --breakdown",
    ]
}
