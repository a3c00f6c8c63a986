package coder

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

// chainDict asks each dictionary in turn; the first that knows a phrase
// wins, so user dictionaries come before the embedded ones.
type chainDict []actor.Dictionary

func (c chainDict) Phrase(k string) (actor.Coding, bool) {
	for _, d := range c {
		if x, ok := d.Phrase(k); ok {
			return x, true
		}
	}
	return actor.Coding{}, false
}

func (c chainDict) Role(k string) (actor.Role, bool) {
	for _, d := range c {
		if x, ok := d.Role(k); ok {
			return x, true
		}
	}
	return actor.Role{}, false
}

func (c chainDict) Discard(k string) bool {
	for _, d := range c {
		if d.Discard(k) {
			return true
		}
	}
	return false
}

// Exact, PhraseAt and WordInfo pass the optional
// dictionary abilities through the chain, so that adding a PETRARCH
// dictionary keeps the embedded one's acronyms, dated persons and
// indexes. A part without an index cannot rule a word out.

func (c chainDict) Exact(surface string) (actor.Coding, bool) {
	for _, d := range c {
		if e, ok := d.(actor.ExactDictionary); ok {
			if x, ok := e.Exact(surface); ok {
				return x, true
			}
		}
	}
	return actor.Coding{}, false
}

func (c chainDict) PhraseAt(k string, t time.Time) (actor.Coding, bool) {
	for _, d := range c {
		if dd, ok := d.(actor.DatedDictionary); ok {
			if x, ok := dd.PhraseAt(k, t); ok {
				return x, true
			}
		} else if x, ok := d.Phrase(k); ok {
			return x, true
		}
	}
	return actor.Coding{}, false
}

// WordInfo unions the parts' answers; a part without an index may be
// anything.
func (c chainDict) WordInfo(w string) actor.WordInfo {
	var wi actor.WordInfo
	for _, d := range c {
		x := actor.WordInfoOf(d, w)
		wi.Flags |= x.Flags
		wi.NameWords = max(wi.NameWords, x.NameWords)
		wi.RoleWords = max(wi.RoleWords, x.RoleWords)
	}
	return wi
}

func (c chainDict) MaxWords() int {
	m := 0
	for _, d := range c {
		m = max(m, d.MaxWords())
	}
	return m
}

// petrarchDict presents PETRARCH/Phoenix dictionaries as an actor
// dictionary. Actor entries code names (country, IGO and group codes split
// into country and sectors); agent entries code role nouns. Date-restricted
// codes take their default (unrestricted) form, because the recognizer asks
// without a date.
type petrarchDict struct {
	ix       *petrarch.Index
	maxWords int
}

// loadPetrarch reads the dictionaries. A malformed line is skipped with a
// warning naming its file and line, and the rest of the file is loaded:
// the stock Phoenix files each hold a few such lines, and users own
// dictionaries like them. Skipped dictionary lines are not skipped
// records, so they leave the exit status alone.
func loadPetrarch(actorFiles, agentFiles []string, log *slog.Logger) (*petrarchDict, error) {
	var actors []petrarch.Actor
	var agents []petrarch.Agent
	for _, f := range actorFiles {
		a, perrs, err := petrarch.ReadActorsFile(f)
		if err != nil {
			return nil, fmt.Errorf("read PETRARCH actors: %w", err)
		}
		warnSkipped(log, "PETRARCH actor", perrs)
		actors = append(actors, a...)
	}
	for _, f := range agentFiles {
		a, perrs, err := petrarch.ReadAgentsFile(f)
		if err != nil {
			return nil, fmt.Errorf("read PETRARCH agents: %w", err)
		}
		warnSkipped(log, "PETRARCH agent", perrs)
		agents = append(agents, a...)
	}
	p := &petrarchDict{ix: petrarch.NewIndex(actors, agents)}
	for _, a := range actors {
		for _, n := range a.Names {
			words := 1
			for _, c := range n {
				if c == ' ' {
					words++
				}
			}
			p.maxWords = max(p.maxWords, words)
		}
	}
	return p, nil
}

func warnSkipped(log *slog.Logger, kind string, perrs []petrarch.ParseError) {
	for _, e := range perrs {
		log.Warn("skipped a malformed dictionary line", "dictionary", kind, "file", e.File, "line", e.Line, "reason", e.Msg)
	}
}

func (p *petrarchDict) Phrase(k string) (actor.Coding, bool) {
	code, rule, ok := p.ix.LookupActor(k, zeroTime)
	if !ok || code == petrarch.NullCode {
		return actor.Coding{}, false
	}
	country, sectors := petrarch.SplitCode(code)
	if petrarch.IsRegion(country) {
		// A CAMEO region (MEA, SEA…) is no country: the sectors stand
		// alone, and a bare region codes no actor.
		if len(sectors) == 0 {
			return actor.Coding{}, false
		}
		country = ""
	}
	c := actor.Coding{Kind: actor.KindOrg, Name: k, Country: country, Rule: rule}
	if len(sectors) > 0 {
		c.Sector, c.Others = sectors[0], sectors[1:]
	}
	if country != "" && len(sectors) == 0 {
		c.Kind = actor.KindCountry
	}
	return c, true
}

func (p *petrarchDict) Role(k string) (actor.Role, bool) {
	a, rule, ok := p.ix.AgentEntry(k)
	if !ok {
		return actor.Role{}, false
	}
	return actor.Role{Canonical: k, Sector: a.Code, Person: true, Rule: rule}, true
}

func (p *petrarchDict) Discard(string) bool { return false }
func (p *petrarchDict) MaxWords() int       { return p.maxWords }
