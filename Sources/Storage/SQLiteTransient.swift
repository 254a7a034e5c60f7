import CSQLite

/// `SQLITE_TRANSIENT`: tells `sqlite3_bind_text`/`_blob` to copy the bytes before returning,
/// because Swift's buffers are only valid inside the `withUTF8`/`withUnsafeBytes` closure.
/// The C macro is a cast of -1 to a function pointer, which Swift cannot import
/// (https://www.sqlite.org/c3ref/c_static.html).
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
