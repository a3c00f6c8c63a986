package event

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// Salience.
//
// markPrincipal ranks the events of a sentence by how far the grammar sets
// each below the sentence's main predicate (principal.go). The rank does
// two jobs, so that dateline has one account of what a sentence reports:
// the lowest rank is the principal event, and every event's salience
// (doc.Event.Salience) falls with the distance of its rank from that
// lowest one, 1/(1+distance). A nominal object of an event verb ("X
// condemned the attack") is one step below, a nominal in a prepositional
// phrase or a subordinate clause three, a complement or a negated event a
// hundred. The story stage (internal/story) weighs events by salience when
// it chooses a story's main event, so the two choices cannot disagree
// about which events a sentence only mentions.
//
// Besides the parse, the rank reads background cues (data/cues/
// background.tsv): an event inside a phrase opened by "after",
// "following", "amid", "despite", "in response to" and the like is the
// cause, occasion or counterpart of the clause's event, and ranks as a
// subordinate clause does, whatever relation a greedy parse gave it.

// BackgroundFile is the cue table's path in data.FS.
const BackgroundFile = "cues/background.tsv"

// Background is the table of words that open a background phrase
// (data/cues/background.tsv), keyed by the phrase's first word.
type Background struct {
	byFirst map[string][][]string
	// firstLen has bit min(n, 63) of entry b set when a phrase's first
	// word starts with byte b and is n bytes long. Every token is asked
	// whether it opens a phrase, and nearly every token fits no entry,
	// which is cheaper to see than a map lookup.
	firstLen [256]uint64
}

// lengthBit is a word's bit in Background.firstLen.
func lengthBit(w string) uint64 { return 1 << min(len(w), 63) }

// phrases returns the phrases whose first word is w.
func (b *Background) phrases(w string) [][]string {
	if w == "" || b.firstLen[w[0]]&lengthBit(w) == 0 {
		return nil
	}
	return b.byFirst[w]
}

// LoadBackground reads the cue table from fsys.
func LoadBackground(fsys fs.FS, path string) (*Background, error) {
	b := &Background{byFirst: map[string][][]string{}}
	err := lexicon.ReadFile(fsys, path, []string{"phrase"}, func(r lexicon.Record) error {
		words := strings.Fields(r.Get("phrase"))
		if len(words) == 0 {
			return r.Errorf("empty phrase")
		}
		for _, w := range words {
			if strings.ToLower(w) != w {
				return r.Errorf("phrase %q must be lower case", r.Get("phrase"))
			}
		}
		b.byFirst[words[0]] = append(b.byFirst[words[0]], words)
		b.firstLen[words[0][0]] |= lengthBit(words[0])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load background cues: %w", err)
	}
	return b, nil
}

// WithBackground returns a copy of c that ranks events inside background
// phrases below the clause they modify.
func (c *Coder) WithBackground(b *Background) *Coder {
	cc := *c
	cc.background = b
	return &cc
}

// NonActorsFile is the table of nouns that name no actor, in data.FS.
const NonActorsFile = "cues/nonactors.tsv"

// NonActors is the set of nouns for things that act or suffer in the news
// without being actors (data/cues/nonactors.tsv): natural hazards,
// diseases, animals and accidents.
type NonActors struct {
	nouns map[string]bool
}

// nonActorKinds are the kinds the table's kind column may name.
var nonActorKinds = []string{"hazard", "disease", "animal", "accident"}

// LoadNonActors reads the table from fsys.
func LoadNonActors(fsys fs.FS, path string) (*NonActors, error) {
	nouns, err := readWordKinds(fsys, path, "noun", nonActorKinds)
	if err != nil {
		return nil, fmt.Errorf("load non-actors: %w", err)
	}
	return &NonActors{nouns: nouns}, nil
}

// readWordKinds reads a table of one lower-case word per line (column
// wordCol) with a documentation-only kind column that must name one of
// kinds, and returns the set of words.
func readWordKinds(fsys fs.FS, path, wordCol string, kinds []string) (map[string]bool, error) {
	words := map[string]bool{}
	err := lexicon.ReadFile(fsys, path, []string{wordCol, "kind"}, func(r lexicon.Record) error {
		w := r.Get(wordCol)
		if w == "" || strings.ToLower(w) != w || strings.ContainsAny(w, " \t") {
			return r.Errorf("%s %q must be one lower-case word", wordCol, w)
		}
		if !slices.Contains(kinds, r.Get("kind")) {
			return r.Errorf("kind %q: want %s", r.Get("kind"), strings.Join(kinds, ", "))
		}
		words[w] = true
		return nil
	})
	return words, err
}

// WithNonActors returns a copy of c that drops events one of whose
// participants is a natural hazard, a disease, an animal or an accident.
func (c *Coder) WithNonActors(n *NonActors) *Coder {
	cc := *c
	cc.nonActors = n
	return &cc
}

// markBackground sets s.inBackground for every token inside a background
// phrase: from the token after a cue to the next comma, semicolon or
// colon, or the sentence's end.
func (s *Stage) markBackground(d *doc.Doc) {
	s.inBackground = growBool(s.inBackground, len(d.Tokens))
	if s.c.background == nil {
		return
	}
	for _, sent := range d.Sentences {
		open := false
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			switch w := s.ci.tok(k); {
			case w == "," || w == ";" || w == ":":
				open = false
			case open:
				s.inBackground[k] = true
			default:
				if n := s.backgroundCue(sent, k); n > 0 {
					open = true
					k += n - 1
				}
			}
		}
	}
}

// backgroundCue returns the length in tokens of the cue phrase starting
// at token k, or 0. A cue after a determiner is no cue ("the following
// day").
func (s *Stage) backgroundCue(sent doc.Sentence, k int) int {
	phrases := s.c.background.phrases(s.ci.tok(k))
	if len(phrases) == 0 || (k > sent.FirstToken && s.ci.tag(k-1) == "DT") {
		return 0
	}
	best := 0
	for _, p := range phrases {
		if k+len(p) > sent.EndToken || len(p) <= best {
			continue
		}
		ok := true
		for i, w := range p[1:] {
			if s.ci.tok(k+1+i) != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// argumentOf returns the event whose argument event e is by word order,
// or -1: e is a nominal (a noun trigger: "talks", "rally", "tariffs") in
// the object or a prepositional phrase of an earlier event of its clause,
// or in a prepositional phrase after an earlier nominal event. The verb
// says what happened and the noun names what it happened to or in:
// "gained concessions in talks" is about the concessions, "used tear gas
// on a rally" about the tear gas, "condemned the attack" about the
// condemnation, "demands review of tariffs" about the demand. The parse
// says so too when it is right; word order keeps the rank right where a
// greedy parse of a headline makes the noun the root. The clause ends at
// a comma, semicolon or finite verb. first is the index of the first
// event of e's sentence.
func (s *Stage) argumentOf(d *doc.Doc, first, e int) int {
	t := s.heads[e]
	if t >= len(d.Tokens) || !strings.HasPrefix(s.ci.tag(t), "NN") || strings.HasPrefix(s.ci.tag(t), "NNP") {
		return -1
	}
	start := d.Events[e].Evidence.Trigger.Start
	for g := e - 1; g >= first; g-- {
		gtr := d.Events[g].Evidence.Trigger
		if gtr.End > start {
			continue
		}
		gt := s.ci.tokenAt(gtr.Start, 0)
		end := s.ci.tokenAt(gtr.End, gt) - 1
		if gt >= len(d.Tokens) || end < gt {
			continue
		}
		// After a nominal event only a prepositional phrase attaches
		// ("concessions in talks"); after a verb the object does too. A
		// trigger ending in a preposition ("support for") has it.
		needPrep := !strings.HasPrefix(s.ci.tag(gt), "VB") && s.ci.tag(end) != "IN"
		for k := end + 1; k < t; k++ {
			switch tg := s.ci.tag(k); {
			case en.IsFiniteTag(tg):
				return -1
			case d.Tokens[k].Kind == doc.Punct && (s.ci.tok(k) == "," || s.ci.tok(k) == ";"):
				return -1
			case tg == "IN" || tg == "TO":
				needPrep = false
			}
		}
		if needPrep {
			return -1
		}
		return g
	}
	return -1
}

// salienceOf turns a rank into a salience, given the lowest rank of the
// sentence: 1 for the principal event and its equals, falling with each
// step below. The scale is the sentence's own: a sentence whose only event
// sits in a background phrase ("... after a two-day strike") still
// reports it, since its main clause often gives only the reaction or the
// consequence.
func salienceOf(rank, lowest int) float64 {
	return 1 / float64(1+rank-lowest)
}
