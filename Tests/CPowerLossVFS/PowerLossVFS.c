// See include/PowerLossVFS.h. One global mutex serializes the wrapped files' I/O and the power
// cut, so a cut is a single instant for every connection of the process.
#include "PowerLossVFS.h"
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

typedef struct PendingOp {
    int is_truncate;
    sqlite3_int64 offset;  // write offset, or the truncated size
    int amount;
    unsigned char *data;
    struct PendingOp *next;
} PendingOp;

// The pending layer of one file on the simulated disk, shared by every handle open on its path:
// as in an OS page cache, a write through one handle is seen by the others before it is synced,
// and a sync through any handle makes all of them durable.
typedef struct Disk {
    char *path;
    int refs;
    PendingOp *head, *tail;
    struct Disk *next;
} Disk;

typedef struct PLFile {
    sqlite3_file base;
    sqlite3_file *real;  // lives right after this struct (szOsFile covers both)
    Disk *disk;          // main database, WAL and journals; NULL for temp files (pass straight through)
    int is_main_db;
    struct PLFile *next_open;
} PLFile;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sqlite3_vfs vfs;
static sqlite3_vfs *root;
static int registered;
static int power_off;
static int ignore_sync;
static int64_t syncs;
static int64_t database_syncs;
static PLFile *open_files;
static Disk *disks;
// A cut armed to happen at the n-th write, truncate or sync (SQLite's crash tests cut at an I/O
// call the same way, which lands inside transactions far more often than a cut by the clock).
static int64_t armed_at;
static int64_t io_calls;
static int64_t armed_at_database_write;  // the same, counting only writes to a main database file
static int64_t database_writes;
static int armed_mode;
static uint64_t armed_seed;
static plvfs_cut_report last_report;
static void cut_locked(int mode, uint64_t seed, plvfs_cut_report *report);

/// Counts an I/O call on a simulated disk and cuts the power if this is the armed one.
static void count_io_call(int database_write) {
    io_calls += 1;
    if (database_write) database_writes += 1;
    int due = (armed_at > 0 && io_calls >= armed_at)
        || (database_write && armed_at_database_write > 0 && database_writes >= armed_at_database_write);
    if (due && !power_off) {
        armed_at = 0;
        armed_at_database_write = 0;
        cut_locked(armed_mode, armed_seed, &last_report);
    }
}

static const int sector = 512;

// ---- pending layer --------------------------------------------------------------------------

static void free_ops(Disk *d) {
    PendingOp *op = d->head;
    while (op) {
        PendingOp *next = op->next;
        free(op->data);
        free(op);
        op = next;
    }
    d->head = d->tail = NULL;
}

static Disk *attach_disk(const char *path) {
    for (Disk *d = disks; d; d = d->next) {
        if (strcmp(d->path, path) == 0) {
            d->refs += 1;
            return d;
        }
    }
    Disk *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->path = strdup(path);
    d->refs = 1;
    d->next = disks;
    disks = d;
    return d;
}

static void detach_disk(Disk *d) {
    if (--d->refs > 0) return;
    free_ops(d);
    for (Disk **p = &disks; *p; p = &(*p)->next) {
        if (*p == d) {
            *p = d->next;
            break;
        }
    }
    free(d->path);
    free(d);
}

static void append_op(Disk *d, PendingOp *op) {
    if (d->tail) d->tail->next = op; else d->head = op;
    d->tail = op;
}

static int apply_op(PLFile *f, PendingOp *op, int amount) {
    if (op->is_truncate) return f->real->pMethods->xTruncate(f->real, op->offset);
    if (amount <= 0) return SQLITE_OK;
    return f->real->pMethods->xWrite(f->real, op->data, amount, op->offset);
}

static int apply_all(PLFile *f) {
    int rc = SQLITE_OK;
    for (PendingOp *op = f->disk->head; op && rc == SQLITE_OK; op = op->next) rc = apply_op(f, op, op->amount);
    free_ops(f->disk);
    return rc;
}

static sqlite3_int64 real_size(PLFile *f) {
    sqlite3_int64 size = 0;
    if (f->real->pMethods->xFileSize(f->real, &size) != SQLITE_OK) size = 0;
    return size;
}

static sqlite3_int64 logical_size(PLFile *f) {
    sqlite3_int64 size = real_size(f);
    for (PendingOp *op = f->disk->head; op; op = op->next) {
        if (op->is_truncate) size = op->offset;
        else if (op->offset + op->amount > size) size = op->offset + op->amount;
    }
    return size;
}

// ---- io methods ------------------------------------------------------------------------------

static int pl_close(sqlite3_file *file) {
    PLFile *f = (PLFile *)file;
    pthread_mutex_lock(&lock);
    if (f->disk) {
        // The last handle gone is no power loss: the OS would still write what it holds.
        if (f->disk->refs == 1 && !power_off) apply_all(f);
        detach_disk(f->disk);
    }
    for (PLFile **p = &open_files; *p; p = &(*p)->next_open) {
        if (*p == f) {
            *p = f->next_open;
            break;
        }
    }
    int rc = f->real->pMethods->xClose(f->real);
    pthread_mutex_unlock(&lock);
    return rc;
}

static int pl_read(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset) {
    PLFile *f = (PLFile *)file;
    pthread_mutex_lock(&lock);
    int rc = f->real->pMethods->xRead(f->real, buffer, amount, offset);
    if (!f->disk || !f->disk->head) {
        pthread_mutex_unlock(&lock);
        return rc;
    }
    if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
        pthread_mutex_unlock(&lock);
        return rc;
    }
    unsigned char *out = buffer;
    sqlite3_int64 size = real_size(f);
    sqlite3_int64 end = offset + amount;
    for (PendingOp *op = f->disk->head; op; op = op->next) {
        if (op->is_truncate) {
            size = op->offset;
            if (size < end) {
                sqlite3_int64 from = size > offset ? size : offset;
                memset(out + (from - offset), 0, (size_t)(end - from));
            }
            continue;
        }
        sqlite3_int64 from = op->offset > offset ? op->offset : offset;
        sqlite3_int64 to = op->offset + op->amount < end ? op->offset + op->amount : end;
        if (from < to) memcpy(out + (from - offset), op->data + (from - op->offset), (size_t)(to - from));
        if (op->offset + op->amount > size) size = op->offset + op->amount;
    }
    pthread_mutex_unlock(&lock);
    return size < end ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

static int pl_write(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset) {
    PLFile *f = (PLFile *)file;
    pthread_mutex_lock(&lock);
    if (f->disk) count_io_call(f->is_main_db);
    int rc = SQLITE_OK;
    if (power_off) {
        rc = SQLITE_IOERR_WRITE;
    } else if (!f->disk) {
        rc = f->real->pMethods->xWrite(f->real, buffer, amount, offset);
    } else {
        PendingOp *op = calloc(1, sizeof *op);
        unsigned char *data = malloc((size_t)amount);
        if (!op || !data) {
            free(op);
            free(data);
            rc = SQLITE_IOERR_NOMEM;
        } else {
            memcpy(data, buffer, (size_t)amount);
            op->offset = offset;
            op->amount = amount;
            op->data = data;
            append_op(f->disk, op);
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

static int pl_truncate(sqlite3_file *file, sqlite3_int64 size) {
    PLFile *f = (PLFile *)file;
    pthread_mutex_lock(&lock);
    if (f->disk) count_io_call(0);
    int rc = SQLITE_OK;
    if (power_off) {
        rc = SQLITE_IOERR_TRUNCATE;
    } else if (!f->disk) {
        rc = f->real->pMethods->xTruncate(f->real, size);
    } else {
        PendingOp *op = calloc(1, sizeof *op);
        if (!op) {
            rc = SQLITE_IOERR_NOMEM;
        } else {
            op->is_truncate = 1;
            op->offset = size;
            append_op(f->disk, op);
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

static int pl_sync(sqlite3_file *file, int flags) {
    PLFile *f = (PLFile *)file;
    (void)flags;
    pthread_mutex_lock(&lock);
    if (f->disk) count_io_call(0);
    int rc = SQLITE_OK;
    if (power_off) {
        rc = SQLITE_IOERR_FSYNC;
    } else if (!ignore_sync && f->disk) {
        // The real file stands for the platter: what is applied here survives the cut. No real
        // fsync: the test's disk is the file's contents, and fsyncs would only slow the run.
        rc = apply_all(f);
        syncs += 1;
        if (f->is_main_db) database_syncs += 1;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

static int pl_file_size(sqlite3_file *file, sqlite3_int64 *size) {
    PLFile *f = (PLFile *)file;
    pthread_mutex_lock(&lock);
    *size = f->disk ? logical_size(f) : real_size(f);
    pthread_mutex_unlock(&lock);
    return SQLITE_OK;
}

static int pl_lock(sqlite3_file *file, int level) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xLock(f->real, level);
}

static int pl_unlock(sqlite3_file *file, int level) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xUnlock(f->real, level);
}

static int pl_check_reserved(sqlite3_file *file, int *out) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int pl_file_control(sqlite3_file *file, int op, void *arg) {
    PLFile *f = (PLFile *)file;
    // A size hint would grow the real file behind the pending layer's back (and after a cut).
    if (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE) return SQLITE_OK;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int pl_sector_size(sqlite3_file *file) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xSectorSize(f->real);
}

static int pl_device_characteristics(sqlite3_file *file) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xDeviceCharacteristics(f->real);
}

static int pl_shm_map(sqlite3_file *file, int page, int size, int extend, void volatile **out) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xShmMap(f->real, page, size, extend, out);
}

static int pl_shm_lock(sqlite3_file *file, int offset, int n, int flags) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

static void pl_shm_barrier(sqlite3_file *file) {
    PLFile *f = (PLFile *)file;
    f->real->pMethods->xShmBarrier(f->real);
}

static int pl_shm_unmap(sqlite3_file *file, int delete_flag) {
    PLFile *f = (PLFile *)file;
    return f->real->pMethods->xShmUnmap(f->real, delete_flag);
}

// Memory-mapped reads would bypass the pending layer: refuse them, SQLite then uses xRead.
static int pl_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out) {
    (void)file; (void)offset; (void)amount;
    *out = NULL;
    return SQLITE_OK;
}

static int pl_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer) {
    (void)file; (void)offset; (void)pointer;
    return SQLITE_OK;
}

static const sqlite3_io_methods io_methods = {
    3, pl_close, pl_read, pl_write, pl_truncate, pl_sync, pl_file_size, pl_lock, pl_unlock, pl_check_reserved,
    pl_file_control, pl_sector_size, pl_device_characteristics, pl_shm_map, pl_shm_lock, pl_shm_barrier,
    pl_shm_unmap, pl_fetch, pl_unfetch,
};

// ---- vfs methods -----------------------------------------------------------------------------

static int pl_open(sqlite3_vfs *self, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)self;
    PLFile *f = (PLFile *)file;
    memset(f, 0, sizeof *f);
    f->real = (sqlite3_file *)(f + 1);
    int rc = root->xOpen(root, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        f->base.pMethods = NULL;
        return rc;
    }
    pthread_mutex_lock(&lock);
    if (name && (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL))) f->disk = attach_disk(name);
    f->is_main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    f->base.pMethods = &io_methods;
    f->next_open = open_files;
    open_files = f;
    pthread_mutex_unlock(&lock);
    return SQLITE_OK;
}

static int pl_delete(sqlite3_vfs *self, const char *name, int sync_dir) {
    (void)self;
    pthread_mutex_lock(&lock);
    int off = power_off;
    pthread_mutex_unlock(&lock);
    if (off) return SQLITE_IOERR_DELETE;
    return root->xDelete(root, name, sync_dir);
}

static int pl_access(sqlite3_vfs *self, const char *name, int flags, int *out) {
    (void)self;
    return root->xAccess(root, name, flags, out);
}

static int pl_full_pathname(sqlite3_vfs *self, const char *name, int size, char *out) {
    (void)self;
    return root->xFullPathname(root, name, size, out);
}

static void *pl_dlopen(sqlite3_vfs *self, const char *name) { (void)self; return root->xDlOpen(root, name); }
static void pl_dlerror(sqlite3_vfs *self, int size, char *out) { (void)self; root->xDlError(root, size, out); }
static void (*pl_dlsym(sqlite3_vfs *self, void *handle, const char *symbol))(void) {
    (void)self;
    return root->xDlSym(root, handle, symbol);
}
static void pl_dlclose(sqlite3_vfs *self, void *handle) { (void)self; root->xDlClose(root, handle); }
static int pl_randomness(sqlite3_vfs *self, int size, char *out) { (void)self; return root->xRandomness(root, size, out); }
static int pl_sleep(sqlite3_vfs *self, int micros) { (void)self; return root->xSleep(root, micros); }
static int pl_current_time(sqlite3_vfs *self, double *out) { (void)self; return root->xCurrentTime(root, out); }
static int pl_last_error(sqlite3_vfs *self, int size, char *out) { (void)self; return root->xGetLastError(root, size, out); }
static int pl_current_time64(sqlite3_vfs *self, sqlite3_int64 *out) {
    (void)self;
    return root->xCurrentTimeInt64(root, out);
}

int plvfs_register(const char *name) {
    pthread_mutex_lock(&lock);
    int rc = SQLITE_OK;
    if (!registered) {
        root = sqlite3_vfs_find(NULL);
        if (!root) {
            rc = SQLITE_ERROR;
        } else {
            memset(&vfs, 0, sizeof vfs);
            vfs.iVersion = 2;
            vfs.szOsFile = (int)sizeof(PLFile) + root->szOsFile;
            vfs.mxPathname = root->mxPathname;
            vfs.zName = strdup(name);
            vfs.xOpen = pl_open;
            vfs.xDelete = pl_delete;
            vfs.xAccess = pl_access;
            vfs.xFullPathname = pl_full_pathname;
            vfs.xDlOpen = pl_dlopen;
            vfs.xDlError = pl_dlerror;
            vfs.xDlSym = pl_dlsym;
            vfs.xDlClose = pl_dlclose;
            vfs.xRandomness = pl_randomness;
            vfs.xSleep = pl_sleep;
            vfs.xCurrentTime = pl_current_time;
            vfs.xGetLastError = pl_last_error;
            vfs.xCurrentTimeInt64 = pl_current_time64;
            rc = sqlite3_vfs_register(&vfs, 0);
            if (rc == SQLITE_OK) registered = 1;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

// ---- the cut ---------------------------------------------------------------------------------

static uint64_t next_random(uint64_t *state) {  // SplitMix64
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Applies a prefix of `op`'s sectors (at least none, at most all but one); returns the bytes kept.
static int tear(PLFile *f, PendingOp *op, uint64_t *random) {
    int sectors = (op->amount + sector - 1) / sector;
    int kept = sectors > 1 ? (int)(next_random(random) % (uint64_t)sectors) * sector : 0;
    apply_op(f, op, kept);
    return kept;
}

void plvfs_power_cut(int mode, uint64_t seed, plvfs_cut_report *report) {
    pthread_mutex_lock(&lock);
    if (!power_off) cut_locked(mode, seed, &last_report);
    if (report) *report = last_report;
    pthread_mutex_unlock(&lock);
}

void plvfs_arm_cut(int64_t after_io_calls, int mode, uint64_t seed) {
    pthread_mutex_lock(&lock);
    io_calls = 0;
    armed_at = after_io_calls;
    armed_at_database_write = 0;
    armed_mode = mode;
    armed_seed = seed;
    pthread_mutex_unlock(&lock);
}

void plvfs_arm_cut_at_database_write(int64_t nth_write, int mode, uint64_t seed) {
    pthread_mutex_lock(&lock);
    database_writes = 0;
    armed_at = 0;
    armed_at_database_write = nth_write;
    armed_mode = mode;
    armed_seed = seed;
    pthread_mutex_unlock(&lock);
}

int plvfs_is_power_off(void) {
    pthread_mutex_lock(&lock);
    int off = power_off;
    pthread_mutex_unlock(&lock);
    return off;
}

static void cut_locked(int mode, uint64_t seed, plvfs_cut_report *report) {
    plvfs_cut_report local;
    memset(&local, 0, sizeof local);
    uint64_t random = seed;
    for (Disk *d = disks; d; d = d->next) {
        if (!d->head) continue;
        PLFile *f = open_files;
        while (f && f->disk != d) f = f->next_open;
        if (!f) continue;
        local.files_with_pending += 1;
        int count = 0;
        for (PendingOp *op = d->head; op; op = op->next) count += 1;
        local.ops_pending += count;
        int survivors = mode == PLVFS_TORN_PREFIX ? (int)(next_random(&random) % (uint64_t)(count + 1)) : 0;
        int index = 0;
        for (PendingOp *op = d->head; op; op = op->next, index += 1) {
            int keep = 0, torn = 0;
            if (mode == PLVFS_TORN_PREFIX) {
                keep = index < survivors;
                torn = index == survivors && !op->is_truncate;
            } else if (mode == PLVFS_RANDOM_SUBSET) {
                uint64_t dice = next_random(&random) % 4;
                keep = dice < 2;
                torn = dice == 2 && !op->is_truncate;
            }
            if (keep) {
                apply_op(f, op, op->amount);
                local.ops_applied += 1;
            } else if (torn) {
                int kept = tear(f, op, &random);
                local.ops_torn += 1;
                local.bytes_dropped += op->amount - kept;
            } else {
                local.ops_dropped += 1;
                local.bytes_dropped += op->amount;
            }
        }
        free_ops(d);
    }
    power_off = 1;
    *report = local;
}

void plvfs_power_restore(void) {
    pthread_mutex_lock(&lock);
    power_off = 0;
    armed_at = 0;
    armed_at_database_write = 0;
    memset(&last_report, 0, sizeof last_report);
    pthread_mutex_unlock(&lock);
}

void plvfs_set_ignore_sync(int ignore) {
    pthread_mutex_lock(&lock);
    ignore_sync = ignore;
    pthread_mutex_unlock(&lock);
}

int64_t plvfs_sync_count(void) {
    pthread_mutex_lock(&lock);
    int64_t count = syncs;
    pthread_mutex_unlock(&lock);
    return count;
}

int64_t plvfs_database_sync_count(void) {
    pthread_mutex_lock(&lock);
    int64_t count = database_syncs;
    pthread_mutex_unlock(&lock);
    return count;
}

int32_t plvfs_open_file_count(void) {
    pthread_mutex_lock(&lock);
    int32_t count = 0;
    for (PLFile *f = open_files; f; f = f->next_open) count += 1;
    pthread_mutex_unlock(&lock);
    return count;
}
