package nfc

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"", ""},
		{"Paris", "Paris"},
		{"Bogota\u0301", "Bogotá"},
		{" Bogota\u0301 and Sa\u0303o Paulo", " Bogotá and São Paulo"},
		// Marks out of canonical order are reordered, not composed.
		{"q\u0307\u0323", "q\u0323\u0307"},
		{"\u1100\u1161 x", "\uac00 x"}, // Hangul jamo compose
		{"e\u0301\u0301", "é\u0301"},
		{"Bogotá", "Bogotá"},
	} {
		got, m := Normalize(tc.in)
		if got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if (m == nil) != (tc.in == tc.want) {
			t.Errorf("Normalize(%q): map %v, want nil exactly when the text is NFC", tc.in, m)
		}
	}
}

func TestMapOffsets(t *testing.T) {
	s := "Sa\u0303o Paulo, Bogota\u0301."
	out, m := Normalize(s)
	for _, tc := range []struct {
		word string
	}{{"São"}, {"Paulo"}, {"Bogotá"}, {"."}} {
		a := strings.Index(out, tc.word)
		b := a + len(tc.word)
		got := s[m.Start(a):m.End(b)]
		if norm.NFC.String(got) != tc.word {
			t.Errorf("%q maps back to %q", tc.word, got)
		}
	}
}

// alphabet mixes ASCII, precomposed letters, combining marks (alone, in
// canonical order and out of it), Hangul jamo and a Latin letter with no
// decomposition, so that random strings exercise composition,
// reordering and the pass-through between changed chunks.
var alphabet = []string{"a", "e", " ", "\n", "\r\n", "é", "\u0301", "\u0323", "\u0307", "\u0308",
	"ñ", "n\u0303", "\u1100", "\u1161", "\u11a8", "ø", "Å", "A\u030a", "\u212b", "ǅ", ".", "é\u0301"}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(24); n > 0; n-- {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	return b.String()
}

// checkMap holds Normalize to its contract on s: the text is NFC(s), and
// every span on rune boundaries of it maps back to a span of s on rune
// boundaries whose NFC form holds the span's text, and to the very same
// bytes where normalisation changed nothing.
func checkMap(t *testing.T, s string) {
	t.Helper()
	out, m := Normalize(s)
	if !utf8.ValidString(s) {
		if out != s || m != nil {
			t.Fatalf("Normalize(%q) = %q, %v; want invalid UTF-8 left alone", s, out, m)
		}
		return
	}
	// Past 30 combining marks in a row, norm cuts the run into segments
	// of its own (and String inserts U+034F, which QuickSpan does not ask
	// for), so only the offsets' bounds are checked on such text: no
	// language needs the run, and matching in it is moot.
	zalgo := longMarkRun(s)
	if want := norm.NFC.String(s); out != want && !zalgo {
		t.Fatalf("Normalize(%q) = %q, want %q", s, out, want)
	}
	if m == nil {
		if out != s {
			t.Fatalf("Normalize(%q): nil map for a changed text", s)
		}
		return
	}
	if m.Start(0) != 0 || m.End(len(out)) != len(s) {
		t.Fatalf("Normalize(%q): ends map to %d, %d", s, m.Start(0), m.End(len(out)))
	}
	var bounds []int
	for i := range out {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(out))
	for ai, a := range bounds {
		for _, b := range bounds[ai:] {
			sa, sb := m.Start(a), m.End(b)
			if sa > sb || !utf8.RuneStart(at(s, sa)) || !utf8.RuneStart(at(s, sb)) {
				t.Fatalf("Normalize(%q): span [%d,%d) maps to [%d,%d)", s, a, b, sa, sb)
			}
			if zalgo {
				continue
			}
			got := norm.NFC.String(s[sa:sb])
			if !strings.Contains(got, out[a:b]) {
				t.Fatalf("Normalize(%q): span %q maps back to %q", s, out[a:b], s[sa:sb])
			}
			if unchanged(m, a, b) && s[sa:sb] != out[a:b] {
				t.Fatalf("Normalize(%q): span %q, which normalisation left alone, maps back to %q", s, out[a:b], s[sa:sb])
			}
		}
	}
}

// longMarkRun reports a run of 30 or more combining marks in the
// decomposed form of s.
func longMarkRun(s string) bool {
	n := 0
	for _, r := range norm.NFD.String(s) {
		if norm.NFC.PropertiesString(string(r)).CCC() != 0 {
			n++
			if n >= 30 {
				return true
			}
			continue
		}
		n = 0
	}
	return false
}

func at(s string, i int) byte {
	if i >= len(s) {
		return 'x'
	}
	return s[i]
}

// unchanged reports whether [a, b) of the normalised text overlaps no
// changed chunk.
func unchanged(m *Map, a, b int) bool {
	for _, c := range m.chunks {
		if a < c.out[1] && c.out[0] < b || a == b && c.out[0] < a && a < c.out[1] {
			return false
		}
	}
	return true
}

func TestMapProperty(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		checkMap(t, randomText(r))
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Bogote\u0301", "q\u0307\u0323", "\u1100\u1161\u11a8", "A\u030a\u212b", strings.Repeat("\u0301", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			return
		}
		checkMap(t, s)
	})
}

// BenchmarkNormalize_NFC is the cost every document pays: a 4 KB news
// text that is already NFC, with a few accented names.
func BenchmarkNormalize_NFC(b *testing.B) {
	s := strings.Repeat("Officials in Bogotá said on Tuesday that talks with São Paulo had failed. ", 55)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		if _, m := Normalize(s); m != nil {
			b.Fatal("NFC text was changed")
		}
	}
}

// BenchmarkNormalize_NFD is the cost of a decomposed text of the same
// size.
func BenchmarkNormalize_NFD(b *testing.B) {
	s := strings.Repeat("Officials in Bogota\u0301 said on Tuesday that talks with Sa\u0303o Paulo had failed. ", 55)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		Normalize(s)
	}
}
