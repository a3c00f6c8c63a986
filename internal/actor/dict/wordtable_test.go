package dict

import (
	"fmt"
	"testing"

	"github.com/dateline-project/dateline/internal/actor"
)

// The tables must answer exactly as the maps they are built from, for
// keys present, absent, short, long and empty.
func TestTablesAgreeWithMaps(t *testing.T) {
	words := map[string]actor.WordInfo{}
	for i := range 3000 {
		w := fmt.Sprintf("w%d", i*7)
		if i%10 == 0 {
			w += "-a-rather-long-word" // longer than inlineWord
		}
		words[w] = actor.WordInfo{Flags: actor.WordFlags(i%31 + 1), NameWords: uint8(i % 5), RoleWords: uint8(i % 3)}
	}
	wt := newWordTable(words)
	kt := newKeyTable(words)
	for i := range 30000 {
		for _, w := range []string{fmt.Sprintf("w%d", i), fmt.Sprintf("w%d-a-rather-long-word", i)} {
			want, ok := words[w]
			if got := wt.get(w); got != want {
				t.Fatalf("wordTable.get(%q) = %+v, want %+v", w, got, want)
			}
			got := kt.get(w)
			if (got != nil) != ok || (ok && *got != want) {
				t.Fatalf("keyTable.get(%q) = %v, want %+v (present %v)", w, got, want, ok)
			}
		}
	}
	if wt.get("") != (actor.WordInfo{}) || kt.get("") != nil {
		t.Fatal("empty key found")
	}
}

func TestNameStartPrefixes(t *testing.T) {
	starts := map[string]int{}
	nameStartPrefixes("the u.s. army", starts)
	nameStartPrefixes("al-qaeda", starts)
	for _, tc := range []struct {
		word string
		min  int // the bound must be at least this many tokens
	}{
		{"the", 4}, {"u", 4}, {"u.s.", 2}, {"u.s", 2}, {"al", 3}, {"al-qaeda", 1},
	} {
		n, ok := starts[tc.word]
		if !ok || n < tc.min {
			t.Errorf("starts[%q] = %d, %v; want at least %d", tc.word, n, ok, tc.min)
		}
	}
	if _, ok := starts["qaeda"]; ok {
		t.Error("a word inside a name is not a start")
	}
}

func TestWordInfoOfDefaultDictionary(t *testing.T) {
	d, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word       string
		want, none actor.WordFlags
	}{
		{"armenia", actor.WordStartsName | actor.WordCountry, actor.WordDemonym},
		{"armenian", actor.WordStartsName | actor.WordDemonym, actor.WordCountry},
		{"minister", actor.WordRole | actor.WordPersonRole | actor.WordEndsRole, 0},
		{"ministry", actor.WordRole | actor.WordEndsRole, actor.WordPersonRole},
		{"leadership", actor.WordEndsRole, 0},
		{"however", 0, actor.WordRole | actor.WordEndsRole | actor.WordStartsName},
		{"tuesday", actor.WordStartsName | actor.WordStartsDiscard, actor.WordInRole},
		{"foreign", actor.WordInRole, 0}, // "foreign minister"
		{"u.s.", actor.WordInRole, 0},    // punctuated words may be split
		{"however", 0, actor.WordInRole},
		{"armenia", actor.WordStartsName, actor.WordStartsDiscard},
		{"école", actor.WordStartsName | actor.WordStartsDiscard, 0}, // non-ASCII words are never ruled out
	} {
		got := d.WordInfo(tc.word).Flags
		if got&tc.want != tc.want || got&tc.none != 0 {
			t.Errorf("WordInfo(%q).Flags = %08b; want bits %08b set and %08b clear", tc.word, got, tc.want, tc.none)
		}
	}
	if n := d.WordInfo("minister").RoleWords; n < 2 {
		t.Errorf("RoleWords(minister) = %d; roles like %q end with it", n, "foreign minister")
	}
}
