package text

import (
	"bytes"
	"context"
	"encoding/gob"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// testModel loads the model once for the whole test binary.
func testModel(tb testing.TB) *Model {
	tb.Helper()
	modelOnce.Do(func() { model, modelErr = LoadModel() })
	if modelErr != nil {
		tb.Fatalf("LoadModel: %v", modelErr)
	}
	return model
}

// refTagger is a line-by-line transcription of prose v2.0.0's
// perceptronTagger.tag, featurize, normalize and predict (tag.go), working
// on the decoded gob maps with string feature keys. Only the tie-break
// differs: prose picks among equal scores in map order (at random), this
// picks the class listed first, as Model does.
type refTagger struct {
	classes []string
	tagMap  map[string]string
	weights map[string]map[string]float64
}

var (
	refOnce sync.Once
	ref     *refTagger
)

func testRef(tb testing.TB) *refTagger {
	tb.Helper()
	refOnce.Do(func() {
		r := &refTagger{}
		for name, v := range map[string]any{"classes.gob": &r.classes, "tags.gob": &r.tagMap, "weights.gob": &r.weights} {
			b, err := prose.Asset("model/AveragedPerceptron/" + name)
			if err != nil {
				tb.Fatal(err)
			}
			if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
				tb.Fatal(err)
			}
		}
		ref = r
	})
	return ref
}

var (
	refNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	refKeep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

func (r *refTagger) tag(words []string) []string {
	p1, p2 := "-START-", "-START2-"
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = p1, p2
	for i, w := range words {
		ctx[i+2] = refNormalize(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	out := make([]string, len(words))
	for i, word := range words {
		var tag string
		var found bool
		if word == "-" {
			tag = "-"
		} else if commonregex.LinkRegex.MatchString(word) || commonregex.EmailRegex.MatchString(word) ||
			strings.HasPrefix(word, "@") {
			tag = "NN"
		} else if refNone.MatchString(word) {
			tag = "-NONE-"
		} else if refKeep.MatchString(word) {
			tag = word
		} else if tag, found = r.tagMap[word]; !found {
			tag = r.predict(refFeaturize(i, ctx, word, p1, p2))
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

func (r *refTagger) predict(feats map[string]float64) string {
	scores := make(map[string]float64)
	for feat, value := range feats {
		weights, found := r.weights[feat]
		if !found || value == 0 {
			continue
		}
		for label, weight := range weights {
			scores[label] += value * weight
		}
	}
	best, max := "", math.Inf(-1)
	for _, c := range r.classes {
		if v, ok := scores[c]; ok && v > max {
			best, max = c, v
		}
	}
	return best
}

func refFeaturize(i int, ctx []string, w, p1, p2 string) map[string]float64 {
	feats := make(map[string]float64)
	add := func(args ...string) { feats[strings.Join(args, " ")]++ }
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	add("bias")
	add("i suffix", w[len(w)-suf:])
	add("i pref1", string(w[0]))
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])
	return feats
}

func refNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// taggedSentences annotates text and returns, per sentence, the forms the
// tagger saw and the tags it gave.
func taggedSentences(tb testing.TB, text string) (forms, tags [][]string, d *doc.Doc) {
	tb.Helper()
	a := NewAnnotator(testModel(tb))
	d = &doc.Doc{Text: text}
	if err := a.Process(context.Background(), d); err != nil {
		tb.Fatal(err)
	}
	for _, s := range d.Sentences {
		var f, tg []string
		for i := s.FirstToken; i < s.EndToken; i++ {
			f = append(f, a.z.toks[i].form)
			tg = append(tg, d.Tokens[i].Tag)
		}
		forms = append(forms, f)
		tags = append(tags, tg)
	}
	return forms, tags, d
}

// agreementText is the text the agreement tests tag: the news corpus of
// testdata plus sentences chosen for awkward tokens.
func agreementText(tb testing.TB) string {
	b, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b) + "\n\n" + strings.Join(trickySentences, "\n\n")
}

var trickySentences = []string{
	`The 2023-09-16 talks in St. Petersburg ended at 5 p.m. on Friday.`,
	`Gen. Mark A. Milley, who didn't attend, said it's "too early" to judge.`,
	`Prices rose 2.75% to €1,250.50 — the highest since the 1990s.`,
	`She e-mailed press@example.org and posted at https://example.com/a?b=1.`,
	`Nagorno-Karabakh's ethnic Armenians, al-Assad's allies and 30-year-old men fled.`,
	`"Will you go?" he asked. "No," she said... Then the U.K. envoy left.`,
	`O'Brien won't say whether Azerbaijan’s army has 0 or 12 brigades; we'll see.`,
	`The company, Acme Corp., cut 1,200 jobs in Q3 (about 8 percent of staff).`,
}

// TestTaggerMatchesReference requires the fast tagger to give the tags
// that a transcription of prose's own code gives on the same forms. The
// only intended differences are prose's rules that output non-Penn tags or
// misfire on numbers: "0" (tagged -NONE-) and words its link pattern matches
// (decimals such as 2.75 are tagged NN there).
func TestTaggerMatchesReference(t *testing.T) {
	r := testRef(t)
	forms, tags, _ := taggedSentences(t, agreementText(t))
	total, same := 0, 0
	for si, f := range forms {
		want := r.tag(f)
		for i := range f {
			total++
			if want[i] == tags[si][i] {
				same++
				continue
			}
			expected := f[i] == "0" || commonregex.LinkRegex.MatchString(f[i])
			if !expected || (i+1 < len(f) && want[i+1] != tags[si][i+1] && !expected) {
				t.Errorf("sentence %d token %d %q: got %s, reference %s (%v)", si, i, f[i], tags[si][i], want[i], f)
			}
		}
	}
	rate := float64(same) / float64(total)
	t.Logf("agreement with the reference transcription: %d/%d = %.4f", same, total, rate)
	if rate < 0.99 {
		t.Errorf("agreement %.4f < 0.99", rate)
	}
}

// TestTaggerAgreesWithProse tags each sentence with prose's own document
// API (its tokenizer run over our forms joined by spaces, then its tagger)
// and compares tags on the tokens both sides cut alike.
func TestTaggerAgreesWithProse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's models")
	}
	pm := prose.ModelFromData("reference")
	forms, tags, _ := taggedSentences(t, agreementText(t))
	total, same, unaligned := 0, 0, 0
	for si, f := range forms {
		joined := strings.Join(f, " ")
		pd, err := prose.NewDocument(joined, prose.UsingModel(pm), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		// Place both token sequences on the joined string and compare
		// tokens with the same span. prose's tokenizer maps curly quotes
		// to straight ones, which keeps lengths only for ASCII forms; a
		// sentence whose prose tokens cannot be placed is skipped.
		type sp struct{ s, e int }
		mine := map[sp]int{}
		off := 0
		for i, w := range f {
			mine[sp{off, off + len(w)}] = i
			off += len(w) + 1
		}
		pos := 0
		matched := 0
		for _, pt := range pd.Tokens() {
			k := strings.Index(joined[pos:], pt.Text)
			if k < 0 {
				break
			}
			s := pos + k
			pos = s + len(pt.Text)
			if i, ok := mine[sp{s, pos}]; ok {
				matched++
				total++
				if pt.Tag == tags[si][i] {
					same++
				} else {
					t.Logf("differs: %q mine %s prose %s in %q", f[i], tags[si][i], pt.Tag, joined)
				}
			}
		}
		unaligned += len(f) - matched
	}
	rate := float64(same) / float64(total)
	t.Logf("agreement with prose.NewDocument: %d/%d = %.4f (%d tokens cut differently by prose's tokenizer)", same, total, rate, unaligned)
	if rate < 0.99 {
		t.Errorf("agreement %.4f < 0.99", rate)
	}
}

func TestTagSpotChecks(t *testing.T) {
	_, _, d := taggedSentences(t, "Azerbaijan's foreign minister said on Tuesday that the talks will not resume. He has been criticized by 12 lawmakers.")
	want := map[string]string{
		"Azerbaijan": "NNP", "'s": "POS", "said": "VBD", "Tuesday": "NNP", "the": "DT",
		"will": "MD", "not": "RB", "resume": "VB", "He": "PRP", "has": "VBZ", "been": "VBN",
		"criticized": "VBN", "12": "CD", "lawmakers": "NNS", ".": ".", "talks": "NNS",
	}
	for _, tk := range d.Tokens {
		w := d.SpanText(tk.Span)
		if tag, ok := want[w]; ok && tk.Tag != tag {
			t.Errorf("%q tagged %s, want %s", w, tk.Tag, tag)
		}
	}
}

// "US" is the United States in mixed-case text, whatever prose's model
// makes of it after a number; an all-capitals sentence keeps prose's tag.
func TestTagUSAbbreviation(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"Three US soldiers were wounded near the border.", "NNP"},
		{"The US embassy closed on Monday.", "NNP"},
		{"They told us to leave.", "PRP"},
	} {
		_, _, d := taggedSentences(t, tc.text)
		for _, tk := range d.Tokens {
			if w := d.SpanText(tk.Span); strings.EqualFold(w, "us") && tk.Tag != tc.want {
				t.Errorf("%q: %q tagged %s, want %s", tc.text, w, tk.Tag, tc.want)
			}
		}
	}
}

// A gerund that opens a sentence or a subordinate clause and is followed
// at once by a verb is its subject, a noun; one followed by its own
// complement, or a form of "be", "have" or "get", stays a participle.
func TestTagGerundSubject(t *testing.T) {
	for _, tc := range []struct {
		text, word, want string
	}{
		{"Fighting resumed in the north on Monday.", "Fighting", "NN"},
		{"Shelling has continued overnight.", "Shelling", "NN"},
		{"Speaking to reporters, the minister left.", "Speaking", "VBG"},
		{"Kenya shut the border after fighting broke out.", "fighting", "NN"},
		{"The minister left after meeting the envoy.", "meeting", "VBG"},
		{"Having won the vote, she left.", "Having", "VBG"},
	} {
		_, _, d := taggedSentences(t, tc.text)
		for _, tk := range d.Tokens {
			if w := d.SpanText(tk.Span); w == tc.word && tk.Tag != tc.want {
				t.Errorf("%q: %q tagged %s, want %s", tc.text, w, tk.Tag, tc.want)
			}
		}
	}
}
