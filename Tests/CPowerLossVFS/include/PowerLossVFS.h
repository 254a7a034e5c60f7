// A test VFS that simulates power loss, the way SQLite's own crash tests do (src/test6.c):
// it wraps the default "unix" VFS, keeps every write and truncate made since a file's last
// xSync in a pending layer (reads see it, the disk does not), and applies the layer to the real
// file only at xSync. A simulated power cut then drops the pending layer, or applies a random
// part of it with the last write torn at a 512-byte sector, and freezes the real files: after
// the cut every write, truncate, sync and delete fails with an I/O error, so what is on disk is
// exactly what had been synced (plus the torn remains). Used only by the tests.
#ifndef POWER_LOSS_VFS_H
#define POWER_LOSS_VFS_H
#include <stdint.h>

/// What a power cut did to the pending (written but not synced) operations.
typedef struct {
    int32_t files_with_pending;  // open files that had un-synced operations
    int32_t ops_pending;         // un-synced writes and truncates at the cut
    int32_t ops_applied;         // applied whole anyway (they reached the platter before the cut)
    int32_t ops_torn;            // writes applied in part: a prefix of their 512-byte sectors
    int32_t ops_dropped;         // lost
    int64_t bytes_dropped;       // bytes of the lost and torn-off parts
} plvfs_cut_report;

/// How a cut treats the pending operations.
enum {
    PLVFS_DROP_ALL = 0,       // nothing un-synced survives
    PLVFS_TORN_PREFIX = 1,    // a random prefix survives, its last write torn
    PLVFS_RANDOM_SUBSET = 2,  // each survives with probability 1/2 (the disk reordered them), writes may be torn
};

/// Registers the VFS under `name` (not as the default). Idempotent. Returns an SQLite result code.
int plvfs_register(const char *name);
/// Cuts the power now, unless it is off already (then reports the cut that happened): settles every open file's pending layer as `mode` says (random choices from
/// `seed`) and freezes the disk. Fills `report` if not NULL.
void plvfs_power_cut(int mode, uint64_t seed, plvfs_cut_report *report);
/// Arms a cut at the `after_io_calls`-th write, truncate or sync on a simulated disk from now
/// (counted across every file): the cut happens before that call, which then fails.
void plvfs_arm_cut(int64_t after_io_calls, int mode, uint64_t seed);
/// Arms a cut at the `nth_write`-th write to a main database file from now: inside a WAL
/// checkpoint, which copies pages into the database file and syncs it only at the end.
void plvfs_arm_cut_at_database_write(int64_t nth_write, int mode, uint64_t seed);
/// Whether the power is off (after a cut, armed or not).
int plvfs_is_power_off(void);
/// Turns the power back on (call once every file of the previous run is closed).
void plvfs_power_restore(void);
/// Negative control: when set, xSync reports success but does not make anything durable (a disk
/// that ignores flushes), so a power cut loses acknowledged writes and the test must notice.
void plvfs_set_ignore_sync(int ignore);
/// Syncs made durable and files open, for reports.
int64_t plvfs_sync_count(void);
int32_t plvfs_open_file_count(void);
/// Syncs of main database files (a checkpoint ends with one), for reports.
int64_t plvfs_database_sync_count(void);

#endif
