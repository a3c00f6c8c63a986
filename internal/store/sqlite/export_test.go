package sqlite

import (
	"context"
	"fmt"
	"strings"
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
var aggRecount = func() map[string]string {
	m := map[string]string{
		"agg_counts": `SELECT 'documents', count(*) FROM documents UNION ALL SELECT 'events', count(*) FROM events
		UNION ALL SELECT 'quotes', count(*) FROM quotes UNION ALL SELECT 'places', count(*) FROM places
		UNION ALL SELECT 'incidents', count(*) FROM events WHERE canonical = 1`,
	}
	for table, q := range map[string]string{
		"days": `SELECT day, type, quad, count(*) FROM events e WHERE CANON GROUP BY day, type, quad`,
		"places": `SELECT place COLLATE BINARY, place_country, geonameid,
			lat IS NOT NULL AND lon IS NOT NULL,
			iif(lat IS NOT NULL AND lon IS NOT NULL, lat, 0), iif(lat IS NOT NULL AND lon IS NOT NULL, lon, 0), count(*)
		FROM events e WHERE place != '' AND CANON GROUP BY 1, 2, 3, 4, 5, 6`,
		"edges": `SELECT a.name, a.country, r.name, r.country, e.quad, count(*), sum(CAST(round(e.intensity * 1000000) AS INTEGER))
		FROM events e JOIN event_actors a ON a.event = e.id AND a.role = 0 JOIN event_actors r ON r.event = e.id AND r.role = 1
		WHERE CANON GROUP BY 1, 2, 3, 4, 5`,
		"pairs": `SELECT a.name, a.country, r.name, r.country, count(*)
		FROM events e JOIN event_actors a ON a.event = e.id AND a.role = 0 JOIN event_actors r ON r.event = e.id AND r.role = 1
		WHERE CANON GROUP BY 1, 2, 3, 4`,
	} {
		// Each table counts every event; its agg_i twin counts the
		// incidents' canonical events (see incidents.go).
		m["agg_"+table] = strings.ReplaceAll(q, "CANON", "1")
		m["agg_i"+table] = strings.ReplaceAll(q, "CANON", "e.canonical = 1")
	}
	return m
}()

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
	// 7 -> 6: the narrow indexes Events reads.
	6: `DROP INDEX documents_meta; DROP INDEX incident_members_event;`,
	// 6 -> 5: the analyst's event columns.
	5: `DROP INDEX events_confidence; DROP INDEX documents_day; DROP TABLE doc_aliases;
		ALTER TABLE documents DROP COLUMN provenance;
		ALTER TABLE events DROP COLUMN principal; ALTER TABLE events DROP COLUMN negated;
		ALTER TABLE events DROP COLUMN asserted; ALTER TABLE events DROP COLUMN confidence;
		ALTER TABLE events DROP COLUMN date_precision; ALTER TABLE events DROP COLUMN main;`,
	// 5 -> 4: the incidents; their aggregate tables and triggers are
	// dropped by name in Downgrade.
	4: `DROP TABLE incidents; DROP TABLE incident_members;
		DELETE FROM agg_counts WHERE name = 'incidents';
		ALTER TABLE events DROP COLUMN canonical;`,
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
			names, err := schemaObjects(ctx, db, `name LIKE 'agg\_%' ESCAPE '\' AND type IN ('trigger', 'view', 'table')`)
			if err != nil {
				return err
			}
			stmts = append(stmts, names...)
			continue
		}
		if v-1 == 4 {
			// The incident aggregates (incidents.go) go first: their
			// triggers name the canonical column.
			names, err := schemaObjects(ctx, db, `name LIKE 'agg\_i%' ESCAPE '\' AND type IN ('trigger', 'table')`)
			if err != nil {
				return err
			}
			stmts = append(stmts, names...)
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

// schemaObjects returns a DROP statement for each schema object that
// cond selects, triggers first (a trigger may name a table or column
// that a later statement drops), the names that earlier downgrades in
// the same run drop included (hence IF EXISTS).
func schemaObjects(ctx context.Context, db *DB, cond string) ([]string, error) {
	rows, err := db.wr.QueryContext(ctx, `SELECT type, name FROM sqlite_master WHERE `+cond+` ORDER BY type = 'trigger' DESC, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			return nil, err
		}
		out = append(out, "DROP "+typ+" IF EXISTS "+name)
	}
	return out, rows.Err()
}

// Canonicals returns each incident's canonical report id, by incident id.
func Canonicals(ctx context.Context, db *DB) (map[string]string, error) {
	rows, err := db.rd.QueryContext(ctx, `SELECT i.id, m.key FROM incidents i JOIN incident_members m ON m.event = i.canonical`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		out[id] = key
	}
	return out, rows.Err()
}

// CheckCanonicals checks that the canonical marks agree with the incident
// rows, as the store's writes keep them (a test that deletes rows by
// hand breaks this on purpose): each incident's canonical event is
// marked and is one of its members, and nothing else is marked (a
// parked row, see parkCanonical, would show here).
func CheckCanonicals(ctx context.Context, db *DB) error {
	for _, q := range []string{
		`SELECT count(*) FROM events WHERE canonical = 1 AND id NOT IN (SELECT canonical FROM incidents)`,
		`SELECT count(*) FROM incidents WHERE canonical NOT IN (SELECT id FROM events WHERE canonical = 1)`,
		`SELECT count(*) FROM incidents i JOIN incident_members m ON m.event = i.canonical WHERE m.incident != i.id`,
	} {
		var n int
		if err := db.rd.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
		if n != 0 {
			return fmt.Errorf("canonical marks: %d rows from %s", n, q)
		}
	}
	return nil
}
