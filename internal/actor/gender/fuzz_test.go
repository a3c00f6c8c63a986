package gender_test

import (
	"bytes"
	"testing"

	"github.com/dateline-project/dateline/internal/actor/gender"
)

// FuzzRead feeds arbitrary word and name lists to the reader: it must
// return a lexicon or an error, never panic, and a lexicon it returns
// must answer every query with a defined gender.
func FuzzRead(f *testing.F) {
	f.Add([]byte("word\tgender\tkind\nmrs\tfemale\thonorific\nmall\tneuter\tthing\n"), []byte("name\tgender\nruth\tfemale\n"))
	f.Add([]byte("# c\nword\tgender\tkind\tnote\nboy\tmale\tperson\tx\n"), []byte("name\tgender\nalex\teither\n"))
	f.Add([]byte("word\tgender\tkind\n\tmale\n"), []byte(""))
	f.Add([]byte("\ufeffword\tgender\tkind\r\nsir\tmale\thonorific\r\n"), []byte("name\tgender\nñ\tmale\n"))
	f.Fuzz(func(t *testing.T, words, names []byte) {
		l, err := gender.Read(bytes.NewReader(words), "w.tsv", bytes.NewReader(names), "n.tsv")
		if err != nil {
			return
		}
		for _, w := range []string{"mrs", "Mrs.", "mall", "ruth", "", ".", "A B", string(words)} {
			if g := l.Noun(w); g > gender.Neuter {
				t.Errorf("Noun(%q) = %d", w, g)
			}
			if g := l.FirstName(w); g > gender.Female {
				t.Errorf("FirstName(%q) = %d", w, g)
			}
			if g := l.OfName(w); g > gender.Neuter {
				t.Errorf("OfName(%q) = %d", w, g)
			}
			if g, ok := l.Honorific(w); !ok && g != gender.Unknown {
				t.Errorf("Honorific(%q) = %v without an entry", w, g)
			}
		}
	})
}
