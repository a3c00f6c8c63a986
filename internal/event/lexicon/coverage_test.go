package lexicon_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
)

// words splits text into lower-case word tokens the way the tokenizer
// keeps hyphenated words whole.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '\'')
	})
}

// forms returns a word and its plausible lemmas, a simple stand-in for the
// coder's lemma candidates.
func forms(l *lexicon.Lexicon, w string) []string {
	out := []string{w}
	if s, ok := l.Lemma(w); ok {
		out = append(out, s)
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ies") && n > 4, strings.HasSuffix(w, "ied") && n > 4:
		out = append(out, w[:n-3]+"y")
	case strings.HasSuffix(w, "ing") && n > 5:
		s := w[:n-3]
		out = append(out, s, s+"e")
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] {
			out = append(out, s[:len(s)-1])
		}
	case strings.HasSuffix(w, "ed") && n > 4:
		s := w[:n-2]
		out = append(out, s, w[:n-1])
		if len(s) > 2 && s[len(s)-1] == s[len(s)-2] {
			out = append(out, s[:len(s)-1])
		}
	case strings.HasSuffix(w, "es") && n > 4:
		out = append(out, w[:n-2], w[:n-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && n > 3:
		out = append(out, w[:n-1])
	}
	return out
}

// typesIn returns the types of all triggers matched in text and the type
// of the best match (longest, then most confident).
func typesIn(l *lexicon.Lexicon, text string) (map[plover.EventType]bool, plover.EventType) {
	toks := words(text)
	fs := make([][]string, len(toks))
	for i, w := range toks {
		fs[i] = forms(l, w)
	}
	has := func(k int, w string) bool {
		for _, f := range fs[k] {
			if f == w {
				return true
			}
		}
		return false
	}
	found := map[plover.EventType]bool{}
	var best *lexicon.Trigger
	for i := range toks {
		for _, f := range fs[i] {
			for _, tr := range l.Candidates(f) {
				if _, ok := tr.Match(i, len(toks), has); ok {
					found[tr.Type] = true
					if best == nil || tr.Len() > best.Len() || tr.Len() == best.Len() && tr.Confidence > best.Confidence {
						best = tr
					}
				}
			}
		}
	}
	if best == nil {
		return found, ""
	}
	return found, best.Type
}

// TestCoverage_GSR measures how many gold sentences contain a trigger of
// their gold type. It is a recall ceiling for the coder, which also needs
// actors and clause structure; it names no sentence in the repo.
func TestCoverage_GSR(t *testing.T) {
	p := testref.Shared(t, "eval/plover-gsr-dev.json")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		Text       string `json:"text"`
		PloverType string `json:"plover_type"`
	}
	if err := json.Unmarshal(raw, &recs); err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	l := load(t)
	hit, best := 0, 0
	for _, r := range recs {
		found, b := typesIn(l, r.Text)
		gold := plover.EventType(r.PloverType)
		if found[gold] {
			hit++
		} else if testing.Verbose() {
			t.Logf("miss %s: %s", gold, r.Text)
		}
		if b == gold {
			best++
		}
	}
	n := len(recs)
	t.Logf("GSR: gold type among matches %d/%d (%.0f%%), best match is gold %d/%d (%.0f%%)", hit, n, 100*float64(hit)/float64(n), best, n, 100*float64(best)/float64(n))
	if float64(hit) < 0.72*float64(n) {
		t.Errorf("trigger recall %d/%d below 72%%: a lexicon change lost coverage", hit, n)
	}
}

// TestCoverage_NGEC does the same for the synthetic stories, whose label
// is the story's main event type.
func TestCoverage_NGEC(t *testing.T) {
	p := testref.Shared(t, "eval/ngec-synthetic-dev.csv")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	l := load(t)
	hit, n := 0, 0
	perType := map[plover.EventType][2]int{}
	for _, r := range rows[1:] {
		gold, _, ok := plover.Normalize(r[col["label"]])
		if !ok {
			continue
		}
		n++
		found, _ := typesIn(l, r[col["text"]])
		c := perType[gold]
		c[1]++
		if found[gold] {
			hit++
			c[0]++
		} else if testing.Verbose() {
			t.Logf("miss %s/%s: %.200s", gold, r[col["mode"]], r[col["text"]])
		}
		perType[gold] = c
	}
	t.Logf("NGEC: gold type among matches %d/%d (%.0f%%)", hit, n, 100*float64(hit)/float64(n))
	for _, ty := range plover.Types() {
		c := perType[ty]
		t.Logf("  %-9s %d/%d", ty, c[0], c[1])
	}
	if float64(hit) < 0.64*float64(n) {
		t.Errorf("trigger recall %d/%d below 64%%: a lexicon change lost coverage", hit, n)
	}
}
