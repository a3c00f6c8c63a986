// Package open chooses a store backend from the --db value, so that the
// commands that take one (ingest, serve, worker) open SQLite and
// PostgreSQL alike: a postgres:// or postgresql:// URL is a PostgreSQL
// database (store/postgres), anything else the path of a SQLite file
// (store/sqlite). It is a package of its own because it imports both
// backends, which package store, imported by them, cannot.
package open

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/sqlite"
)

// Options configure Open.
type Options struct {
	// Create lets Open create the database: a SQLite file that does not
	// exist, or the tables of a PostgreSQL database that has none (the
	// PostgreSQL database itself is the server's to create). Without it,
	// either gives an error wrapping store.ErrNoDatabase, so that a
	// mistyped name is not taken for an empty database.
	Create bool
	// MaxConns bounds a PostgreSQL store's connections (0: pgxpool's
	// default); SQLite ignores it.
	MaxConns int32
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	l := strings.ToLower(dsn)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// Name is dsn as logs and messages may show it: a PostgreSQL URL without
// its password, a path as it is.
func Name(dsn string) string {
	if IsPostgres(dsn) {
		return postgres.Redact(dsn)
	}
	return dsn
}

// Open opens the store dsn names and migrates its schema to the current
// version.
func Open(ctx context.Context, dsn string, opts Options) (store.Store, error) {
	if IsPostgres(dsn) {
		db, err := postgres.Open(ctx, dsn, postgres.Options{NoCreate: !opts.Create, MaxConns: opts.MaxConns})
		if err != nil {
			return nil, err
		}
		return db, nil
	}
	if !opts.Create {
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open %s: %w", dsn, store.ErrNoDatabase)
		}
	}
	db, err := sqlite.Open(ctx, dsn, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	return db, nil
}
