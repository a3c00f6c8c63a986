package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

func open(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dateline.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDB_Conformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

// TestDB_Plans runs the suite with the planner's threshold at values that
// force the ordered walk (0), mix both plans (2), and always pick the
// selective plan (1e9), so that both produce the same pages.
func TestDB_Plans(t *testing.T) {
	for _, n := range []int{0, 2, 1e9} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			storetest.Run(t, func(t *testing.T) store.Store {
				db := open(t)
				sqlite.SetProbeCap(db, n)
				return db
			})
		})
	}
}

// TestDB_ReadDuringWrite reads while a write transaction is open, with a
// single reader connection: the writer's connection is its own, so the
// read neither waits for it nor for the write lock.
func TestDB_ReadDuringWrite(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dateline.db"), sqlite.Options{MaxReaders: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	storetest.Load(t, db)
	end, err := sqlite.BeginWrite(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer end()
	// A read that waits for the writer would wait for ever (the write
	// ends after it); the bound turns that into a failure and is far
	// above what the read needs on a loaded machine.
	rctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	rows, _, err := db.Events(rctx, store.EventFilter{}, "", 10)
	if err != nil {
		t.Fatalf("read during a write: %v", err)
	}
	if len(rows) != 5 {
		t.Errorf("%d events, want the fixture's 5", len(rows))
	}
}
