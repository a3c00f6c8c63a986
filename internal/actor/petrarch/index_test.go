package petrarch_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

func fixtureIndex(t testing.TB) *petrarch.Index {
	t.Helper()
	actors, errs, err := petrarch.ReadActors(strings.NewReader(actorFixture), "fixture.actors.txt")
	if err != nil || len(errs) != 0 {
		t.Fatalf("fixture: %v %v", err, errs)
	}
	// A second file repeats a name: the first file wins while its codes apply.
	more, errs2, err2 := petrarch.ReadActors(strings.NewReader("TRENTINO [OVERRIDE]\nSYLVANIA_CITY_HALL [SYLGOVLOC]\nOLD_ONLY\n\t[OLD <18991231]\n"), "more.txt")
	if err2 != nil || len(errs2) != 0 {
		t.Fatalf("second fixture: %v %v", err2, errs2)
	}
	actors = append(actors, more...)
	agents, errs3, err3 := petrarch.ReadAgents(strings.NewReader(agentFixture), "agents.txt")
	if err3 != nil || len(errs3) != 0 {
		t.Fatalf("agent fixture: %v %v", err3, errs3)
	}
	return petrarch.NewIndex(actors, agents)
}

func TestIndex_LookupActor(t *testing.T) {
	ix := fixtureIndex(t)
	for _, tc := range []struct {
		phrase   string
		at       time.Time
		code     string
		rule     string
		found    bool
		whyFound string
	}{
		{"freedonia", time.Time{}, "FRD", "fixture.actors.txt:5", true, "primary"},
		{"grand fenwick", date(2003, 3, 3), "FRDGOV", "fixture.actors.txt:7", true, "synonym line, restricted code"},
		{"president firefly", date(1934, 1, 1), "FRDGOV", "fixture.actors.txt:13", true, "space connector"},
		{"president firefly", date(1920, 1, 1), "FRDELI", "fixture.actors.txt:13", true, "before"},
		{"sylvania", time.Time{}, petrarch.NullCode, "fixture.actors.txt:10", true, "null code"},
		{"trentino", date(1925, 1, 1), "SYLGOV", "fixture.actors.txt:17", true, "first file wins"},
		{"marx two", time.Time{}, "FRD/SYL", "fixture.actors.txt:19", true, "run of names"},
		{"old only", date(2000, 1, 1), "", "", false, "no code applies"},
		{"old only", date(1890, 1, 1), "OLD", "more.txt:3", true, "restricted only"},
		{"Freedonia", time.Time{}, "", "", false, "lookups take normalized phrases"},
		{"nowhere", time.Time{}, "", "", false, "unknown"},
	} {
		code, rule, ok := ix.LookupActor(tc.phrase, tc.at)
		if code != tc.code || rule != tc.rule || ok != tc.found {
			t.Errorf("%s: LookupActor(%q, %v) = %q, %q, %v; want %q, %q, %v",
				tc.whyFound, tc.phrase, tc.at, code, rule, ok, tc.code, tc.rule, tc.found)
		}
	}
}

func TestIndex_MatchActor(t *testing.T) {
	ix := fixtureIndex(t)
	for _, tc := range []struct {
		words []string
		n     int
		code  string
	}{
		{[]string{"sylvania", "city", "hall", "said"}, 3, "SYLGOVLOC"},
		{[]string{"sylvania", "city", "said"}, 2, "SYLGOV"},
		{[]string{"sylvania", "said"}, 1, petrarch.NullCode},
		{[]string{"sylvania"}, 1, petrarch.NullCode},
		{[]string{"old", "only"}, 0, ""}, // matches, but no code applies in 2000
		{[]string{"grand"}, 0, ""},
		{nil, 0, ""},
	} {
		n, code, _, ok := ix.MatchActor(tc.words, date(2000, 1, 1))
		if n != tc.n || code != tc.code || ok != (tc.n > 0) {
			t.Errorf("MatchActor(%q) = %d, %q, %v; want %d, %q", tc.words, n, code, ok, tc.n, tc.code)
		}
	}
}

func TestIndex_Agents(t *testing.T) {
	ix := fixtureIndex(t)
	for _, tc := range []struct {
		noun string
		code string
		ok   bool
	}{
		{"goatherds", "AGR", true},
		{"skywoman", "MIL", true},
		{"skywomen", "", false}, // substitution nouns get no generated plural
		{"oxen drivers", "AGR", true},
		{"ox drivers", "", false},
		{"hat relief body", "NGO", true},
	} {
		code, ok := ix.LookupAgent(tc.noun)
		if code != tc.code || ok != tc.ok {
			t.Errorf("LookupAgent(%q) = %q, %v; want %q, %v", tc.noun, code, ok, tc.code, tc.ok)
		}
	}
	ag, rule, ok := ix.AgentEntry("hat relief bodies")
	if !ok || !ag.Prefix || rule != "agents.txt:12" {
		t.Errorf("AgentEntry = %+v, %q, %v; want prefix NGO at agents.txt:12", ag, rule, ok)
	}
	n, ag, _, ok := ix.MatchAgent([]string{"bureau", "of", "silly", "hats", "spokesman"})
	if !ok || n != 4 || ag.Code != "GOV" {
		t.Errorf("MatchAgent = %d, %+v, %v; want 4 words of GOV", n, ag, ok)
	}
}

func TestIndex_HandBuiltActor(t *testing.T) {
	// Callers may build actors without NameLines; rules fall back to Line.
	ix := petrarch.NewIndex([]petrarch.Actor{{Names: []string{"x"}, Codes: []petrarch.Code{{Code: "XXX"}}, File: "mine", Line: 7}}, nil)
	if _, rule, ok := ix.LookupActor("x", time.Time{}); !ok || rule != "mine:7" {
		t.Errorf("rule = %q, %v", rule, ok)
	}
}
