package incident_test

import (
	"math"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
)

func strp(s string) *string { return &s }

// baseRecord is a record with one fully coded event: a town, a day and
// coded actors, which makes an anchor.
func baseRecord() output.Record {
	return output.Record{
		DocID:     "wire-1",
		Source:    output.Source{Name: "Coast Courier", URL: "https://www.courier.example/a/1"},
		Published: strp("2025-06-03"),
		Events: []output.Event{{
			ID: "wire-1-e1", Event: "ASSAULT", Mode: "firearms", Date: strp("2025-06-02"), DatePrecision: "day",
			Actor:     []output.ActorBlock{{CountryCode: "KEN", SectorCode: "MIL"}},
			Recipient: []output.ActorBlock{{CountryCode: "KEN", SectorCode: "CVL"}, {CountryCode: "", SectorCode: "UNK"}},
			Location: &output.Location{Name: "Garissa", GeonameID: 1000, CountryCode: "KE", Lat: -0.45, Lon: 39.65,
				Source: "attached", Precision: 1},
			Confidence: 0.8,
		}},
	}
}

func TestFromEvent(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*output.Record)
		check func(t *testing.T, r incident.Report)
	}{
		{"full event", nil, func(t *testing.T, r incident.Report) {
			if r.EventID != "wire-1-e1" || r.DocID != "wire-1" || r.Type != "ASSAULT" || r.Mode != "firearms" {
				t.Errorf("ids and type: %+v", r)
			}
			if r.Source != "Coast Courier" || r.DuplicateOf != "" {
				t.Errorf("source %q dup %q", r.Source, r.DuplicateOf)
			}
			if len(r.Actors) != 1 || r.Actors[0] != (incident.Actor{Country: "KEN", Sector: "MIL"}) {
				t.Errorf("actors %+v", r.Actors)
			}
			if len(r.Recipients) != 2 || r.Recipients[1].Sector != "UNK" {
				t.Errorf("recipients %+v", r.Recipients)
			}
			if r.Date != "2025-06-02" || r.DatePrecision != incident.PrecisionDay {
				t.Errorf("date %q %q", r.Date, r.DatePrecision)
			}
			if p := r.Place; p == nil || p.GeonameID != 1000 || p.Precision != 1 || p.Lat != -0.45 || p.CountryCode != "KE" {
				t.Errorf("place %+v", r.Place)
			}
			if got, want := r.Published, time.Date(2025, 6, 3, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
				t.Errorf("published %v, want %v", got, want)
			}
			if r.Confidence != 0.8 {
				t.Errorf("confidence %v", r.Confidence)
			}
		}},
		{"duplicate names its original", func(rec *output.Record) { rec.DuplicateOf = strp("wire-0") }, func(t *testing.T, r incident.Report) {
			if r.DuplicateOf != "wire-0" {
				t.Errorf("duplicate_of %q", r.DuplicateOf)
			}
		}},
		{"outlet from the URL host", func(rec *output.Record) { rec.Source.Name = "" }, func(t *testing.T, r incident.Report) {
			if r.Source != "courier.example" {
				t.Errorf("source %q", r.Source)
			}
		}},
		{"negated is undated", func(rec *output.Record) { rec.Events[0].Negated = true }, func(t *testing.T, r incident.Report) {
			if r.DatePrecision != "" {
				t.Errorf("negated event kept precision %q", r.DatePrecision)
			}
		}},
		{"unknown precision is undated", func(rec *output.Record) { rec.Events[0].DatePrecision = "week" }, func(t *testing.T, r incident.Report) {
			if r.DatePrecision != "" {
				t.Errorf("precision %q", r.DatePrecision)
			}
		}},
		{"day without date is undated", func(rec *output.Record) { rec.Events[0].Date = nil }, func(t *testing.T, r incident.Report) {
			if r.DatePrecision != "" {
				t.Errorf("precision %q", r.DatePrecision)
			}
		}},
		{"published precision from publication", func(rec *output.Record) {
			rec.Events[0].Date, rec.Events[0].DatePrecision = nil, "published"
		}, func(t *testing.T, r incident.Report) {
			if r.DatePrecision != incident.PrecisionPublished || r.Published.IsZero() {
				t.Errorf("precision %q published %v", r.DatePrecision, r.Published)
			}
		}},
		{"unresolved dateline is no place", func(rec *output.Record) {
			rec.Events[0].Location = &output.Location{Name: "SOMEWHERE", Source: "dateline", Precision: 1}
		}, func(t *testing.T, r incident.Report) {
			if r.Place != nil {
				t.Errorf("place %+v", r.Place)
			}
		}},
		{"region keeps its precision", func(rec *output.Record) {
			rec.Events[0].Location.Precision = 3
		}, func(t *testing.T, r incident.Report) {
			if r.Place == nil || r.Place.Precision != 3 {
				t.Errorf("place %+v", r.Place)
			}
		}},
		{"NaN confidence", func(rec *output.Record) { rec.Events[0].Confidence = math.NaN() }, func(t *testing.T, r incident.Report) {
			if r.Confidence != 0 {
				t.Errorf("confidence %v", r.Confidence)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := baseRecord()
			if tt.edit != nil {
				tt.edit(&rec)
			}
			r := incident.FromRecord(&rec)
			if len(r) != 1 {
				t.Fatalf("got %d reports", len(r))
			}
			tt.check(t, r[0])
			// Whatever the record holds, the report is one Add takes.
			c, err := incident.New(incident.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Add(r[0]); err != nil {
				t.Errorf("Add refused the converted report: %v", err)
			}
		})
	}
}

// TestFromRecord_Cluster checks the converter end to end: two outlets'
// records of one shooting join one incident, and a third outlet's
// syndicated copy of the first adds a report but no source.
func TestFromRecord_Cluster(t *testing.T) {
	a := baseRecord()
	b := baseRecord()
	b.DocID, b.Source = "daily-7", output.Source{Name: "Daily Star"}
	b.Events[0].ID = "daily-7-e1"
	b.Events[0].Date = strp("2025-06-03") // "yesterday" read a day later
	b.Events[0].Location.Lat += 0.05      // a suburb's point
	b.Events[0].Location.GeonameID = 1001
	c := baseRecord()
	c.DocID, c.Source, c.DuplicateOf = "copy-3", output.Source{Name: "Third Paper"}, strp("wire-1")
	c.Events[0].ID = "copy-3-e1"
	cl, err := incident.New(incident.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range []*output.Record{&a, &b, &c} {
		for _, r := range incident.FromRecord(rec) {
			if _, err := cl.Add(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	incs := cl.Incidents()
	if len(incs) != 1 {
		t.Fatalf("got %d incidents, want 1: %+v", len(incs), incs)
	}
	if got := incs[0]; got.NReports != 3 || got.NSources != 2 {
		t.Errorf("n_reports %d n_sources %d, want 3 and 2", got.NReports, got.NSources)
	}
}

func TestReportID(t *testing.T) {
	for _, c := range []struct{ doc, ev, want string }{
		{"afp-12", "afp-12-e3", "afp-12-e3"},
		{"AFP/2024/1", "AFP/2024/1-e10", "AFP/2024/1-e10"},
		{"d1", "e1", "d1/e1"},
		{"d1", "d1-ex", "d1/d1-ex"},
		{"d1", "d1-e", "d1/d1-e"},
		{"d1", "d2-e1", "d1/d2-e1"},
	} {
		if got := incident.ReportID(c.doc, c.ev); got != c.want {
			t.Errorf("ReportID(%q, %q) = %q, want %q", c.doc, c.ev, got, c.want)
		}
	}
}

func TestAddOrSingle(t *testing.T) {
	c, err := incident.New(incident.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := baseRecord()
	r := incident.FromRecord(&rec)[0]
	odd := r
	odd.EventID, odd.DocID, odd.Date = "other-e1", "other", "2025-13-45" // no such day
	for _, x := range []incident.Report{r, odd} {
		if _, err := incident.AddOrSingle(c, x); err != nil {
			t.Fatalf("AddOrSingle(%s): %v", x.EventID, err)
		}
	}
	if n := c.Len(); n != 2 {
		t.Errorf("%d incidents, want the odd report alone", n)
	}
	clash := r
	clash.Type = "PROTEST"
	if _, err := incident.AddOrSingle(c, clash); err == nil {
		t.Error("AddOrSingle accepted another report under a used event id")
	}
}
