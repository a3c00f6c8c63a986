package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// TestMain installs the shared page buffer before any test runs: SQLite
// takes it only before it initializes, and TestMigrate_FromV2 opens a
// connection of its own, which would initialize SQLite without it. The
// tests then run with the caches the product has.
func TestMain(m *testing.M) {
	if err := configurePageCache(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// sqliteStatus is SQLite's process-wide counter op (sqlite3_status).
func sqliteStatus(t *testing.T, op int32) int {
	t.Helper()
	tls := libc.NewTLS()
	defer tls.Close()
	// SQLite writes the counters into C memory (see installPageCache).
	cur := tls.Alloc(16)
	defer tls.Free(16)
	if rc := sqlite3.Xsqlite3_status(tls, op, cur, cur+8, 0); rc != sqlite3.SQLITE_OK {
		t.Fatalf("sqlite3_status(%d): %d", op, rc)
	}
	return int(libc.AtomicLoadPInt32(cur))
}

// TestPageCache_SharedBuffer checks that the connections' pages live in
// the shared buffer, none taken from malloc, across the commit that
// empties the readers' caches.
func TestPageCache_SharedBuffer(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "dateline.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.Load(t, db)
	read := func() {
		if _, _, err := db.Events(ctx, store.EventFilter{}, "", 10); err != nil {
			t.Fatal(err)
		}
	}
	read()
	if _, err := db.PutDocuments(ctx, storetest.Fixture()[:1]); err != nil {
		t.Fatal(err)
	}
	read()
	if n := sqliteStatus(t, sqlite3.SQLITE_STATUS_PAGECACHE_USED); n == 0 {
		t.Error("no page in the shared buffer")
	}
	if n := sqliteStatus(t, sqlite3.SQLITE_STATUS_PAGECACHE_OVERFLOW); n != 0 {
		t.Errorf("%d bytes of pages from malloc, want none", n)
	}
}
