package postgres

import "context"

// OpenAt opens the database migrated only to version, to make a database
// as an older dateline left it.
func OpenAt(ctx context.Context, dsn string, opts Options, version int) (*DB, error) {
	return openAt(ctx, dsn, opts, version)
}

// Exec runs statements the store has no method for, as an operator or a
// later dateline would.
func Exec(ctx context.Context, db *DB, stmts ...string) error {
	for _, s := range stmts {
		if _, err := db.pool.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// TSQuery exposes tsQuery to the tests.
var TSQuery = tsQuery

// SetFTSCap sets the number of text matches up to which their ids go
// into the query (0: never).
func SetFTSCap(db *DB, n int) { db.ftsCap = n }
