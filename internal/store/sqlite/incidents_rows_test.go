package sqlite

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/incident/incidenttest"
	"github.com/dateline-project/dateline/internal/store"
)

// TestIncidentRowsFollowTheClusterer writes the reports of a dense
// synthetic world one document at a time in random order, as an archive
// read in no order is, with the store reopened now and then, and checks
// that every member row ends with the incident and anchor a Clusterer
// given all the reports at once assigns: renames in place, anchors that
// change alone and memberships that end where they were (left out of
// the Changes) must all leave the rows right.
func TestIncidentRowsFollowTheClusterer(t *testing.T) {
	ctx := context.Background()
	w := incidenttest.World{Seed: 7}
	const incidents, perIncident = 150, 5
	var reps []incident.Report
	for i := range incidents {
		for r := range perIncident {
			reps = append(reps, w.Report(i, r))
		}
	}
	rng := rand.New(rand.NewPCG(7, 18))
	rng.Shuffle(len(reps), func(i, j int) { reps[i], reps[j] = reps[j], reps[i] })

	path := filepath.Join(t.TempDir(), "rows.db")
	open := func() *DB {
		db, err := Open(ctx, path, Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		return db
	}
	db := open()
	for k, r := range reps {
		if k%200 == 199 {
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			db = open()
		}
		if _, err := db.PutDocuments(ctx, []store.Document{worldDocument([]incident.Report{r})}); err != nil {
			t.Fatal(err)
		}
	}
	defer db.Close()

	c, err := incident.New(incident.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		if _, err := incident.AddOrSingle(c, r); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][2]string{}
	anchored := 0
	for _, m := range c.Snapshot() {
		want[m.EventID] = [2]string{m.Incident, m.Anchor}
		if m.Anchor != "" {
			anchored++
		}
	}
	if anchored == 0 || c.Len() >= len(reps) {
		t.Fatalf("%d reports in %d incidents, %d satellites anchored: the world should give both", len(reps), c.Len(), anchored)
	}
	rows, err := db.rd.QueryContext(ctx, `SELECT key, incident, anchor FROM incident_members`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var key, inc, anchor string
		if err := rows.Scan(&key, &inc, &anchor); err != nil {
			t.Fatal(err)
		}
		n++
		if got := [2]string{inc, anchor}; got != want[key] {
			t.Errorf("%s: incident %s anchor %q, want %s anchor %q", key, inc, anchor, want[key][0], want[key][1])
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(reps) {
		t.Errorf("%d member rows, want %d", n, len(reps))
	}
	if err := CheckCanonicals(ctx, db); err != nil {
		t.Error(err)
	}
}
