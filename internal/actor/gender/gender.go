// Package gender tells the gender of a person mention: male, female or
// unknown, from an honorific before it ("Mrs."), a gendered noun that
// describes it ("spokeswoman", "father", "actress") or its first name.
//
// It exists for coreference: a pronoun agrees with its antecedent, so
// "she" may refer to Ana Ruiz or to someone of unknown gender but not to
// Tom Reddy, and "he" never to a mall or a fund. Without it the actor
// stage resolved every pronoun to the person named last. The package also
// knows the nouns that head names of things ("Mall", "Fund", "Act"), which
// no personal pronoun refers to; their gender is Neuter.
//
// The words are data/actors/gendered_words.tsv, written for dateline; the
// first names data/actors/first_names.tsv, generated from the public-domain
// Moby lists by ./genlist. A Lexicon is immutable once loaded and safe for
// concurrent use.
package gender

//go:generate go run ./genlist -npm /tmp/names/node_modules -out ../../../data/actors/first_names.tsv

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/lexicon"
)

// Gender is the gender a mention gives a pronoun to agree with. The zero
// value, Unknown, agrees with every personal pronoun.
type Gender uint8

// Genders.
const (
	Unknown Gender = iota
	Male
	Female
	// Neuter is a thing's: "it", never "he" or "she".
	Neuter
)

func (g Gender) String() string {
	switch g {
	case Male:
		return "male"
	case Female:
		return "female"
	case Neuter:
		return "neuter"
	}
	return "unknown"
}

// Admits reports whether a mention of gender p ("he" is Male, "the
// spokeswoman" Female) may refer to a mention of gender g: g is p, or
// either is unknown.
func (p Gender) Admits(g Gender) bool { return p == Unknown || g == Unknown || g == p }

// OfPronoun returns the gender of a third-person singular personal
// pronoun in lower case (he, him, his, himself; she, her, hers, herself),
// and Unknown for any other word.
func OfPronoun(w string) Gender {
	switch w {
	case "he", "him", "his", "himself":
		return Male
	case "she", "her", "hers", "herself":
		return Female
	}
	return Unknown
}

// Kind is what a word of the gendered-words list is.
type Kind uint8

// Kinds of gendered words.
const (
	NoKind Kind = iota
	// Honorific stands before a name and says nothing but gender: Mr,
	// Mrs, Ms, Sir, Dame.
	Honorific
	// PersonNoun names a person of its gender: spokeswoman, father.
	PersonNoun
	// Thing heads the name of a place, building, fund or programme.
	Thing
)

// Word is one entry of the gendered-words list.
type Word struct {
	Gender Gender
	Kind   Kind
}

// Files are the data files Load reads, by their paths in data.FS.
const (
	WordsFile = "actors/gendered_words.tsv"
	NamesFile = "actors/first_names.tsv"
)

// Lexicon holds the gendered words and first names.
type Lexicon struct {
	words map[string]Word
	names map[string]Gender
}

// Load reads WordsFile and NamesFile from fsys (data.FS in dateline).
func Load(fsys fs.FS) (*Lexicon, error) {
	words, err := fsys.Open(WordsFile)
	if err != nil {
		return nil, fmt.Errorf("load gender words: %w", err)
	}
	defer words.Close()
	names, err := fsys.Open(NamesFile)
	if err != nil {
		return nil, fmt.Errorf("load first names: %w", err)
	}
	defer names.Close()
	return Read(words, WordsFile, names, NamesFile)
}

// Read reads a gendered-words list and a first-name list in the formats of
// WordsFile and NamesFile; the names are used in errors. A line with an
// unknown gender or kind, an empty or duplicate word, or a word with a
// space is an error wrapping lexicon.ErrMalformed.
func Read(words io.Reader, wordsName string, names io.Reader, namesName string) (*Lexicon, error) {
	l := &Lexicon{words: map[string]Word{}, names: map[string]Gender{}}
	err := lexicon.Read(words, wordsName, []string{"word", "gender", "kind"}, func(r lexicon.Record) error {
		w, err := key(r, "word")
		if err != nil {
			return err
		}
		if _, dup := l.words[w]; dup {
			return r.Errorf("word %q listed twice", w)
		}
		var e Word
		switch kind := r.Get("kind"); kind {
		case "honorific":
			e.Kind = Honorific
		case "person":
			e.Kind = PersonNoun
		case "thing":
			e.Kind = Thing
		default:
			return r.Errorf("kind %q: want honorific, person or thing", kind)
		}
		switch g := r.Get("gender"); {
		case g == "male" && e.Kind != Thing:
			e.Gender = Male
		case g == "female" && e.Kind != Thing:
			e.Gender = Female
		case g == "neuter" && e.Kind == Thing:
			e.Gender = Neuter
		default:
			return r.Errorf("gender %q for a %s: want male or female for a person, neuter for a thing", g, r.Get("kind"))
		}
		l.words[w] = e
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read gender words: %w", err)
	}
	err = lexicon.Read(names, namesName, []string{"name", "gender"}, func(r lexicon.Record) error {
		n, err := key(r, "name")
		if err != nil {
			return err
		}
		if _, dup := l.names[n]; dup {
			return r.Errorf("name %q listed twice", n)
		}
		switch g := r.Get("gender"); g {
		case "male":
			l.names[n] = Male
		case "female":
			l.names[n] = Female
		case "either":
			l.names[n] = Unknown
		default:
			return r.Errorf("gender %q: want female, male or either", g)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read first names: %w", err)
	}
	return l, nil
}

// key reads a column that must hold one lower-case word.
func key(r lexicon.Record, column string) (string, error) {
	w := r.Get(column)
	switch {
	case w == "":
		return "", r.Errorf("empty %s", column)
	case strings.ContainsAny(w, " |"):
		return "", r.Errorf("%s %q: want one word", column, w)
	case strings.ToLower(w) != w:
		return "", r.Errorf("%s %q: want lower case", column, w)
	case !utf8.ValidString(w):
		return "", r.Errorf("%s %q: invalid UTF-8", column, w)
	}
	return w, nil
}

// Word returns the entry for w, in any case, with a trailing period
// dropped ("Mrs." is "mrs"); ok is false for a word the list lacks.
func (l *Lexicon) Word(w string) (Word, bool) {
	if l == nil {
		return Word{}, false
	}
	return lookup(l.words, w)
}

// Honorific returns the gender an honorific gives the name after it ("Ms."
// is Female); ok is false when w is no honorific.
func (l *Lexicon) Honorific(w string) (Gender, bool) {
	e, ok := l.Word(w)
	if !ok || e.Kind != Honorific {
		return Unknown, false
	}
	return e.Gender, true
}

// Noun returns the gender of a noun for a person ("spokeswoman" is
// Female) or a thing ("mall" is Neuter), and Unknown for any other word,
// honorifics included.
func (l *Lexicon) Noun(w string) Gender {
	e, ok := l.Word(w)
	if !ok || e.Kind == Honorific {
		return Unknown
	}
	return e.Gender
}

// FirstName returns the gender a first name gives ("Ruth" is Female);
// Unknown for a name on both lists or on neither.
func (l *Lexicon) FirstName(w string) Gender {
	if l == nil {
		return Unknown
	}
	g, _ := lookup(l.names, w)
	return g
}

// OfName returns the gender a person's name gives, its words separated by
// spaces and with no title or honorific: its first name's when it has two
// words or more, Neuter when its last word heads a thing's name and its
// first word is no first name ("Westfield Mall", but not "Ana Hall"), and
// Unknown otherwise. A name whose last word is a hyphenated given name in
// the romanisation of Korean and other East Asian names ("Park Geun-hye",
// "Kim Jong-un") puts the family name first, so its first word says
// nothing.
func (l *Lexicon) OfName(name string) Gender {
	name = strings.TrimSpace(name)
	sp := strings.IndexByte(name, ' ')
	if l == nil || sp < 0 {
		return Unknown
	}
	first := name[:sp]
	last := name[strings.LastIndexByte(name, ' ')+1:]
	_, known := lookup(l.names, first)
	if !known && l.Noun(last) == Neuter {
		return Neuter
	}
	if familyNameFirst(last) {
		return Unknown
	}
	return l.FirstName(first)
}

// familyNameFirst reports a word like "Geun-hye": a capital, lower-case
// letters, a hyphen and a lower-case syllable, the shape of a romanised
// two-syllable given name written after the family name. English
// double-barrelled surnames ("Smith-Jones") capitalise both parts.
func familyNameFirst(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 2 || h == len(w)-1 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if i != h && (w[i] < 'a' || w[i] > 'z') {
			return false
		}
	}
	return true
}

// lookup finds w in m, in any case and with a trailing period dropped
// ("Mrs." is "mrs"). An ASCII word is folded into a buffer on the stack:
// names are looked up for every person mention, and lower-casing them
// allocated.
func lookup[V any](m map[string]V, w string) (V, bool) {
	w = strings.TrimSuffix(w, ".")
	var buf [32]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(w)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	v, ok := m[string(b)]
	return v, ok
}
