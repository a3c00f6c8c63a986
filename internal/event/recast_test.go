package event_test

import (
	"strings"
	"testing"
)

// TestPoliceRaidsAndCyberAttacks checks the rules that recast an ASSAULT
// by what its sentence says about it: a raid by the police is a search,
// COERCE (raids.go); violence by a protest crowd is PROTEST/riot
// (raids.go); violence words used of a computer attack are COERCE/cyber
// (cyber.go). Every sentence was written for this test.
func TestPoliceRaidsAndCyberAttacks(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // type/mode of each event, joined by " | "
		rule       string // a rule suffix the first event must carry, or ""
	}{
		{"police raid homes", "Kenyan police raided the homes of opposition leaders.", "COERCE/", "+police_raid"},
		{"troops raid a town", "Russian troops raided a town in Kenya.", "ASSAULT/", ""},
		{"hackers attack a network", "Russian hackers attacked the computer network of Kenya.", "COERCE/cyber", "+cyber"},
		{"malware named in the sentence", "Russia attacked Kenya with malware.", "COERCE/cyber", "+cyber"},
		{"a physical attack stays", "Russian troops attacked Kenya.", "ASSAULT/", ""},
		{"a mode says the force was physical", "Russia shelled Kenya, hackers said.", "ASSAULT/heavy-weapons", ""},
		{"protesters attacking is a riot", "Kenyan protesters attacked the police.", "PROTEST/riot", "+crowd_violence"},
		{"the police's side of a clash stays", "Kenyan police attacked the protesters.", "ASSAULT/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			var got []string
			for _, ev := range d.Events {
				got = append(got, string(ev.Type)+"/"+ev.Mode)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Fatalf("got %q, want %q", g, tt.want)
			}
			if tt.rule != "" && !strings.Contains(d.Events[0].Rule, tt.rule) {
				t.Errorf("rule %q lacks %q", d.Events[0].Rule, tt.rule)
			}
		})
	}
}
