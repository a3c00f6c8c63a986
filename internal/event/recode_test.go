package event_test

import "testing"

// TestRecodings checks the rules that recode an ASSAULT after it is built:
// cyber.go, where an ASSAULT with no mode in a sentence that names a
// computer attack is PLOVER's COERCE/cyber, while physical force, or a
// sentence with no cyber word, stays ASSAULT; and raids.go, where a raid
// by the police is COERCE (a search or arrest operation) and a raid by
// anyone else stays ASSAULT. Every sentence was written for this test.
func TestRecodings(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"hackers attacking a ministry", "Russian hackers attacked the Armenian ministry.", "COERCE/cyber"},
		{"a cyber word prefix", "Armenia attacked Azerbaijan in a cyberattack.", "COERCE/cyber"},
		{"no cyber word", "Russian troops attacked the Armenian ministry.", "ASSAULT/"},
		{"physical force keeps its mode", "Armenia shelled Azerbaijan after hackers struck.", "ASSAULT/heavy-weapons"},
		{"police raid", "Police raided the offices of the Armenian opposition.", "COERCE/"},
		{"military raid", "Azerbaijani troops raided Armenian positions.", "ASSAULT/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			if len(d.Events) == 0 {
				t.Fatal("no event")
			}
			ev := d.Events[0]
			if got := string(ev.Type) + "/" + ev.Mode; got != tt.want {
				t.Errorf("got %s (rule %s), want %s", got, ev.Rule, tt.want)
			}
		})
	}
}
