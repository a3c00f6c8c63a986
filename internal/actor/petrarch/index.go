package petrarch

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Index answers phrase lookups over loaded dictionaries. It is immutable
// once built and safe for concurrent use.
type Index struct {
	actors []Actor
	agents []Agent
	// byPhrase maps a normalized phrase to every actor name with that
	// text, in load order (the same phrase may appear in several files).
	byPhrase map[string][]nameRef
	// byFirst2 maps the first two words of each phrase of two or more
	// words to those phrases, longest first, for MatchActor; keying on two
	// words keeps the candidate lists short ("international ...").
	byFirst2 map[[2]string][]phrase
	agentBy  map[string]nameRef
	agentBy2 map[[2]string][]phrase
}

// nameRef points at an entry and carries the rule of the name that
// matched, built once so that lookups do not allocate.
type nameRef struct {
	entry int32
	rule  string
}

type phrase struct {
	text  string
	words int
}

// NewIndex indexes actors and agents; earlier entries win over later ones
// with the same name, so callers pass their own dictionaries first.
func NewIndex(actors []Actor, agents []Agent) *Index {
	ix := &Index{
		actors:   actors,
		agents:   agents,
		byPhrase: make(map[string][]nameRef, len(actors)*2),
		byFirst2: map[[2]string][]phrase{},
		agentBy:  make(map[string]nameRef, len(agents)*2),
		agentBy2: map[[2]string][]phrase{},
	}
	for i, a := range actors {
		for j, nm := range a.Names {
			refs, seen := ix.byPhrase[nm]
			ix.byPhrase[nm] = append(refs, nameRef{int32(i), ruleOf(a.File, a.nameLine(j))})
			if !seen {
				addPhrase(ix.byFirst2, nm)
			}
		}
	}
	for i, a := range agents {
		rule := ruleOf(a.File, a.Line)
		for _, nm := range a.Names {
			if _, seen := ix.agentBy[nm]; !seen {
				ix.agentBy[nm] = nameRef{int32(i), rule}
				addPhrase(ix.agentBy2, nm)
			}
		}
	}
	for _, m := range []map[[2]string][]phrase{ix.byFirst2, ix.agentBy2} {
		for _, ps := range m {
			slices.SortStableFunc(ps, func(a, b phrase) int { return b.words - a.words })
		}
	}
	return ix
}

// addPhrase files a phrase of two or more words under its first two;
// one-word phrases are found directly by name.
func addPhrase(m map[[2]string][]phrase, nm string) {
	first, rest, ok := strings.Cut(nm, " ")
	if !ok {
		return
	}
	second, _, _ := strings.Cut(rest, " ")
	k := [2]string{first, second}
	m[k] = append(m[k], phrase{text: nm, words: strings.Count(nm, " ") + 1})
}

// Actors returns the indexed actors; callers must not modify them.
func (ix *Index) Actors() []Actor { return ix.actors }

// Agents returns the indexed agents; callers must not modify them.
func (ix *Index) Agents() []Agent { return ix.agents }

// LookupActor resolves a normalized phrase (see Normalize) on day at (zero
// when unknown) to its code. rule names the dictionary line of the name
// that matched ("Phoenix.Countries.actors.txt:1234"). When several entries
// share the phrase, the first whose codes cover the date wins. A null code
// comes back as NullCode with ok true.
func (ix *Index) LookupActor(lowerPhrase string, at time.Time) (code string, rule string, ok bool) {
	for _, ref := range ix.byPhrase[lowerPhrase] {
		a := &ix.actors[ref.entry]
		if c, ok := a.CodeAt(at); ok {
			return c, ref.rule, true
		}
	}
	return "", "", false
}

// MatchActor finds the longest actor phrase that starts at words[0] and
// has a code on day at; when the longest phrase has no code on that day a
// shorter one may match. words are normalized single words (lower case, no
// spaces), typically the lowered tokens from a sentence position onward. n
// is how many words matched; it allocates nothing.
func (ix *Index) MatchActor(words []string, at time.Time) (n int, code, rule string, ok bool) {
	if len(words) == 0 {
		return 0, "", "", false
	}
	if len(words) > 1 {
		for _, p := range ix.byFirst2[[2]string{words[0], words[1]}] {
			if p.words > len(words) || !phraseIs(p.text, words[:p.words]) {
				continue
			}
			if code, rule, ok := ix.LookupActor(p.text, at); ok {
				return p.words, code, rule, true
			}
		}
	}
	if code, rule, ok := ix.LookupActor(words[0], at); ok {
		return 1, code, rule, true
	}
	return 0, "", "", false
}

// LookupAgent resolves a normalized noun phrase to its agent code.
func (ix *Index) LookupAgent(lowerNoun string) (code string, ok bool) {
	ag, _, ok := ix.AgentEntry(lowerNoun)
	return ag.Code, ok
}

// AgentEntry is LookupAgent with the whole entry (for Agent.Prefix) and the
// rule that matched.
func (ix *Index) AgentEntry(lowerNoun string) (ag Agent, rule string, ok bool) {
	ref, ok := ix.agentBy[lowerNoun]
	if !ok {
		return Agent{}, "", false
	}
	return ix.agents[ref.entry], ref.rule, true
}

// MatchAgent finds the longest agent noun phrase that starts at words[0];
// see MatchActor.
func (ix *Index) MatchAgent(words []string) (n int, ag Agent, rule string, ok bool) {
	if len(words) == 0 {
		return 0, Agent{}, "", false
	}
	if len(words) > 1 {
		for _, p := range ix.agentBy2[[2]string{words[0], words[1]}] {
			if p.words <= len(words) && phraseIs(p.text, words[:p.words]) {
				ag, rule, _ := ix.AgentEntry(p.text)
				return p.words, ag, rule, true
			}
		}
	}
	if ag, rule, ok := ix.AgentEntry(words[0]); ok {
		return 1, ag, rule, true
	}
	return 0, Agent{}, "", false
}

// phraseIs reports whether the space-separated text equals words.
func phraseIs(text string, words []string) bool {
	for i, w := range words {
		if i > 0 {
			if text == "" || text[0] != ' ' {
				return false
			}
			text = text[1:]
		}
		if !strings.HasPrefix(text, w) {
			return false
		}
		text = text[len(w):]
	}
	return text == ""
}

func ruleOf(file string, line int) string { return file + ":" + strconv.Itoa(line) }

// nameLine is the line of Names[j], falling back to the entry's line for
// actors built by hand without NameLines.
func (a *Actor) nameLine(j int) int {
	if j < len(a.NameLines) {
		return a.NameLines[j]
	}
	return a.Line
}
