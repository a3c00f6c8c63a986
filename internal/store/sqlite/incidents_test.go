package sqlite_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// incidentMap maps every stored event to its incident.
func incidentMap(t *testing.T, db *sqlite.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	cursor := ""
	for {
		rows, next, err := db.Events(context.Background(), store.EventFilter{}, cursor, store.MaxLimit)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out[r.DocID+"/"+r.ID] = r.IncidentID
		}
		if next == "" {
			return out
		}
		cursor = next
	}
}

// openPath opens the store at path without fsync; the test closes it.
func openPath(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkIncidents fails t unless db holds the incidents want and its
// aggregates agree with its rows.
func checkIncidents(t *testing.T, db *sqlite.DB, want map[string]string) {
	t.Helper()
	if got := incidentMap(t, db); !reflect.DeepEqual(got, want) {
		t.Errorf("incidents differ from one run's")
	}
	checkAggregates(t, db)
	if err := sqlite.CheckCanonicals(context.Background(), db); err != nil {
		t.Error(err)
	}
}

// checkCanonicals fails t unless db's incidents have the canonical
// reports of want's.
func checkCanonicals(t *testing.T, db, want *sqlite.DB) {
	t.Helper()
	got, err := sqlite.Canonicals(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	w, err := sqlite.Canonicals(context.Background(), want)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("canonical reports differ from one run's")
	}
}

// TestIncidents_Reopen checks that the incidents survive a restart: a
// store reopened between writes (Restore from incident_members), and one
// written before migration 5 (clustered when opened), end with the
// incidents of one store written in one go.
func TestIncidents_Reopen(t *testing.T) {
	ctx := context.Background()
	docs := retold(aggCorpus())
	once := openNoSync(t)
	put(t, once, docs)
	want := incidentMap(t, once)
	checkAggregates(t, once)
	if n := len(distinct(want)); n >= len(want) || n == 0 {
		t.Fatalf("%d events in %d incidents: the corpus should give incidents of several reports", len(want), n)
	}
	t.Logf("%d events in %d incidents", len(want), len(distinct(want)))

	t.Run("restart between writes", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "d.db")
		// Five restarts, whatever the corpus's size (see aggCorpus).
		step := len(docs)/5 + 1
		for i := 0; i < len(docs); i += step {
			db := openPath(t, path)
			put(t, db, docs[i:min(i+step, len(docs))])
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
		}
		db := openPath(t, path)
		checkIncidents(t, db, want)
		checkCanonicals(t, db, once)
	})

	t.Run("written before incidents", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "d.db")
		// Written today, then taken back to before the incidents (5).
		old, err := sqlite.Open(ctx, path, sqlite.Options{NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		put(t, old, docs[:len(docs)/2])
		if err := sqlite.Downgrade(ctx, old, 4); err != nil {
			t.Fatal(err)
		}
		if err := old.Close(); err != nil {
			t.Fatal(err)
		}
		db := openPath(t, path)
		put(t, db, docs[len(docs)/2:])
		checkIncidents(t, db, want)
	})

	t.Run("rows that do not restore are rebuilt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "d.db")
		db := openPath(t, path)
		put(t, db, docs)
		// A hand edit that no Clusterer could have written.
		if err := sqlite.Exec(ctx, db, `UPDATE incident_members SET incident = 'inc-bogus' WHERE key = 's1/e1'`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		checkIncidents(t, openPath(t, path), want)
	})

	t.Run("another writer's documents", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "d.db")
		a, b := openPath(t, path), openPath(t, path)
		// Two handles, as two processes would have, writing in turn.
		// About nine turns, whatever the corpus's size.
		step := len(docs)/9 + 1
		for i := 0; i < len(docs); i += step {
			db := a
			if i/step%2 == 1 {
				db = b
			}
			put(t, db, docs[i:min(i+step, len(docs))])
		}
		if got := incidentMap(t, a); !reflect.DeepEqual(got, want) {
			t.Errorf("incidents differ from one run's")
		}
	})
}

func distinct(m map[string]string) map[string]bool {
	out := map[string]bool{}
	for _, v := range m {
		out[v] = true
	}
	return out
}

// retold adds to docs another outlet's report of every third document with
// events, later in the list, its events the same but more confident, so
// that incidents gain reports and change their canonical event (and so
// their id) as documents arrive.
func retold(docs []store.Document) []store.Document {
	out := append([]store.Document(nil), docs...)
	out = append(out, storetest.Syndicated()...)
	for i, d := range docs {
		if i%3 != 0 || len(d.Record.Events) == 0 {
			continue
		}
		rec := d.Record
		rec.DocID = "retold-" + rec.DocID
		rec.Source.Name = "Other Outlet"
		rec.Events = append([]output.Event(nil), rec.Events...)
		for j := range rec.Events {
			rec.Events[j].Confidence = 0.95
		}
		out = append(out, store.Document{Record: rec, Text: "Retold: " + d.Text})
	}
	return out
}
