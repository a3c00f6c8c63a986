package queue_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/queue"
)

func TestEncodeDecode_RoundTrip(t *testing.T) {
	pub := time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		d    doc.Doc
	}{
		{"minimal", doc.Doc{ID: "a", Text: "Officials met in Lima."}},
		{"full", doc.Doc{ID: "AFP/2024/1", Text: "  LIMA, March 9 - Talks resumed.\r\n", Title: "Talks resume", Published: pub,
			SourceName: "Wire", Source: doc.SourceRef{Path: "in/feed.csv", Line: 4, URL: "https://example.org/x", Format: "csv"},
			Warnings: []doc.Warning{{Stage: "source", Offset: -1, Message: "unrecognised date"}, {Stage: "source", Offset: 3, Message: "invalid UTF-8 replaced"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := queue.Encode(&tt.d)
			if err != nil {
				t.Fatal(err)
			}
			got, err := queue.Decode(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.d) {
				t.Errorf("round trip:\n got %+v\nwant %+v", *got, tt.d)
			}
		})
	}
}

func TestDecode_Rejects(t *testing.T) {
	tests := []struct{ name, body string }{
		{"not json", `id=1`},
		{"truncated", `{"id":"x","text":"abc`},
		{"no id", `{"text":"Officials met."}`},
		{"blank text", `{"id":"x","text":" \n"}`},
		{"wrong type", `{"id":7,"text":"Officials met."}`},
		{"warning past the end", `{"id":"x","text":"abc","warnings":[{"stage":"s","offset":9,"message":"m"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := queue.Decode([]byte(tt.body)); !errors.Is(err, queue.ErrBadMessage) {
				t.Errorf("Decode(%q) = %v, want ErrBadMessage", tt.body, err)
			}
		})
	}
}

// FuzzDecode checks that no message body panics the decoder, and that a
// body it accepts encodes and decodes to the same document.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"Talks resumed."}`, `{"id":"a","text":"x","published":"2024-01-02T00:00:00Z","source":{"path":"p","line":2}}`,
		`{"id":"a","text":"x","warnings":[{"stage":"s","offset":0,"message":"m"}]}`, `[]`, `null`, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := queue.Decode(b)
		if err != nil {
			if !errors.Is(err, queue.ErrBadMessage) {
				t.Fatalf("error does not wrap ErrBadMessage: %v", err)
			}
			return
		}
		again, err := queue.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := queue.Decode(again)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("round trip changed the document:\n%+v\n%+v", d, d2)
		}
	})
}
