package meta

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/doc"
)

// The stage reads its story labels from data/cues/labels.tsv, the list the
// quote stage reads transcript headings from.
func TestStageStoryLabels(t *testing.T) {
	st, err := New(testPlaces)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want string // dateline place, "" for none
	}{
		{"ANALYSIS: Kenya and Peru signed a trade pact.", ""},
		{"EXPLAINER - Why Nairobi matters.", ""},
		{"NAIROBI, Kenya (Reuters) - Ministers met on Monday.", "Nairobi"},
	} {
		d := &doc.Doc{Text: tc.text}
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		got := ""
		if d.Dateline != nil {
			got = d.Dateline.Place
		}
		if got != tc.want {
			t.Errorf("%q: dateline place %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestNewFromFSNeedsLabels(t *testing.T) {
	agencies, err := data.FS.ReadFile("meta/agencies.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewFromFS(fstest.MapFS{"meta/agencies.tsv": &fstest.MapFile{Data: agencies}}, nil); err == nil {
		t.Error("no labels file: no error")
	}
}

// Without the labels an opener in capitals reads as a dateline city,
// which is what they prevent.
func TestUnlabelledOpenerReadsAsCity(t *testing.T) {
	if dl := parseDateline("ANALYSIS: Kenya and Peru signed a trade pact.", time.Time{}, testPlaces, nil, true); dl == nil {
		t.Fatal("no dateline without labels; the label test above would prove nothing")
	}
}
