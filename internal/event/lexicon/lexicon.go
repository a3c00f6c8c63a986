// Package lexicon loads dateline's PLOVER trigger lexicon (data/triggers)
// into an immutable index that the event coder matches against tokens.
//
// There is one file per event type, triggers/<type>.tsv, whose rows give a
// pattern (lemmas with optional gaps), the mode, default contexts, the kind
// of trigger, the frame that attaches actor and recipient, what the event
// becomes under negation, and a confidence. Every row is validated against
// package plover when loaded, and every error names file and line, so a
// bad lexicon edit fails the lexicon test rather than the coder.
//
// Patterns are written as lemmas: a verb word matches all its inflections
// because the coder looks triggers up by each token's lemma candidates.
// Irregular forms that suffix rules cannot undo (held, fled, sought) are
// listed in triggers/inflections.tsv and returned by Lemma.
//
// The index is keyed by a pattern's first word. A Lexicon is immutable
// after Load and safe for concurrent use without locks.
package lexicon

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	datalex "github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
)

// Kind is the grammatical kind of a trigger.
type Kind uint8

// Trigger kinds.
const (
	KindVerb Kind = iota // a verb, matched in all inflections: "accuse"
	KindNoun             // a nominal event: "airstrike", "talks"
	KindMWE              // a multi-word expression: "open fire on"
	KindAdj              // an adjective or participle: "hostile"
)

var kindNames = [...]string{KindVerb: "verb", KindNoun: "noun", KindMWE: "mwe", KindAdj: "adj"}

// String returns the kind's name as the lexicon writes it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

func parseKind(s string) (Kind, bool) {
	if s == "" {
		return KindVerb, true
	}
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// DefaultConfidence is the confidence of a row whose column is empty.
const DefaultConfidence = 0.7

// Trigger is one expanded lexicon pattern. Callers must not modify it.
type Trigger struct {
	Type plover.EventType
	// Mode is a mode of Type, or "".
	Mode string
	// Contexts are the default PLOVER contexts.
	Contexts []string
	// Words are the pattern's words in order, with Opt ("*") and Gap
	// ("...") standing for gaps. Words[0] is always a word.
	Words []string
	Kind  Kind
	// VerbOnly marks a verb (kind "verb-only") whose noun homograph
	// names a thing, a person or a place rather than the event: "ally"
	// and "allies", "arm" and "arms", "press" and the press. The coder
	// drops such a match on a word the parse reads as a noun.
	VerbOnly bool
	// Intransitive marks a verb (kind "verb-intransitive") whose event
	// takes no direct object, and whose transitive use is another sense:
	// people demonstrate against something, but "demonstrated its
	// resolve" shows it; parties compromise with each other, but
	// "compromised security" endangers it. The coder drops a match whose
	// verb takes a direct object.
	Intransitive bool
	// Frames lists the ways actor and recipient attach, preferred first;
	// never empty.
	Frames []Frame
	// NegatedType is the type the event becomes when its clause is
	// negated ("will not discuss" is REJECT/meet); "" keeps Type and
	// marks the event negated. NegatedMode goes with it.
	NegatedType plover.EventType
	NegatedMode string
	// DropNegated says a negated match is no event at all.
	DropNegated bool
	Confidence  float64
	// Pattern is the pattern as written, before alternatives were
	// expanded.
	Pattern string
	Note    string
	// Rule names the source line, "triggers/accuse.tsv:14".
	Rule string
}

// Frame returns the preferred frame.
func (t *Trigger) Frame() Frame { return t.Frames[0] }

// PossessorUndergoes reports whether a frame of the trigger takes the
// possessor as its recipient ("prep:by>poss"): the lexicon's mark of a
// nominal whose bare possessor is the one it happens to ("her arrest",
// "his release", "the envoy's killing"), as the possessor of a nominal
// with no object is its object when the verb's object is affected
// (Grimshaw 1990, Argument Structure, ch. 3).
func (t *Trigger) PossessorUndergoes() bool {
	for _, f := range t.Frames {
		if f.Recipient.Kind == SlotPoss {
			return true
		}
	}
	return false
}

// RequiredRecipient returns the first recipient slot of the trigger's
// frames marked required ("subj>obj!", "prep:by>prep:of!"), and false
// when no frame requires one.
func (t *Trigger) RequiredRecipient() (Slot, bool) {
	for _, f := range t.Frames {
		if f.Recipient.Required {
			return f.Recipient, true
		}
	}
	return Slot{}, false
}

// RequiredActor reports whether a frame marks its actor required
// ("subj!>obj"): the act needs its doer and its undergoer stated, and a
// verb of the trigger in the passive with no agent, or with no one it
// acts on, names a state ("the gunmen were armed with rifles", "soldiers
// armed with rifles").
func (t *Trigger) RequiredActor() bool {
	for _, f := range t.Frames {
		if f.Actor.Required {
			return true
		}
	}
	return false
}

// Noun reports whether the trigger is a nominal event.
func (t *Trigger) Noun() bool { return t.Kind == KindNoun }

// RecipientPrep returns the preposition introducing the recipient in the
// preferred frame, or "" when the recipient is not a prepositional object.
func (t *Trigger) RecipientPrep() string {
	if r := t.Frames[0].Recipient; r.Kind == SlotPrep {
		return r.Prep
	}
	return ""
}

// Len returns the number of words in the pattern, gaps excluded.
func (t *Trigger) Len() int {
	n := 0
	for _, w := range t.Words {
		if w != Opt && w != Gap {
			n++
		}
	}
	return n
}

// Lexicon is the loaded trigger index.
type Lexicon struct {
	byFirst   map[string][]*Trigger
	all       []*Trigger
	rows      map[plover.EventType]int
	irregular map[string]string
	// nounSenses maps a noun (NounKey) to the types of the nominal
	// patterns it heads (see NounSenses).
	nounSenses map[string][]plover.EventType
}

// Columns every trigger file must have.
var triggerColumns = []string{"pattern", "mode", "context", "kind", "frame", "negated", "confidence", "note"}

// InflectionsFile is the irregular-form table inside the trigger directory.
const InflectionsFile = "inflections.tsv"

// Load reads triggers/<type>.tsv for every PLOVER type and
// triggers/inflections.tsv from fsys (such as data.FS). A missing type
// file is an error: the coder must know every type.
func Load(fsys fs.FS) (*Lexicon, error) { return LoadDir(fsys, "triggers") }

// LoadDir is Load from another directory of fsys.
func LoadDir(fsys fs.FS, dir string) (*Lexicon, error) {
	l := &Lexicon{byFirst: map[string][]*Trigger{}, rows: map[plover.EventType]int{}, irregular: map[string]string{}, nounSenses: map[string][]plover.EventType{}}
	seen := map[string]string{}
	for _, t := range plover.Types() {
		name := path.Join(dir, strings.ToLower(string(t))+".tsv")
		err := datalex.ReadFile(fsys, name, triggerColumns, func(r datalex.Record) error {
			trs, err := parseRow(t, r)
			if err != nil {
				return err
			}
			l.rows[t]++
			for _, tr := range trs {
				key := tr.Kind.String() + "\t" + strings.Join(tr.Words, " ")
				if prev, dup := seen[key]; dup {
					return r.Errorf("%s pattern %q duplicates %s", tr.Kind, strings.Join(tr.Words, " "), prev)
				}
				seen[key] = tr.Rule
				l.all = append(l.all, tr)
				l.addNounSense(tr)
				l.byFirst[tr.Words[0]] = append(l.byFirst[tr.Words[0]], tr)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load triggers: %w", err)
		}
	}
	err := datalex.ReadFile(fsys, path.Join(dir, InflectionsFile), []string{"form", "lemma"}, func(r datalex.Record) error {
		form, lemma := r.Get("form"), r.Get("lemma")
		if err := checkWord(form); err != nil {
			return r.Errorf("form: %v", err)
		}
		if err := checkWord(lemma); err != nil {
			return r.Errorf("lemma: %v", err)
		}
		if prev, dup := l.irregular[form]; dup && prev != lemma {
			return r.Errorf("form %q already maps to %q", form, prev)
		}
		l.irregular[form] = lemma
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("load inflections: %w", err)
	}
	// Longer patterns first, then higher confidence, so a matcher that
	// stops at its first success takes the most specific trigger.
	for _, trs := range l.byFirst {
		slices.SortStableFunc(trs, func(a, b *Trigger) int {
			if d := b.Len() - a.Len(); d != 0 {
				return d
			}
			switch {
			case a.Confidence > b.Confidence:
				return -1
			case a.Confidence < b.Confidence:
				return 1
			}
			return 0
		})
	}
	return l, nil
}

// parseRow validates one row and expands its pattern.
func parseRow(t plover.EventType, r datalex.Record) ([]*Trigger, error) {
	pattern := r.Get("pattern")
	exps, err := ParsePattern(pattern)
	if err != nil {
		return nil, r.Errorf("%v", err)
	}
	mode := r.Get("mode")
	if !plover.ValidMode(t, mode) {
		return nil, r.Errorf("mode %q is not a mode of %s (modes: %s)", mode, t, strings.Join(plover.Modes(t), ", "))
	}
	ctxs := r.List("context")
	for _, c := range ctxs {
		if !plover.ValidContext(c) {
			return nil, r.Errorf("unknown context %q", c)
		}
	}
	kindName, verbOnly, intransitive := r.Get("kind"), false, false
	switch kindName {
	case "verb-only":
		kindName, verbOnly = "verb", true
	case "mwe-verb-only":
		kindName, verbOnly = "mwe", true
	case "verb-intransitive":
		kindName, intransitive = "verb", true
	}
	kind, ok := parseKind(kindName)
	if !ok {
		return nil, r.Errorf("kind %q: want verb, verb-only, verb-intransitive, noun, mwe, mwe-verb-only or adj", r.Get("kind"))
	}
	var frames []Frame
	for _, f := range r.List("frame") {
		fr, err := ParseFrame(f)
		if err != nil {
			return nil, r.Errorf("%v", err)
		}
		frames = append(frames, fr)
	}
	if len(frames) == 0 {
		frames = []Frame{DefaultFrame}
	}
	tr := Trigger{Type: t, Mode: mode, Contexts: ctxs, Kind: kind, VerbOnly: verbOnly, Intransitive: intransitive, Frames: frames,
		Confidence: DefaultConfidence, Pattern: pattern, Note: r.Get("note"),
		Rule: fmt.Sprintf("%s:%d", strings.TrimPrefix(r.File, "data/"), r.Line)}
	if neg := r.Get("negated"); neg == "drop" {
		tr.DropNegated = true
	} else if neg != "" {
		ts, m, _ := strings.Cut(neg, "/")
		nt := plover.EventType(ts)
		if !nt.Valid() {
			return nil, r.Errorf("negated type %q is not a PLOVER type", ts)
		}
		if !plover.ValidMode(nt, m) {
			return nil, r.Errorf("negated mode %q is not a mode of %s", m, nt)
		}
		tr.NegatedType, tr.NegatedMode = nt, m
	}
	if c := r.Get("confidence"); c != "" {
		v, err := strconv.ParseFloat(c, 64)
		if err != nil || !(v > 0 && v <= 1) {
			return nil, r.Errorf("confidence %q: want a number in (0, 1]", c)
		}
		tr.Confidence = v
	}
	out := make([]*Trigger, len(exps))
	for i, words := range exps {
		cp := tr
		cp.Words = words
		out[i] = &cp
	}
	return out, nil
}

// Candidates returns the triggers whose first word is lemma, longest and
// most confident first; nil when there are none. Callers must not modify
// the slice.
func (l *Lexicon) Candidates(lemma string) []*Trigger { return l.byFirst[lemma] }

// Lemma returns the lemma of an irregular form listed in
// inflections.tsv ("fled" gives "flee").
func (l *Lexicon) Lemma(form string) (string, bool) {
	s, ok := l.irregular[form]
	return s, ok
}

// NounKey folds a noun's plural onto its singular ("strikes" and
// "strike"), so that a pattern's noun and a document's word compare
// equal. It is crude, and enough because both sides use it.
func NounKey(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// addNounSense records the type of a nominal compound pattern ("general
// strike", "missile strike": two or more words in a row, the possessor its
// actor) as a sense of its last word, the noun that heads it. A pattern
// with a gap is a phrase ("halt of * fighting"), whose head is not its
// last word, so it names no sense.
func (l *Lexicon) addNounSense(tr *Trigger) {
	if tr.Len() < 2 || tr.Len() != len(tr.Words) || tr.Frames[0].Actor.Kind != SlotPoss {
		return
	}
	key := NounKey(tr.Words[len(tr.Words)-1])
	if !slices.Contains(l.nounSenses[key], tr.Type) {
		l.nounSenses[key] = append(l.nounSenses[key], tr.Type)
	}
}

// NounSenses returns the event types that nominal patterns headed by noun
// (a NounKey) have: "strike" heads PROTEST's "general strike" and
// ASSAULT's "missile strike". The event coder uses it to tell which
// longer patterns in a document name the noun's own sense ("went on
// strike" is PROTEST, a sense of "strike") and which only take it as an
// argument ("suspend the strike" is CONCEDE, which is not).
func (l *Lexicon) NounSenses(noun string) []plover.EventType { return l.nounSenses[noun] }

// Triggers returns every expanded trigger in file order. The slice is new
// on each call; the triggers are shared.
func (l *Lexicon) Triggers() []*Trigger { return slices.Clone(l.all) }

// Rows returns the number of lexicon rows (before alternatives were
// expanded) of type t.
func (l *Lexicon) Rows(t plover.EventType) int { return l.rows[t] }

// Len returns the number of expanded triggers.
func (l *Lexicon) Len() int { return len(l.all) }

// Match matches the trigger against tokens from start, where the first
// word is already known to match start, and returns the last token the
// match used. Tokens at limit and after are out of reach (the sentence
// end). has(k, w) reports whether token k matches pattern word w, through
// its form or lemma candidates; Match never calls it with a gap. Opt
// takes one token or none and Gap zero to MaxGap tokens; the first
// (shortest-gap) match wins. Match does not allocate.
func (t *Trigger) Match(start, limit int, has func(k int, w string) bool) (last int, ok bool) {
	if start >= limit {
		return 0, false
	}
	return matchFrom(t.Words[1:], start+1, start, limit, has)
}

func matchFrom(words []string, k, last, limit int, has func(int, string) bool) (int, bool) {
	if len(words) == 0 {
		return last, true
	}
	switch w := words[0]; w {
	case Opt, Gap:
		// A pattern never ends in a gap, so words[1] exists.
		max := 1
		if w == Gap {
			max = MaxGap
		}
		for skip := 0; skip <= max && k+skip < limit; skip++ {
			if has(k+skip, words[1]) {
				if l, ok := matchFrom(words[2:], k+skip+1, k+skip, limit, has); ok {
					return l, true
				}
			}
		}
		return 0, false
	default:
		if k >= limit || !has(k, w) {
			return 0, false
		}
		return matchFrom(words[1:], k+1, k, limit, has)
	}
}
