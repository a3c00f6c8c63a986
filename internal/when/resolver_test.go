package when

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// TestTablesComplete checks that the shipped lists name every month and
// weekday and that lookups fold case and curly apostrophes.
func TestTablesComplete(t *testing.T) {
	r, err := NewResolver()
	if err != nil {
		t.Fatal(err)
	}
	var months [13]bool
	var days [8]bool
	for i := range r.entries {
		months[r.entries[i].month] = true
		days[r.entries[i].weekday] = true
	}
	for m := 1; m <= 12; m++ {
		if !months[m] {
			t.Errorf("month %d missing from the resolver", m)
		}
	}
	for d := 1; d <= 7; d++ {
		if !days[d] {
			t.Errorf("weekday %d missing from the resolver", d-1)
		}
	}
	var buf [24]byte
	for _, w := range []string{"SEPTEMBER", "Sept", "won’t", "Won't", "Yesterday"} {
		if r.lookup(w, buf[:]) == nil {
			t.Errorf("lookup(%q) = nil", w)
		}
	}
	for _, w := range []string{"", "septembers", "x", "wonʼt", strings.Repeat("a", 40)} {
		if r.lookup(w, buf[:]) != nil {
			t.Errorf("lookup(%q) found an entry", w)
		}
	}
}

// TestMalformedData checks that a bad line fails the load with its file
// and line.
func TestMalformedData(t *testing.T) {
	good := fstest.MapFS{}
	err := fs.WalkDir(data.FS, "time", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS, path)
		good[path] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newResolver(good); err != nil {
		t.Fatalf("copy of the shipped data: %v", err)
	}
	tests := []struct {
		file, body, want string
	}{
		{"time/numbers.tsv", "word\tvalue\tkind\nTwo\t2\texact\n", "lower case"},
		{"time/streets.tsv", "word\tform\nstreet\tsometimes\n", "form"},
		{"time/numbers.tsv", "word\tvalue\tkind\ntwo\t2\texactly\n", "kind"},
		{"time/units.tsv", "word\tunit\nmoons\tmoon\n", "unknown unit"},
		{"time/cues.tsv", "word\tkinds\nin\tprep|sometimes\n", "unknown cue kind"},
		{"time/relative.tsv", "phrase\tunit\toffset\trule\nyesterday\tday\tx\tyesterday\n", "offset"},
		{"time/relative.tsv", "phrase\tunit\toffset\n", "lacks \"rule\""},
		{"time/units.tsv", "word\tunit\nday2\tday\n", "start and end with a letter"},
	}
	for _, tc := range tests {
		fsys := fstest.MapFS{}
		for k, v := range good {
			fsys[k] = v
		}
		fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.body)}
		_, err := newResolver(fsys)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s with %q: err = %v, want it to mention %q", tc.file, tc.body, err, tc.want)
		}
		var le *lexicon.LineError
		if err != nil && tc.want != "start and end with a letter" && !errors.As(err, &le) {
			t.Errorf("%s: err %v is no LineError", tc.file, err)
		}
	}
	delete(good, "time/cues.tsv")
	if _, err := newResolver(good); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing cues.tsv: err = %v", err)
	}
}
