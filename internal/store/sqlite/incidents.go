package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// Incidents (issue #18). The store clusters the events of every document
// it stores with an incident.Clusterer held in memory by the DB, under the
// writer's lock, and writes what changed in the same transaction as the
// documents (see PutDocuments), so that the rows always hold a state the
// Clusterer can Restore: a kill -9 leaves either the document with its
// events clustered or neither.
//
//   - incident_members has one row per event: its report id (see
//     incident.ReportID), the Report as JSON, and its incident and anchor
//     (incident.Membership); it is what Restore reads when the store is
//     opened. It names events by rowid without a foreign key, so that a
//     later delete path is not refused by it (and must delete its row).
//   - incidents has one row per incident: its canonical event, counts,
//     first report and report ids.
//   - events.canonical is 1 for each incident's canonical event: the
//     incidents filter, and the agg_i* tables below, which keep the
//     dashboard's aggregates over canonical events only, so that counting
//     incidents is as fast as counting reports. They are migration 4's
//     tables and triggers again, renamed, and guarded by canonical.
//
// Another process may write to the same file (ingest while serve takes
// POSTs): each write compares the highest member rowid with the one its
// Clusterer last saw, inside its transaction, and restores the Clusterer
// from the rows when another writer moved it.
var incidentsMigration = `
ALTER TABLE events ADD COLUMN canonical INTEGER NOT NULL DEFAULT 0;
CREATE TABLE incident_members (
	event    INTEGER PRIMARY KEY,
	key      TEXT NOT NULL UNIQUE,
	incident TEXT NOT NULL DEFAULT '',
	anchor   TEXT NOT NULL DEFAULT '',
	report   TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident);
CREATE TABLE incidents (
	id           TEXT PRIMARY KEY,
	canonical    INTEGER NOT NULL UNIQUE,
	n_reports    INTEGER NOT NULL,
	n_sources    INTEGER NOT NULL,
	first_report TEXT NOT NULL,
	reports      TEXT NOT NULL
);
INSERT INTO agg_counts (name, n) VALUES ('incidents', 0);
` + incidentAggregates()

// incidentAggregates derives the agg_i* tables and their triggers from
// migration 4's definitions, which are frozen with it.
func incidentAggregates() string {
	rename := strings.NewReplacer("agg_days", "agg_idays", "agg_places", "agg_iplaces",
		"agg_edges", "agg_iedges", "agg_pairs", "agg_ipairs", "name = 'events'", "name = 'incidents'")
	tables := aggTables[:strings.Index(aggTables, "CREATE VIEW")]
	tables = tables[strings.Index(tables, "CREATE TABLE agg_days"):]
	body := func(tmpl, row, pairs string) string {
		return rename.Replace(strings.ReplaceAll(strings.ReplaceAll(tmpl, "PAIRS", pairs), "ROW", row))
	}
	const canonical = `(SELECT canonical FROM events WHERE id = ROW.event) = 1`
	var b strings.Builder
	b.WriteString(rename.Replace(tables))
	for _, t := range []struct{ name, when, row, tmpl, pairs string }{
		{"agg_inc_insert", "AFTER INSERT ON events WHEN new.canonical = 1", "new", aggAddEvent + aggAddPairs, aggEventPairs},
		{"agg_inc_delete", "BEFORE DELETE ON events WHEN old.canonical = 1", "old", aggSubEvent + aggSubPairs, aggEventPairs},
		{"agg_inc_in", "AFTER UPDATE OF canonical ON events WHEN new.canonical = 1 AND old.canonical = 0", "new", aggAddEvent + aggAddPairs, aggEventPairs},
		{"agg_inc_out", "BEFORE UPDATE OF canonical ON events WHEN old.canonical = 1 AND new.canonical = 0", "old", aggSubEvent + aggSubPairs, aggEventPairs},
		{"agg_inc_update_out", "BEFORE UPDATE OF " + aggEventColumns + " ON events WHEN old.canonical = 1 AND new.canonical = 1", "old", aggSubEvent + aggSubPairs, aggEventPairs},
		{"agg_inc_update_in", "AFTER UPDATE OF " + aggEventColumns + " ON events WHEN old.canonical = 1 AND new.canonical = 1", "new", aggAddEvent + aggAddPairs, aggEventPairs},
		{"agg_inc_actors_insert", "AFTER INSERT ON event_actors WHEN " + canonical, "new", aggAddPairs, aggActorPairs},
		{"agg_inc_actors_delete", "BEFORE DELETE ON event_actors WHEN " + canonical, "old", aggSubPairs, aggActorPairs},
		{"agg_inc_actors_update_out", "BEFORE UPDATE OF " + aggActorColumns + " ON event_actors WHEN " + canonical, "old", aggSubPairs, aggActorPairs},
		{"agg_inc_actors_update_in", "AFTER UPDATE OF " + aggActorColumns + " ON event_actors WHEN " + canonical, "new", aggAddPairs, aggActorPairs},
	} {
		b.WriteString("CREATE TRIGGER " + t.name + " " + strings.ReplaceAll(t.when, "ROW", t.row) + " BEGIN" + body(t.tmpl, t.row, t.pairs) + "\nEND;\n")
	}
	return b.String()
}

// aggTable names the aggregate table base ("agg_days") that answers f:
// its incidents twin when f counts incidents.
func aggTable(f store.EventFilter, base string) string {
	if f.Incidents {
		return "agg_i" + strings.TrimPrefix(base, "agg_")
	}
	return base
}

const (
	insertMember = `INSERT INTO incident_members (event, key, report) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`
	// A new event's member row is written once, with its membership,
	// after clustering (see deferMember); memberTaken checks its report
	// id first, as insertMember's conflict clause does.
	insertClustered = `INSERT INTO incident_members (event, key, report, incident, anchor) VALUES (?, ?, ?, ?, ?)`
	memberTaken     = `SELECT 1 FROM incident_members WHERE key = ?`
	// An incident whose row exists keeps its canonical event unless the
	// Clusterer says it may have changed (incident.Incident.Recanonical):
	// updateIncident rewrites its counts alone, and only an incident it
	// does not find is inserted and its canonical event marked. (Looking
	// up and marking the canonical event of every changed incident read
	// a member and an event row that nothing changed, two random pages
	// of a large store.) A row whose canonical event changes has it
	// unmarked and parked (negated: event rowids are positive, and
	// canonical is unique) before any row takes a new one, since in one
	// batch an event may pass from one incident to another.
	updateIncident = `UPDATE incidents SET n_reports = ?, n_sources = ?, first_report = ?, reports = ? WHERE id = ?`
	// renameIncident moves the row of a renamed incident whose canonical
	// event stays (incident.Incident.Was) to its new id.
	renameIncident = `UPDATE incidents SET id = ?, n_reports = ?, n_sources = ?, first_report = ?, reports = ? WHERE id = ?`
	parkCanonical  = `UPDATE incidents SET canonical = -canonical WHERE id = ?`
	setCanonical   = `UPDATE incidents SET canonical = (SELECT event FROM incident_members WHERE key = ?) WHERE id = ?`
	insertIncident = `INSERT INTO incidents (id, canonical, n_reports, n_sources, first_report, reports)
		VALUES (?, (SELECT event FROM incident_members WHERE key = ?), ?, ?, ?, ?)`
	markCanonical   = `UPDATE events SET canonical = 1 WHERE id = (SELECT event FROM incident_members WHERE key = ?) AND canonical = 0`
	unmarkCanonical = `UPDATE events SET canonical = 0 WHERE id = (SELECT canonical FROM incidents WHERE id = ?)`
	deleteIncident  = `DELETE FROM incidents WHERE id = ?`
	// updateMember leaves a row whose membership is unchanged as it is.
	updateMember = `UPDATE incident_members SET incident = ?1, anchor = ?2 WHERE key = ?3 AND (incident != ?1 OR anchor != ?2)`
	// updateAnchor changes a satellite's anchor alone
	// (incident.Membership.AnchorOnly): setting no indexed column, it
	// rewrites the row but none of its index entries.
	updateAnchor = `UPDATE incident_members SET anchor = ?1 WHERE key = ?2 AND anchor != ?1`
)

// incTx is the incident rows of one write transaction, for
// store.Incidents; st has the transaction's statements.
type incTx struct {
	tx *sql.Tx
	st *txStmts
}

var _ store.IncidentTx = incTx{}

// Apply writes ch in tx.
func (t incTx) Apply(ctx context.Context, ch incident.Changes) error {
	exec := func(q string, args ...any) error {
		_, err := t.st.exec(ctx, q, args...)
		return err
	}
	// A renamed incident whose row may move in place (incident.Incident.Was)
	// keeps its row, and its canonical event stays marked.
	var movedFrom map[string]bool
	for _, inc := range ch.Updated {
		if inc.Was != "" {
			if movedFrom == nil {
				movedFrom = map[string]bool{}
			}
			movedFrom[inc.Was] = true
		}
	}
	for _, id := range ch.Removed {
		if movedFrom[id] {
			continue
		}
		if err := exec(unmarkCanonical, id); err != nil {
			return fmt.Errorf("unmark incident %s: %w", id, err)
		}
		if err := exec(deleteIncident, id); err != nil {
			return fmt.Errorf("delete incident %s: %w", id, err)
		}
	}
	// Members go before the incidents, whose canonical event a new
	// incident finds by its member row.
	for _, m := range ch.Members {
		if p, ok := t.st.pending[m.EventID]; ok {
			if err := exec(insertClustered, p.event, m.EventID, p.report, m.Incident, m.Anchor); err != nil {
				return fmt.Errorf("insert incident member %s: %w", m.EventID, err)
			}
			delete(t.st.pending, m.EventID)
			continue
		}
		if m.AnchorOnly {
			if err := exec(updateAnchor, m.Anchor, m.EventID); err != nil {
				return fmt.Errorf("write anchor of %s: %w", m.EventID, err)
			}
			continue
		}
		if err := exec(updateMember, m.Incident, m.Anchor, m.EventID); err != nil {
			return fmt.Errorf("write membership of %s: %w", m.EventID, err)
		}
	}
	// Every new report has a membership in ch; any left are written
	// unclustered, as before clustering.
	if err := t.st.flushMembers(ctx); err != nil {
		return err
	}
	// The rows that exist get their counts, and those whose canonical
	// event changed are parked; new rows wait until every parked row
	// has let go of its event.
	var recanon, fresh []int
	var freshReports [][]byte
	for k, inc := range ch.Updated {
		reports, err := json.Marshal(inc.Reports)
		if err != nil {
			return fmt.Errorf("encode incident %s: %w", inc.ID, err)
		}
		var res sql.Result
		if inc.Was != "" {
			res, err = t.st.exec(ctx, renameIncident, inc.ID, inc.NReports, inc.NSources, store.FirstReport(inc), reports, inc.Was)
		} else {
			res, err = t.st.exec(ctx, updateIncident, inc.NReports, inc.NSources, store.FirstReport(inc), reports, inc.ID)
		}
		if err != nil {
			return fmt.Errorf("write incident %s: %w", inc.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("write incident %s: %w", inc.ID, err)
		} else if n == 0 {
			fresh, freshReports = append(fresh, k), append(freshReports, reports)
			continue
		}
		if !inc.Recanonical || inc.Was != "" {
			continue
		}
		if err := exec(unmarkCanonical, inc.ID); err != nil {
			return fmt.Errorf("unmark incident %s: %w", inc.ID, err)
		}
		if err := exec(parkCanonical, inc.ID); err != nil {
			return fmt.Errorf("write incident %s: %w", inc.ID, err)
		}
		recanon = append(recanon, k)
	}
	for _, k := range recanon {
		inc := &ch.Updated[k]
		if err := exec(setCanonical, inc.Canonical.EventID, inc.ID); err != nil {
			return fmt.Errorf("write incident %s: %w", inc.ID, err)
		}
	}
	for j, k := range fresh {
		inc := &ch.Updated[k]
		if err := exec(insertIncident, inc.ID, inc.Canonical.EventID, inc.NReports, inc.NSources, store.FirstReport(*inc), freshReports[j]); err != nil {
			return fmt.Errorf("write incident %s: %w", inc.ID, err)
		}
	}
	for _, k := range append(recanon, fresh...) {
		inc := &ch.Updated[k]
		if err := exec(markCanonical, inc.Canonical.EventID); err != nil {
			return fmt.Errorf("mark incident %s: %w", inc.ID, err)
		}
	}
	return nil
}

// pendingMember is the member row of a stored event, waiting for its
// membership: the event's rowid and the report as JSON.
type pendingMember struct {
	event  int64
	report []byte
}

// deferMember files the member row of event rowid eid, whose report is
// rep, to be written by Apply with its membership: a row inserted before
// clustering and updated after it was written twice, its two indexes
// changed twice. A report id another stored or pending event already
// has (a record built elsewhere with an event id used twice) is
// renumbered (see store.RenumberReport), as fileMember does.
func (t *txStmts) deferMember(ctx context.Context, eid int64, rep *incident.Report) error {
	for try := 0; try < 2; try++ {
		if try == 1 {
			store.RenumberReport(rep, eid)
		}
		if _, ok := t.pending[rep.EventID]; ok {
			continue
		}
		var one int
		err := t.queryRow(ctx, memberTaken, []any{rep.EventID}, &one)
		if err == nil {
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("look up incident member %s: %w", rep.EventID, err)
		}
		js, err := json.Marshal(rep)
		if err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
		if t.pending == nil {
			t.pending = map[string]pendingMember{}
		}
		t.pending[rep.EventID] = pendingMember{eid, js}
		return nil
	}
	return fmt.Errorf("insert incident member %s: the id is taken", rep.EventID)
}

// flushMembers writes the pending member rows unclustered, in event
// order, as insertMember would have: for whatever reads or deletes
// members before Apply (a rebuild, a replaced document).
func (t *txStmts) flushMembers(ctx context.Context) error {
	if len(t.pending) == 0 {
		return nil
	}
	keys := make([]string, 0, len(t.pending))
	for k := range t.pending {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(t.pending[a].event, t.pending[b].event) })
	for _, k := range keys {
		p := t.pending[k]
		if _, err := t.exec(ctx, insertMember, p.event, k, p.report); err != nil {
			return fmt.Errorf("insert incident member %s: %w", k, err)
		}
		delete(t.pending, k)
	}
	return nil
}

// memberTop is the highest event rowid in incident_members, which grows
// with every write that clusters: the marker of store.Incidents.
func memberTop(ctx context.Context, st *txStmts) (int64, error) {
	var top int64
	if err := st.queryRow(ctx, memberTopSQL, nil, &top); err != nil {
		return 0, fmt.Errorf("incidents: %w", err)
	}
	return top, nil
}

// Members reads incident_members in storage order.
func (t incTx) Members(ctx context.Context) ([]incident.Member, error) {
	if err := t.st.flushMembers(ctx); err != nil {
		return nil, err
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT report, incident, anchor FROM incident_members ORDER BY event`)
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

// Since reads the members after event rowid mark (memberTop), which
// later writes filed; members were removed when the count is not have
// and those.
func (t incTx) Since(ctx context.Context, mark int64, have int) ([]incident.Report, bool, error) {
	if err := t.st.flushMembers(ctx); err != nil {
		return nil, false, err
	}
	var n int
	if err := t.st.queryRow(ctx, memberCount, nil, &n); err != nil {
		return nil, false, fmt.Errorf("count members: %w", err)
	}
	since, err := t.st.get(ctx, membersSince)
	if err != nil {
		return nil, false, fmt.Errorf("read new members: %w", err)
	}
	rows, err := since.QueryContext(ctx, mark)
	if err != nil {
		return nil, false, fmt.Errorf("read new members: %w", err)
	}
	defer rows.Close()
	out, err := store.ReadReports(rows)
	if err != nil {
		return nil, false, fmt.Errorf("read new members: %w", err)
	}
	return out, n != have+len(out), nil
}

// Reset forgets every incident.
func (t incTx) Reset(ctx context.Context) error {
	if err := t.st.flushMembers(ctx); err != nil {
		return err
	}
	_, err := t.tx.ExecContext(ctx, `UPDATE events SET canonical = 0 WHERE canonical = 1;
		DELETE FROM incidents; UPDATE incident_members SET incident = '', anchor = ''`)
	return err
}

// Unclustered writes a member row for every stored event without one
// (stored before migration 5) and returns their reports.
func (t incTx) Unclustered(ctx context.Context) ([]incident.Report, error) {
	if err := t.st.flushMembers(ctx); err != nil {
		return nil, err
	}
	tx := t.tx
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.json, d.doc_id, d.published, d.source_name, d.source_url, d.duplicate_of
		FROM events e JOIN documents d ON d.id = e.doc
		WHERE NOT EXISTS (SELECT 1 FROM incident_members m WHERE m.event = e.id) ORDER BY e.id`)
	if err != nil {
		return nil, fmt.Errorf("unclustered events: %w", err)
	}
	type row struct {
		id  int64
		rep incident.Report
	}
	var out []row
	for rows.Next() {
		var r row
		var js []byte
		var rec output.Record
		var ev output.Event
		if err := rows.Scan(&r.id, &js, &rec.DocID, &rec.Published, &rec.Source.Name, &rec.Source.URL, &rec.DuplicateOf); err != nil {
			rows.Close()
			return nil, fmt.Errorf("unclustered events: %w", err)
		}
		if err := json.Unmarshal(js, &ev); err != nil {
			rows.Close()
			return nil, fmt.Errorf("decode event %d: %w", r.id, err)
		}
		r.rep = incident.FromEvent(&rec, &ev)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("unclustered events: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	st, err := t.st.get(ctx, insertMember)
	if err != nil {
		return nil, err
	}
	reps := make([]incident.Report, 0, len(out))
	for _, r := range out {
		if err := fileMember(ctx, st, r.id, &r.rep); err != nil {
			return nil, err
		}
		reps = append(reps, r.rep)
	}
	return reps, nil
}

// fileMember writes the member row of event rowid eid, whose report is
// rep. A report id another stored event already has (a record built
// elsewhere with an event id used twice) is renumbered (see
// store.RenumberReport), so that the write never fails on it: rep's id
// is updated to the one written.
func fileMember(ctx context.Context, st *sql.Stmt, eid int64, rep *incident.Report) error {
	for try := 0; try < 2; try++ {
		if try == 1 {
			store.RenumberReport(rep, eid)
		}
		js, err := json.Marshal(rep)
		if err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
		res, err := st.ExecContext(ctx, eid, rep.EventID, js)
		if err != nil {
			return fmt.Errorf("insert incident member %s: %w", rep.EventID, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
	}
	return fmt.Errorf("insert incident member %s: the id is taken", rep.EventID)
}

// syncIncidents brings db.inc in step with the rows of st's
// transaction; the caller holds db.mu.
func (db *DB) syncIncidents(ctx context.Context, st *txStmts) error {
	top, err := memberTop(ctx, st)
	if err != nil {
		return err
	}
	return db.inc.Sync(ctx, incTx{st.tx, st}, top)
}

// openIncidents clusters what an opened database holds, in a write of its
// own, so that a database written before migration 5 counts incidents
// from its first read.
func (db *DB) openIncidents(ctx context.Context) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.wr.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("incidents: begin: %w", err)
	}
	defer tx.Rollback()
	st := newTxStmts(tx, nil)
	if err := db.syncIncidents(ctx, st); err != nil {
		db.inc.Drop()
		return err
	}
	top, err := memberTop(ctx, st)
	if err != nil {
		db.inc.Drop()
		return err
	}
	if err := tx.Commit(); err != nil {
		db.inc.Drop()
		return fmt.Errorf("incidents: commit: %w", err)
	}
	db.inc.Committed(top)
	return nil
}

// AlsoReportedBy lists the other reports' documents; see store.Store.
func (db *DB) AlsoReportedBy(ctx context.Context, id string) ([]store.DocRef, error) {
	rows, err := db.rd.QueryContext(ctx, store.AlsoReportedBySQL("?"), id)
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
// with rowid doc.
func (db *DB) docIncidents(ctx context.Context, doc int64, rec *output.Record) error {
	rows, err := db.rd.QueryContext(ctx, `SELECT e.seq, m.incident FROM events e
		JOIN incident_members m ON m.event = e.id WHERE e.doc = ?`, doc)
	if err != nil {
		return fmt.Errorf("incidents of document: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int
		var inc string
		if err := rows.Scan(&seq, &inc); err != nil {
			return fmt.Errorf("incidents of document: %w", err)
		}
		if seq >= 0 && seq < len(rec.Events) {
			rec.Events[seq].IncidentID = inc
		}
	}
	return rows.Err()
}
