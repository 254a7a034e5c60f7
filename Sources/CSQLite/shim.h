// The system's SQLite (libsqlite3-dev); nothing of SQLite is vendored.
#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
