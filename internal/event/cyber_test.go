package event

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/data"
)

func TestLoadCyberWords(t *testing.T) {
	for _, tc := range []struct {
		name, body, err string
	}{
		{"well formed", "word\tkind\nhackers\tattacker\nmalware\ttool\n", ""},
		{"an unknown kind", "word\tkind\nhackers\tperson\n", "kind"},
		{"capitals", "word\tkind\nHackers\tattacker\n", "lower-case"},
		{"two words", "word\tkind\ncyber army\tattacker\n", "one lower-case word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadCyberWords(fstest.MapFS{"c.tsv": &fstest.MapFile{Data: []byte(tc.body)}}, "c.tsv")
			switch {
			case tc.err == "" && err != nil:
				t.Fatalf("error %v", err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("error %v, want one with %q", err, tc.err)
			}
		})
	}
	if _, err := LoadCyberWords(data.FS, CyberFile); err != nil {
		t.Fatalf("shipped table: %v", err)
	}
}
