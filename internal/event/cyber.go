package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

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
