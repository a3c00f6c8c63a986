package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// Open returns an empty store for one test; the suite closes it.
type Open func(t *testing.T) store.Store

// Load stores the fixture and fails the test on error.
func Load(t testing.TB, s store.Store) {
	t.Helper()
	ins, err := s.PutDocuments(context.Background(), Fixture())
	if err != nil {
		t.Fatalf("PutDocuments(fixture): %v", err)
	}
	for i, ok := range ins {
		if !ok {
			t.Fatalf("fixture document %d not inserted into an empty store", i)
		}
	}
}

func truth() *bool                       { b := true; return &b }
func falsy() *bool                       { b := false; return &b }
func box(a, b, c, d float64) *[4]float64 { return &[4]float64{a, b, c, d} }

// EventFilterCases lists filters over the fixture and the event keys
// (doc_id/event id) each must return, in day order. The server's tests
// reuse it for the query-string side.
var EventFilterCases = []struct {
	Name   string
	Filter store.EventFilter
	Want   []string
}{
	{"all", store.EventFilter{}, []string{"d1/e1", "d1/e2", "d2/e2", "d2/e1", "d3/e1"}},
	{"type", store.EventFilter{Type: []string{"ASSAULT"}}, []string{"d1/e1"}},
	{"types", store.EventFilter{Type: []string{"ASSAULT", "AID"}}, []string{"d1/e1", "d2/e2"}},
	{"mode", store.EventFilter{Mode: []string{"demo"}}, []string{"d2/e1"}},
	{"quad", store.EventFilter{Quad: []string{"material conflict"}}, []string{"d1/e1", "d2/e1"}},
	{"actor country", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}}, []string{"d1/e1", "d3/e1"}},
	{"second actor", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"TUR"}}}, []string{"d3/e1"}},
	{"actor sector", store.EventFilter{Actor: store.ActorFilter{Sectors: []string{"MIL"}}}, []string{"d1/e1", "d3/e1"}},
	{"other sector", store.EventFilter{Actor: store.ActorFilter{Sectors: []string{"ELI"}}}, []string{"d1/e2"}},
	{"actor name", store.EventFilter{Actor: store.ActorFilter{Name: "army"}}, []string{"d1/e1"}},
	{"actor name case", store.EventFilter{Actor: store.ActorFilter{Name: "PROTESTERS"}}, []string{"d2/e1"}},
	{"actor name literal %", store.EventFilter{Actor: store.ActorFilter{Name: "%"}}, nil},
	{"actor country and sector same actor", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}, Sectors: []string{"GOV"}}}, []string{"d3/e1"}},
	{"actor country and sector not across actors", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"TUR"}, Sectors: []string{"MIL"}}}, nil},
	{"two actors of one country count once", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}, Type: []string{"CONSULT"}}, []string{"d3/e1"}},
	{"recipient country", store.EventFilter{Recipient: store.ActorFilter{Countries: []string{"KEN"}}}, []string{"d2/e2", "d2/e1"}},
	{"recipient sector", store.EventFilter{Recipient: store.ActorFilter{Sectors: []string{"GOV"}}}, []string{"d1/e1", "d1/e2", "d2/e2", "d2/e1", "d3/e1"}},
	{"recipient name", store.EventFilter{Recipient: store.ActorFilter{Name: "france"}}, []string{"d3/e1"}},
	// Both countries, a dyad, which a backend may walk in an index of
	// its own.
	{"dyad", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}, Recipient: store.ActorFilter{Countries: []string{"ARM"}}}, []string{"d1/e1"}},
	{"dyad reversed", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"ARM"}}, Recipient: store.ActorFilter{Countries: []string{"AZE"}}}, []string{"d1/e2"}},
	{"dyad of a second actor", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"TUR"}}, Recipient: store.ActorFilter{Countries: []string{"FRA"}}}, []string{"d3/e1"}},
	{"dyad and a sector of the same actor", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}, Sectors: []string{"MIL"}}, Recipient: store.ActorFilter{Countries: []string{"FRA"}}}, []string{"d3/e1"}},
	{"dyad and a name", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}, Name: "army"}, Recipient: store.ActorFilter{Countries: []string{"FRA"}}}, nil},
	{"dyad and a type", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"KEN"}}, Recipient: store.ActorFilter{Countries: []string{"KEN"}}, Type: []string{"PROTEST"}}, []string{"d2/e1"}},
	{"dyad and dates", store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}, Recipient: store.ActorFilter{Countries: []string{"ARM"}}, From: "2024-03-01"}, nil},
	{"name and a recipient country", store.EventFilter{Actor: store.ActorFilter{Name: "azer"}, Recipient: store.ActorFilter{Countries: []string{"FRA"}}}, []string{"d3/e1"}},
	{"name and dates", store.EventFilter{Actor: store.ActorFilter{Name: "a"}, From: "2024-03-02", To: "2024-03-06"}, []string{"d2/e2"}},
	{"claimed", store.EventFilter{Claimed: truth()}, []string{"d1/e1", "d2/e2"}},
	{"not claimed", store.EventFilter{Claimed: falsy()}, []string{"d1/e2", "d2/e1", "d3/e1"}},
	{"from", store.EventFilter{From: "2024-03-04"}, []string{"d2/e2", "d2/e1", "d3/e1"}},
	{"to", store.EventFilter{To: "2024-03-01"}, []string{"d1/e1", "d1/e2"}},
	{"from to same day", store.EventFilter{From: "2024-03-05", To: "2024-03-05"}, []string{"d2/e1"}},
	{"place", store.EventFilter{Place: "nairobi"}, []string{"d2/e1"}},
	{"dateline place", store.EventFilter{Place: "Baku"}, []string{"d1/e2"}},
	{"bbox kenya", store.EventFilter{BBox: box(33, -5, 42, 5)}, []string{"d2/e2", "d2/e1"}},
	{"bbox empty", store.EventFilter{BBox: box(-10, -10, -5, -5)}, nil},
	{"q", store.EventFilter{Q: "ceasefire"}, []string{"d1/e1", "d1/e2"}},
	{"q two words", store.EventFilter{Q: "France aid"}, []string{"d2/e2", "d2/e1"}},
	{"q prefix", store.EventFilter{Q: "energ*"}, []string{"d3/e1"}},
	{"q operators are literal", store.EventFilter{Q: `"OR" NEAR(`}, nil},
	{"q control characters", store.EventFilter{Q: "cease\x00fire \xff"}, nil},
	{"q punctuation only", store.EventFilter{Q: `"*"`}, nil},
	{"q title", store.EventFilter{Q: "Ganja"}, []string{"d1/e1", "d1/e2"}},
	{"combined", store.EventFilter{Quad: []string{"material conflict"}, Actor: store.ActorFilter{Countries: []string{"KEN"}}, From: "2024-03-02"}, []string{"d2/e1"}},
	{"no match", store.EventFilter{Type: []string{"NOPE"}}, nil},
	{"principal", store.EventFilter{Principal: truth()}, []string{"d1/e1", "d2/e2", "d2/e1", "d3/e1"}},
	{"not principal", store.EventFilter{Principal: falsy()}, []string{"d1/e2"}},
	{"negated", store.EventFilter{Negated: truth()}, []string{"d1/e2"}},
	{"not negated", store.EventFilter{Negated: falsy()}, []string{"d1/e1", "d2/e2", "d2/e1", "d3/e1"}},
	{"asserted", store.EventFilter{Asserted: truth()}, []string{"d1/e1", "d2/e2"}},
	{"not asserted", store.EventFilter{Asserted: falsy()}, []string{"d1/e2", "d2/e1", "d3/e1"}},
	{"min confidence", store.EventFilter{MinConfidence: 0.7}, []string{"d1/e1", "d2/e2", "d2/e1"}},
	{"min confidence exact", store.EventFilter{MinConfidence: 0.95}, []string{"d2/e2"}},
	{"date precision", store.EventFilter{DatePrecision: []string{"month", "published"}}, []string{"d1/e2", "d2/e2"}},
	{"main event", store.EventFilter{MainEvent: truth()}, []string{"d1/e1", "d2/e1"}},
	{"not main event", store.EventFilter{MainEvent: falsy()}, []string{"d1/e2", "d2/e2", "d3/e1"}},
	{"principal asserted", store.EventFilter{Principal: truth(), Asserted: truth(), Type: []string{"AID", "ASSAULT"}}, []string{"d1/e1", "d2/e2"}},
	{"sort -date", store.EventFilter{Sort: store.SortDateDesc}, []string{"d3/e1", "d2/e1", "d2/e2", "d1/e2", "d1/e1"}},
	{"sort confidence", store.EventFilter{Sort: store.SortConfidence}, []string{"d1/e2", "d3/e1", "d2/e1", "d1/e1", "d2/e2"}},
	{"sort -confidence", store.EventFilter{Sort: store.SortConfidenceDesc}, []string{"d2/e2", "d1/e1", "d2/e1", "d3/e1", "d1/e2"}},
	{"sort -date filtered", store.EventFilter{Sort: store.SortDateDesc, Actor: store.ActorFilter{Countries: []string{"AZE"}}}, []string{"d3/e1", "d1/e1"}},
	{"sort -confidence filtered", store.EventFilter{Sort: store.SortConfidenceDesc, Type: []string{"CONSULT", "PROTEST"}}, []string{"d2/e1", "d3/e1"}},
	// A backend may walk an actor country's index, which lists events by
	// day: a confidence sort must still filter on the country.
	{"sort confidence actor country", store.EventFilter{Sort: store.SortConfidence, Actor: store.ActorFilter{Countries: []string{"AZE"}}}, []string{"d3/e1", "d1/e1"}},
	{"sort confidence recipient country", store.EventFilter{Sort: store.SortConfidence, Recipient: store.ActorFilter{Countries: []string{"KEN"}}}, []string{"d2/e1", "d2/e2"}},
}

// Keys returns doc_id/event id for rows.
func Keys(rows []store.EventRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.DocID+"/"+r.ID)
	}
	return out
}

// pageAll pages through f's events limit at a time and returns their
// keys, checking that no page is longer than limit, that only the last is
// short, and that there is no trailing empty page.
func pageAll(t *testing.T, s store.Store, f store.EventFilter, limit int) []string {
	t.Helper()
	var got []string
	cursor := ""
	for pages := 1; ; pages++ {
		rows, next, err := s.Events(context.Background(), f, cursor, limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) > limit {
			t.Fatalf("limit %d: page of %d", limit, len(rows))
		}
		got = append(got, Keys(rows)...)
		if next == "" {
			if len(rows) == 0 && pages > 1 {
				t.Errorf("limit %d: a trailing empty page", limit)
			}
			return got
		}
		if len(rows) != limit {
			t.Errorf("limit %d: short page %d with a next cursor", limit, len(rows))
		}
		cursor = next
	}
}

// Run checks a backend against the store contracts.
func Run(t *testing.T, open Open) {
	ctx := context.Background()

	t.Run("PutDocuments_Idempotent", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		fx := Fixture()
		ins, err := s.PutDocuments(ctx, fx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ins, []bool{false, false, false}) {
			t.Errorf("re-put inserted = %v, want all false", ins)
		}
		// Same text under a new id, and the same new document twice in one
		// batch: the content hash catches the first, the batch the second.
		again := fx[0]
		again.Record.DocID = "d1-copy"
		fresh := Fixture()[1]
		fresh.Record.DocID, fresh.Text = "d4", "A new text."
		ins, err = s.PutDocuments(ctx, []store.Document{again, fresh, fresh})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ins, []bool{false, true, false}; !reflect.DeepEqual(got, want) {
			t.Errorf("inserted = %v, want %v", got, want)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := st, (store.Stats{Documents: 4, Events: 7, Quotes: 5, Places: 1, Incidents: 5}); got != want {
			t.Errorf("Stats = %+v, want %+v", got, want)
		}
	})

	t.Run("PutDocuments_Replace", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		before, err := s.Document(ctx, "d1")
		if err != nil {
			t.Fatal(err)
		}
		// d1 again with new text and one event: an updated article.
		upd := Fixture()[0]
		upd.Text = "BAKU, March 1 - Armenia accused Azerbaijan of shelling, a correction says."
		upd.Record.Events = upd.Record.Events[1:]
		upd.Record.Quotes = nil
		written, err := s.PutDocuments(ctx, []store.Document{upd})
		if err != nil || !written[0] {
			t.Fatalf("replace: %v %v", written, err)
		}
		d, err := s.Document(ctx, "d1")
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != upd.Text || len(d.Record.Events) != 1 || d.Ingested != before.Ingested {
			t.Errorf("replaced document: text %q, %d events, ingested %q (was %q)", d.Text, len(d.Record.Events), d.Ingested, before.Ingested)
		}
		rows, _, err := s.Events(ctx, store.EventFilter{}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := Keys(rows), []string{"d1/e2", "d2/e2", "d2/e1", "d3/e1"}; !reflect.DeepEqual(got, want) {
			t.Errorf("events after the replace %v, want %v", got, want)
		}
		dyad := store.EventFilter{Actor: store.ActorFilter{Countries: []string{"AZE"}}, Recipient: store.ActorFilter{Countries: []string{"ARM"}}}
		if rows, _, err := s.Events(ctx, dyad, "", 0); err != nil || len(rows) != 0 {
			t.Errorf("the replaced event's dyad is still found: %v %v", Keys(rows), err)
		}
		for f, want := range map[string]int{"ceasefire": 0, "correction": 1} {
			if n, err := s.CountEvents(ctx, store.EventFilter{Q: f}); err != nil || n != want {
				t.Errorf("events whose text has %q: %d %v, want %d", f, n, err, want)
			}
		}
		qs, _, err := s.Quotes(ctx, store.QuoteFilter{Q: "condemn"}, "", 0)
		if err != nil || len(qs) != 0 {
			t.Errorf("the replaced document's quote is still found: %v %v", qs, err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// The incidents are those of a store that got the update first:
		// the replaced events left theirs.
		fresh := open(t)
		if _, err := fresh.PutDocuments(ctx, append([]store.Document{upd}, Fixture()[1:]...)); err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want.Documents != 3 || want.Events != 4 || want.Quotes != 2 || want.Places != 1 || st != want {
			t.Errorf("Stats = %+v, want %+v (3 documents, 4 events, 2 quotes, 1 place)", st, want)
		}
		if got, want := incidentsOf(t, s), incidentsOf(t, fresh); !reflect.DeepEqual(got, want) {
			t.Errorf("incidents after the replace %v, want %v", got, want)
		}
		// The same update again changes nothing.
		if written, err := s.PutDocuments(ctx, []store.Document{upd}); err != nil || written[0] {
			t.Errorf("re-put of the update: %v %v", written, err)
		}
	})

	t.Run("PutDocuments_Alias", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		again := Fixture()[1]
		again.Record.DocID = "wire/d2-copy"
		written, err := s.PutDocuments(ctx, []store.Document{again})
		if err != nil || written[0] {
			t.Fatalf("alias: %v %v", written, err)
		}
		d, err := s.Document(ctx, "wire/d2-copy")
		if err != nil {
			t.Fatalf("the alias does not resolve: %v", err)
		}
		if d.Record.DocID != "d2" {
			t.Errorf("alias resolves to %q, want d2", d.Record.DocID)
		}
		if ok, err := s.HasDocument(ctx, "wire/d2-copy", ""); err != nil || !ok {
			t.Errorf("HasDocument(alias) = %v %v", ok, err)
		}
		st, err := s.Stored(ctx, "wire/d2-copy")
		if err != nil || st.DocID != "d2" || st.Hash != store.ContentHash(again.Text) {
			t.Errorf("Stored(alias) = %+v %v", st, err)
		}
		if n, err := s.CountEvents(ctx, store.EventFilter{}); err != nil || n != 5 {
			t.Errorf("an alias added events: %d %v", n, err)
		}
		// The alias's own text later makes it a document of its own.
		again.Text = "A rewrite of the Nairobi story."
		if written, err := s.PutDocuments(ctx, []store.Document{again}); err != nil || !written[0] {
			t.Fatalf("alias with its own text: %v %v", written, err)
		}
		if d, err := s.Document(ctx, "wire/d2-copy"); err != nil || d.Record.DocID != "wire/d2-copy" || d.Text != again.Text {
			t.Errorf("former alias: %v %v", d, err)
		}
		// A stored id whose text turns into another document's becomes
		// that document's alias.
		d3 := Fixture()[2]
		d3.Text = Fixture()[0].Text
		if written, err := s.PutDocuments(ctx, []store.Document{d3}); err != nil || written[0] {
			t.Fatalf("d3 with d1's text: %v %v", written, err)
		}
		if d, err := s.Document(ctx, "d3"); err != nil || d.Record.DocID != "d1" {
			t.Errorf("d3 resolves to %v (%v), want d1", d, err)
		}
		if n, err := s.CountEvents(ctx, store.EventFilter{}); err != nil || n != 6 {
			t.Errorf("events %d (%v), want 6: d3's one gone, the former alias's two in", n, err)
		}
		if _, err := s.Stored(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Stored(nope) err = %v", err)
		}
	})

	t.Run("PutDocuments_Recode", func(t *testing.T) {
		s := open(t)
		old := output.Provenance{Coder: "dateline test", Resources: "sha256:1", Options: ""}
		docs := Fixture()
		for i := range docs {
			docs[i].Record.Provenance = &old
		}
		docs[2].Record.Provenance = nil // stored before provenance was recorded
		if _, err := s.PutDocuments(ctx, docs); err != nil {
			t.Fatal(err)
		}
		var stale []string
		collect := func(p output.Provenance) []string {
			stale = nil
			if err := s.Stale(ctx, p, func(id string) error { stale = append(stale, id); return nil }); err != nil {
				t.Fatal(err)
			}
			return stale
		}
		if got := collect(old); !reflect.DeepEqual(got, []string{"d3"}) {
			t.Errorf("stale under the old provenance %v, want [d3]", got)
		}
		fresh := output.Provenance{Coder: "dateline test", Resources: "sha256:2", Options: "--dict=mine.tsv"}
		if got := collect(fresh); !reflect.DeepEqual(got, []string{"d1", "d2", "d3"}) {
			t.Errorf("stale under a new provenance %v, want all", got)
		}
		// The same text recoded: replaced only when asked to.
		re := Fixture()[0]
		re.Record.Provenance = &fresh
		re.Record.Events = re.Record.Events[:1]
		if written, err := s.PutDocuments(ctx, []store.Document{re}); err != nil || written[0] {
			t.Errorf("same text, no Recode: %v %v", written, err)
		}
		re.Recode = true
		if written, err := s.PutDocuments(ctx, []store.Document{re}); err != nil || !written[0] {
			t.Errorf("same text, Recode: %v %v", written, err)
		}
		st, err := s.Stored(ctx, "d1")
		if err != nil || st.Provenance == nil || *st.Provenance != fresh {
			t.Errorf("Stored(d1) = %+v %v, want the new provenance", st, err)
		}
		if written, err := s.PutDocuments(ctx, []store.Document{re}); err != nil || written[0] {
			t.Errorf("recode under the same provenance again: %v %v", written, err)
		}
		if got := collect(fresh); !reflect.DeepEqual(got, []string{"d2", "d3"}) {
			t.Errorf("stale after recoding d1 %v, want [d2 d3]", got)
		}
		if n, err := s.CountEvents(ctx, store.EventFilter{}); err != nil || n != 4 {
			t.Errorf("events %d (%v), want 4", n, err)
		}
	})

	t.Run("PutDocuments_NoID", func(t *testing.T) {
		s := open(t)
		d := Fixture()[0]
		d.Record.DocID = ""
		if _, err := s.PutDocuments(ctx, []store.Document{Fixture()[1], d}); err == nil {
			t.Fatal("PutDocuments accepted a document without doc_id")
		}
		// Atomic: the valid document in the failed batch is not stored.
		if ok, err := s.HasDocument(ctx, "d2", ""); err != nil || ok {
			t.Errorf("HasDocument(d2) after failed batch = %v, %v; want false", ok, err)
		}
	})

	t.Run("HasDocument", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		for _, c := range []struct {
			id, hash string
			want     bool
		}{
			{"d1", "", true}, {"", store.ContentHash(Fixture()[1].Text), true}, {"nope", store.ContentHash("nope"), false}, {"", "", false},
		} {
			if got, err := s.HasDocument(ctx, c.id, c.hash); err != nil || got != c.want {
				t.Errorf("HasDocument(%q, %q) = %v, %v; want %v", c.id, c.hash, got, err, c.want)
			}
		}
	})

	t.Run("Document", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		d, err := s.Document(ctx, "d3")
		if err != nil {
			t.Fatal(err)
		}
		if d.Text != ScriptText {
			t.Errorf("text = %q, want it unchanged", d.Text)
		}
		want := Fixture()[2].Record
		// The store gives each event its incident; d3's one event is
		// an incident of its own.
		want.Events[0].IncidentID = "inc-d3/e1"
		if !reflect.DeepEqual(d.Record, want) {
			t.Errorf("record round trip differs:\n got %+v\nwant %+v", d.Record, want)
		}
		if d.Hash != store.ContentHash(ScriptText) || d.Ingested == "" {
			t.Errorf("hash %q ingested %q", d.Hash, d.Ingested)
		}
		if _, err := s.Document(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Document(missing) err = %v, want ErrNotFound", err)
		}
	})

	t.Run("Events_Filters", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		for _, c := range EventFilterCases {
			t.Run(c.Name, func(t *testing.T) {
				rows, next, err := s.Events(ctx, c.Filter, "", 0)
				if err != nil {
					t.Fatal(err)
				}
				if got := Keys(rows); !reflect.DeepEqual(got, c.Want) {
					t.Errorf("got %v, want %v", got, c.Want)
				}
				if next != "" {
					t.Errorf("next = %q for a single page", next)
				}
			})
		}
	})

	t.Run("Events_GeonameID", func(t *testing.T) {
		s := open(t)
		if _, err := s.PutDocuments(ctx, Namesakes()); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    store.EventFilter
			want []string
		}{
			{"by name both namesakes", store.EventFilter{Place: "paris"}, []string{"n1/e1", "n2/e1"}},
			{"Paris, France by id", store.EventFilter{GeonameID: ParisFrance}, []string{"n1/e1"}},
			{"Paris, Texas by id", store.EventFilter{GeonameID: ParisTexas}, []string{"n2/e1"}},
			{"name and id together", store.EventFilter{Place: "Paris", GeonameID: ParisTexas}, []string{"n2/e1"}},
			{"unknown id", store.EventFilter{GeonameID: 1}, nil},
		} {
			t.Run(c.name, func(t *testing.T) {
				rows, _, err := s.Events(ctx, c.f, "", 0)
				if err != nil {
					t.Fatal(err)
				}
				if got := Keys(rows); !reflect.DeepEqual(got, c.want) {
					t.Errorf("got %v, want %v", got, c.want)
				}
			})
		}
		places, err := s.Places(ctx, store.EventFilter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[int]string{}
		for _, p := range places {
			ids[p.GeonameID] = p.CountryCode
		}
		if want := map[int]string{ParisFrance: "FRA", ParisTexas: "USA"}; !reflect.DeepEqual(ids, want) {
			t.Errorf("Places ids %v, want %v: namesakes must be counted apart", ids, want)
		}
	})

	t.Run("Events_Distinct", func(t *testing.T) {
		s := open(t)
		if _, err := s.PutDocuments(ctx, Syndicated()); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			f    store.EventFilter
			want []string
		}{
			{"duplicates included by default", store.EventFilter{}, []string{"s1/e1", "s2/e1", "s1/e2", "s2/e2", "s3/e1"}},
			{"distinct", store.EventFilter{Distinct: true}, []string{"s1/e1", "s1/e2", "s3/e1"}},
			{"distinct with a type", store.EventFilter{Distinct: true, Type: []string{"ASSAULT"}}, []string{"s1/e1", "s3/e1"}},
			{"distinct with a place", store.EventFilter{Distinct: true, Place: "El Fasher"}, []string{"s1/e1"}},
			{"distinct with an actor country", store.EventFilter{Distinct: true, Actor: store.ActorFilter{Countries: []string{"SDN"}}},
				[]string{"s1/e1", "s1/e2", "s3/e1"}},
			{"distinct with a query", store.EventFilter{Distinct: true, Q: "Fasher"}, []string{"s1/e1", "s1/e2"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				rows, _, err := s.Events(ctx, c.f, "", 0)
				if err != nil {
					t.Fatal(err)
				}
				if got := Keys(rows); !reflect.DeepEqual(got, c.want) {
					t.Errorf("got %v, want %v", got, c.want)
				}
			})
		}
		// The aggregates count incidents with distinct, reports without.
		distinct := store.EventFilter{Distinct: true}
		for _, c := range []struct {
			f    store.EventFilter
			want int
		}{{store.EventFilter{}, 5}, {distinct, 3}} {
			tl, err := s.Timeline(ctx, c.f, "type")
			if err != nil {
				t.Fatal(err)
			}
			total := 0
			for _, p := range tl {
				total += p.Total
			}
			places, err := s.Places(ctx, c.f, 0)
			if err != nil {
				t.Fatal(err)
			}
			inPlaces := 0
			for _, p := range places {
				inPlaces += p.Count
			}
			edges, err := s.Network(ctx, c.f, 0)
			if err != nil {
				t.Fatal(err)
			}
			inEdges := 0
			for _, e := range edges {
				inEdges += e.Weight
			}
			if total != c.want || inPlaces != c.want || inEdges != c.want {
				t.Errorf("distinct=%v: timeline %d, places %d, network %d events; want %d each", c.f.Distinct, total, inPlaces, inEdges, c.want)
			}
		}
		d, err := s.Document(ctx, "s2")
		if err != nil {
			t.Fatal(err)
		}
		if d.Record.DuplicateOf == nil || *d.Record.DuplicateOf != "s1" || d.Record.Similarity == nil || *d.Record.Similarity != 0.875 {
			t.Errorf("s2 duplicate_of %v similarity %v, want s1 and 0.875", d.Record.DuplicateOf, d.Record.Similarity)
		}
	})

	t.Run("Signatures", func(t *testing.T) {
		s := open(t)
		fx := Syndicated()
		// Stored in two batches, the first in reverse input order, so that
		// storage order is not doc_id order.
		if _, err := s.PutDocuments(ctx, []store.Document{fx[1], fx[0]}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutDocuments(ctx, fx[2:]); err != nil {
			t.Fatal(err)
		}
		walk := func() []string {
			t.Helper()
			var got []string
			err := s.Signatures(ctx, func(id string, sig []byte, text string) error {
				got = append(got, fmt.Sprintf("%s %q %q", id, sig, text))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		want := []string{
			fmt.Sprintf("s2 \"\" %q", fx[1].Text),
			`s1 "signature of s1" ""`,
			fmt.Sprintf("s3 \"\" %q", fx[2].Text),
		}
		if got := walk(); !reflect.DeepEqual(got, want) {
			t.Errorf("walk:\n got %q\nwant %q", got, want)
		}
		// Set from inside the walk, as ingest does; an unknown id is
		// ignored, and a signature can be replaced.
		err := s.Signatures(ctx, func(id string, sig []byte, text string) error {
			if sig != nil {
				return nil
			}
			return s.SetSignatures(ctx, map[string][]byte{id: []byte("new " + id), "nope": []byte("x")})
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetSignatures(ctx, map[string][]byte{"s1": []byte("replaced")}); err != nil {
			t.Fatal(err)
		}
		want = []string{`s2 "new s2" ""`, `s1 "replaced" ""`, `s3 "new s3" ""`}
		if got := walk(); !reflect.DeepEqual(got, want) {
			t.Errorf("walk after SetSignatures:\n got %q\nwant %q", got, want)
		}
		stop := errors.New("stop")
		n := 0
		if err := s.Signatures(ctx, func(string, []byte, string) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
			t.Errorf("walk after fn's error: err %v after %d calls, want stop after 1", err, n)
		}
	})

	t.Run("Events_Row", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		rows, _, err := s.Events(ctx, store.EventFilter{Type: []string{"ACCUSE"}}, "", 0)
		if err != nil || len(rows) != 1 {
			t.Fatalf("rows %v err %v", rows, err)
		}
		r := rows[0]
		if r.Day != "2024-03-01" || r.Date != nil || r.Title != "Shelling near Ganja" || r.Source.URL != "https://example.org/d1" {
			t.Errorf("row = %+v", r)
		}
		want := Fixture()[0].Record.Events[1]
		want.IncidentID = "inc-d1/e2"
		if !reflect.DeepEqual(r.Event, want) {
			t.Errorf("event round trip:\n got %+v\nwant %+v", r.Event, want)
		}
	})

	t.Run("Events_BadFilter", func(t *testing.T) {
		s := open(t)
		long := strings.Repeat("a", 50000)
		many := strings.Split(strings.Repeat("MIL,", 3000), ",")
		for _, f := range []store.EventFilter{
			{From: "2024-13-01"}, {From: "2024-03-02", To: "2024-03-01"}, {BBox: box(10, 0, 0, 10)},
			// Too big for a backend to run, which must not become an
			// internal error.
			{Actor: store.ActorFilter{Name: long}}, {Recipient: store.ActorFilter{Name: long}}, {Place: long}, {Q: long},
			{Actor: store.ActorFilter{Sectors: many}}, {Type: many},
			{DatePrecision: []string{"week"}}, {Sort: "day"}, {MinConfidence: 1.5}, {MinConfidence: -0.1},
		} {
			if _, _, err := s.Events(ctx, f, "", 0); !errors.Is(err, store.ErrBadFilter) {
				t.Errorf("Events(%.80v) err = %v, want ErrBadFilter", f, err)
			}
		}
		for _, f := range []store.QuoteFilter{{Speaker: long}, {Q: long}, {Country: many}} {
			if _, _, err := s.Quotes(ctx, f, "", 0); !errors.Is(err, store.ErrBadFilter) {
				t.Errorf("Quotes(%.80v) err = %v, want ErrBadFilter", f, err)
			}
		}
		// At the limits, filters still run.
		atLimit := store.EventFilter{Actor: store.ActorFilter{Name: strings.Repeat("a", store.MaxFilterBytes),
			Sectors: many[:store.MaxFilterValues]}}
		if _, _, err := s.Events(ctx, atLimit, "", 0); err != nil {
			t.Errorf("filter at the limits: %v", err)
		}
	})

	t.Run("Events_Pagination", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		all := EventFilterCases[0].Want
		for _, limit := range []int{1, 2, 3, 5, 6} {
			got := pageAll(t, s, store.EventFilter{}, limit)
			if !reflect.DeepEqual(got, all) {
				t.Errorf("limit %d: paged %v, want %v", limit, got, all)
			}
		}
		// Every sort pages to the same order as one page gives, each
		// cursor only under the sort it was issued for.
		for _, sort := range store.Sorts {
			f := store.EventFilter{Sort: sort}
			// With an actor country too, which a backend may walk in
			// day order, and a name, which it may collect first.
			for _, f := range []store.EventFilter{f, {Sort: sort, Actor: store.ActorFilter{Countries: []string{"AZE"}}}, {Sort: sort, Actor: store.ActorFilter{Name: "a"}}} {
				one, _, err := s.Events(ctx, f, "", 0)
				if err != nil {
					t.Fatal(err)
				}
				for _, limit := range []int{1, 2, 4} {
					if got := pageAll(t, s, f, limit); !reflect.DeepEqual(got, Keys(one)) {
						t.Errorf("%+v limit %d: paged %v, want %v", f, limit, got, Keys(one))
					}
				}
			}
			_, next, err := s.Events(ctx, f, "", 1)
			if err != nil || next == "" {
				t.Fatalf("sort %s: first page: %q %v", sort, next, err)
			}
			other := store.SortConfidence
			if sort == other {
				other = store.SortDateDesc
			}
			if _, _, err := s.Events(ctx, store.EventFilter{Sort: other}, next, 1); !errors.Is(err, store.ErrBadCursor) {
				t.Errorf("cursor of sort %s used with %s: err = %v, want ErrBadCursor", sort, other, err)
			}
		}
		rows, next, err := s.Events(ctx, store.EventFilter{Type: []string{"NOPE"}}, "", 10)
		if err != nil || len(rows) != 0 || next != "" || rows == nil {
			t.Errorf("empty result = %v %q %v; want non-nil empty, no cursor", rows, next, err)
		}
		for _, bad := range []string{"!!", "bm9waXBl", store.EncodeCursor(store.Cursor{Day: "x", Key: 1}), "MjAyNC0wMS0wMXwtMQ"} {
			if _, _, err := s.Events(ctx, store.EventFilter{}, bad, 10); !errors.Is(err, store.ErrBadCursor) {
				t.Errorf("cursor %q: err = %v, want ErrBadCursor", bad, err)
			}
		}
	})

	t.Run("CountEvents", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		for _, c := range EventFilterCases {
			n, err := s.CountEvents(ctx, c.Filter)
			if err != nil {
				t.Fatalf("%s: %v", c.Name, err)
			}
			if n != len(c.Want) {
				t.Errorf("%s: CountEvents = %d, want %d", c.Name, n, len(c.Want))
			}
		}
		if _, err := s.CountEvents(ctx, store.EventFilter{From: "2024-13-01"}); !errors.Is(err, store.ErrBadFilter) {
			t.Errorf("CountEvents(bad date) err = %v, want ErrBadFilter", err)
		}
	})

	t.Run("Documents", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		bare := record("bare", "2024-03-07", "A notice with nothing coded")
		if _, err := s.PutDocuments(ctx, []store.Document{{Record: bare, Text: "Nothing happened today."}}); err != nil {
			t.Fatal(err)
		}
		ids := func(rows []store.DocumentRow) []string {
			var out []string
			for _, r := range rows {
				out = append(out, r.DocID)
			}
			return out
		}
		for _, c := range []struct {
			name string
			f    store.DocumentFilter
			want []string
		}{
			{"all", store.DocumentFilter{}, []string{"d1", "d2", "bare", "d3"}},
			{"newest first", store.DocumentFilter{Sort: store.SortDateDesc}, []string{"d3", "bare", "d2", "d1"}},
			{"q", store.DocumentFilter{Q: "ceasefire"}, []string{"d1"}},
			{"from", store.DocumentFilter{From: "2024-03-02"}, []string{"d2", "bare", "d3"}},
			{"from to", store.DocumentFilter{From: "2024-03-02", To: "2024-03-07"}, []string{"d2", "bare"}},
			{"source", store.DocumentFilter{Source: "EXAMPLE.ORG/d2"}, []string{"d2"}},
			{"source literal %", store.DocumentFilter{Source: "%"}, nil},
			{"has events", store.DocumentFilter{HasEvents: truth()}, []string{"d1", "d2", "d3"}},
			{"no events", store.DocumentFilter{HasEvents: falsy()}, []string{"bare"}},
		} {
			rows, _, err := s.Documents(ctx, c.f, "", 0)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got := ids(rows); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
		rows, _, err := s.Documents(ctx, store.DocumentFilter{}, "", 1)
		if err != nil || len(rows) != 1 {
			t.Fatalf("first page: %v %v", rows, err)
		}
		want := store.DocumentRow{DocID: "d1", Title: "Shelling near Ganja", Day: "2024-03-01", Published: str("2024-03-01"),
			Source: Fixture()[0].Record.Source, Events: 2, Quotes: 1, Ingested: rows[0].Ingested}
		if !reflect.DeepEqual(rows[0], want) || rows[0].Ingested == "" {
			t.Errorf("row %+v, want %+v", rows[0], want)
		}
		for _, sort := range []string{store.SortDate, store.SortDateDesc} {
			all, _, err := s.Documents(ctx, store.DocumentFilter{Sort: sort}, "", 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			cursor := ""
			for range 10 {
				page, next, err := s.Documents(ctx, store.DocumentFilter{Sort: sort}, cursor, 3)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, ids(page)...)
				if next == "" {
					break
				}
				cursor = next
			}
			if !reflect.DeepEqual(got, ids(all)) {
				t.Errorf("sort %s: paged %v, want %v", sort, got, ids(all))
			}
		}
		for _, f := range []store.DocumentFilter{{From: "2024-02-30"}, {Sort: store.SortConfidence}, {Source: strings.Repeat("x", 5000)}} {
			if _, _, err := s.Documents(ctx, f, "", 0); !errors.Is(err, store.ErrBadFilter) {
				t.Errorf("Documents(%.60v) err = %v, want ErrBadFilter", f, err)
			}
		}
		if _, _, err := s.Documents(ctx, store.DocumentFilter{}, "!!", 0); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("bad cursor: err = %v", err)
		}
	})

	t.Run("Documents_Distinct", func(t *testing.T) {
		s := open(t)
		if _, err := s.PutDocuments(ctx, Syndicated()); err != nil {
			t.Fatal(err)
		}
		rows, _, err := s.Documents(ctx, store.DocumentFilter{Distinct: true}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.DocID)
		}
		if want := []string{"s1", "s3"}; !reflect.DeepEqual(got, want) {
			t.Errorf("distinct documents %v, want %v", got, want)
		}
		all, _, err := s.Documents(ctx, store.DocumentFilter{}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range all {
			if r.DocID == "s2" && (r.DuplicateOf == nil || *r.DuplicateOf != "s1") {
				t.Errorf("s2 duplicate_of %v, want s1", r.DuplicateOf)
			}
		}
	})

	t.Run("Actors", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		type row = store.ActorCount
		a := func(name, country string, n, asActor, asRecipient int) row {
			return row{Node: store.Node{Name: name, Country: country}, Events: n, AsActor: asActor, AsRecipient: asRecipient}
		}
		for _, c := range []struct {
			name string
			q    store.ActorQuery
			want []row
		}{
			{"all", store.ActorQuery{}, []row{
				a("Armenia", "ARM", 2, 1, 1), a("Azerbaijan", "AZE", 2, 1, 1), a("France", "FRA", 2, 1, 1), a("Kenyan government", "KEN", 2, 0, 2),
				a("Azerbaijani army", "AZE", 1, 1, 0), a("Azerbaijani navy", "AZE", 1, 1, 0), a("Turkey", "TUR", 1, 1, 0), a("protesters", "KEN", 1, 1, 0)}},
			{"recipients", store.ActorQuery{Role: store.RoleRecipient}, []row{
				a("Kenyan government", "KEN", 2, 0, 2), a("Armenia", "ARM", 1, 0, 1), a("Azerbaijan", "AZE", 1, 0, 1), a("France", "FRA", 1, 0, 1)}},
			{"event filter", store.ActorQuery{Events: store.EventFilter{Type: []string{"CONSULT"}}}, []row{
				a("Azerbaijan", "AZE", 1, 1, 0), a("Azerbaijani navy", "AZE", 1, 1, 0), a("France", "FRA", 1, 0, 1), a("Turkey", "TUR", 1, 1, 0)}},
			{"asserted only", store.ActorQuery{Events: store.EventFilter{Asserted: truth()}}, []row{
				a("Armenia", "ARM", 1, 0, 1), a("Azerbaijani army", "AZE", 1, 1, 0), a("France", "FRA", 1, 1, 0), a("Kenyan government", "KEN", 1, 0, 1)}},
			{"name", store.ActorQuery{Name: "azer"}, []row{
				a("Azerbaijan", "AZE", 2, 1, 1), a("Azerbaijani army", "AZE", 1, 1, 0), a("Azerbaijani navy", "AZE", 1, 1, 0)}},
		} {
			rows, next, err := s.Actors(ctx, c.q, "", 0)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if !reflect.DeepEqual(rows, c.want) || next != "" {
				t.Errorf("%s: got %+v (next %q), want %+v", c.name, rows, next, c.want)
			}
		}
		all, _, err := s.Actors(ctx, store.ActorQuery{}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []row
		cursor := ""
		for range 10 {
			page, next, err := s.Actors(ctx, store.ActorQuery{}, cursor, 3)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page...)
			if next == "" {
				break
			}
			cursor = next
		}
		if !reflect.DeepEqual(got, all) {
			t.Errorf("paged %+v, want %+v", got, all)
		}
		if _, _, err := s.Actors(ctx, store.ActorQuery{Role: "speaker"}, "", 0); !errors.Is(err, store.ErrBadFilter) {
			t.Errorf("bad role: err = %v", err)
		}
		if _, _, err := s.Actors(ctx, store.ActorQuery{}, store.EncodeCursor(store.Cursor{Day: "2024-03-01", Key: 1}), 0); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("an events cursor: err = %v", err)
		}
	})

	t.Run("Quotes", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		for _, c := range []struct {
			name string
			f    store.QuoteFilter
			want []string
		}{
			{"all", store.QuoteFilter{}, []string{"We condemn", "The protesters", "aid would"}},
			{"speaker", store.QuoteFilter{Speaker: "karimov"}, []string{"The protesters"}},
			{"country", store.QuoteFilter{Country: []string{"FRA"}}, []string{"aid would"}},
			{"countries", store.QuoteFilter{Country: []string{"FRA", "ARM"}}, []string{"We condemn", "aid would"}},
			{"q", store.QuoteFilter{Q: "shelling"}, []string{"We condemn"}},
			{"q no match", store.QuoteFilter{Q: "zebra"}, nil},
		} {
			rows, _, err := s.Quotes(ctx, c.f, "", 0)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ok := len(rows) == len(c.want)
			var got []string
			for i, r := range rows {
				got = append(got, r.Text)
				ok = ok && strings.HasPrefix(r.Text, c.want[i])
			}
			if !ok {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
		rows, next, err := s.Quotes(ctx, store.QuoteFilter{}, "", 2)
		if err != nil || len(rows) != 2 || next == "" {
			t.Fatalf("page 1: %d rows next %q err %v", len(rows), next, err)
		}
		rows, next, err = s.Quotes(ctx, store.QuoteFilter{}, next, 2)
		if err != nil || len(rows) != 1 || next != "" || rows[0].DocID != "d2" {
			t.Fatalf("page 2: %+v next %q err %v", rows, next, err)
		}
		if _, _, err := s.Quotes(ctx, store.QuoteFilter{}, "%%%", 2); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("bad cursor err = %v", err)
		}
	})

	t.Run("Timeline", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		got, err := s.Timeline(ctx, store.EventFilter{}, "quad")
		if err != nil {
			t.Fatal(err)
		}
		want := []store.TimelinePoint{
			{Date: "2024-02-28", Total: 1, Counts: map[string]int{"material conflict": 1}},
			{Date: "2024-03-01", Total: 1, Counts: map[string]int{"verbal conflict": 1}},
			{Date: "2024-03-04", Total: 1, Counts: map[string]int{"material cooperation": 1}},
			{Date: "2024-03-05", Total: 1, Counts: map[string]int{"material conflict": 1}},
			{Date: "2024-03-10", Total: 1, Counts: map[string]int{"verbal cooperation": 1}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("by quad:\n got %+v\nwant %+v", got, want)
		}
		got, err = s.Timeline(ctx, store.EventFilter{Recipient: store.ActorFilter{Countries: []string{"KEN"}}}, "type")
		if err != nil {
			t.Fatal(err)
		}
		want = []store.TimelinePoint{
			{Date: "2024-03-04", Total: 1, Counts: map[string]int{"AID": 1}},
			{Date: "2024-03-05", Total: 1, Counts: map[string]int{"PROTEST": 1}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("by type:\n got %+v\nwant %+v", got, want)
		}
		if _, err := s.Timeline(ctx, store.EventFilter{}, "week"); !errors.Is(err, store.ErrBadFilter) {
			t.Errorf("by week err = %v", err)
		}
	})

	t.Run("Network", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		edges, err := s.Network(ctx, store.EventFilter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		// d3/e1 has three actors, so 7 edges from 5 events.
		if len(edges) != 7 {
			t.Fatalf("%d edges: %+v", len(edges), edges)
		}
		edges, err = s.Network(ctx, store.EventFilter{Recipient: store.ActorFilter{Countries: []string{"FRA"}}}, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range edges {
			got = append(got, e.Actor.Name+">"+e.Recipient.Name)
			if e.Weight != 1 || e.Quads["verbal cooperation"] != 1 {
				t.Errorf("edge %+v", e)
			}
		}
		sort.Strings(got)
		if want := []string{"Azerbaijan>France", "Azerbaijani navy>France", "Turkey>France"}; !reflect.DeepEqual(got, want) {
			t.Errorf("edges %v, want %v", got, want)
		}
		if edges, _ := s.Network(ctx, store.EventFilter{}, 2); len(edges) != 2 {
			t.Errorf("limit 2 gave %d edges", len(edges))
		}
	})

	t.Run("Places", func(t *testing.T) {
		s := open(t)
		Load(t, s)
		got, err := s.Places(ctx, store.EventFilter{Recipient: store.ActorFilter{Countries: []string{"KEN", "AZE"}}}, 0)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range got {
			names = append(names, p.Name)
			if p.Count != 1 {
				t.Errorf("%s count %d", p.Name, p.Count)
			}
			if (p.Name == "Baku") != (p.Lat == nil) {
				t.Errorf("%s lat %v: only the dateline place lacks coordinates", p.Name, p.Lat)
			}
		}
		if want := []string{"Baku", "Mombasa", "Nairobi"}; !reflect.DeepEqual(names, want) {
			t.Errorf("places %v, want %v", names, want)
		}
	})

	t.Run("Incidents", func(t *testing.T) { runIncidents(t, open) })
}

// incidentsOf maps each event key to its incident id.
func incidentsOf(t *testing.T, s store.Store) map[string]string {
	t.Helper()
	rows, _, err := s.Events(context.Background(), store.EventFilter{}, "", store.MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if r.IncidentID == "" {
			t.Errorf("event %s/%s has no incident", r.DocID, r.ID)
		}
		out[r.DocID+"/"+r.ID] = r.IncidentID
	}
	return out
}

// retoldRaid returns another outlet's report of Syndicated's raid (s1/e1
// alone), as document id published on published with the raid's
// confidence and its own text.
func retoldRaid(id, published string, confidence float64, text string) store.Document {
	d := Syndicated()[0]
	d.Record.DocID, d.Record.Published = id, &published
	d.Record.Events = d.Record.Events[:1]
	d.Record.Events[0].Confidence = confidence
	d.Text, d.Signature = text, nil
	return d
}

// runIncidents checks that PutDocuments clusters events into incidents:
// in Syndicated, s1/e1 and its copy s2/e1 are one incident (one source,
// s2 copying s1), the undated ACCUSE reports stay apart, and s3/e1, the
// same type two days later in another town, is an incident of its own.
func runIncidents(t *testing.T, open Open) {
	ctx := context.Background()
	s := open(t)
	if _, err := s.PutDocuments(ctx, Syndicated()); err != nil {
		t.Fatal(err)
	}
	inc := incidentsOf(t, s)
	if inc["s1/e1"] != inc["s2/e1"] {
		t.Errorf("s1/e1 in %s, its copy s2/e1 in %s: want one incident", inc["s1/e1"], inc["s2/e1"])
	}
	if n := len(map[string]bool{inc["s1/e1"]: true, inc["s1/e2"]: true, inc["s2/e2"]: true, inc["s3/e1"]: true}); n != 4 {
		t.Errorf("incidents %v: want 4 distinct", inc)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Incidents != 4 || st.Events != 5 {
		t.Errorf("stats %+v: want 5 events in 4 incidents", st)
	}

	rows, _, err := s.Events(ctx, store.EventFilter{Incidents: true, Type: []string{"ASSAULT"}}, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("ASSAULT incidents: %d rows, want 2: %+v", len(rows), rows)
	}
	for _, r := range rows {
		switch r.IncidentID {
		case inc["s1/e1"]:
			if r.NReports != 2 || r.NSources != 1 || !reflect.DeepEqual(r.Reports, []string{"s1/e1", "s2/e1"}) || r.FirstReport == "" {
				t.Errorf("syndicated incident row %+v: want 2 reports from 1 source", r)
			}
		case inc["s3/e1"]:
			if r.NReports != 1 || r.NSources != 1 || !reflect.DeepEqual(r.Reports, []string{"s3/e1"}) {
				t.Errorf("s3 incident row %+v", r)
			}
		default:
			t.Errorf("row of incident %s, which no event names", r.IncidentID)
		}
	}
	if all, _, err := s.Events(ctx, store.EventFilter{Incidents: true}, "", 0); err != nil || len(all) != 4 {
		t.Errorf("incidents listing: %d rows, %v; want 4", len(all), err)
	}

	tl, err := s.Timeline(ctx, store.EventFilter{Incidents: true}, "type")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range tl {
		total += p.Total
	}
	if total != 4 {
		t.Errorf("timeline counts %d incidents, want 4", total)
	}
	places, err := s.Places(ctx, store.EventFilter{Incidents: true, Type: []string{"ASSAULT"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 2 || places[0].Count != 1 || places[1].Count != 1 {
		t.Errorf("ASSAULT places counting incidents: %+v, want El Fasher and Nyala once each", places)
	}

	also, err := s.AlsoReportedBy(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if want := []store.DocRef{{DocID: "s2", Title: "Army blames RSF for raids in Darfur"}}; !reflect.DeepEqual(also, want) {
		t.Errorf("AlsoReportedBy(s1) = %+v, want %+v", also, want)
	}
	for _, id := range []string{"s3", "missing"} {
		if also, err := s.AlsoReportedBy(ctx, id); err != nil || len(also) != 0 {
			t.Errorf("AlsoReportedBy(%s) = %+v, %v; want none", id, also, err)
		}
	}
	d, err := s.Document(ctx, "s2")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Record.Events[0].IncidentID; got != inc["s1/e1"] {
		t.Errorf("document s2's event in %q, want %q", got, inc["s1/e1"])
	}

	// s2 updated with new text that no longer tells the raid: its events
	// leave their incidents, as if it had come that way.
	upd := Syndicated()[1]
	upd.Text = "PORT SUDAN - The army said talks would resume next week."
	upd.Record.Events = nil
	if written, err := s.PutDocuments(ctx, []store.Document{upd}); err != nil || !written[0] {
		t.Fatalf("replace s2: %v %v", written, err)
	}
	if also, err := s.AlsoReportedBy(ctx, "s1"); err != nil || len(also) != 0 {
		t.Errorf("AlsoReportedBy(s1) after s2's update = %+v, %v; want none", also, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Incidents != 3 || st.Events != 3 {
		t.Errorf("stats after s2's update %+v, %v: want 3 events in 3 incidents", st, err)
	}
	fresh := open(t)
	if _, err := fresh.PutDocuments(ctx, []store.Document{Syndicated()[0], upd, Syndicated()[2]}); err != nil {
		t.Fatal(err)
	}
	if got, want := incidentsOf(t, s), incidentsOf(t, fresh); !reflect.DeepEqual(got, want) {
		t.Errorf("incidents after s2's update:\n got %v\nwant %v", got, want)
	}

	// Another order, one document per write, and a repeated write give
	// the same incidents: clustering does not depend on arrival.
	s2 := open(t)
	docs := Syndicated()
	for i := len(docs) - 1; i >= 0; i-- {
		for range 2 {
			if _, err := s2.PutDocuments(ctx, docs[i:i+1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := incidentsOf(t, s2); !reflect.DeepEqual(got, inc) {
		t.Errorf("reverse order, one by one:\n got %v\nwant %v", got, inc)
	}

	// A better-evidenced report of the raid, published later, joins its
	// incident: the incident keeps its id, named after its first report,
	// and takes the new report as its canonical event, whichever write
	// brought which report.
	later := retoldRaid("s4", "2024-05-08", 0.99, "Witnesses described the attack on villages near El Fasher in detail.")
	for _, order := range [][]store.Document{
		{Syndicated()[0], Syndicated()[1], Syndicated()[2], later},
		{later, Syndicated()[2], Syndicated()[1], Syndicated()[0]},
	} {
		s4 := open(t)
		for _, d := range order {
			if _, err := s4.PutDocuments(ctx, []store.Document{d}); err != nil {
				t.Fatal(err)
			}
		}
		got := incidentsOf(t, s4)
		if got["s4/e1"] != inc["s1/e1"] || got["s1/e1"] != inc["s1/e1"] {
			t.Errorf("first %s: s4/e1 in %s and s1/e1 in %s, want both in %s", order[0].Record.DocID, got["s4/e1"], got["s1/e1"], inc["s1/e1"])
		}
		rows, _, err := s4.Events(ctx, store.EventFilter{Incidents: true, Type: []string{"ASSAULT"}}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var canonical []string
		for _, r := range rows {
			canonical = append(canonical, r.DocID+"/"+r.ID)
		}
		slices.Sort(canonical)
		if want := []string{"s3/e1", "s4/e1"}; !slices.Equal(canonical, want) {
			t.Errorf("first %s: ASSAULT incidents listed by %v, want their canonical events %v", order[0].Record.DocID, canonical, want)
		}
	}

	// A weaker report of the raid published before the others (an
	// archive read late) is now its first report: the incident takes its
	// name, keeps its canonical event, and ends as in a store fed in
	// publication order (a store may move the row in place; see
	// incident.Incident.Was).
	earlier := retoldRaid("s0", "2024-05-05", 0.2, "First word of an attack on villages near El Fasher.")
	canonicalOf := func(s store.Store) []string {
		t.Helper()
		rows, _, err := s.Events(ctx, store.EventFilter{Incidents: true}, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, fmt.Sprintf("%s %s/%s %d reports, first %s", r.IncidentID, r.DocID, r.ID, r.NReports, r.FirstReport))
		}
		slices.Sort(out)
		return out
	}
	// The better report published later then joins the renamed incident,
	// whose row must be found under its new id.
	late, inOrder := open(t), open(t)
	for _, d := range append(Syndicated(), earlier, later) {
		if _, err := late.PutDocuments(ctx, []store.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := inOrder.PutDocuments(ctx, append([]store.Document{earlier}, append(Syndicated(), later)...)); err != nil {
		t.Fatal(err)
	}
	got := incidentsOf(t, late)
	if got["s0/e1"] != got["s1/e1"] || got["s4/e1"] != got["s1/e1"] || got["s0/e1"] == inc["s1/e1"] {
		t.Errorf("an earlier report arriving late: s0/e1, s1/e1 and s4/e1 in %s, %s and %s, want one incident renamed from %s",
			got["s0/e1"], got["s1/e1"], got["s4/e1"], inc["s1/e1"])
	}
	if want := incidentsOf(t, inOrder); !reflect.DeepEqual(got, want) {
		t.Errorf("an earlier report arriving late:\n got %v\nwant %v", got, want)
	}
	if g, w := canonicalOf(late), canonicalOf(inOrder); !slices.Equal(g, w) {
		t.Errorf("incidents' canonical events after an earlier report arrived late:\n got %v\nwant %v", g, w)
	}
	if st, err := late.Stats(ctx); err != nil || st.Incidents != 4 {
		t.Errorf("stats after an earlier report arrived late %+v, %v: want 4 incidents", st, err)
	}

	// A record built elsewhere whose two events share an id is stored,
	// and each event still has an incident of its own.
	s3 := open(t)
	odd := Syndicated()[2]
	odd.Record.Events = append(odd.Record.Events, odd.Record.Events[0])
	odd.Record.Events[1].Event = "PROTEST"
	if _, err := s3.PutDocuments(ctx, []store.Document{odd}); err != nil {
		t.Fatalf("a record with a repeated event id: %v", err)
	}
	if got := incidentsOf(t, s3); len(got) != 1 {
		t.Errorf("events of the record with a repeated id: %v", got)
	}
	if st, err := s3.Stats(ctx); err != nil || st.Incidents != 2 {
		t.Errorf("stats %+v, %v: want 2 incidents", st, err)
	}
}
