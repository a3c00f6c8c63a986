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
	"github.com/dateline-project/dateline/internal/testref"
)

// aggFilters are filters the aggregate tables answer (empty, day, type,
// quad, place and GeoNames id) and a few they do not, which must run the
// full query on both sides.
var aggFilters = []struct {
	name string
	f    store.EventFilter
}{
	{"none", store.EventFilter{}},
	{"empty lists", store.EventFilter{Type: []string{}, Actor: store.ActorFilter{Countries: []string{}}}},
	{"quad", store.EventFilter{Quad: []string{"material conflict"}}},
	{"quads", store.EventFilter{Quad: []string{"verbal conflict", "verbal cooperation"}}},
	{"type", store.EventFilter{Type: []string{"ASSAULT", "AID"}}},
	{"from", store.EventFilter{From: "2024-03-04"}},
	{"to", store.EventFilter{To: "2020-01-10"}},
	{"from to type", store.EventFilter{From: "2020-01-03", To: "2020-01-12", Type: []string{"PROTEST"}}},
	{"place", store.EventFilter{Place: "paris"}},
	{"geonameid", store.EventFilter{GeonameID: storetest.ParisTexas}},
	{"place and geonameid", store.EventFilter{Place: "Paris", GeonameID: storetest.ParisFrance}},
	{"actor country", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}}},
	{"claimed", store.EventFilter{Claimed: new(bool)}},
	{"q", store.EventFilter{Q: "ceasefire"}},
	// The analyst's filters (issue #16): no aggregate is keyed on them,
	// so they must take the full queries, alone and beside filters that
	// an aggregate would answer. Sort filters nothing and must not keep
	// a query from its aggregate.
	{"principal", store.EventFilter{Principal: new(bool)}},
	{"negated", store.EventFilter{Negated: new(bool)}},
	{"asserted", store.EventFilter{Asserted: new(bool)}},
	{"min confidence", store.EventFilter{MinConfidence: 0.8}},
	{"date precision", store.EventFilter{DatePrecision: []string{"day"}}},
	{"main event", store.EventFilter{MainEvent: new(bool)}},
	{"main event and type", store.EventFilter{MainEvent: new(bool), Type: []string{"ASSAULT"}}},
	{"asserted and day", store.EventFilter{Asserted: new(bool), From: "2024-03-04"}},
	{"sorted", store.EventFilter{Sort: store.SortConfidenceDesc, Quad: []string{"material conflict"}}},
}

// checkAggregates fails t unless every aggregate table equals a recount
// from the rows and every aggregate query answers the same with the
// tables as without them.
func checkAggregates(t *testing.T, db *sqlite.DB) {
	t.Helper()
	ctx := context.Background()
	if err := sqlite.CheckAggregates(ctx, db); err != nil {
		t.Fatal(err)
	}
	type answer struct {
		ByType, ByQuad     []store.TimelinePoint
		Edges, Top2, Top50 []store.Edge
		Places, Top3       []store.PlaceCount
		Count              int
	}
	ask := func(f store.EventFilter, noAgg bool) answer {
		t.Helper()
		sqlite.SetNoAgg(db, noAgg)
		defer sqlite.SetNoAgg(db, false)
		var a answer
		var errs []error
		keep := func(err error) {
			if err != nil {
				errs = append(errs, err)
			}
		}
		var err error
		a.ByType, err = db.Timeline(ctx, f, "type")
		keep(err)
		a.ByQuad, err = db.Timeline(ctx, f, "quad")
		keep(err)
		a.Edges, err = db.Network(ctx, f, store.MaxEdges)
		keep(err)
		a.Top2, err = db.Network(ctx, f, 2)
		keep(err)
		a.Top50, err = db.Network(ctx, f, 50)
		keep(err)
		a.Places, err = db.Places(ctx, f, store.MaxPlaces)
		keep(err)
		a.Top3, err = db.Places(ctx, f, 3)
		keep(err)
		a.Count, err = db.CountEvents(ctx, f)
		keep(err)
		if len(errs) > 0 {
			t.Fatalf("noAgg %v: %v", noAgg, errs)
		}
		return a
	}
	for _, c := range aggFilters {
		for _, inc := range []bool{false, true} {
			f := c.f
			f.Incidents = inc
			agg, full := ask(f, false), ask(f, true)
			if !reflect.DeepEqual(agg, full) {
				t.Errorf("%s (incidents %v): aggregates answer\n%+v\nfull queries\n%+v", c.name, inc, agg, full)
			}
		}
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := db.Events(ctx, store.EventFilter{}, "", store.MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < store.MaxLimit && st.Events != len(rows) {
		t.Errorf("stats say %d events, the store lists %d", st.Events, len(rows))
	}
}

// oddDocuments exercise what the aggregates must group as the full
// queries do: a place written in two cases, several actors and
// recipients with a repeated one, an event without recipient or place,
// and intensities that binary floating point does not hold exactly.
func oddDocuments() []store.Document {
	day := "2020-01-05"
	blk := func(country, name string) output.ActorBlock {
		return output.ActorBlock{RawText: name, EntityName: name, CountryCode: country, SectorCode: "GOV", OtherSectorCodes: []string{}}
	}
	ev := func(id, typ, quad string, intensity float64, a, r []output.ActorBlock, loc *output.Location) output.Event {
		return output.Event{ID: id, Date: &day, Event: typ, Quad: quad, Intensity: intensity, Actor: a, Recipient: r, Location: loc,
			Context: []string{}, Aux: []string{}}
	}
	rec := func(id string, evs ...output.Event) store.Document {
		return store.Document{Record: output.Record{DocID: id, Published: &day, Events: evs, Title: id}, Text: "odd document " + id}
	}
	fr, de, fr2 := blk("FRA", "France"), blk("DEU", "Germany"), blk("FRA", "France")
	return []store.Document{
		rec("odd1",
			ev("e1", "CONSULT", "verbal cooperation", 1.9, []output.ActorBlock{fr, de, fr2}, []output.ActorBlock{blk("POL", "Poland"), de},
				&output.Location{Name: "PARIS", CountryCode: "FRA", Lat: 48.85, Lon: 2.35, GeonameID: storetest.ParisFrance}),
			ev("e2", "ACCUSE", "verbal conflict", -4.4, []output.ActorBlock{de}, nil, nil),
			ev("e3", "AID", "material cooperation", 2.8, []output.ActorBlock{fr}, []output.ActorBlock{de},
				&output.Location{Name: "Lille", CountryCode: "FRA"})),
		rec("odd2",
			ev("e1", "CONSULT", "verbal cooperation", -7.2, []output.ActorBlock{fr}, []output.ActorBlock{de},
				&output.Location{Name: "paris", CountryCode: "FRA", Lat: 48.85, Lon: 2.35, GeonameID: storetest.ParisFrance})),
	}
}

// openNoSync opens an empty store without fsync: these tests write a
// database per case and need no durability.
func openNoSync(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dateline.db"), sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func put(t *testing.T, db *sqlite.DB, docs []store.Document) {
	t.Helper()
	if _, err := db.PutDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

// aggCorpus is the fixture, namesakes, odd documents and a few hundred
// generated ones over three weeks, so that groups have many members.
func aggCorpus() []store.Document {
	docs := append(storetest.Fixture(), storetest.Namesakes()...)
	docs = append(docs, oddDocuments()...)
	gen := storetest.NewGenerator(7, 3)
	gen.Days = 21
	// The fixture, the namesakes and the odd documents hold every kind
	// of row the aggregates must count; the generated ones add volume
	// over three weeks of bins, which a fifth of them still gives when
	// the race detector makes every write slow.
	n := 300
	if testref.Race {
		n = 60
	}
	for range n {
		docs = append(docs, gen.Next())
	}
	return docs
}

func TestAggregates_Inserts(t *testing.T) {
	db := openNoSync(t)
	checkAggregates(t, db)
	docs := aggCorpus()
	// In several transactions, one of them repeating stored documents.
	half := len(docs) / 2
	put(t, db, docs[:half])
	checkAggregates(t, db)
	put(t, db, docs[half/2:])
	checkAggregates(t, db)
}

// TestAggregates_DeletesAndUpdates changes rows as a later write path
// might (the store has no delete yet): the triggers must follow.
func TestAggregates_DeletesAndUpdates(t *testing.T) {
	ctx := context.Background()
	deleteDoc := func(id string) []string {
		doc := `(SELECT id FROM documents WHERE doc_id = '` + id + `')`
		return []string{
			`DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE doc = ` + doc + `)`,
			`DELETE FROM incident_members WHERE event IN (SELECT id FROM events WHERE doc = ` + doc + `)`,
			`DELETE FROM events WHERE doc = ` + doc,
			`DELETE FROM quotes WHERE doc = ` + doc,
			`DELETE FROM places WHERE doc = ` + doc,
			`DELETE FROM doc_minhash WHERE doc = ` + doc,
			`DELETE FROM documents WHERE id = ` + doc,
		}
	}
	event := func(doc, seq string) string {
		return `(SELECT e.id FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_id = '` + doc + `' AND e.seq = ` + seq + `)`
	}
	for _, c := range []struct {
		name  string
		stmts []string
	}{
		{"delete a document", deleteDoc("odd1")},
		{"delete generated documents", append(deleteDoc("gen-00000010"), deleteDoc("gen-00000011")...)},
		{"delete a recipient", []string{`DELETE FROM event_actors WHERE event = ` + event("d3", "0") + ` AND role = 1`}},
		{"delete one of two actors", []string{`DELETE FROM event_actors WHERE event = ` + event("odd1", "0") + ` AND role = 0 AND idx = 1`}},
		{"move an event", []string{`UPDATE events SET day = '2020-01-02', quad = 'material conflict', type = 'ASSAULT', intensity = 2.8,
			place = 'NAIROBI', lat = NULL, lon = NULL WHERE id = ` + event("d1", "1")}},
		{"change a place's GeoNames id", []string{`UPDATE events SET geonameid = 1 WHERE place = 'Kyiv'`}},
		{"rename an actor", []string{`UPDATE event_actors SET name = 'Armenian government' WHERE name = 'Armenia'`}},
		{"make an actor a recipient", []string{`UPDATE event_actors SET role = 1, idx = 9 WHERE event = ` + event("odd1", "0") + ` AND role = 0 AND idx = 2`}},
		{"move an actor to another event", []string{`UPDATE event_actors SET event = ` + event("d2", "1") + `, idx = 5 WHERE event = ` + event("d2", "0") + ` AND role = 0`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := openNoSync(t)
			put(t, db, aggCorpus())
			if err := sqlite.Exec(ctx, db, c.stmts...); err != nil {
				t.Fatal(err)
			}
			checkAggregates(t, db)
		})
	}
	t.Run("replace a document", func(t *testing.T) {
		t.Parallel()
		db := openNoSync(t)
		docs := aggCorpus()
		put(t, db, docs)
		if err := sqlite.Exec(ctx, db, deleteDoc("odd1")...); err != nil {
			t.Fatal(err)
		}
		put(t, db, oddDocuments()[:1])
		checkAggregates(t, db)
	})
	t.Run("PutDocuments replaces, recodes and aliases", func(t *testing.T) {
		t.Parallel()
		db := openNoSync(t)
		docs := aggCorpus()
		put(t, db, docs)
		// New text under stored ids, with other events: each swapped
		// with the next document's record, so that types, places and
		// edges all move.
		var changed []store.Document
		for i := 0; i+1 < len(docs) && len(changed) < 40; i += 7 {
			d := docs[i]
			d.Text += " Updated."
			d.Record.Events = docs[i+1].Record.Events
			changed = append(changed, d)
		}
		// A recode of the same text with no events, and an alias.
		recode := docs[3]
		recode.Record.Events, recode.Recode = nil, true
		recode.Record.Provenance = &output.Provenance{Coder: "other"}
		alias := docs[5]
		alias.Record.DocID = "alias-of-" + alias.Record.DocID
		put(t, db, append(changed, recode, alias))
		checkAggregates(t, db)
	})
	t.Run("a failed write leaves them as they were", func(t *testing.T) {
		t.Parallel()
		db := openNoSync(t)
		put(t, db, aggCorpus())
		// The foreign key refuses the event's delete after its triggers ran.
		if err := sqlite.Exec(ctx, db, `DELETE FROM events WHERE id = `+event("d1", "0")); err == nil {
			t.Fatal("deleting an event with actors succeeded")
		}
		checkAggregates(t, db)
	})
}

// TestAggregates_Migration opens a database written before the
// aggregates: the migration must fill them from its rows.
func TestAggregates_Migration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	// Written today, then taken back to before the aggregates (4).
	old, err := sqlite.Open(ctx, path, sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	put(t, old, aggCorpus())
	if err := sqlite.Downgrade(ctx, old, 3); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, path, sqlite.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkAggregates(t, db)
	// And keep them from then on.
	gen := storetest.NewGenerator(8, 2)
	put(t, db, []store.Document{gen.Next(), gen.Next()})
	checkAggregates(t, db)
}
