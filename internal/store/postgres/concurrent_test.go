package postgres_test

import (
	"context"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// TestDB_ConcurrentWriters has four stores (four pools, as four worker
// processes would have) write the same documents at once, each in its own
// order and batching, as redelivered work does: every write succeeds
// (a deadlock between two writers waiting on each other's new keys is
// retried), each document is reported inserted by exactly one writer,
// and the database holds each once. Their events form the incidents one
// store given every document at once forms: the writers' clustering
// takes turns and each restores what the others wrote.
func TestDB_ConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	dsn, _ := pgtest.Schema(t)
	gen := storetest.NewGenerator(7, 3)
	docs := make([]store.Document, 120)
	for i := range docs {
		if i%4 == 3 {
			// A syndicated copy of the document before, so that some
			// incidents have several reports.
			c := docs[i-1]
			orig := c.Record.DocID
			c.Record.DocID, c.Text, c.Hash = orig+"-copy", c.Text+" (syndicated)", ""
			c.Record.DuplicateOf = &orig
			docs[i] = c
			continue
		}
		docs[i] = gen.Next()
	}
	const writers = 4
	dbs := openShared(t, dsn, writers)
	var mu sync.Mutex
	inserted := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w, db := range dbs {
		order := rand.New(rand.NewPCG(uint64(w), 1)).Perm(len(docs))
		batch := 5 + 7*w
		wg.Go(func() {
			for start := 0; start < len(order); start += batch {
				var b []store.Document
				for _, i := range order[start:min(start+batch, len(order))] {
					b = append(b, docs[i])
				}
				ins, err := db.PutDocuments(ctx, b)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				for i, ok := range ins {
					if ok {
						inserted[b[i].Record.DocID]++
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("writer: %v", err)
	}
	for _, d := range docs {
		if n := inserted[d.Record.DocID]; n != 1 {
			t.Errorf("%s reported inserted %d times, want once", d.Record.DocID, n)
		}
	}
	st, err := dbs[0].Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != len(docs) || st.Events != 3*len(docs) {
		t.Errorf("stats %+v, want %d documents and %d events", st, len(docs), 3*len(docs))
	}
	one := open(t)
	if _, err := one.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	want, err := one.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want.Incidents >= want.Events || st.Incidents != want.Incidents {
		t.Errorf("%d incidents of %d events, want %d, fewer than the events", st.Incidents, st.Events, want.Incidents)
	}
	if got, want := incidentMap(t, dbs[3]), incidentMap(t, one); !reflect.DeepEqual(got, want) {
		t.Errorf("the writers' incidents differ from one store's")
	}
}

// incidentMap maps each stored event (doc_id/event id) to its incident.
func incidentMap(t *testing.T, s store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	cursor := ""
	for {
		rows, next, err := s.Events(context.Background(), store.EventFilter{}, cursor, store.MaxLimit)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out[r.DocID+"/"+r.ID] = r.IncidentID
		}
		if cursor = next; cursor == "" {
			return out
		}
	}
}

// TestDB_WritersCatchUp has two stores on one database write in turn:
// each catches up with the reports the other filed, and one whose peer
// replaced a document (removing reports, which catching up cannot)
// restores from the rows. Either ends with the incidents of one store
// that got the same documents.
func TestDB_WritersCatchUp(t *testing.T) {
	ctx := context.Background()
	dsn, _ := pgtest.Schema(t)
	dbs := openShared(t, dsn, 2)
	syn := storetest.Syndicated()
	upd := syn[1]
	upd.Text = "PORT SUDAN - The army said talks would resume next week."
	upd.Record.Events = nil
	// Another copy of s1, which joins the incident that s2's update
	// leaves: a store that missed the update would count s2 in it.
	s4 := syn[0]
	s4.Record.DocID, s4.Text, s4.Signature = "s4", "EL FASHER - "+s4.Text, nil
	s4.Record.DuplicateOf = new("s1")
	gen := storetest.NewGenerator(11, 2)
	steps := [][]store.Document{syn[:1], syn[1:2], {gen.Next(), gen.Next()}, {upd}, {s4}, syn[2:], {gen.Next()}}
	for i, docs := range steps {
		if _, err := dbs[i%2].PutDocuments(ctx, docs); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	one := open(t)
	gen = storetest.NewGenerator(11, 2)
	if _, err := one.PutDocuments(ctx, []store.Document{syn[0], upd, gen.Next(), gen.Next(), s4, syn[2], gen.Next()}); err != nil {
		t.Fatal(err)
	}
	want, wantRows := incidentMap(t, one), incidentRows(t, one)
	if len(wantRows[want["s1/e1"]]) != 2 {
		t.Fatalf("s1/e1's incident %v: want s1 and s4", wantRows[want["s1/e1"]])
	}
	for i, db := range dbs {
		if got := incidentMap(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("store %d:\n got %v\nwant %v", i, got, want)
		}
		if got := incidentRows(t, db); !reflect.DeepEqual(got, wantRows) {
			t.Errorf("store %d's incidents:\n got %v\nwant %v", i, got, wantRows)
		}
	}
	// A write through each after the other's: both still agree.
	for i, db := range dbs {
		if _, err := db.PutDocuments(ctx, []store.Document{syn[1]}); err != nil {
			t.Fatalf("store %d: %v", i, err)
		}
	}
	if _, err := one.PutDocuments(ctx, []store.Document{syn[1]}); err != nil {
		t.Fatal(err)
	}
	if got, want := incidentMap(t, dbs[0]), incidentMap(t, one); !reflect.DeepEqual(got, want) {
		t.Errorf("after s2 came back:\n got %v\nwant %v", got, want)
	}
}

// incidentRows maps each incident to its reports.
func incidentRows(t *testing.T, s store.Store) map[string][]string {
	t.Helper()
	rows, _, err := s.Events(context.Background(), store.EventFilter{Incidents: true}, "", store.MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		out[r.IncidentID] = r.Reports
	}
	return out
}

// openShared opens n stores on the database dsn names, as n worker
// processes would.
func openShared(t testing.TB, dsn string, n int) []*postgres.DB {
	t.Helper()
	dbs := make([]*postgres.DB, n)
	for i := range dbs {
		db, err := postgres.Open(context.Background(), dsn, postgres.Options{MaxConns: 2})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	return dbs
}
