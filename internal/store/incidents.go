package store

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
)

// IncidentTx is a backend's incident rows as one write transaction sees
// them, for Incidents: the members (one per stored event: its report,
// incident and anchor, see incident.Member), the incidents and the
// canonical marks. Every method works inside the caller's transaction.
type IncidentTx interface {
	// Members returns every member in storage order; a member whose
	// Incident is "" has not been clustered yet.
	Members(ctx context.Context) ([]incident.Member, error)
	// Unclustered files a member for each stored event that has none
	// (stored before the backend had incidents) and returns their
	// reports, in storage order.
	Unclustered(ctx context.Context) ([]incident.Report, error)
	// Reset forgets every incident: no incident rows, no canonical
	// event, every member unassigned.
	Reset(ctx context.Context) error
	// Apply writes what a Clusterer changed.
	Apply(ctx context.Context, ch incident.Changes) error
	// Since returns the reports of the members that the writes after
	// the one that left marker mark filed, in storage order, and whether
	// any of those writes removed members; have is the number of
	// members the rows held at mark.
	Since(ctx context.Context, mark int64, have int) (reps []incident.Report, removed bool, err error)
}

// Incidents keeps a backend's incident.Clusterer between writes, in step
// with the rows: the clustering that both stores do in PutDocuments'
// transaction, so that an event is never in two incidents and a re-run
// converges whatever the backend. The backend calls Sync at the start of
// each write, Add or Rebuild before committing, and Committed or Drop
// after. It gives Sync and Committed the marker of its rows (a value
// that every clustering write changes, from any process), so that a
// Clusterer that another writer made stale is restored from the rows.
//
// An Incidents is not safe for concurrent use: the backend's write lock
// guards it.
type Incidents struct {
	log *slog.Logger
	clu *incident.Clusterer
	// mark is the rows' marker when clu was last in step with them.
	mark int64
}

// NewIncidents returns an Incidents that restores its Clusterer at the
// first Sync; log receives notes on rebuilding (nil: slog.Default()).
func NewIncidents(log *slog.Logger) *Incidents {
	if log == nil {
		log = slog.Default()
	}
	return &Incidents{log: log}
}

// Sync makes the Clusterer hold what tx's rows hold, whose marker at the
// start of the write is mark. When another writer moved the rows, it
// adds the reports that writer filed (clustering does not depend on
// arrival, so the Clusterer ends where that writer's did, and the
// changes, which it wrote, are dropped), unless the writer removed any:
// then, or with no Clusterer, it restores
// the Clusterer from the members, clustering every report again when the
// rows do not restore (a hand-edited database), and clusters the events
// stored without a member. Catching up costs the other writers' new
// reports; restoring costs every stored one, which several workers
// writing in turn would pay at every write.
func (in *Incidents) Sync(ctx context.Context, tx IncidentTx, mark int64) error {
	if in.clu != nil && mark == in.mark {
		return nil
	}
	if in.clu != nil {
		reps, removed, err := tx.Since(ctx, in.mark, in.clu.Reports())
		if err != nil {
			return fmt.Errorf("incidents: %w", err)
		}
		if !removed {
			for _, r := range reps {
				if _, err := incident.AddOrSingle(in.clu, r); err != nil {
					return fmt.Errorf("incidents: %w", err)
				}
			}
			in.clu.TakeChanges()
			return nil
		}
	}
	in.clu = nil
	all, err := tx.Members(ctx)
	if err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	var members []incident.Member
	var loose []incident.Report // reports with no incident yet
	for _, m := range all {
		if m.Incident == "" {
			loose = append(loose, m.Report)
		} else {
			members = append(members, m)
		}
	}
	c, err := incident.Restore(incident.Options{}, members)
	if err != nil {
		// Not a state a Clusterer wrote: start over from the reports,
		// which the rows hold, and rewrite every incident.
		in.log.Warn("incidents do not restore; clustering every stored event again", "err", err)
		if c, err = incident.New(incident.Options{}); err != nil {
			return err
		}
		loose = loose[:0]
		for _, m := range all {
			loose = append(loose, m.Report)
		}
		if err := tx.Reset(ctx); err != nil {
			return fmt.Errorf("incidents: reset: %w", err)
		}
	}
	fresh, err := tx.Unclustered(ctx)
	if err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	if len(fresh) > 0 {
		in.log.Info("incidents: clustered events stored before incidents", "events", len(fresh))
	}
	if err := addAll(ctx, tx, c, append(loose, fresh...)); err != nil {
		return err
	}
	in.clu = c
	return nil
}

// Add clusters the reports of the events the write stored (their
// members already filed) and writes the changes.
func (in *Incidents) Add(ctx context.Context, tx IncidentTx, reps []incident.Report) error {
	if in.clu == nil {
		return fmt.Errorf("incidents: add before sync")
	}
	return addAll(ctx, tx, in.clu, reps)
}

// Rebuild clusters every member again from nothing and rewrites the
// incidents, for a write that removed events (a replaced document's):
// a Clusterer cannot forget a report, and an incident must not keep one
// whose event is gone. It costs a pass over every stored report, which
// replacing an article is rare enough to afford.
func (in *Incidents) Rebuild(ctx context.Context, tx IncidentTx) error {
	in.clu = nil
	all, err := tx.Members(ctx)
	if err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	if err := tx.Reset(ctx); err != nil {
		return fmt.Errorf("incidents: reset: %w", err)
	}
	c, err := incident.New(incident.Options{})
	if err != nil {
		return err
	}
	reps := make([]incident.Report, len(all))
	for i, m := range all {
		reps[i] = m.Report
	}
	if err := addAll(ctx, tx, c, reps); err != nil {
		return err
	}
	in.clu = c
	return nil
}

// Committed records that the write committed, leaving the rows with
// marker mark: the Clusterer is in step with them.
func (in *Incidents) Committed(mark int64) { in.mark = mark }

// Drop forgets the Clusterer after a write that did not commit, whose
// reports it may hold: the next Sync restores it from the rows.
func (in *Incidents) Drop() { in.clu = nil }

// addAll adds reps to c (see incident.AddOrSingle) and writes the
// changes in tx.
func addAll(ctx context.Context, tx IncidentTx, c *incident.Clusterer, reps []incident.Report) error {
	for _, r := range reps {
		if _, err := incident.AddOrSingle(c, r); err != nil {
			return fmt.Errorf("incidents: %w", err)
		}
	}
	if err := tx.Apply(ctx, c.TakeChanges()); err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	return nil
}

// FirstReport is the time of inc's earliest report as both stores keep
// it: RFC 3339 in UTC, "" when no report has a publication date.
func FirstReport(inc incident.Incident) string {
	if inc.FirstReport.IsZero() {
		return ""
	}
	return inc.FirstReport.UTC().Format(time.RFC3339)
}

// RenumberReport gives rep, whose report id another stored event already
// has (a record built elsewhere with an event id used twice), the id
// both stores give it instead: the id, "#" and the event's row id.
func RenumberReport(rep *incident.Report, eventRow int64) {
	rep.EventID += "#" + strconv.FormatInt(eventRow, 10)
}

// ReadMembers reads (report JSON, incident, anchor) rows into members.
func ReadMembers(rows Rows) ([]incident.Member, error) {
	var out []incident.Member
	for rows.Next() {
		var js, inc, anchor []byte
		var m incident.Member
		if err := rows.Scan(&js, &inc, &anchor); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(js, &m.Report); err != nil {
			return nil, fmt.Errorf("decode member: %w", err)
		}
		m.Incident, m.Anchor = string(inc), string(anchor)
		out = append(out, m)
	}
	return out, rows.Err()
}

// ReadReports reads rows of one report JSON column.
func ReadReports(rows Rows) ([]incident.Report, error) {
	var out []incident.Report
	for rows.Next() {
		var js []byte
		var r incident.Report
		if err := rows.Scan(&js); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(js, &r); err != nil {
			return nil, fmt.Errorf("decode member: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
