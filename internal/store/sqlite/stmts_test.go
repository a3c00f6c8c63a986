package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// TestReadPool_Full checks that the readers' statement cache stops at
// its bound and that queries past it still run, unprepared, with their
// errors reported.
func TestReadPool_Full(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "stmts.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < maxReadStmts+10; i++ {
		var n int
		if err := db.rd.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
			t.Fatalf("query %d: %d, %v", i, n, err)
		}
		rows, err := db.rd.QueryContext(ctx, fmt.Sprintf("SELECT %d UNION ALL SELECT 1", i))
		if err != nil {
			t.Fatalf("rows %d: %v", i, err)
		}
		rows.Close()
	}
	if n := len(db.rd.stmts); n != maxReadStmts {
		t.Errorf("%d statements cached, want the bound, %d", n, maxReadStmts)
	}
	if err := db.rd.QueryRowContext(ctx, "SELECT nosuchcolumn").Scan(new(int)); err == nil {
		t.Error("a bad query past the bound reports no error")
	}
	if _, err := db.rd.QueryContext(ctx, "SELECT nosuchcolumn FROM nosuchtable"); err == nil {
		t.Error("a bad query past the bound reports no error")
	}
}
