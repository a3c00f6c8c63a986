package sqlite

import (
	"fmt"
	"sync"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	sqlite3 "modernc.org/sqlite/lib"
)

// Every commit empties each reader connection's page cache (in WAL mode a
// reader that sees the WAL changed drops all its pages), so under a steady
// ingest a reader frees and allocates its pages again for nearly every
// query. modernc's build of SQLite (ENABLE_MEMORY_MANAGEMENT) takes each
// page from malloc, and modernc's allocator gives the freed regions back
// to the OS one madvise at a time: a quarter of an export's CPU right
// after a commit was spent freeing pages.
//
// SQLITE_CONFIG_PAGECACHE hands SQLite one buffer of page slots for all
// connections: a page is taken from and given back to a free list under
// a mutex, with no call into the allocator and no system call. When the
// slots run short SQLite recycles the least recently used unpinned pages
// of any connection before it falls back to malloc, so the buffer is
// also a budget all connections share, beside each one's cache_size.
// The buffer is allocated once and never freed.

// pageCacheBytes is the shared page buffer's size: twice the writer's
// cache_size (32 MB, in the DSN), so that the writer alone never finds
// the buffer short. When it does, SQLite gives up the writer's pages
// early and the writer reads them again: storing 60,000 events in
// batches of 100 read 1.76 GB from the file with a 32 MB buffer, against
// 1.0 GB with 64 MB and without a buffer. The load mix (10,000 events, 8 clients
// and an ingest) costs the same with 8 MB as with 64.
//
// SQLite threads its free list through every slot when it initializes,
// so the whole buffer is resident from the first open, and touching it
// costs that open about 0.2 s of CPU (0.03 s without a buffer).
const pageCacheBytes = 64 << 20

// pageCachePageSize is the database page size the slots are cut for,
// SQLite's default, which dateline never changes. A database of larger
// pages would take its pages from malloc, as before.
const pageCachePageSize = 4096

// pageCacheOnce configures SQLite once per process: the setting is
// SQLite's own global, accepted only before SQLite initializes.
var pageCacheOnce sync.Once

// pageCacheErr is why the buffer could not be installed, if it could not.
var pageCacheErr error

// configurePageCache installs the shared page buffer, if SQLite has not
// been initialized yet in this process; after that SQLite refuses
// (SQLITE_MISUSE) and the caches take their pages from malloc.
func configurePageCache() error {
	pageCacheOnce.Do(func() { pageCacheErr = installPageCache() })
	return pageCacheErr
}

func installPageCache() error {
	tls := libc.NewTLS()
	defer tls.Close()
	va := libc.Xmalloc(tls, types.Size_t(3*unsafe.Sizeof(uintptr(0))))
	if va == 0 {
		return fmt.Errorf("page cache: out of memory")
	}
	defer libc.Xfree(tls, va)
	// The header SQLite keeps beside each page (its btree, pager and
	// pcache1 records), to size a slot. SQLite writes it into hdr, which
	// is C memory: Go memory handed to SQLite as an address fails the
	// race detector's pointer checks.
	hdr := tls.Alloc(8)
	defer tls.Free(8)
	if rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, libc.VaList(va, hdr)); rc != sqlite3.SQLITE_OK {
		return fmt.Errorf("page cache: header size: sqlite error %d", rc)
	}
	slot := (pageCachePageSize + int(libc.AtomicLoadPInt32(hdr)) + 7) &^ 7
	n := pageCacheBytes / slot
	buf := libc.Xmalloc(tls, types.Size_t(n*slot))
	if buf == 0 {
		return fmt.Errorf("page cache: out of memory for %d bytes", n*slot)
	}
	if rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, libc.VaList(va, buf, int32(slot), int32(n))); rc != sqlite3.SQLITE_OK {
		libc.Xfree(tls, buf)
		return fmt.Errorf("page cache: sqlite error %d (SQLite already initialized)", rc)
	}
	return nil
}
