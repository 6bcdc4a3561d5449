extension Phrase {
    /// The Vietnamese of `explain` and `units`: a dossier's columns, channels and statuses, why a
    /// dossier is in a column, the units and their spellings.
    static let vietnameseExplain: [Phrase: String] = [
        .explainCode: "Mã hồ sơ", .explainProcedure: "Thủ tục", .explainChannel: "Kênh", .explainReceived: "Tiếp nhận",
        .explainDue: "Hẹn trả", .explainFinished: "Kết thúc", .explainStatus: "Trạng thái", .explainFile: "Tệp",
        .explainLine: "Dòng", .explainReason: "Lý do", .explainUnit: "Đơn vị", .explainState: "Tình trạng",
        .channelDirect: "trực tiếp", .channelOnline: "trực tuyến", .channelPostal: "bưu chính",
        .statusRegistered: "Mới đăng ký", .statusAccepted: "Đã tiếp nhận", .statusNotAccepted: "Không được tiếp nhận",
        .statusProcessing: "Đang xử lý", .statusAwaitingSupplement: "Yêu cầu bổ sung giấy tờ",
        .statusAwaitingPayment: "Chờ thực hiện nghĩa vụ tài chính", .statusWithdrawn: "Công dân rút hồ sơ",
        .statusStopped: "Dừng xử lý", .statusProcessed: "Đã xử lý xong", .statusReturned: "Đã trả kết quả",
        .statusCode: "trạng thái {code}",
        .statusNamed: "trạng thái “{name}”",
        .countedCarriedOver: "tiếp nhận {received}, trước kỳ; chưa kết thúc khi kỳ bắt đầu",
        .countedReceivedNew: "tiếp nhận {received}, trong kỳ",
        .countedReceivedChannel: "tiếp nhận {received}, trong kỳ, kênh {channel}",
        .countedReceivedDigitised: "tiếp nhận {received}, trong kỳ, hồ sơ đã số hóa (SoHoaHoSo)",
        .countedResolved: "kết thúc {finished} ({status}), trong kỳ",
        .countedEarly: "kết thúc {finished}, trước ngày hẹn trả {due} ít nhất một ngày",
        .countedOnTime: "kết thúc {finished}, không muộn hơn hạn {due} và không sớm trước một ngày",
        .countedOnTimeNoDeadline: "kết thúc {finished}; không có hạn trả nên tính là đúng hạn",
        .countedLate: "kết thúc {finished}, sau hạn {due}",
        .countedWithoutResult: "kết thúc {finished} trong kỳ với {status}",
        .countedDigitalResult: "kết thúc {finished} trong kỳ với {status}, có kết quả điện tử (SoHoaKetQua)",
        .countedPending: "tiếp nhận {received}, trước khi kỳ kết thúc; chưa kết thúc khi kỳ kết thúc ({status})",
        .countedPendingOverdue: "đang giải quyết ({status}), hạn {due}, trước khi kỳ kết thúc; không chờ công dân bổ sung",
        .occurrenceWins: "được dùng",
        .occurrenceSuperseded: "bị thay thế",
        .occurrenceRejected: "bị loại: {reason}",

        // motcua units
        .unitsUnit: "Đơn vị", .unitsSpelling: "Cách viết trong tệp xuất", .unitsDossiers: "Số hồ sơ",
        .unitsWritten: "{file}: đã ghi {count} cách viết của {unit} đơn vị; hãy sửa cột unit thành tên chính thức, "
            + "rồi dùng tệp này với --units",
    ]
}
