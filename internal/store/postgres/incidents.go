package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// Incidents (issue #18), as in the SQLite store: the DB's store.Incidents
// clusters the events of every write in its transaction, and the rows
// (migration 2) hold what it restores from. Several processes may write:
// each write, its rows written, advances incident_clock, whose row lock
// makes the writers' clustering (and commits) take turns, and whose value
// tells a process that another one wrote since its Clusterer last saw the
// rows.

// incTx is the incident rows of one write transaction, for
// store.Incidents.
type incTx struct{ tx pgx.Tx }

var _ store.IncidentTx = incTx{}

// Members reads incident_members in storage order.
func (t incTx) Members(ctx context.Context) ([]incident.Member, error) {
	rows, err := t.tx.Query(ctx, `SELECT report, incident, anchor FROM incident_members ORDER BY event`)
	if err != nil {
		return nil, fmt.Errorf("read members: %w", err)
	}
	defer rows.Close()
	out, err := store.ReadMembers(rows)
	if err != nil {
		return nil, fmt.Errorf("read members: %w", err)
	}
	return out, nil
}

// Since reads the members that the writes after clock mark filed;
// incident_clock.rebuilt says whether one of them removed members.
func (t incTx) Since(ctx context.Context, mark int64, _ int) ([]incident.Report, bool, error) {
	var rebuilt int64
	if err := t.tx.QueryRow(ctx, `SELECT rebuilt FROM incident_clock`).Scan(&rebuilt); err != nil {
		return nil, false, fmt.Errorf("incident clock: %w", err)
	}
	if rebuilt > mark {
		return nil, true, nil
	}
	rows, err := t.tx.Query(ctx, `SELECT report FROM incident_members WHERE clock > $1 ORDER BY clock, event`, mark)
	if err != nil {
		return nil, false, fmt.Errorf("read new members: %w", err)
	}
	defer rows.Close()
	out, err := store.ReadReports(rows)
	if err != nil {
		return nil, false, fmt.Errorf("read new members: %w", err)
	}
	return out, false, nil
}

// stamp gives this write's members (and those Sync filed for events
// stored before incidents) the clock the write commits with.
func stamp(ctx context.Context, tx pgx.Tx, clock int64) error {
	if _, err := tx.Exec(ctx, `UPDATE incident_members SET clock = $1 WHERE clock IS NULL`, clock); err != nil {
		return fmt.Errorf("incidents: stamp members: %w", err)
	}
	return nil
}

// Reset forgets every incident.
func (t incTx) Reset(ctx context.Context) error {
	b := &pgx.Batch{}
	b.Queue(`UPDATE events SET canonical = false WHERE canonical`)
	b.Queue(`DELETE FROM incidents`)
	b.Queue(`UPDATE incident_members SET incident = '', anchor = '' WHERE incident != '' OR anchor != ''`)
	return t.tx.SendBatch(ctx, b).Close()
}

// Unclustered files a member for every stored event without one (stored
// before migration 2) and returns their reports.
func (t incTx) Unclustered(ctx context.Context) ([]incident.Report, error) {
	rows, err := t.tx.Query(ctx, `SELECT e.id, j.json, d.doc_id, d.published, d.source_name, d.source_url, d.duplicate_of
		FROM events e JOIN event_json j ON j.id = e.id JOIN documents d ON d.id = e.doc
		WHERE NOT EXISTS (SELECT 1 FROM incident_members m WHERE m.event = e.id) ORDER BY e.id`)
	if err != nil {
		return nil, fmt.Errorf("unclustered events: %w", err)
	}
	var ids []int64
	var reps []incident.Report
	for rows.Next() {
		var id int64
		var js []byte
		var rec output.Record
		var ev output.Event
		if err := rows.Scan(&id, &js, &rec.DocID, &rec.Published, &rec.Source.Name, &rec.Source.URL, &rec.DuplicateOf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("unclustered events: %w", err)
		}
		if err := json.Unmarshal(js, &ev); err != nil {
			rows.Close()
			return nil, fmt.Errorf("decode event %d: %w", id, err)
		}
		ids = append(ids, id)
		reps = append(reps, incident.FromEvent(&rec, &ev))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unclustered events: %w", err)
	}
	if err := fileMembers(ctx, t.tx, ids, reps); err != nil {
		return nil, err
	}
	return reps, nil
}

// memberRow is the incident_members row of the event id, in
// copyMembers' column order.
func memberRow(id int64, rep incident.Report) ([]any, error) {
	js, err := json.Marshal(rep)
	if err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	return []any{id, []byte(rep.EventID), string(js)}, nil
}

// copyMembers writes members' rows (see memberRow) in one COPY.
func copyMembers(ctx context.Context, tx pgx.Tx, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"incident_members"}, []string{"event", "key", "report"}, pgx.CopyFromRows(rows)); err != nil {
		return fmt.Errorf("insert incident members: %w", err)
	}
	return nil
}

// Apply writes ch in one round trip of eight set-wise statements: a
// statement per incident cost a write of a thousand new events a second
// of round trips inside the server.
func (t incTx) Apply(ctx context.Context, ch incident.Changes) error {
	if len(ch.Removed) == 0 && len(ch.Updated) == 0 && len(ch.Members) == 0 {
		return nil
	}
	// A renamed incident whose row may move in place (incident.Incident.Was)
	// keeps its row, and its canonical event stays marked.
	var wasIDs, newIDs [][]byte
	movedFrom := map[string]bool{}
	for _, inc := range ch.Updated {
		if inc.Was != "" && !movedFrom[inc.Was] {
			movedFrom[inc.Was] = true
			wasIDs, newIDs = append(wasIDs, []byte(inc.Was)), append(newIDs, []byte(inc.ID))
		}
	}
	var removed [][]byte
	for _, id := range ch.Removed {
		if !movedFrom[id] {
			removed = append(removed, []byte(id))
		}
	}
	// One row per incident id, its last state, as one statement may
	// not write a row twice.
	last := make(map[string]int, len(ch.Updated))
	for i, inc := range ch.Updated {
		last[inc.ID] = i
	}
	var ids, canon, recanon [][]byte
	var nReports, nSources []int32
	var first, reports []string
	for i, inc := range ch.Updated {
		if last[inc.ID] != i {
			continue
		}
		js, err := json.Marshal(inc.Reports)
		if err != nil {
			return fmt.Errorf("encode incident %s: %w", inc.ID, err)
		}
		ids, canon = append(ids, []byte(inc.ID)), append(canon, []byte(inc.Canonical.EventID))
		if inc.Recanonical && inc.Was == "" {
			recanon = append(recanon, []byte(inc.ID))
		}
		nReports, nSources = append(nReports, int32(inc.NReports)), append(nSources, int32(inc.NSources))
		first, reports = append(first, store.FirstReport(inc)), append(reports, string(js))
	}
	lastM := make(map[string]int, len(ch.Members))
	for i, m := range ch.Members {
		lastM[m.EventID] = i
	}
	var keys, incs, anchors [][]byte
	for i, m := range ch.Members {
		if lastM[m.EventID] == i {
			keys, incs, anchors = append(keys, []byte(m.EventID)), append(incs, []byte(m.Incident)), append(anchors, []byte(m.Anchor))
		}
	}
	b := &pgx.Batch{}
	b.Queue(`UPDATE events SET canonical = false WHERE id IN (SELECT canonical FROM incidents WHERE id = ANY($1))`, removed)
	b.Queue(`DELETE FROM incidents WHERE id = ANY($1)`, removed)
	b.Queue(`UPDATE incidents i SET id = u.id FROM unnest($1::bytea[], $2::bytea[]) AS u(was, id) WHERE i.id = u.was`, wasIDs, newIDs)
	// An existing row keeps its canonical event unless the Clusterer
	// says it may have changed (incident.Incident.Recanonical); such a
	// row's event is unmarked and the row parked (negated: event ids are
	// positive, and canonical is unique) before any row takes a new one,
	// since in one batch an event may pass from one incident to another.
	// (The flag is also set for an id new to its incident, which finds
	// no row here unless another incident had it.)
	b.Queue(`UPDATE events SET canonical = false WHERE id IN (SELECT canonical FROM incidents WHERE id = ANY($1))`, recanon)
	b.Queue(`UPDATE incidents SET canonical = -canonical WHERE id = ANY($1)`, recanon)
	b.Queue(`INSERT INTO incidents (id, canonical, n_reports, n_sources, first_report, reports)
		SELECT u.id, m.event, u.nr, u.ns, u.fr, u.reps::json
		FROM unnest($1::bytea[], $2::bytea[], $3::int[], $4::int[], $5::text[], $6::text[]) AS u(id, key, nr, ns, fr, reps)
		JOIN incident_members m ON m.key = u.key
		ON CONFLICT (id) DO UPDATE SET canonical = excluded.canonical, n_reports = excluded.n_reports,
			n_sources = excluded.n_sources, first_report = excluded.first_report, reports = excluded.reports`,
		ids, canon, nReports, nSources, first, reports)
	b.Queue(`UPDATE events SET canonical = true WHERE id IN (SELECT event FROM incident_members WHERE key = ANY($1)) AND NOT canonical`, canon)
	b.Queue(`UPDATE incident_members m SET incident = u.inc, anchor = u.anc
		FROM unnest($1::bytea[], $2::bytea[], $3::bytea[]) AS u(key, inc, anc) WHERE m.key = u.key`, keys, incs, anchors)
	if err := t.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("write incidents: %w", err)
	}
	return nil
}

// advanceClock takes the incident lock for tx and returns the clock's
// value before and after this write (see migration 2).
func advanceClock(ctx context.Context, tx pgx.Tx) (before, after int64, err error) {
	if err := tx.QueryRow(ctx, `UPDATE incident_clock SET n = n + 1 RETURNING n`).Scan(&after); err != nil {
		return 0, 0, fmt.Errorf("incidents: clock: %w", err)
	}
	return after - 1, after, nil
}

// openIncidents clusters what an opened database holds, in a write of its
// own, so that a database written before migration 2 counts incidents
// from its first read.
func (db *DB) openIncidents(ctx context.Context) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	var after int64
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		before, a, err := advanceClock(ctx, tx)
		if err != nil {
			return err
		}
		after = a
		if err := db.inc.Sync(ctx, incTx{tx}, before); err != nil {
			return err
		}
		return stamp(ctx, tx, after)
	})
	if err != nil {
		db.inc.Drop()
		return err
	}
	db.inc.Committed(after)
	return nil
}

// AlsoReportedBy lists the other reports' documents; see store.Store.
func (db *DB) AlsoReportedBy(ctx context.Context, id string) ([]store.DocRef, error) {
	rows, err := db.pool.Query(ctx, store.AlsoReportedBySQL("$1"), clean(id))
	if err != nil {
		return nil, fmt.Errorf("also reported by %q: %w", id, err)
	}
	defer rows.Close()
	out, err := store.ReadDocRefs(rows)
	if err != nil {
		return nil, fmt.Errorf("also reported by %q: %w", id, err)
	}
	return out, nil
}

// docIncidents sets the incident id of each event of the stored document
// with id doc.
func (db *DB) docIncidents(ctx context.Context, doc int64, rec *output.Record) error {
	rows, err := db.pool.Query(ctx, `SELECT e.seq, m.incident FROM events e
		JOIN incident_members m ON m.event = e.id WHERE e.doc = $1`, doc)
	if err != nil {
		return fmt.Errorf("incidents of document: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var inc []byte
		if err := rows.Scan(&seq, &inc); err != nil {
			return fmt.Errorf("incidents of document: %w", err)
		}
		if seq >= 0 && seq < len(rec.Events) {
			rec.Events[seq].IncidentID = string(inc)
		}
	}
	return rows.Err()
}
