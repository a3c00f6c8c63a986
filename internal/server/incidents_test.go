package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/server"
	"github.com/dateline-project/dateline/internal/store"
	"github.com/dateline-project/dateline/internal/store/storetest"
)

// syndicatedServer serves storetest.Syndicated: s1/e1 and its copy s2/e1
// are one incident; s1/e2, s2/e2 and s3/e1 are incidents of their own.
func syndicatedServer(t *testing.T) *server.Server {
	t.Helper()
	db := newStore(t)
	if _, err := db.PutDocuments(context.Background(), storetest.Syndicated()); err != nil {
		t.Fatal(err)
	}
	return server.New(db, server.Options{Coder: fakeCoder{}})
}

func TestIncidents_API(t *testing.T) {
	s := syndicatedServer(t)

	r := get(t, s, "/api/incidents?type=ASSAULT")
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	page := decode[struct {
		Incidents []server.IncidentRow `json:"incidents"`
		Next      *string              `json:"next"`
	}](t, r)
	if len(page.Incidents) != 2 || page.Next != nil {
		t.Fatalf("incidents %+v next %v: want 2 on one page", page.Incidents, page.Next)
	}
	first := page.Incidents[0]
	if first.ID != "inc-s1/e1" || first.NReports != 2 || first.NSources != 1 ||
		!reflect.DeepEqual(first.Reports, []string{"s1/e1", "s2/e1"}) || first.FirstReport == "" {
		t.Errorf("syndicated incident %+v", first)
	}
	if c := first.Canonical; c == nil || c.DocID != "s1" || c.ID != "e1" || c.IncidentID != first.ID || c.NReports != 0 {
		t.Errorf("canonical event %+v: want s1/e1, its counts moved to the incident", c)
	}
	if got := page.Incidents[1]; got.ID != "inc-s3/e1" || got.NReports != 1 {
		t.Errorf("second incident %+v", got)
	}

	// One row per incident in the event listing, with its counts; every
	// event row names its incident.
	rows := decode[eventsPage](t, get(t, s, "/api/events?incidents=1")).Events
	if got, want := storetest.Keys(rows), []string{"s1/e1", "s1/e2", "s2/e2", "s3/e1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("incidents=1 rows %v, want %v", got, want)
	}
	if rows[0].IncidentID != "inc-s1/e1" || rows[0].NReports != 2 {
		t.Errorf("row %+v: want incident_id and n_reports", rows[0])
	}
	for _, row := range decode[eventsPage](t, get(t, s, "/api/events")).Events {
		if row.IncidentID == "" || row.NReports != 0 {
			t.Errorf("event row %s/%s: incident %q n_reports %d", row.DocID, row.ID, row.IncidentID, row.NReports)
		}
	}

	// Aggregates count incidents unless asked for reports.
	total := func(q string) int {
		t.Helper()
		r := get(t, s, "/api/stats/timeline"+q)
		if r.status != http.StatusOK {
			t.Fatalf("timeline%s: %d %s", q, r.status, r.body)
		}
		n := 0
		for _, p := range decode[struct {
			Days []store.TimelinePoint `json:"days"`
		}](t, r).Days {
			n += p.Total
		}
		return n
	}
	if got := [3]int{total(""), total("?count=incidents"), total("?count=reports")}; got != [3]int{4, 4, 5} {
		t.Errorf("timeline totals (default, incidents, reports) = %v, want 4 4 5", got)
	}
	weight := func(q string) int {
		t.Helper()
		edges := decode[struct {
			Edges []store.Edge `json:"edges"`
		}](t, get(t, s, "/api/actors/network?type=ASSAULT"+q)).Edges
		n := 0
		for _, e := range edges {
			n += e.Weight
		}
		return n
	}
	if a, b := weight(""), weight("&count=reports"); a != 2 || b != 3 {
		t.Errorf("network ASSAULT weights %d (incidents) and %d (reports), want 2 and 3", a, b)
	}
	count := func(q string) int {
		t.Helper()
		n := 0
		for _, p := range decode[struct {
			Places []store.PlaceCount `json:"places"`
		}](t, get(t, s, "/api/places?type=ASSAULT"+q)).Places {
			n += p.Count
		}
		return n
	}
	if a, b := count(""), count("&count=reports"); a != 2 || b != 3 {
		t.Errorf("places ASSAULT counts %d (incidents) and %d (reports), want 2 and 3", a, b)
	}

	for _, bad := range []string{"/api/stats/timeline?count=events", "/api/events?incidents=maybe",
		"/api/incidents?incidents=1", "/api/events?count=reports", "/api/export/incidents.csv?incidents=0"} {
		if r := get(t, s, bad); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, r.status)
		}
	}
}

func TestIncidents_Exports(t *testing.T) {
	s := syndicatedServer(t)
	read := func(path string) [][]string {
		t.Helper()
		r := get(t, s, path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d %s", path, r.status, r.body)
		}
		recs, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	events := read("/api/export/events.csv")
	col := slices.Index(events[0], "incident_id")
	if col < 0 || len(events) != 6 {
		t.Fatalf("events.csv header %v, %d lines", events[0], len(events))
	}
	for _, rec := range events[1:] {
		if !strings.HasPrefix(rec[col], "inc-") {
			t.Errorf("event row without incident: %v", rec)
		}
	}
	incs := read("/api/export/incidents.csv")
	if !reflect.DeepEqual(incs[0], server.IncidentCSVHeader) || len(incs) != 5 {
		t.Fatalf("incidents.csv: header %v, %d lines, want 4 incidents", incs[0], len(incs))
	}
	if got := incs[1][:5]; !reflect.DeepEqual(got[:3], []string{"inc-s1/e1", "2", "1"}) || got[4] != "s1/e1|s2/e1" {
		t.Errorf("incident row %v", incs[1])
	}
	if n := len(read("/api/export/incidents.csv?type=ASSAULT")); n != 3 {
		t.Errorf("incidents.csv?type=ASSAULT: %d lines, want header and 2", n)
	}
	if n := len(read("/api/export/events.csv?incidents=1")); n != 5 {
		t.Errorf("events.csv?incidents=1: %d lines, want header and 4", n)
	}
	r := get(t, s, "/api/export/events.geojson")
	if !bytes.Contains(r.body, []byte(`"incident_id":"inc-s1/e1"`)) {
		t.Errorf("geojson has no incident_id: %s", r.body)
	}
}

func TestIncidents_DocumentAlsoReportedBy(t *testing.T) {
	s := syndicatedServer(t)
	type page struct {
		Record struct {
			Events []struct {
				IncidentID string `json:"incident_id"`
			} `json:"events"`
		} `json:"record"`
		Also []store.DocRef `json:"also_reported_by"`
	}
	p := decode[page](t, get(t, s, "/api/documents/s2"))
	if want := []store.DocRef{{DocID: "s1", Title: "Fighters attack villages near El Fasher"}}; !reflect.DeepEqual(p.Also, want) {
		t.Errorf("also_reported_by %+v, want %+v", p.Also, want)
	}
	if len(p.Record.Events) != 2 || p.Record.Events[0].IncidentID != "inc-s1/e1" {
		t.Errorf("events %+v: want s2/e1 in inc-s1/e1", p.Record.Events)
	}
	if p := decode[page](t, get(t, s, "/api/documents/s3")); p.Also == nil || len(p.Also) != 0 {
		t.Errorf("s3 also_reported_by %+v, want []", p.Also)
	}
}
