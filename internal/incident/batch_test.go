package incident_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/dateline-project/dateline/internal/incident"
	"github.com/dateline-project/dateline/internal/output"
)

// batchRecords are six outlets' records: three tell one shooting (the
// third a day later, more confident, so that it becomes the canonical
// report once it arrives), two a protest elsewhere, and one repeats the
// first record's doc_id.
func batchRecords() []output.Record {
	var out []output.Record
	for i, c := range []struct {
		typ, date, place string
		conf             float64
	}{
		{"ASSAULT", "2025-06-02", "Garissa", 0.7},
		{"ASSAULT", "2025-06-02", "Garissa", 0.6},
		{"ASSAULT", "2025-06-03", "Garissa", 0.9},
		{"PROTEST", "2025-06-02", "Mombasa", 0.8},
		{"PROTEST", "2025-06-02", "Mombasa", 0.8},
	} {
		rec := baseRecord()
		rec.DocID = fmt.Sprintf("doc-%d", i)
		rec.Source.Name = fmt.Sprintf("Outlet %d", i)
		ev := &rec.Events[0]
		ev.ID, ev.Event, ev.Date, ev.Confidence = rec.DocID+"-e1", c.typ, strp(c.date), c.conf
		if c.place == "Mombasa" {
			ev.Location = &output.Location{Name: "Mombasa", GeonameID: 2000, CountryCode: "KE", Lat: -4.05, Lon: 39.66, Precision: 1}
		}
		out = append(out, rec)
	}
	again := out[0]
	again.Title = "the same id again"
	return append(out, again)
}

func runBatch(t *testing.T, recs []output.Record) map[string]string {
	t.Helper()
	b, err := incident.NewBatch(incident.Options{}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i := range recs {
		if _, err := b.Add(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := b.Emit(&out); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	n := 0
	dec := json.NewDecoder(&out)
	for dec.More() {
		var rec output.Record
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		if n == len(recs) {
			t.Fatalf("more records emitted than the %d added", len(recs))
		}
		want, _ := json.Marshal(recs[n])
		// The record comes back as it went in, but for incident ids.
		back := rec
		back.Events = append([]output.Event(nil), rec.Events...)
		for i := range back.Events {
			if rec.Title != "the same id again" {
				got[rec.Events[i].ID] = rec.Events[i].IncidentID
			} else if rec.Events[i].IncidentID != "" {
				t.Errorf("record repeating doc_id %s got incident %s", rec.DocID, rec.Events[i].IncidentID)
			}
			back.Events[i].IncidentID = ""
		}
		if js, _ := json.Marshal(back); string(js) != string(want) {
			t.Errorf("record %d changed:\n got %s\nwant %s", n, js, want)
		}
		n++
	}
	if n != len(recs) {
		t.Errorf("emitted %d of %d records", n, len(recs))
	}
	return got
}

func TestBatch(t *testing.T) {
	recs := batchRecords()
	got := runBatch(t, recs)
	want := map[string]string{
		"doc-0-e1": "inc-doc-0-e1", "doc-1-e1": "inc-doc-0-e1", "doc-2-e1": "inc-doc-0-e1",
		"doc-3-e1": "inc-doc-3-e1", "doc-4-e1": "inc-doc-3-e1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("incidents %v, want %v", got, want)
	}
	// Any order of the distinct records gives the same ids.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := append([]output.Record(nil), recs[:5]...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := runBatch(t, shuffled); !reflect.DeepEqual(got, want) {
			t.Errorf("shuffled: incidents %v, want %v", got, want)
		}
	}
}

// TestBatch_Encoding checks that Emit writes each record as
// output.LineEncoder encodes it with its incident ids set, compact and
// indented: ids with characters JSON escapes, a record with several
// events, and a record whose title event already carries the spool's
// placeholder, which Emit must not take for an event's.
func TestBatch_Encoding(t *testing.T) {
	odd := baseRecord()
	odd.DocID = "a<b>&\"c\"\u0085\u2028"
	odd.Events[0].ID = odd.DocID + "-e1"
	two := baseRecord()
	two.DocID = "two"
	two.Events = append(two.Events, two.Events[0])
	two.Events[0].ID, two.Events[1].ID = "two-e1", "two-e2"
	two.Events[1].Event = "PROTEST"
	titled := baseRecord()
	titled.DocID = "titled"
	titled.Events[0].ID = "titled-e1"
	titled.TitleEvents = []output.Event{titled.Events[0]}
	titled.TitleEvents[0].IncidentID = "\x01"
	for _, indent := range []string{"", "  "} {
		b, err := incident.NewBatch(incident.Options{}, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		if indent != "" {
			b.SetIndent("", indent)
		}
		recs := []output.Record{odd, two, titled}
		for i := range recs {
			if ok, err := b.Add(&recs[i]); !ok || err != nil {
				t.Fatalf("add %s: %v, %v", recs[i].DocID, ok, err)
			}
		}
		var got bytes.Buffer
		if err := b.Emit(&got); err != nil {
			t.Fatal(err)
		}
		b.Close()
		// What a LineEncoder writes for the records with the ids Emit
		// gave them.
		var want bytes.Buffer
		enc := output.NewLineEncoder(&want)
		enc.SetIndent("", indent)
		dec := json.NewDecoder(bytes.NewReader(got.Bytes()))
		for i := 0; dec.More(); i++ {
			var rec output.Record
			if err := dec.Decode(&rec); err != nil {
				t.Fatal(err)
			}
			for j, ev := range rec.Events {
				if ev.IncidentID == "" || ev.IncidentID == "\x01" {
					t.Errorf("indent %q: record %s event %d has incident id %q", indent, rec.DocID, j, ev.IncidentID)
				}
			}
			if rec.DocID == "titled" && rec.TitleEvents[0].IncidentID != "\x01" {
				t.Errorf("indent %q: the title event's incident id became %q", indent, rec.TitleEvents[0].IncidentID)
			}
			if err := enc.Encode(&rec); err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != want.String() {
			t.Errorf("indent %q: emitted\n%s\nwant\n%s", indent, got.String(), want.String())
		}
		if recs[1].Events[0].IncidentID != "" {
			t.Errorf("Add changed the caller's record: incident id %q", recs[1].Events[0].IncidentID)
		}
	}
}
