package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// vocabulary is a small stand-in for the dictionaries' codes.
var vocabulary = &server.Vocabulary{
	Countries: map[string]string{"AZE": "AZ", "ARM": "AM", "KEN": "KE", "FRA": "FR", "TUR": "TR", "USA": "US", "IGO": ""},
	Sectors:   []string{"GOV", "MIL", "CVL", "ELI"},
}

// eventKeys gets /api/events?query and returns the events' keys.
func eventKeys(t *testing.T, s *server.Server, query string) []string {
	t.Helper()
	r := get(t, s, "/api/events?"+query)
	if r.status != http.StatusOK {
		t.Fatalf("%s: status %d: %s", query, r.status, r.body)
	}
	return storetest.Keys(decode[eventsPage](t, r).Events)
}

// TestEvents_AnalystFilters: the filters on what the text asserts, how
// sure the coder is and how the date is known, and the sorts, read from
// the query string (the fixture's flags are listed in storetest).
func TestEvents_AnalystFilters(t *testing.T) {
	s, _ := newServer(t, server.Options{Vocabulary: vocabulary})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"principal=true", []string{"d1/e1", "d2/e2", "d2/e1", "d3/e1"}},
		{"principal=0", []string{"d1/e2"}},
		{"negated=1", []string{"d1/e2"}},
		{"asserted=1", []string{"d1/e1", "d2/e2"}},
		{"asserted=false", []string{"d1/e2", "d2/e1", "d3/e1"}},
		{"principal=1&asserted=1", []string{"d1/e1", "d2/e2"}},
		{"min_confidence=0.7", []string{"d1/e1", "d2/e2", "d2/e1"}},
		{"date_precision=month,published", []string{"d1/e2", "d2/e2"}},
		{"main_event=1", []string{"d1/e1", "d2/e1"}},
		{"sort=-date", []string{"d3/e1", "d2/e1", "d2/e2", "d1/e2", "d1/e1"}},
		{"sort=-confidence&principal=1", []string{"d2/e2", "d1/e1", "d2/e1", "d3/e1"}},
		{"sort=confidence&actor_country=AZE", []string{"d3/e1", "d1/e1"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			if got := eventKeys(t, s, c.query); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestEvents_SortPaging: a sorted listing pages through the same events
// in the same order as one page shows, and a cursor refuses another sort.
func TestEvents_SortPaging(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	for _, sort := range []string{"date", "-date", "confidence", "-confidence"} {
		one := storetest.Keys(decode[eventsPage](t, get(t, s, "/api/events?sort="+sort)).Events)
		var got []string
		target := "/api/events?limit=2&sort=" + sort
		for pages := 0; pages < 10; pages++ {
			p := decode[eventsPage](t, get(t, s, target))
			got = append(got, storetest.Keys(p.Events)...)
			if p.Next == nil {
				break
			}
			target = "/api/events?limit=2&sort=" + sort + "&cursor=" + *p.Next
		}
		if !reflect.DeepEqual(got, one) || len(one) != 5 {
			t.Errorf("sort %s: paged %v, want %v", sort, got, one)
		}
	}
	p := decode[eventsPage](t, get(t, s, "/api/events?limit=1&sort=-confidence"))
	if r := get(t, s, "/api/events?limit=1&sort=date&cursor="+*p.Next); r.status != http.StatusBadRequest {
		t.Errorf("a -confidence cursor under sort=date: status %d, want 400", r.status)
	}
}

// TestEvents_Total: total=1 adds the count of every match, whatever the
// page size; without it there is no total.
func TestEvents_Total(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	type page struct {
		Events []any `json:"events"`
		Total  *int  `json:"total"`
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{"total=1&limit=1", 5}, {"total=1&limit=2&principal=1", 4}, {"total=true&type=ASSAULT,AID", 2},
		{"total=1&quad=material%20conflict&from=2024-03-01", 1}, {"total=1&type=RETREAT", 0},
	} {
		p := decode[page](t, get(t, s, "/api/events?"+c.query))
		if p.Total == nil || *p.Total != c.want {
			t.Errorf("%s: total %v, want %d", c.query, p.Total, c.want)
		}
	}
	if p := decode[page](t, get(t, s, "/api/events?limit=1")); p.Total != nil {
		t.Errorf("total %d without total=1", *p.Total)
	}
}

// TestFilters_UnknownCodes: a code the coder never writes is a 400 that
// names the valid values, on every endpoint that takes the event filters,
// instead of an empty answer that reads as "nothing happened".
func TestFilters_UnknownCodes(t *testing.T) {
	s, _ := newServer(t, server.Options{Vocabulary: vocabulary})
	bare, _ := newServer(t, server.Options{})
	for _, c := range []struct {
		srv   *server.Server
		query string
		says  []string // what the error must mention
	}{
		{s, "actor_country=US", []string{"actor_country", `"US"`, "USA"}},
		{s, "recipient_country=XYZ", []string{"recipient_country", "AZE", "IGO"}},
		{bare, "actor_country=US", []string{"alpha-3"}},
		{s, "type=BOMBING", []string{"type", "ASSAULT", "PROTEST"}},
		{s, "mode=bombing", []string{"mode", "demo", "arrest"}},
		{s, "quad=war", []string{"quad", "material conflict"}},
		{s, "actor_sector=SOLDIERS", []string{"actor_sector", "MIL"}},
		{s, "recipient_sector=XXX", []string{"recipient_sector", "GOV"}},
		{bare, "actor_sector=MILITARY", []string{"three-letter"}},
		{s, "date_precision=week", []string{"date_precision", "day", "historical"}},
		{s, "sort=newest", []string{"sort", "-date", "confidence"}},
		{s, "min_confidence=2", []string{"min_confidence"}},
		{s, "principal=yes", []string{"principal"}},
		{s, "total=maybe", []string{"total"}},
	} {
		for _, path := range []string{"/api/events", "/api/stats/timeline", "/api/actors/network", "/api/places", "/api/export/events.csv"} {
			if strings.HasPrefix(c.query, "sort=") || strings.HasPrefix(c.query, "total=") {
				if path != "/api/events" {
					continue // only the listing is sorted and counted
				}
			}
			r := get(t, c.srv, path+"?"+c.query)
			if r.status != http.StatusBadRequest {
				t.Errorf("%s?%s: status %d, want 400", path, c.query, r.status)
				continue
			}
			msg := decode[map[string]string](t, r)["error"]
			for _, w := range c.says {
				if !strings.Contains(msg, w) {
					t.Errorf("%s?%s: error %q does not mention %q", path, c.query, msg, w)
				}
			}
		}
	}
	// Known codes still pass, case-blind where the API always was.
	for _, q := range []string{"actor_country=aze", "type=assault", "mode=demo", "quad=MATERIAL_CONFLICT", "actor_sector=mil", "date_precision=day"} {
		if r := get(t, s, "/api/events?"+q); r.status != http.StatusOK {
			t.Errorf("%s: status %d: %s", q, r.status, r.body)
		}
	}
}

// TestDocuments_List: GET /api/documents lists documents with their
// counts, filtered and paged.
func TestDocuments_List(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	type page struct {
		Documents []struct {
			DocID  string `json:"doc_id"`
			Title  string `json:"title"`
			Events int    `json:"events"`
			Quotes int    `json:"quotes"`
		} `json:"documents"`
		Next *string `json:"next"`
	}
	ids := func(p page) []string {
		var out []string
		for _, d := range p.Documents {
			out = append(out, d.DocID)
		}
		return out
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"d1", "d2", "d3"}},
		{"sort=-date", []string{"d3", "d2", "d1"}},
		{"q=ceasefire", []string{"d1"}},
		{"from=2024-03-02&to=2024-03-06", []string{"d2"}},
		{"source=example.org/d3", []string{"d3"}},
		{"has_events=false", nil},
		{"has_events=1&distinct=1", []string{"d1", "d2", "d3"}},
	} {
		r := get(t, s, "/api/documents?"+c.query)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", c.query, r.status, r.body)
		}
		if got := ids(decode[page](t, r)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
	p := decode[page](t, get(t, s, "/api/documents?limit=2"))
	if len(p.Documents) != 2 || p.Next == nil || p.Documents[1].Events != 2 || p.Documents[1].Quotes != 2 {
		t.Fatalf("first page %+v", p)
	}
	p = decode[page](t, get(t, s, "/api/documents?limit=2&cursor="+*p.Next))
	if got := ids(p); !reflect.DeepEqual(got, []string{"d3"}) || p.Next != nil {
		t.Errorf("second page %v next %v", got, p.Next)
	}
	// The list does not swallow the document route.
	if r := get(t, s, "/api/documents/d2"); r.status != http.StatusOK || !strings.Contains(string(r.body), `"text"`) {
		t.Errorf("GET /api/documents/d2: %d %s", r.status, r.body)
	}
	for _, q := range []string{"has_events=maybe", "sort=confidence", "from=2024-02-30", "cursor=%21", "type=ASSAULT", "limit=0"} {
		if r := get(t, s, "/api/documents?"+q); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, r.status)
		}
	}
}

// TestActors_List: GET /api/actors ranks actors by the events the event
// filters keep, by role, and pages.
func TestActors_List(t *testing.T) {
	s, _ := newServer(t, server.Options{Vocabulary: vocabulary})
	type page struct {
		Actors []struct {
			Name        string `json:"name"`
			Country     string `json:"country"`
			Events      int    `json:"events"`
			AsActor     int    `json:"as_actor"`
			AsRecipient int    `json:"as_recipient"`
		} `json:"actors"`
		Next *string `json:"next"`
	}
	names := func(p page) []string {
		var out []string
		for _, a := range p.Actors {
			out = append(out, a.Name+"/"+a.Country)
		}
		return out
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"limit=4", []string{"Armenia/ARM", "Azerbaijan/AZE", "France/FRA", "Kenyan government/KEN"}},
		{"role=recipient&actor_country=KEN", []string{"Kenyan government/KEN"}},
		{"type=CONSULT&role=actor", []string{"Azerbaijan/AZE", "Azerbaijani navy/AZE", "Turkey/TUR"}},
		{"asserted=1&principal=1&name=kenyan", []string{"Kenyan government/KEN"}},
	} {
		r := get(t, s, "/api/actors?"+c.query)
		if r.status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", c.query, r.status, r.body)
		}
		if got := names(decode[page](t, r)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.query, got, c.want)
		}
	}
	var got []string
	target := "/api/actors?limit=3"
	for pages := 0; pages < 10; pages++ {
		p := decode[page](t, get(t, s, target))
		got = append(got, names(p)...)
		if p.Next == nil {
			break
		}
		target = "/api/actors?limit=3&cursor=" + *p.Next
	}
	if len(got) != 8 {
		t.Errorf("paged %d actors, want the fixture's 8: %v", len(got), got)
	}
	for _, q := range []string{"role=speaker", "actor_country=US", "type=BOMBING", "cursor=abc", "sort=-date"} {
		if r := get(t, s, "/api/actors?"+q); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", q, r.status)
		}
	}
	// The network keeps its own route.
	if r := get(t, s, "/api/actors/network"); r.status != http.StatusOK || !strings.Contains(string(r.body), `"edges"`) {
		t.Errorf("GET /api/actors/network: %d %s", r.status, r.body)
	}
}

// TestPostDocuments_UpdateRecodeAlias: issue #16 bug 7 over the API. New
// text under a posted id replaces the document (it used to answer
// "unchanged"); recode=1 replaces a document coded under another
// provenance; the same text under a new id is an alias that GET resolves.
func TestPostDocuments_UpdateRecodeAlias(t *testing.T) {
	db := newStore(t)
	post := func(s *server.Server, query, body string) postResult {
		t.Helper()
		r := do(t, s, http.MethodPost, "/api/documents"+query, strings.NewReader(body), jsonType...)
		if r.status != http.StatusOK && r.status != http.StatusCreated {
			t.Fatalf("POST %s: %d %s", query, r.status, r.body)
		}
		return decode[postResult](t, r)
	}
	v1 := &output.Provenance{Coder: "dateline test", Resources: "sha256:aa"}
	s1 := server.New(db, server.Options{Coder: fakeCoder{}, Provenance: v1})
	if res := post(s1, "", `{"id":"AFP/1","text":"France accused the ministry of delays."}`); res.Inserted != 1 {
		t.Fatalf("first post: %+v", res)
	}
	res := post(s1, "", `{"id":"AFP/1","text":"France accused the ministry of long delays, a correction says."}`)
	if res.Replaced != 1 || res.Inserted != 0 || res.Unchanged != 0 {
		t.Errorf("new text under the same id: %+v, want one replaced", res)
	}
	d, err := db.Document(context.Background(), "AFP/1")
	if err != nil || !strings.Contains(d.Text, "correction") || d.Record.Provenance == nil || *d.Record.Provenance != *v1 {
		t.Fatalf("after the update: %+v %v", d, err)
	}
	// Another coder: without recode=1 the same text is left alone.
	v2 := &output.Provenance{Coder: "dateline test", Resources: "sha256:bb"}
	s2 := server.New(db, server.Options{Coder: fakeCoder{}, Provenance: v2})
	same := `{"id":"AFP/1","text":"France accused the ministry of long delays, a correction says."}`
	if res := post(s2, "", same); res.Unchanged != 1 {
		t.Errorf("same text, no recode: %+v", res)
	}
	if res := post(s2, "?recode=1", same); res.Replaced != 1 {
		t.Errorf("same text, recode=1: %+v", res)
	}
	if d, _ := db.Document(context.Background(), "AFP/1"); d.Record.Provenance == nil || *d.Record.Provenance != *v2 {
		t.Errorf("recoded provenance %+v, want %+v", d.Record.Provenance, v2)
	}
	if res := post(s2, "?recode=1", same); res.Unchanged != 1 {
		t.Errorf("recode under the same provenance: %+v", res)
	}
	// The same text under a new id.
	if res := post(s2, "", `{"id":"Reuters/9","text":"France accused the ministry of long delays, a correction says."}`); res.Aliased != 1 {
		t.Errorf("copy under a new id: %+v", res)
	}
	r := get(t, s2, "/api/documents/Reuters%2F9")
	if r.status != http.StatusOK || !strings.Contains(string(r.body), `"doc_id":"AFP/1"`) {
		t.Errorf("GET the alias: %d %s", r.status, r.body)
	}
	if n, err := db.CountEvents(context.Background(), store.EventFilter{}); err != nil || n != 1 {
		t.Errorf("events %d (%v): replacing and aliasing must leave the one document's one event", n, err)
	}
	if r := do(t, s2, http.MethodPost, "/api/documents?recode=perhaps", strings.NewReader(same), jsonType...); r.status != http.StatusBadRequest {
		t.Errorf("recode=perhaps: %d", r.status)
	}
}

// TestExportCSV_AnalystColumns: the CSV carries the date precision, the
// contexts, the evidence sentence, the GeoNames id and the location
// precision (issue #16), empty where the event has none.
func TestExportCSV_AnalystColumns(t *testing.T) {
	docs := storetest.Fixture()
	e := &docs[0].Record.Events[0] // d1/e1
	e.Context = []string{"military", "territory"}
	e.Evidence.Text = "The Azerbaijani army shelled positions near Ganja, Armenian officials said."
	e.Location.GeonameID, e.Location.Precision = 585103, 2
	db := newStore(t)
	if _, err := db.PutDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := server.New(db, server.Options{})
	r := get(t, s, "/api/export/events.csv?type=ASSAULT,ACCUSE")
	recs, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("csv %v: %s", err, r.body)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, c := range []struct {
		row       int
		col, want string
	}{
		{1, "day", "2024-02-28"}, {1, "date_precision", "day"}, {1, "context", "military|territory"},
		{1, "evidence", e.Evidence.Text}, {1, "geonameid", "585103"}, {1, "location_precision", "2"},
		{1, "negated", "false"}, {1, "principal", "true"},
		{2, "day", "2024-03-01"}, {2, "date_precision", "published"}, {2, "context", ""}, {2, "negated", "true"},
		{2, "geonameid", ""}, {2, "location_precision", ""}, {2, "lat", ""},
	} {
		if got := recs[c.row][col[c.col]]; got != c.want {
			t.Errorf("row %d %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if len(recs[0]) != len(recs[1]) {
		t.Errorf("header has %d columns, rows %d", len(recs[0]), len(recs[1]))
	}
}

// FuzzListsQuery checks that no query string makes the document list or
// the actor ranking answer anything but 200 or 400.
func FuzzListsQuery(f *testing.F) {
	for _, seed := range []string{"", "has_events=1&sort=-date", "source=%25&q=cease*", "role=recipient&name=a&type=AID", "cursor=b2Zmc2V0fjM&limit=2", "from=2024-02-30"} {
		f.Add(seed)
	}
	s, _ := newServer(f, server.Options{})
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/documents", "/api/actors"} {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.URL.RawQuery = raw
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("%s?%s: status %d %s", path, raw, rec.Code, rec.Body)
			}
		}
	})
}
