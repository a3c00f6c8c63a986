package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/text"
)

// cyberAttacks recodes violence words used of computer attacks. PLOVER
// files cyber attacks under COERCE (mode cyber), not ASSAULT, which is
// physical force; news reports them with the words of violence ("hackers
// attacked the ministry's network", "a news site was hit by a cyber
// attack"). An ASSAULT event without a mode whose sentence names a cyber
// operation (cyberattack, hackers, malware ...) is such an attack. A mode
// (firearms, explosives ...) says the force was physical, so those stay.
func (s *Stage) cyberAttacks(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Assault || ev.Mode != "" {
			continue
		}
		si := text.SentenceOf(d, tokenAtOrAfter(d, ev.Evidence.Trigger.Start, 0))
		if si < 0 || !s.cyberSentence(d, d.Sentences[si]) {
			continue
		}
		ev.Type, ev.Mode = plover.Coerce, "cyber"
		ev.Context = appendOnce(ev.Context, "cyber")
		ev.Rule += " +cyber"
	}
}

// cyberSentence reports whether a sentence names a computer attack or its
// makers.
func (s *Stage) cyberSentence(d *doc.Doc, sent doc.Sentence) bool {
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		w := s.ci.tok(k)
		if strings.HasPrefix(w, "cyber") || cyberWords[w] {
			return true
		}
	}
	return false
}

// cyberWords name computer attacks and attackers; words with other common
// senses ("network", "virus", "website") are left out.
var cyberWords = map[string]bool{
	"hacker": true, "hackers": true, "hacking": true, "hacked": true, "hack": true,
	"malware": true, "ransomware": true, "spyware": true, "ddos": true, "phishing": true, "botnet": true,
}
