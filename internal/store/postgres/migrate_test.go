package postgres_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/postgres"
	"github.com/dateline-project/dateline/internal/store/postgres/pgtest"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// TestMigrate_FromVersion1 writes a database, takes it back to version 1
// (before incidents and the analyst's columns) and opens it again: the
// migrations must fill the columns and the open must cluster the stored
// events, so that every answer equals the one the database gave as
// written.
func TestMigrate_FromVersion1(t *testing.T) {
	ctx := context.Background()
	dsn, _ := pgtest.Schema(t)
	db, err := postgres.Open(ctx, dsn, postgres.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	gen := storetest.NewGenerator(5, 3)
	docs := append(storetest.Fixture(), storetest.Syndicated()...)
	for range 40 {
		docs = append(docs, gen.Next())
	}
	// Some records carry a provenance, one with characters that JSON
	// escapes, which the migration must copy byte for byte.
	docs[0].Record.Provenance = &output.Provenance{Coder: "dateline test", Resources: "<sha256>", Options: "dedup=1&x=\"y\""}
	docs[5].Record.Provenance = &output.Provenance{Coder: "dateline test", Resources: "abc"}
	if _, err := db.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	// What the analyst's filters and the incidents answer, as written.
	type answers struct {
		Stats                                store.Stats
		Principal, Asserted, Main, Confident int
		Precise                              int
		Incidents                            map[string]string
		Provenance                           map[string]string
	}
	read := func(s store.Store) answers {
		t.Helper()
		var a answers
		var err error
		if a.Stats, err = s.Stats(ctx); err != nil {
			t.Fatal(err)
		}
		yes := true
		for _, c := range []struct {
			dst *int
			f   store.EventFilter
		}{
			{&a.Principal, store.EventFilter{Principal: &yes}},
			{&a.Asserted, store.EventFilter{Asserted: &yes}},
			{&a.Main, store.EventFilter{MainEvent: &yes}},
			{&a.Confident, store.EventFilter{MinConfidence: 0.5}},
			{&a.Precise, store.EventFilter{DatePrecision: []string{"day"}}},
		} {
			if *c.dst, err = s.CountEvents(ctx, c.f); err != nil {
				t.Fatal(err)
			}
		}
		a.Provenance = map[string]string{}
		for _, d := range docs {
			st, err := s.Stored(ctx, d.Record.DocID)
			if err != nil {
				t.Fatal(err)
			}
			a.Provenance[st.DocID] = store.ProvenanceKey(st.Provenance)
		}
		a.Incidents = incidentMap(t, s)
		return a
	}
	want := read(db)
	if want.Stats.Incidents == 0 || want.Main == 0 || want.Principal == 0 || want.Provenance["d1"] == "" {
		t.Fatalf("the corpus exercises nothing: %+v", want)
	}
	if err := postgres.Downgrade(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = postgres.Open(ctx, dsn, postgres.Options{MaxConns: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := read(db); !reflect.DeepEqual(got, want) {
		t.Errorf("migrated from version 1:\n got %+v\nwant %+v", got, want)
	}
	// And it goes on clustering what comes next.
	if _, err := db.PutDocuments(ctx, []store.Document{gen.Next()}); err != nil {
		t.Fatal(err)
	}
}
