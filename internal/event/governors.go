package event

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// GovernorRole is what a governing word does to the event below it; see
// data/cues/governors.tsv.
type GovernorRole uint8

// Governor roles.
const (
	NoGovernor GovernorRole = iota
	GovSupport
	GovWeapon
	GovNegative
	GovReversal
	GovIntent
	GovYield
	GovAttempt
	// GovContent: a verb that is an event only for the act it announces
	// ("warned it would strike" but not "warned that the toll may rise").
	GovContent
	// GovUndertaking: a noun that names an undertaking and carries its
	// modifier's event ("a mediation mission").
	GovUndertaking
	// GovContemplate: a verb whose object or gerund is an event only
	// considered ("considering sanctions", "weighing imposing a ban"):
	// its subject is the event's actor, and the event is hypothetical.
	GovContemplate
	// GovProspect: a word whose infinitive complement is expected or
	// scheduled, not yet done ("is expected to sign", "is set to host",
	// "is due to visit"): the complement is a future event.
	GovProspect
	// GovClaim: a verb by which its subject owns an act ("claimed the
	// bombing", "claimed responsibility for the attack"): the nominal
	// event's actor is the verb's subject.
	GovClaim
	// GovAccept: a verb that owns an act only through a liability noun
	// ("took responsibility for the raid"; "took the town" owns nothing).
	GovAccept
	// GovSilence: a verb of saying that a refusal takes as its
	// infinitive ("declined to comment", "refused to say"): a refusal
	// to speak rejects nothing (CAMEO 011, decline comment).
	GovSilence
	// GovLiability: a noun of answerability ("responsibility", "credit")
	// whose "for" phrase names the act a claim verb owns.
	GovLiability
	// GovHearsay: an adverb or adjective on an event word that reports
	// it at second hand ("allegedly killed", "the alleged abuses"): the
	// event is alleged (doc.AuxAlleged).
	GovHearsay
	// GovResultative: a verb whose object and a participle after it
	// state what its subject brought about ("left three soldiers
	// wounded"): the object undergoes the participle's event.
	GovResultative
	// GovAnonymity: a word for a source's withheld name as what a
	// request asks for ("asked not to be named", "requested
	// anonymity"): the terms on which a source talks to a reporter, no
	// request of one actor to another.
	GovAnonymity
)

var governorRoles = map[string]GovernorRole{
	"support": GovSupport, "weapon": GovWeapon, "negative": GovNegative,
	"reversal": GovReversal, "intent": GovIntent, "yield": GovYield,
	"attempt": GovAttempt, "content": GovContent, "undertaking": GovUndertaking,
	"contemplate": GovContemplate, "prospect": GovProspect,
	"claim": GovClaim, "accept": GovAccept, "liability": GovLiability,
	"silence": GovSilence, "hearsay": GovHearsay, "resultative": GovResultative,
	"anonymity": GovAnonymity,
}

// Governors is the table of words that govern event words
// (data/cues/governors.tsv), keyed by lemma.
type Governors struct {
	byLemma map[string][]governor
}

type governor struct {
	role     GovernorRole
	particle string
	rule     string
}

// GovernorsFile is the table's path in data.FS.
const GovernorsFile = "cues/governors.tsv"

// LoadGovernors reads the table from fsys.
func LoadGovernors(fsys fs.FS, path string) (*Governors, error) {
	g := &Governors{byLemma: map[string][]governor{}}
	err := lexicon.ReadFile(fsys, path, []string{"lemma", "role"}, func(r lexicon.Record) error {
		role, ok := governorRoles[r.Get("role")]
		if !ok {
			return r.Errorf("role must be one of %s, not %q", strings.Join(slices.Sorted(maps.Keys(governorRoles)), ", "), r.Get("role"))
		}
		l := r.Get("lemma")
		g.byLemma[l] = append(g.byLemma[l], governor{role: role, particle: r.Get("particle"), rule: fmt.Sprintf("%s:%d", path, r.Line)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load governors: %w", err)
	}
	return g, nil
}

// role returns the role of a word with the given lemma candidates and
// particle ("" when it has none), and the table line behind it.
func (g *Governors) role(lemmas []string, particle string) (GovernorRole, string) {
	return roleIn(g.forLemmas(lemmas), particle)
}

// forLemmas returns the table's lines for the given lemma candidates, in
// order; the stage keeps them with each word (see wordInfo).
func (g *Governors) forLemmas(lemmas []string) []governor {
	if g == nil {
		return nil
	}
	var govs []governor
	for _, l := range lemmas {
		govs = append(govs, g.byLemma[l]...)
	}
	return govs
}

// roleIn is role over the lines forLemmas returned.
func roleIn(govs []governor, particle string) (GovernorRole, string) {
	for _, gv := range govs {
		if gv.particle == particle && gv.role != GovUndertaking {
			return gv.role, gv.rule
		}
	}
	return NoGovernor, ""
}

// undertaking reports a noun form w that names an undertaking
// (GovUndertaking), in the singular or a regular plural. Nouns are
// looked up by form, not by the verb lemmas of role: "attempts" is the
// noun, "attempted" is not.
func (g *Governors) undertaking(w string) bool {
	if g == nil {
		return false
	}
	if g.hasRole(w, GovUndertaking) {
		return true
	}
	for _, sg := range en.RegularSingulars(w) {
		if g.hasRole(sg, GovUndertaking) {
			return true
		}
	}
	return false
}

func (g *Governors) hasRole(lemma string, role GovernorRole) bool {
	for _, gv := range g.byLemma[lemma] {
		if gv.role == role {
			return true
		}
	}
	return false
}
