package event

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// CyberFile is the table of cyber words, in data.FS.
const CyberFile = "cues/cyber.tsv"

// CyberWords are the words that name computer attacks, their makers and
// their tools (data/cues/cyber.tsv).
type CyberWords struct {
	words map[string]bool
}

// LoadCyberWords reads the table from fsys.
func LoadCyberWords(fsys fs.FS, path string) (*CyberWords, error) {
	words, err := readWordKinds(fsys, path, "word", []string{"attacker", "act", "tool"})
	if err != nil {
		return nil, fmt.Errorf("load cyber words: %w", err)
	}
	return &CyberWords{words: words}, nil
}

// WithCyber returns a copy of c that recodes violence done with computers
// as COERCE/cyber.
func (c *Coder) WithCyber(w *CyberWords) *Coder {
	cc := *c
	cc.cyber = w
	return &cc
}

// cyberClause reports whether the clause of trigger token t names a
// computer attack or its makers: a cyber word anywhere in it ("hackers
// attacked the network", "was hit by ransomware"). The clause is the
// smallest one around t with a subject of its own: a verb without one
// (a conjunct, an infinitive, a participle) belongs to the clause it hangs
// on ("a group calling itself CyberBerkut targeted the servers", "used
// cyber attacks to attack assets"). A cyber word in another clause says
// nothing of this act ("a hacker and computer expert ..., before he was
// killed in a drone strike").
func (s *Stage) cyberClause(t int) bool {
	if s.c.cyber == nil {
		return false
	}
	q := t
	for steps := 0; steps < 8; steps++ {
		h := s.tr.Head(q)
		if h < 0 || s.tr.Has(q, doc.DepNsubj) || s.tr.Has(q, doc.DepNsubjPass) {
			break
		}
		switch s.tr.Rel(q).Base() {
		case doc.DepConj, doc.DepXcomp, doc.DepAdvcl, doc.DepAcl, doc.DepCompound, doc.DepAmod, doc.DepObj, doc.DepNmod, doc.DepObl:
			q = h
			continue
		}
		break
	}
	return s.cyberWordIn(q)
}

// cyberWord reports a cyber word at k.
func (s *Stage) cyberWord(k int) bool {
	w := s.ci.tok(k)
	return strings.HasPrefix(w, "cyber") || s.c.cyber.words[w]
}

// cyberWordIn reports a cyber word in the subtree of k.
func (s *Stage) cyberWordIn(k int) bool {
	for j, last := s.tr.Leftmost(k), s.tr.Rightmost(k); j >= 0 && j <= last; j++ {
		if s.cyberWord(j) {
			return true
		}
	}
	return false
}
