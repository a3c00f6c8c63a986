package petrarch_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

// Fuzz targets check the readers' promises on any input: no panic, no
// I/O error from an in-memory reader, every kept entry well formed, every
// report pointing at a real line.

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

func checkReports(t *testing.T, in string, errs []petrarch.ParseError) {
	for _, e := range errs {
		if e.Line < 1 || e.Line > lineCount(in) || e.Msg == "" {
			t.Fatalf("bad report %#v for %d-line input", e, lineCount(in))
		}
	}
}

func FuzzReadActors(f *testing.F) {
	for _, seed := range []string{
		actorFixture,
		"A_ [AAA]\n+B\n\t[AAAGOV 010101-021231]\n\t[AAAMIL <990101] [AAA >20200101]\n",
		"A\nB\nC\n\t[ABC]\n",
		"<!-- open\nX [Y]\n",
		"X [Y] <!-- a --> [Z]\n",
		"\t[AAA]\n+B\n",
		"A [---]\nB [C/D]\nE [F 1999-2000]\n",
		"A+B+C [D]\n",
		"A [B 20200230-20200301]\n",
		"\xff\xfe [A]\n",
		"A [B",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		actors, errs, err := petrarch.ReadActors(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			t.Fatalf("in-memory read failed: %v", err)
		}
		checkReports(t, in, errs)
		for _, a := range actors {
			if len(a.Names) == 0 || len(a.Codes) == 0 || len(a.Names) != len(a.NameLines) {
				t.Fatalf("malformed actor %+v", a)
			}
			for _, n := range a.Names {
				if n == "" || petrarch.Normalize(n) != n {
					t.Fatalf("name %q is not normalized", n)
				}
			}
			for _, c := range a.Codes {
				if c.Code == "" || (!c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From)) {
					t.Fatalf("bad code %+v", c)
				}
			}
			a.CodeAt(time.Time{})
			a.CodeAt(time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC))
		}
		ix := petrarch.NewIndex(actors, nil)
		for _, a := range actors {
			if _, _, _, ok := ix.MatchActor(strings.Split(a.Names[0], " "), time.Time{}); !ok {
				t.Fatalf("indexed name %q does not match itself", a.Names[0])
			}
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	for _, seed := range []string{
		agentFixture,
		"!P! = A, B\nX!P! [~C]\n!P!_Y {} [~D]\n",
		"A {B} [E~]\nC {} [ ~F]\n",
		"!A! = !A!\nX!A! [~B]\n",
		"!A! = 1,2,3,4,5,6,7,8,9,10,11,12\n!B! = 1,2,3,4,5,6,7,8,9,10,11,12\n!A!!B!!A!!B! [~X]\n",
		"A [~B}\n",
		"A {B [~C]\n",
		"[~A]\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		agents, errs, err := petrarch.ReadAgents(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			t.Fatalf("in-memory read failed: %v", err)
		}
		checkReports(t, in, errs)
		for _, a := range agents {
			if len(a.Names) == 0 || a.Code == "" || strings.Contains(a.Code, "~") {
				t.Fatalf("malformed agent %+v", a)
			}
			for _, n := range a.Names {
				if n == "" || petrarch.Normalize(n) != n {
					t.Fatalf("noun %q is not normalized", n)
				}
			}
		}
		ix := petrarch.NewIndex(nil, agents)
		for _, a := range agents {
			if _, ok := ix.LookupAgent(a.Names[0]); !ok {
				t.Fatalf("indexed noun %q not found", a.Names[0])
			}
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	for _, seed := range []string{"A B\n+C\n[D]\n", "+\n", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ds, errs, err := petrarch.ReadDiscards(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			t.Fatal(err)
		}
		checkReports(t, in, errs)
		for _, d := range ds {
			if d.Phrase == "" || petrarch.Normalize(d.Phrase) != d.Phrase {
				t.Fatalf("bad discard %+v", d)
			}
		}
	})
}

func FuzzSplitCode(f *testing.F) {
	for _, seed := range []string{"AZEGOV", "IGOUNO", "IMGMUSALQ", "---", "A/B", "ab", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, code string) {
		country, sectors := petrarch.SplitCode(code)
		if country != "" && len(country) != 3 {
			t.Fatalf("SplitCode(%q) country %q", code, country)
		}
		for _, s := range sectors {
			if s == "" || len(s) > 3 {
				t.Fatalf("SplitCode(%q) sector %q", code, s)
			}
		}
	})
}
