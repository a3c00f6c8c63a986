package event_test

import (
	"strings"
	"testing"
)

// TestRecodings checks the rules that recast an ASSAULT after it is built
// (recast.go): an ASSAULT with no mode in a sentence that names a
// computer attack is PLOVER's COERCE/cyber, while physical force, or a
// sentence with no cyber word, stays ASSAULT; a raid by the police is
// COERCE (a search or arrest operation) and a raid by anyone else stays
// ASSAULT; violence by a protest crowd is PROTEST/riot, while the police's
// one-sided attack stays ASSAULT; a clash, being mutual, is a riot when
// either side is a protest crowd. Every sentence was written for this
// test.
func TestRecodings(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // type/mode of each event, joined by " | "
		rule       string // a rule suffix the first event must carry, or ""
	}{
		{"hackers attacking a ministry", "Russian hackers attacked the Armenian ministry.", "COERCE/cyber", "+cyber"},
		{"hackers attacking a network", "Russian hackers attacked the computer network of Kenya.", "COERCE/cyber", "+cyber"},
		{"a cyber word prefix", "Armenia attacked Azerbaijan in a cyberattack.", "COERCE/cyber", "+cyber"},
		{"malware named in the sentence", "Russia attacked Kenya with malware.", "COERCE/cyber", "+cyber"},
		{"no cyber word", "Russian troops attacked the Armenian ministry.", "ASSAULT/", ""},
		{"a cyber word outside the clause", "Kenya named the cyber chief of the rebels, who was killed when Russian troops attacked Armenia.", "ASSAULT/", ""},
		{"a physical attack stays", "Russian troops attacked Kenya.", "ASSAULT/", ""},
		{"physical force keeps its mode", "Armenia shelled Azerbaijan after hackers struck.", "ASSAULT/heavy-weapons", ""},
		{"a mode says the force was physical", "Russia shelled Kenya, hackers said.", "ASSAULT/heavy-weapons", ""},
		{"police raid", "Police raided the offices of the Armenian opposition.", "COERCE/", "+police_raid"},
		{"police raid homes", "Kenyan police raided the homes of opposition leaders.", "COERCE/", "+police_raid"},
		{"military raid", "Azerbaijani troops raided Armenian positions.", "ASSAULT/", ""},
		{"troops raid a town", "Russian troops raided a town in Kenya.", "ASSAULT/", ""},
		{"protesters attacking is a riot", "Kenyan protesters attacked the police.", "PROTEST/riot", "+crowd_violence"},
		{"the police's side of a clash stays", "Kenyan police attacked the protesters.", "ASSAULT/", ""},
		{"a clash of the police with protesters is a riot", "Kenyan police clashed with the protesters.", "PROTEST/riot", "+reciprocal"},
		{"a clash of protesters with the police is a riot", "Kenyan protesters clashed with the police.", "PROTEST/riot", "+crowd_violence"},
		{"a clash of armed forces stays", "Kenyan troops clashed with Ugandan soldiers.", "ASSAULT/", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			if len(d.Events) == 0 {
				t.Fatal("no event")
			}
			var got []string
			for _, ev := range d.Events {
				got = append(got, string(ev.Type)+"/"+ev.Mode)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("got %q (rule %s), want %q", g, d.Events[0].Rule, tt.want)
			}
			if tt.rule != "" && !strings.Contains(d.Events[0].Rule, tt.rule) {
				t.Errorf("rule %q lacks %q", d.Events[0].Rule, tt.rule)
			}
		})
	}
}
