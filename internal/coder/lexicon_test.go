package coder_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// TestShippedTriggerFrames codes sentences with the shipped lexicons and
// checks what the frames of data/triggers say about them: a trigger
// whose object must be an actor ("subj>obj!") codes no event when its
// object is a thing. Every sentence was written for this test.
func TestShippedTriggerFrames(t *testing.T) {
	w, err := load(t).NewWorker()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		want       string // "TYPE/mode", or "" for none of that trigger
		trigger    string
	}{
		{"receiving an envoy is hosting", "The Kenyan president received the Ugandan envoy on Monday.", "CONSULT/host", "received"},
		{"receiving a letter is not", "The Kenyan ministry received the letter on Monday.", "", "received"},
		{"receiving treatment is not", "Three Ugandan soldiers are receiving treatment in Nairobi.", "", "receiving"},
		{"hosting a leader is hosting", "Kenya hosted the Ugandan president in March.", "CONSULT/host", "hosted"},
		{"hosting a tournament is not", "Kenya hosted the regional football tournament in March.", "", "hosted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Doc{ID: "frames", Text: tc.text}
			if err := w.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, ev := range d.Events {
				if strings.EqualFold(d.SpanText(ev.Evidence.Trigger), tc.trigger) {
					got = string(ev.Type) + "/" + ev.Mode
				}
			}
			if got != tc.want {
				t.Errorf("%q: %q coded %q, want %q", tc.text, tc.trigger, got, tc.want)
			}
		})
	}
}
