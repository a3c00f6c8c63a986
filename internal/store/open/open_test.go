package open_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/open"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/sqlite"
)

func TestIsPostgres(t *testing.T) {
	for _, c := range []struct {
		dsn  string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://u@h/db", true},
		{"POSTGRES://u@h/db", true},
		{"dateline.db", false},
		{"postgres.db", false},
		{"./postgres://x", false},
		{"", false},
	} {
		if got := open.IsPostgres(c.dsn); got != c.want {
			t.Errorf("IsPostgres(%q) = %v, want %v", c.dsn, got, c.want)
		}
	}
}

func TestOpen_SQLite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	if _, err := open.Open(ctx, path, open.Options{}); !errors.Is(err, store.ErrNoDatabase) {
		t.Fatalf("missing file without Create: err %v, want ErrNoDatabase", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused open left %s behind", path)
	}
	s, err := open.Open(ctx, path, open.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*sqlite.DB); !ok {
		t.Errorf("%s opened as %T, want *sqlite.DB", path, s)
	}
}

// TestOpen_Postgres opens a PostgreSQL database by URL (with a
// search_path, so that the tables go to the test's own schema): without
// Create a database without tables is refused, with it they are made.
func TestOpen_Postgres(t *testing.T) {
	dsn, _ := pgtest.Schema(t)
	ctx := context.Background()
	if _, err := open.Open(ctx, dsn, open.Options{}); !errors.Is(err, store.ErrNoDatabase) {
		t.Fatalf("no tables without Create: err %v, want ErrNoDatabase", err)
	}
	s, err := open.Open(ctx, dsn, open.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*postgres.DB); !ok {
		t.Errorf("%s opened as %T, want *postgres.DB", dsn, s)
	}
	if _, err := s.Stats(ctx); err != nil {
		t.Error(err)
	}
}

func TestName(t *testing.T) {
	for _, c := range []struct{ dsn, want string }{
		{"dateline.db", "dateline.db"},
		{"postgres://ann:secret@db.example.org:5433/news?sslmode=disable", "postgres://ann@db.example.org:5433/news"},
		{"postgresql://ann@/news?host=/run/postgresql", "postgres://ann@/news?host=/run/postgresql"},
	} {
		if got := open.Name(c.dsn); got != c.want {
			t.Errorf("Name(%q) = %q, want %q", c.dsn, got, c.want)
		}
	}
}
