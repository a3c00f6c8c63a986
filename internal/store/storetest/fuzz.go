package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// FuzzPutDocuments drives a backend's write path with records decoded
// from arbitrary JSON and arbitrary text: whatever a record holds
// (offsets past the text, empty or odd codes, huge numbers, invalid
// UTF-8, NUL bytes), a write either stores it or fails with an error,
// never panics, and a stored document reads back with its id and text.
// Each backend's FuzzPutDocuments calls it with its own store.
func FuzzPutDocuments(f *testing.F, s store.Store) {
	f.Add(`{"doc_id":"a","events":[{"id":"a-e1","event":"ASSAULT","date":"2024-05-02","actor":[{"country_code":"RUS","start":0,"end":4}],"recipient":[],"location":{"name":"Kyiv","lat":50.45,"lon":30.52,"geonameid":703448}}]}`, "Some text.")
	f.Add(`{"doc_id":"b","quotes":[{"kind":"direct","text":"x","start":-5,"end":99999}],"places":[{"lat":1e308,"lon":-1e308}]}`, "")
	f.Add(`{"doc_id":"","events":[{"id":"","date":"not a date","intensity":-1e9}]}`, "\xff\xfe")
	f.Add(`{"doc_id":"c/d?e=f","events":[{"id":"c-e1","event":"","claimed_by":{"entity_name":"\u0000"}}]}`, "text")
	f.Add(`{"doc_id":"g\u0000","title":"\u0000","events":[{"id":"g-e1","event":"PROTEST","actor":[{"sector_code":"\u0000","other_sector_codes":["","\u0000"]}],"location":{"name":"\u0000","geonameid":2147483647}}]}`, "nul \x00 text")
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, recJSON, text string) {
		var rec output.Record
		if json.Unmarshal([]byte(recJSON), &rec) != nil {
			return
		}
		ins, err := s.PutDocuments(ctx, []store.Document{{Record: rec, Text: text}})
		if err != nil || len(ins) != 1 || !ins[0] {
			return // refused, or already stored: both fine
		}
		got, err := s.Document(ctx, rec.DocID)
		if err != nil {
			t.Fatalf("stored %q but cannot read it back: %v", rec.DocID, err)
		}
		if got.Text != text {
			t.Errorf("text of %q: stored %q, read %q", rec.DocID, text, got.Text)
		}
		if _, _, err := s.Events(ctx, store.EventFilter{}, "", 5); err != nil {
			t.Errorf("events after storing %q: %v", rec.DocID, err)
		}
	})
}
