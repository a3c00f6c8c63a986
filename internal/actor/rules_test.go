package actor

import (
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

func TestRuleNamesJoinAndIntern(t *testing.T) {
	var r ruleNames
	a := r.join("role ", "actors/roles.tsv:3", " +demonym ", "actors/countries.tsv:9")
	if a != "role actors/roles.tsv:3 +demonym actors/countries.tsv:9" {
		t.Fatalf("join = %q", a)
	}
	b := r.join("role actors/roles.tsv:3", " +demonym actors/countries.tsv:9")
	if a != b {
		t.Fatalf("%q != %q", a, b)
	}
	c := r.join("pronoun")
	if a != "role actors/roles.tsv:3 +demonym actors/countries.tsv:9" || c != "pronoun" {
		t.Fatal("a later join changed an earlier result")
	}
	for i := range 2 * maxInternedRules {
		r.join("rule ", string(rune('a'+i%26)), string(rune('a'+i/26%26)), string(rune('a'+i/676)))
	}
	if len(r.seen) > maxInternedRules {
		t.Fatalf("interned %d rules, more than the bound %d", len(r.seen), maxInternedRules)
	}
}

func TestRuleNamesRecentJoinsCompareParts(t *testing.T) {
	var r ruleNames
	// Same lengths and last bytes, so the same cache slot: the parts
	// themselves must decide.
	if got := r.join("role a:12", " +x"); got != "role a:12 +x" {
		t.Fatalf("join = %q", got)
	}
	if got := r.join("role b:12", " +x"); got != "role b:12 +x" {
		t.Fatalf("join after a colliding one = %q", got)
	}
	if got := r.join("role a:12", " +x", ""); got != "role a:12 +x" {
		t.Fatalf("join with an empty part = %q", got)
	}
}

func TestNameContains(t *testing.T) {
	for _, tc := range []struct {
		name, key string
		want      bool
	}{
		{"Ministry of Defence", "ministry", true},
		{"the Defence MINISTRY", "ministry", true},
		{"Ministr", "ministry", false},
		{"Interior Ministry", "minister", false},
		{"Ministère de l'Intérieur", "ministère", true},
		{"", "ministry", false},
	} {
		co := &corefState{}
		d := &doc.Doc{Entities: []doc.Entity{{Actor: doc.Actor{Name: tc.name}}}}
		if got := co.nameContains(d, 0, tc.key); got != tc.want {
			t.Errorf("nameContains(%q, %q) = %v, want %v", tc.name, tc.key, got, tc.want)
		}
	}
}
