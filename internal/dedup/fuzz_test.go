package dedup

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzUnmarshal feeds arbitrary bytes to Unmarshal, as a damaged store
// column would: it must return an error or a signature that encodes back
// to the same bytes, and never panic.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("MH\x01"))
	f.Add(Sign("").Marshal())
	f.Add(Sign(report).Marshal())
	bad := Sign(report).Marshal()
	bad[2] = 9
	f.Add(bad)
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Unmarshal(b)
		if err != nil {
			return
		}
		if got := s.Marshal(); !bytes.Equal(got, b) {
			t.Errorf("Marshal(Unmarshal(b)) differs from b")
		}
	})
}

// FuzzSign runs Sign over arbitrary text: it must not panic, must be
// deterministic, must count no more words than bytes, and must ignore case
// and the typography of quotes and dashes.
func FuzzSign(f *testing.F) {
	for _, s := range []string{"", lead, report, reportCurly, "ＷＨＯ ﬁnal café", "a\u00adb", "\xff\xfe", "don’t — “x”"} {
		f.Add(s)
	}
	typo := strings.NewReplacer(`"`, "“", "'", "’", "--", "—", " ", "  ")
	f.Fuzz(func(t *testing.T, text string) {
		s := Sign(text)
		if s != Sign(text) {
			t.Fatal("Sign is not deterministic")
		}
		if int(s.Words) > len(text) {
			t.Errorf("%d words in %d bytes", s.Words, len(text))
		}
		if sim := Similarity(s, s); (s.Words == 0) != (sim == 0) || (s.Words > 0 && sim != 1) {
			t.Errorf("self-similarity %v with %d words", sim, s.Words)
		}
		if !utf8.ValidString(text) || !isASCII(text) {
			return
		}
		// In ASCII text, case and typography never change a word.
		if Sign(strings.ToUpper(text)) != s {
			t.Errorf("upper case changes the signature")
		}
		if Sign(typo.Replace(text)) != s {
			t.Errorf("curly quotes, dashes or double spaces change the signature")
		}
	})
}
