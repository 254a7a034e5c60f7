/// One problem of an import file: the row (1-based, the header is row 1, as a spreadsheet
/// numbers it), the column by its header name (`nil` for the row as a whole) and what is wrong.
public struct ImportProblem: Sendable, Hashable {
    public let row: Int
    public let column: String?
    public let detail: String

    public init(row: Int, column: String?, detail: String) {
        self.row = row
        self.column = column
        self.detail = detail
    }
}
