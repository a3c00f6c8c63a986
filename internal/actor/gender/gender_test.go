package gender_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/lexicon"
)

func load(t *testing.T) *gender.Lexicon {
	t.Helper()
	l, err := gender.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLexicon_Embedded(t *testing.T) {
	l := load(t)
	tests := []struct {
		name string
		got  gender.Gender
		want gender.Gender
	}{
		{"honorific Ms.", honorific(l, "Ms."), gender.Female},
		{"honorific Mrs", honorific(l, "Mrs"), gender.Female},
		{"honorific MR.", honorific(l, "MR."), gender.Male},
		{"honorific Sir", honorific(l, "Sir"), gender.Male},
		{"honorific with an accent", honorific(l, "Señora"), gender.Female},
		{"no honorific", honorific(l, "Dr."), gender.Unknown},
		{"noun spokeswoman", l.Noun("spokeswoman"), gender.Female},
		{"noun Congressman", l.Noun("Congressman"), gender.Male},
		{"noun actress", l.Noun("actress"), gender.Female},
		{"noun father", l.Noun("father"), gender.Male},
		{"noun spokesperson says nothing", l.Noun("spokesperson"), gender.Unknown},
		{"an honorific is no noun", l.Noun("mrs"), gender.Unknown},
		{"noun mall", l.Noun("Mall"), gender.Neuter},
		{"first name Ruth", l.FirstName("Ruth"), gender.Female},
		{"first name Tom", l.FirstName("tom"), gender.Male},
		{"first name on both lists", l.FirstName("Leslie"), gender.Unknown},
		{"no first name", l.FirstName("Xq"), gender.Unknown},
		{"name by first name", l.OfName("Ruth Okonjo"), gender.Female},
		{"name of three words", l.OfName("Tom de Wit"), gender.Male},
		{"one word says nothing", l.OfName("Okonjo"), gender.Unknown},
		{"a mall is a thing", l.OfName("Westfield Mall"), gender.Neuter},
		{"a fund is a thing", l.OfName("Harbour Towns Fund"), gender.Neuter},
		{"a first name keeps a person whose surname is a thing", l.OfName("Ruth Hall"), gender.Female},
		{"family name first", l.OfName("Park Min-ji"), gender.Unknown},
		{"double-barrelled surname", l.OfName("Tom Smith-Jones"), gender.Male},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func honorific(l *gender.Lexicon, w string) gender.Gender {
	g, ok := l.Honorific(w)
	if !ok {
		return gender.Unknown
	}
	return g
}

func TestOfPronoun(t *testing.T) {
	tests := []struct {
		word string
		want gender.Gender
	}{
		{"he", gender.Male}, {"him", gender.Male}, {"his", gender.Male}, {"himself", gender.Male},
		{"she", gender.Female}, {"her", gender.Female}, {"hers", gender.Female}, {"herself", gender.Female},
		{"they", gender.Unknown}, {"it", gender.Unknown}, {"He", gender.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := gender.OfPronoun(tt.word); got != tt.want {
				t.Errorf("OfPronoun(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestGender_Admits(t *testing.T) {
	tests := []struct {
		p, g gender.Gender
		want bool
	}{
		{gender.Female, gender.Female, true},
		{gender.Female, gender.Unknown, true},
		{gender.Female, gender.Male, false},
		{gender.Male, gender.Neuter, false},
		{gender.Male, gender.Male, true},
		{gender.Unknown, gender.Male, true},
	}
	for _, tt := range tests {
		t.Run(tt.p.String()+"/"+tt.g.String(), func(t *testing.T) {
			if got := tt.p.Admits(tt.g); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNilLexicon(t *testing.T) {
	var l *gender.Lexicon
	if g := l.OfName("Ruth Okonjo"); g != gender.Unknown {
		t.Errorf("OfName on nil = %v", g)
	}
	if _, ok := l.Honorific("Mrs"); ok {
		t.Error("Honorific on nil found one")
	}
}

const header = "word\tgender\tkind\n"

func TestRead_Errors(t *testing.T) {
	tests := []struct {
		name, words, names string
	}{
		{"unknown kind", header + "mr\tmale\ttitle\n", "name\tgender\n"},
		{"thing with a gender", header + "mall\tfemale\tthing\n", "name\tgender\n"},
		{"person that is neuter", header + "boy\tneuter\tperson\n", "name\tgender\n"},
		{"duplicate word", header + "mr\tmale\thonorific\nmr\tmale\thonorific\n", "name\tgender\n"},
		{"upper case", header + "Mr\tmale\thonorific\n", "name\tgender\n"},
		{"two words", header + "vice chairman\tmale\tperson\n", "name\tgender\n"},
		{"empty word", header + "\tmale\tperson\n", "name\tgender\n"},
		{"missing column", "word\tgender\nmr\tmale\n", "name\tgender\n"},
		{"unknown name gender", header, "name\tgender\nruth\tf\n"},
		{"duplicate name", header, "name\tgender\nruth\tfemale\nruth\tfemale\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gender.Read(strings.NewReader(tt.words), "w.tsv", strings.NewReader(tt.names), "n.tsv")
			if !errors.Is(err, lexicon.ErrMalformed) {
				t.Errorf("err = %v, want one wrapping lexicon.ErrMalformed", err)
			}
		})
	}
}

func TestRead(t *testing.T) {
	l, err := gender.Read(strings.NewReader("# a comment\nword\tgender\tkind\tnote\nmrs\tfemale\thonorific\nmall\tneuter\tthing\ta note\n"), "w.tsv",
		strings.NewReader("name\tgender\nruth\tfemale\nalex\teither\n"), "n.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if g, ok := l.Honorific("Mrs."); !ok || g != gender.Female {
		t.Errorf("Honorific(Mrs.) = %v, %v", g, ok)
	}
	if got, want := l.OfName("Ruth Varga"), gender.Female; got != want {
		t.Errorf("OfName = %v, want %v", got, want)
	}
	if got, want := l.OfName("Alex Varga"), gender.Unknown; got != want {
		t.Errorf("OfName = %v, want %v", got, want)
	}
}
