package sqlite_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// FuzzPutDocuments drives the write path with records decoded from
// arbitrary JSON and arbitrary text: whatever a record holds (offsets
// past the text, empty or odd codes, huge numbers, invalid UTF-8), a write
// either stores it or fails with an error, never panics, and a stored
// document reads back with its id and text.
func FuzzPutDocuments(f *testing.F) {
	f.Add(`{"doc_id":"a","events":[{"id":"a-e1","event":"ASSAULT","date":"2024-05-02","actor":[{"country_code":"RUS","start":0,"end":4}],"recipient":[],"location":{"name":"Kyiv","lat":50.45,"lon":30.52,"geonameid":703448}}]}`, "Some text.")
	f.Add(`{"doc_id":"b","quotes":[{"kind":"direct","text":"x","start":-5,"end":99999}],"places":[{"lat":1e308,"lon":-1e308}]}`, "")
	f.Add(`{"doc_id":"","events":[{"id":"","date":"not a date","intensity":-1e9}]}`, "\xff\xfe")
	f.Add(`{"doc_id":"c/d?e=f","events":[{"id":"c-e1","event":"","claimed_by":{"entity_name":"\u0000"}}]}`, "text")
	db := open(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, recJSON, text string) {
		var rec output.Record
		if json.Unmarshal([]byte(recJSON), &rec) != nil {
			return
		}
		ins, err := db.PutDocuments(ctx, []store.Document{{Record: rec, Text: text}})
		if err != nil || len(ins) != 1 || !ins[0] {
			return // refused, or already stored: both fine
		}
		got, err := db.Document(ctx, rec.DocID)
		if err != nil {
			t.Fatalf("stored %q but cannot read it back: %v", rec.DocID, err)
		}
		if got.Text != text {
			t.Errorf("text of %q: stored %q, read %q", rec.DocID, text, got.Text)
		}
		if _, _, err := db.Events(ctx, store.EventFilter{}, "", 5); err != nil {
			t.Errorf("events after storing %q: %v", rec.DocID, err)
		}
	})
}
