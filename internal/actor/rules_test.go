package actor

import "testing"

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
