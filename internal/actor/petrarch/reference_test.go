package petrarch_test

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

// The PETRARCH2/Phoenix dictionaries are read from ../shared at test time
// and never copied into the repository.

// refDir returns the shared reference directory or skips the test.
func refDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root (go.mod) not found")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference", "petrarch2")
	if _, err := os.Stat(ref); err != nil {
		tb.Skipf("PETRARCH2 reference dictionaries not found at %s: %v", ref, err)
	}
	return ref
}

func openRef(tb testing.TB, name string) *os.File {
	tb.Helper()
	f, err := os.Open(filepath.Join(refDir(tb), name))
	if err != nil {
		tb.Skipf("reference file %s not available: %v", name, err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func loadActors(tb testing.TB, name string) ([]petrarch.Actor, []petrarch.ParseError) {
	tb.Helper()
	actors, errs, err := petrarch.ReadActors(openRef(tb, name), name)
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return actors, errs
}

func loadAgents(tb testing.TB, name string) ([]petrarch.Agent, []petrarch.ParseError) {
	tb.Helper()
	agents, errs, err := petrarch.ReadAgents(openRef(tb, name), name)
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return agents, errs
}

// maxErrors bounds the parse errors per reference file. Every error left is
// a defect of the file itself (a 7- or 10-digit date, a range that ends
// before it starts, tab-separated columns without '#', a missing '+'
// between two synonyms, an unclosed bracket), checked by hand.
var maxErrors = map[string]int{
	"Phoenix.Countries.actors.txt":     11,
	"Phoenix.International.actors.txt": 6,
	"Phoenix.MilNonState.actors.txt":   1,
	"Phoenix.agents.txt":               2,
	"Phoenix.discards.txt":             0,
	"PETR.Validate.actors.txt":         0,
	"PETR.Validate.agents.txt":         0,
	"PETR.Validate.discards.txt":       0,
}

func TestReference_Files(t *testing.T) {
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "PETR.Validate.actors.txt"} {
		t.Run(name, func(t *testing.T) {
			actors, errs := loadActors(t, name)
			names := 0
			for _, a := range actors {
				names += len(a.Names)
				if len(a.Codes) == 0 || len(a.Names) == 0 || len(a.Names) != len(a.NameLines) {
					t.Errorf("%s:%d: malformed actor %+v", a.File, a.Line, a)
				}
			}
			t.Logf("%s: %d actors, %d names, %d parse errors", name, len(actors), names, len(errs))
			checkErrors(t, name, errs)
		})
	}
	for _, name := range []string{"Phoenix.agents.txt", "PETR.Validate.agents.txt"} {
		t.Run(name, func(t *testing.T) {
			agents, errs := loadAgents(t, name)
			names := 0
			for _, a := range agents {
				names += len(a.Names)
			}
			t.Logf("%s: %d agents, %d nouns, %d parse errors", name, len(agents), names, len(errs))
			checkErrors(t, name, errs)
		})
	}
	for _, name := range []string{"Phoenix.discards.txt", "PETR.Validate.discards.txt"} {
		t.Run(name, func(t *testing.T) {
			ds, errs, err := petrarch.ReadDiscards(openRef(t, name), name)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d discards, %d parse errors", name, len(ds), len(errs))
			checkErrors(t, name, errs)
		})
	}
}

func checkErrors(t *testing.T, name string, errs []petrarch.ParseError) {
	t.Helper()
	for _, e := range errs {
		t.Logf("  %v", e)
		if e.Line <= 0 {
			t.Errorf("parse error without a line: %v", e)
		}
	}
	if len(errs) > maxErrors[name] {
		t.Errorf("%s: %d parse errors, want at most %d", name, len(errs), maxErrors[name])
	}
}

func TestReference_Lookups(t *testing.T) {
	var actors []petrarch.Actor
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		a, _ := loadActors(t, name)
		actors = append(actors, a...)
	}
	agents, _ := loadAgents(t, "Phoenix.agents.txt")
	ix := petrarch.NewIndex(actors, agents)

	const countries = "Phoenix.Countries.actors.txt:"
	for _, tc := range []struct {
		phrase string
		at     time.Time
		code   string
		rule   string // prefix of the rule; "" to skip
	}{
		{"afghanistan", time.Time{}, "AFG", countries + "45"},
		{"afghan", date(2010, 1, 1), "AFG", countries + "46"}, // synonym line
		{"france", time.Time{}, "FRA", countries},
		{"united states of america", time.Time{}, "USA", countries},
		{"indian ocean", time.Time{}, petrarch.NullCode, countries},
		{"azerbaijan", date(1990, 6, 1), "USRAZE", countries},
		{"azerbaijan", date(1991, 12, 1), "AZEUNR", countries},
		{"azerbaijan", date(2005, 6, 1), "AZE", countries},
		{"baku", date(2005, 6, 1), "AZE", countries},
		{"ilham aliyev", date(1990, 1, 1), "AZEELI", countries},
		{"ilham aliyev", date(2010, 1, 1), "AZEGOV", countries},
		{"vladimir putin", date(1995, 1, 1), "RUSELI", countries},
		{"vladimir putin", date(2005, 1, 1), "RUSGOV", countries},
		// A run of names without '+' shares the codes after it.
		{"president yeltsin", date(1985, 1, 1), "RUSELI", countries},
		{"president yeltsin", date(1995, 1, 1), "RUSGOV", countries},
		{"un", time.Time{}, "IGOUNO", "Phoenix.International.actors.txt:21"},
		{"kofi annan", date(2000, 1, 1), "IGOUNO", "Phoenix.International.actors.txt:"},
		{"kofi annan", date(2010, 1, 1), "ELI", "Phoenix.International.actors.txt:"},
		{"abu nidal organization", time.Time{}, "IMGMUSALQ", "Phoenix.MilNonState.actors.txt:16"},
	} {
		code, rule, ok := ix.LookupActor(tc.phrase, tc.at)
		if !ok || code != tc.code || !strings.HasPrefix(rule, tc.rule) {
			t.Errorf("LookupActor(%q, %s) = %q, %q, %v; want %q from %s", tc.phrase, tc.at.Format("2006-01-02"), code, rule, ok, tc.code, tc.rule)
		}
	}

	for _, tc := range []struct {
		noun, code string
		prefix     bool
	}{
		{"farmer", "AGR", false},
		{"farmers", "AGR", false}, // generated plural
		{"police", "COP", false},
		{"seamen", "MIL", false},                      // explicit plural
		{"herdsmen", "AGR", false},                    // substitution set
		{"minister of foreign affairs", "GOV", false}, // set at the start of the phrase
		{"peacekeeping troops", "IGO", true},
	} {
		ag, _, ok := ix.AgentEntry(tc.noun)
		if !ok || ag.Code != tc.code || ag.Prefix != tc.prefix {
			t.Errorf("AgentEntry(%q) = %q prefix=%v ok=%v; want %q prefix=%v", tc.noun, ag.Code, ag.Prefix, ok, tc.code, tc.prefix)
		}
	}
	if _, ok := ix.LookupAgent("polices"); ok {
		t.Error(`"police {}" must not get a generated plural`)
	}
}

// unitTestRecords is the part of PETR.UnitTest.records.xml this package
// uses: the dictionaries it names and the coded sentences.
type unitTestRecords struct {
	Env struct {
		Actorfile, Agentfile, Discardfile string
	} `xml:"Environment"`
	Sentences []struct {
		Date     string `xml:"date,attr"`
		ID       string `xml:"id,attr"`
		Category string `xml:"category,attr"`
		Codings  []struct {
			Source string `xml:"sourcecode,attr"`
			Target string `xml:"targetcode,attr"`
		} `xml:"EventCoding"`
		Text string `xml:"Text"`
	} `xml:"Sentences>Sentence"`
}

// TestReference_UnitTestRecords loads the validation dictionaries that
// PETRARCH's unit-test records name and checks the DATE records: each
// expected source and target code must be what the dictionary gives the
// actor phrases of the sentence on the record's date, which exercises the
// date restrictions end to end.
func TestReference_UnitTestRecords(t *testing.T) {
	var rec unitTestRecords
	f := openRef(t, "PETR.UnitTest.records.xml")
	if err := xml.NewDecoder(f).Decode(&rec); err != nil {
		t.Fatalf("decode records: %v", err)
	}
	if rec.Env.Actorfile == "" || rec.Env.Agentfile == "" {
		t.Fatalf("records name no dictionaries: %+v", rec.Env)
	}
	actors, errs := loadActors(t, rec.Env.Actorfile)
	agents, aerrs := loadAgents(t, rec.Env.Agentfile)
	discards, derrs, err := petrarch.ReadDiscards(openRef(t, rec.Env.Discardfile), rec.Env.Discardfile)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sentences; %s: %d actors; %s: %d agents; %s: %d discards",
		len(rec.Sentences), rec.Env.Actorfile, len(actors), rec.Env.Agentfile, len(agents), rec.Env.Discardfile, len(discards))
	if len(errs)+len(aerrs)+len(derrs) != 0 {
		t.Errorf("validation dictionaries should read cleanly: %v %v %v", errs, aerrs, derrs)
	}
	if len(rec.Sentences) == 0 || len(actors) == 0 || len(agents) == 0 || len(discards) == 0 {
		t.Fatal("empty unit-test inputs")
	}
	ix := petrarch.NewIndex(actors, agents)

	checked := 0
	for _, s := range rec.Sentences {
		if s.Category != "DATE" {
			continue
		}
		at, err := time.Parse("20060102", s.Date)
		if err != nil {
			t.Errorf("%s: date %q: %v", s.ID, s.Date, err)
			continue
		}
		found := map[string]bool{}
		words := strings.FieldsFunc(strings.ToLower(s.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
		})
		for i := 0; i < len(words); {
			if n, code, _, ok := ix.MatchActor(words[i:], at); ok {
				found[code] = true
				i += n
				continue
			}
			i++
		}
		for _, c := range s.Codings {
			for _, want := range []string{c.Source, c.Target} {
				if strings.Contains(want, "---") {
					continue // a null actor from an unmatched clause
				}
				checked++
				if !found[want] {
					t.Errorf("%s (%s): expected code %s, dictionary gives %v", s.ID, s.Date, want, found)
				}
			}
		}
	}
	t.Logf("%d DATE-record codes checked", checked)
	if checked < 30 {
		t.Errorf("only %d DATE codes checked", checked)
	}
}

func BenchmarkReadActors_Countries(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(refDir(b), "Phoenix.Countries.actors.txt"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := petrarch.ReadActors(strings.NewReader(string(data)), "Phoenix.Countries.actors.txt"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewIndex_Countries(b *testing.B) {
	actors, _ := loadActors(b, "Phoenix.Countries.actors.txt")
	b.ReportAllocs()
	for b.Loop() {
		petrarch.NewIndex(actors, nil)
	}
}

func BenchmarkMatchActor(b *testing.B) {
	actors, _ := loadActors(b, "Phoenix.Countries.actors.txt")
	ix := petrarch.NewIndex(actors, nil)
	words := strings.Fields("the president of the united states met vladimir putin in baku and kabul on tuesday")
	at := date(2010, 5, 5)
	b.ReportAllocs()
	for b.Loop() {
		for i := range words {
			ix.MatchActor(words[i:], at)
		}
	}
}
