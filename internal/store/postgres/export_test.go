package postgres

import (
	"context"
	"fmt"
)

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

// downgrades[v] takes the schema from version v+1 back to v, so that a
// migration test can write a database with today's writer and take it
// back to what an older dateline left, needing no copy of an old writer.
var downgrades = map[int]string{
	3: `DROP TABLE event_dyads; DROP TABLE event_actor_strings; DROP TABLE actor_strings`,
	2: `DROP INDEX events_confidence; DROP INDEX documents_day; DROP TABLE doc_aliases;
		ALTER TABLE documents DROP COLUMN provenance;
		ALTER TABLE events DROP COLUMN principal, DROP COLUMN negated, DROP COLUMN asserted,
			DROP COLUMN confidence, DROP COLUMN date_precision, DROP COLUMN main`,
	1: `DROP TABLE incidents; DROP TABLE incident_members; DROP TABLE incident_clock;
		ALTER TABLE events DROP COLUMN canonical`,
}

// Downgrade takes db's schema back to version.
func Downgrade(ctx context.Context, db *DB, version int) error {
	var v int
	if err := db.pool.QueryRow(ctx, "SELECT version FROM dateline_schema").Scan(&v); err != nil {
		return err
	}
	for ; v > version; v-- {
		if _, err := db.pool.Exec(ctx, downgrades[v-1]); err != nil {
			return fmt.Errorf("downgrade to %d: %w", v-1, err)
		}
	}
	_, err := db.pool.Exec(ctx, "UPDATE dateline_schema SET version = $1", version)
	return err
}

// SetFTSCap sets the number of text matches up to which their ids go
// into the query (0: never).
func SetFTSCap(db *DB, n int) { db.ftsCap = n }

// SetNameCap sets the number of events an actor name filter may match
// for Events to collect them first (0: never).
func SetNameCap(db *DB, n int) { db.nameCap = n }
