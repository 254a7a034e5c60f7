/// An import file with problems: nothing was stored (`POST /v1/import` answers 422 listing them).
struct InvalidImport: Error {
    let report: ImportReport
}
