package event

import (
	"slices"
	"testing"
)

func TestLemmaCandidates(t *testing.T) {
	tests := []struct {
		word string
		want string // must be among the candidates
	}{
		{"accused", "accuse"}, {"accuses", "accuse"}, {"accusing", "accuse"},
		{"shelled", "shell"}, {"shelling", "shell"}, {"talks", "talk"},
		{"stopped", "stop"}, {"planning", "plan"}, {"denied", "deny"}, {"denies", "deny"},
		{"urged", "urge"}, {"calls", "call"}, {"visited", "visit"}, {"refuses", "refuse"},
		{"sanctions", "sanction"}, {"reached", "reach"}, {"rejects", "reject"},
		{"watches", "watch"}, {"releases", "release"}, {"goes", "go"},
		{"used", "use"}, {"sued", "sue"}, {"owed", "owe"},
	}
	var buf []string
	for _, tt := range tests {
		buf = lemmaCandidates(tt.word, buf)
		if !slices.Contains(buf, tt.want) {
			t.Errorf("lemmaCandidates(%q) = %v, want %q among them", tt.word, buf, tt.want)
		}
		if buf[0] != tt.word {
			t.Errorf("lemmaCandidates(%q) does not start with the word itself", tt.word)
		}
	}
	// "es" is an ending only after a sibilant or an o.
	for _, tt := range []struct{ word, not string }{{"aides", "aid"}, {"rates", "rat"}, {"changes", "chang"}} {
		if buf = lemmaCandidates(tt.word, buf); slices.Contains(buf, tt.not) {
			t.Errorf("lemmaCandidates(%q) = %v, should not hold %q", tt.word, buf, tt.not)
		}
	}
}
