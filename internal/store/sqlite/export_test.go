package sqlite

import (
	"context"
	"fmt"
)

// SetProbeCap lets tests force the selective plan (a large cap) or the
// ordered walk (0).
func SetProbeCap(db *DB, n int) { db.probeCap = n }

// BeginWrite opens a write transaction, as PutDocuments does, and keeps
// it open until the returned function is called.
func BeginWrite(ctx context.Context, db *DB) (end func(), err error) {
	db.mu.Lock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		db.mu.Unlock()
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = title WHERE 0`); err != nil {
		tx.Rollback()
		db.mu.Unlock()
		return nil, err
	}
	return func() { tx.Rollback(); db.mu.Unlock() }, nil
}

// SetNoAgg makes the aggregate queries run in full, ignoring the
// aggregate tables, so that tests can compare the two answers.
func SetNoAgg(db *DB, off bool) { db.noAgg = off }

// OpenAt opens the database at path migrated only to version, to make a
// database as an older dateline left it.
func OpenAt(ctx context.Context, path string, opts Options, version int) (*DB, error) {
	return openAt(ctx, path, opts, version)
}

// Exec runs a write the store has no method for (a delete, an update),
// as a later write path would, in one transaction.
func Exec(ctx context.Context, db *DB, stmts ...string) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	return tx.Commit()
}

// aggRecount holds, per aggregate table, a query that recounts it from
// the rows, in the table's own columns.
var aggRecount = map[string]string{
	"agg_counts": `SELECT 'documents', count(*) FROM documents UNION ALL SELECT 'events', count(*) FROM events
		UNION ALL SELECT 'quotes', count(*) FROM quotes UNION ALL SELECT 'places', count(*) FROM places`,
	"agg_days": `SELECT day, type, quad, count(*) FROM events GROUP BY day, type, quad`,
	"agg_places": `SELECT place COLLATE BINARY, place_country, geonameid,
			lat IS NOT NULL AND lon IS NOT NULL,
			iif(lat IS NOT NULL AND lon IS NOT NULL, lat, 0), iif(lat IS NOT NULL AND lon IS NOT NULL, lon, 0), count(*)
		FROM events WHERE place != '' GROUP BY 1, 2, 3, 4, 5, 6`,
	"agg_edges": `SELECT a.name, a.country, r.name, r.country, e.quad, count(*), sum(CAST(round(e.intensity * 1000000) AS INTEGER))
		FROM events e JOIN event_actors a ON a.event = e.id AND a.role = 0 JOIN event_actors r ON r.event = e.id AND r.role = 1
		GROUP BY 1, 2, 3, 4, 5`,
	"agg_pairs": `SELECT a.name, a.country, r.name, r.country, count(*)
		FROM events e JOIN event_actors a ON a.event = e.id AND a.role = 0 JOIN event_actors r ON r.event = e.id AND r.role = 1
		GROUP BY 1, 2, 3, 4`,
}

// CheckAggregates compares every aggregate table with a recount from the
// rows, both ways, and returns the first difference.
func CheckAggregates(ctx context.Context, db *DB) error {
	for table, recount := range aggRecount {
		for _, q := range []string{
			`SELECT * FROM (` + recount + `) EXCEPT SELECT * FROM ` + table,
			`SELECT * FROM ` + table + ` EXCEPT SELECT * FROM (` + recount + `)`,
		} {
			rows, err := db.rd.QueryContext(ctx, q)
			if err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			var diff []string
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				diff = append(diff, fmt.Sprint(vals...))
			}
			rows.Close()
			if len(diff) > 0 {
				return fmt.Errorf("%s: %d rows differ from a recount (%s), e.g. %v", table, len(diff), q, diff[:min(len(diff), 5)])
			}
		}
	}
	return nil
}

// downgrades[i] takes the schema from version i+1 back to i, for the
// migrations whose tests need a database an older dateline wrote: such a
// database is written with today's writer at today's schema, then taken
// back, so that the test needs no copy of an old writer.
var downgrades = map[int]string{
	// 6 -> 5: the analyst's event columns.
	5: `DROP INDEX events_confidence; DROP INDEX documents_day; DROP TABLE doc_aliases;
		ALTER TABLE documents DROP COLUMN provenance;
		ALTER TABLE events DROP COLUMN principal; ALTER TABLE events DROP COLUMN negated;
		ALTER TABLE events DROP COLUMN asserted; ALTER TABLE events DROP COLUMN confidence;
		ALTER TABLE events DROP COLUMN date_precision; ALTER TABLE events DROP COLUMN main;`,
	// 5 -> 4: nothing yet (see migrations).
	4: ``,
}

// Downgrade takes db's schema back to version, dropping the aggregates
// (every agg_ object) when it goes below 4.
func Downgrade(ctx context.Context, db *DB, version int) error {
	var v int
	if err := db.wr.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	var stmts []string
	for ; v > version; v-- {
		if v-1 == 3 {
			rows, err := db.wr.QueryContext(ctx, `SELECT type, name FROM sqlite_master WHERE name LIKE 'agg\_%' ESCAPE '\' AND type IN ('trigger', 'view', 'table')`)
			if err != nil {
				return err
			}
			for rows.Next() {
				var typ, name string
				if err := rows.Scan(&typ, &name); err != nil {
					rows.Close()
					return err
				}
				stmts = append(stmts, "DROP "+typ+" IF EXISTS "+name)
			}
			rows.Close()
			continue
		}
		down, ok := downgrades[v-1]
		if !ok {
			return fmt.Errorf("no downgrade from version %d", v)
		}
		if down != "" {
			stmts = append(stmts, down)
		}
	}
	stmts = append(stmts, fmt.Sprintf("PRAGMA user_version = %d", version))
	return Exec(ctx, db, stmts...)
}
