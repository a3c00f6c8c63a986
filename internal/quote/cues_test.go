package quote_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/quote"
)

// TestLoadCuesFS: each cue file's bad lines are refused with the file and
// line named.
func TestLoadCuesFS(t *testing.T) {
	speech := "# speech cues\ncue\tkind\tclause\nsaid\tverb\tbare\nnoted\tverb\n"
	titles := "# title words\nword\tkind\nfilm\tnoun\ntitled\tverb\n"
	labels := "# transcript labels\nword\tkind\nQ\tspeaker\nMS\thonorific\nUPDATE\theading\n"
	tests := []struct {
		name    string
		files   map[string]string
		wantErr string // "" for none, else a substring of the error
	}{
		{"well formed", map[string]string{"speech.tsv": speech, "labels.tsv": labels, "titles.tsv": titles}, ""},
		{"a bare clause after a phrase", map[string]string{"speech.tsv": "cue\tkind\tclause\naccording to\tphrase\tbare\n", "labels.tsv": labels, "titles.tsv": titles}, "only a one-word verb"},
		{"an unknown clause kind", map[string]string{"speech.tsv": "cue\tkind\tclause\nsaid\tverb\tthat\n", "labels.tsv": labels, "titles.tsv": titles}, "clause must be bare"},
		{"a title word in capitals", map[string]string{"speech.tsv": speech, "labels.tsv": labels, "titles.tsv": "word\tkind\nFilm\tnoun\n"}, "c/titles.tsv:2"},
		{"a title word of an unknown kind", map[string]string{"speech.tsv": speech, "labels.tsv": labels, "titles.tsv": "word\tkind\nfilm\tthing\n"}, "kind must be noun or verb"},
		{"a title word twice", map[string]string{"speech.tsv": speech, "labels.tsv": labels, "titles.tsv": "word\tkind\nfilm\tnoun\nfilm\tnoun\n"}, "listed twice"},
		{"no title file", map[string]string{"speech.tsv": speech, "labels.tsv": labels}, "title words"},
		{"a label in lower case", map[string]string{"speech.tsv": speech, "titles.tsv": titles, "labels.tsv": "word\tkind\nHost\tspeaker\n"}, "c/labels.tsv:2"},
		{"a label of an unknown kind", map[string]string{"speech.tsv": speech, "titles.tsv": titles, "labels.tsv": "word\tkind\nHOST\tperson\n"}, "kind must be speaker, honorific or heading"},
		{"a label twice", map[string]string{"speech.tsv": speech, "titles.tsv": titles, "labels.tsv": "word\tkind\nQ\tspeaker\nQ\theading\n"}, "listed twice"},
		{"no label file", map[string]string{"speech.tsv": speech, "titles.tsv": titles}, "transcript labels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range tc.files {
				fsys["c/"+name] = &fstest.MapFile{Data: []byte(body)}
			}
			_, err := quote.LoadCuesFS(fsys, "c")
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("no error, want one containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("error %q, want one containing %q", err, tc.wantErr)
			}
			var le *lexicon.LineError
			if err != nil && strings.Contains(tc.wantErr, ".tsv:") && !errors.As(err, &le) {
				t.Errorf("error %v does not wrap a lexicon.LineError", err)
			}
		})
	}
}
