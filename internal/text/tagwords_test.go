package text

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// TagWords tags the tokens of the Annotator's sentences exactly as the
// Annotator does, when it is given the same words and spacing: both run
// the same tokenizer forms through the same inference.
func TestTagWordsMatchesAnnotator(t *testing.T) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := annotate(t, string(text))
	wt := testModel(t).NewWordTagger()
	var words, tags []string
	var space []bool
	diff, total := 0, 0
	for _, s := range d.Sentences {
		toks := d.Tokens[s.FirstToken:s.EndToken]
		words, tags, space = words[:0], tags[:0], space[:0]
		for i, tk := range toks {
			words = append(words, d.SpanText(tk.Span))
			space = append(space, i+1 < len(toks) && toks[i+1].SpaceBefore)
			tags = append(tags, "")
		}
		wt.Tag(words, space, tags)
		for i, tk := range toks {
			total++
			if tags[i] != tk.Tag {
				diff++
				if diff <= 5 {
					t.Errorf("%q in %q: TagWords %s, Annotator %s", words[i], d.SpanText(s.Span), tags[i], tk.Tag)
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no tokens")
	}
	t.Logf("%d of %d tags differ", diff, total)
}

func TestTagWordsSpotChecks(t *testing.T) {
	m := testModel(t)
	for _, tc := range []struct {
		words []string
		want  []string
	}{
		// Clitics split off as in a treebank, curly quotes and dashes.
		{[]string{"They", "do", "n't", "know", "."}, []string{"PRP", "VBP", "RB", "VB", "."}},
		{[]string{"“", "We", "won", "”", "—", "he", "said"}, []string{"``", "PRP", "VBD", "''", ":", "PRP", "VBD"}},
		{[]string{"Azerbaijan", "’s", "army"}, []string{"NNP", "POS", "NN"}},
	} {
		got := make([]string, len(tc.words))
		m.TagWords(tc.words, got)
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: tags %q, want %q", tc.words, got, tc.want)
				break
			}
		}
	}
}

// Every token of every sentence gets a head in its own sentence; each
// sentence has exactly one root, with the root relation, and no cycles.
func TestAnnotatorParses(t *testing.T) {
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := annotate(t, string(text)+"\n\nThe army withdrew its troops from the border.")
	if len(d.Sentences) < 10 {
		t.Fatalf("%d sentences", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		roots := 0
		for i := s.FirstToken; i < s.EndToken; i++ {
			tk := d.Tokens[i]
			if tk.Head < 0 {
				roots++
				if tk.Dep != doc.DepRoot {
					t.Errorf("root %q has relation %v", d.SpanText(tk.Span), tk.Dep)
				}
				continue
			}
			if int(tk.Head) < s.FirstToken || int(tk.Head) >= s.EndToken || int(tk.Head) == i {
				t.Errorf("token %d %q: head %d outside its sentence [%d, %d)", i, d.SpanText(tk.Span), tk.Head, s.FirstToken, s.EndToken)
			}
			if tk.Dep == doc.NoDep || tk.Dep == doc.DepRoot {
				t.Errorf("token %d %q: relation %v", i, d.SpanText(tk.Span), tk.Dep)
			}
			h, steps := tk.Head, 0
			for h >= 0 && steps <= s.EndToken-s.FirstToken {
				h, steps = d.Tokens[h].Head, steps+1
			}
			if h >= 0 {
				t.Errorf("token %d %q is on a cycle", i, d.SpanText(tk.Span))
			}
		}
		if roots != 1 {
			t.Errorf("sentence %q has %d roots", d.SpanText(s.Span), roots)
		}
	}
	// The last sentence, spelled out.
	s := d.Sentences[len(d.Sentences)-1]
	want := map[string]struct {
		head string
		dep  doc.DepRel
	}{
		"army": {"withdrew", doc.DepNsubj}, "withdrew": {"", doc.DepRoot},
		"troops": {"withdrew", doc.DepObj}, "border": {"withdrew", doc.DepObl},
	}
	for i := s.FirstToken; i < s.EndToken; i++ {
		tk := d.Tokens[i]
		w, ok := want[d.SpanText(tk.Span)]
		if !ok {
			continue
		}
		head := ""
		if tk.Head >= 0 {
			head = d.SpanText(d.Tokens[tk.Head].Span)
		}
		if head != w.head || tk.Dep != w.dep {
			t.Errorf("%q: head %q %v, want %q %v", d.SpanText(tk.Span), head, tk.Dep, w.head, w.dep)
		}
	}
}

// A Model without a parser leaves every token unparsed.
func TestTaggerOnlyModelLeavesTokensUnparsed(t *testing.T) {
	m, err := LoadTagger()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Text: "The army withdrew."}
	if err := NewAnnotator(m).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, tk := range d.Tokens {
		if tk.Head != -1 || tk.Dep != doc.NoDep {
			t.Errorf("%q: head %d, relation %v", d.SpanText(tk.Span), tk.Head, tk.Dep)
		}
	}
}

// The embedded tagger file is what the generator makes from prose's
// weights: regenerate it (go generate ./internal/text) after upgrading
// prose.
func TestTaggerFileUpToDate(t *testing.T) {
	want, err := TaggerFileBytes()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../data/" + TaggerFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("data/%s is stale (%d bytes, generator gives %d): run go generate ./internal/text", TaggerFile, len(got), len(want))
	}
}

// A tagger built from the file tags as one built from prose's gob files.
func TestTaggerFileMatchesProseAssets(t *testing.T) {
	src, err := proseSource()
	if err != nil {
		t.Fatal(err)
	}
	fromGob, err := buildModel(src)
	if err != nil {
		t.Fatal(err)
	}
	fromGob.parser = testModel(t).parser
	text, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, b := &doc.Doc{Text: string(text)}, &doc.Doc{Text: string(text)}
	if err := NewAnnotator(fromGob).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := NewAnnotator(testModel(t)).Process(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	for i := range a.Tokens {
		if a.Tokens[i] != b.Tokens[i] {
			t.Fatalf("token %d: %+v from the gob files, %+v from the flat file", i, a.Tokens[i], b.Tokens[i])
		}
	}
}

func TestDecodeTaggerFileRejectsDamage(t *testing.T) {
	good, err := os.ReadFile("../../data/" + TaggerFile)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"bad magic": append([]byte("XXXXXXXX"), good[8:]...),
		"truncated": good[:len(good)/3],
		"trailing":  append(append([]byte(nil), good...), 1),
	} {
		if _, err := decodeTaggerFile(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
