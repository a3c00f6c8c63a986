package geo

import (
	"math"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

// featureWeight is the prior of a feature class: how likely a news text
// means this kind of entry when a name has several.
func featureWeight(f string) float64 {
	switch f {
	case gazetteer.Country:
		return 3.5
	case "PPLC":
		return 2.5
	case gazetteer.Region, "SEA", "STRT", "GULF", "PEN", "CONT":
		// Hand-written and chosen because news names them; they have no
		// population, so the prior stands in for one of about a million.
		return 5.2
	case gazetteer.Admin1:
		return 1.4
	case "PPLA":
		return 1.5
	case "PPLA2":
		return 0.8
	}
	return 0.5
}

// resolve picks the best candidate of each mention in two passes: the
// first collects the country focus from the dateline and from names with
// one reading; the second scores every candidate with the focus, cues and
// the places resolved so far.
func (p *Geoparser) resolve(d *doc.Doc) {
	clear(p.focus)
	p.anchors = p.anchors[:0]
	if d.Dateline != nil && d.Dateline.CountryCode != "" {
		p.focus[d.Dateline.CountryCode] += 2
	}
	for i := range p.mentions {
		m := &p.mentions[i]
		// Hamlets do not make a name ambiguous here: Scotland and Dundee
		// still point to Britain though small American places share
		// their names.
		cc, seen := "", false
		skipSmall := !allSmall(p.g, m.cands)
		for _, c := range m.cands {
			e := p.g.Entry(c)
			if skipSmall && small(e) {
				continue
			}
			if !seen {
				cc, seen = e.CountryCode, true
			} else if e.CountryCode != cc {
				cc = ""
				break
			}
		}
		if e := p.g.Entry(m.cands[0]); e.Feature == gazetteer.Country {
			cc = e.CountryCode
		}
		if cc != "" {
			p.focus[cc]++
		}
	}
	total := 0.0
	for _, v := range p.focus {
		total += v
	}
	for i := range p.mentions {
		m := &p.mentions[i]
		qual := p.qualifier(d, i)
		cue := cueAround(d, m)
		best, bestScore, second := -1, math.Inf(-1), math.Inf(-1)
		bestRule := ""
		for k, c := range m.cands {
			e := p.g.Entry(c)
			s := featureWeight(e.Feature)
			s += math.Log10(float64(e.Population)+1) / 2
			if small(e) {
				s -= smallPenalty
			}
			rule := "gazetteer"
			if total > 0 && e.CountryCode != "" {
				s += 3 * p.focus[e.CountryCode] / total
			}
			if qual >= 0 {
				q := p.g.Entry(qual)
				if (q.Feature == gazetteer.Country && q.CountryCode == e.CountryCode) ||
					(q.Feature == gazetteer.Admin1 && q.Admin1 != "" && q.Admin1 == e.Admin1 && e.Feature != gazetteer.Admin1) {
					s += 6
					rule = "gazetteer+qualifier"
				}
			}
			switch cue {
			case cueAdmin:
				if e.Feature == gazetteer.Admin1 || e.Feature == gazetteer.Admin2 || e.Feature == gazetteer.Region {
					s += 4
					rule = "gazetteer+region-cue"
				}
			case cueTown:
				if e.IsPopulated() {
					s += 2
					rule = "gazetteer+town-cue"
				}
			}
			if (e.Feature == gazetteer.Admin1 || e.Feature == gazetteer.Admin2) && cue != cueAdmin && containsNamesake(p.g, m.cands, e) {
				// Lachin, Donetsk, Jerusalem, Maiduguri: the city, not the
				// province or district named after it, unless the text
				// says "region".
				s -= 2.5
			}
			if len(m.cands) > 1 {
				s += p.nearness(e)
			}
			if s > bestScore {
				second = bestScore
				best, bestScore, bestRule = k, s, rule
			} else if s > second {
				second = s
			}
		}
		if math.IsInf(second, -1) {
			second = bestScore - 5
		}
		m.best, m.score, m.second, m.rule = best, bestScore, second, bestRule
		if bestRule == "gazetteer" && m.end-m.first == 1 && allSmall(p.g, m.cands) {
			// One capitalised word that only hamlets bear ("Secretary",
			// "Christmas") is a common word far more often than a place.
			m.best = -1
			continue
		}
		p.addAnchor(p.g.Entry(m.cands[best]))
	}
}

// nearness rewards a candidate close to places already resolved in the
// document: "Victoria" near "Vancouver" is the one in British Columbia.
// p.anchors holds the distinct places resolved so far, capped so that the
// cost stays linear in the number of mentions.
func (p *Geoparser) nearness(e gazetteer.Entry) float64 {
	bonus := 0.0
	for _, o := range p.anchors {
		if o.ID == e.ID || math.Abs(o.Lat-e.Lat) > 10 {
			continue
		}
		if dist := gazetteer.Distance(o, e); dist < 300 {
			bonus += 1.5
		} else if dist < 1000 {
			bonus += 0.5
		}
	}
	return math.Min(bonus, 3)
}

// addAnchor records a resolved place for nearness.
func (p *Geoparser) addAnchor(e gazetteer.Entry) {
	if e.Feature == gazetteer.Country || len(p.anchors) >= maxAnchors {
		return
	}
	for _, o := range p.anchors {
		if o.ID == e.ID {
			return
		}
	}
	p.anchors = append(p.anchors, e)
}

const maxAnchors = 12

// qualifier returns the entry that a following ", X" qualifies mention i
// with ("Paris, Texas"; "Victoria, Seychelles"), or -1.
func (p *Geoparser) qualifier(d *doc.Doc, i int) int32 {
	m := &p.mentions[i]
	if i+1 >= len(p.mentions) || m.end >= len(d.Tokens) {
		return -1
	}
	n := &p.mentions[i+1]
	if n.first != m.end+1 || d.Text[d.Tokens[m.end].Start:d.Tokens[m.end].End] != "," {
		return -1
	}
	for _, c := range n.cands {
		if f := p.g.Entry(c).Feature; f == gazetteer.Country || f == gazetteer.Admin1 {
			return c
		}
	}
	return -1
}

type cue uint8

const (
	cueNone cue = iota
	cueAdmin
	cueTown
)

// cueAround reads the words next to a mention that say what kind of place
// it is: "the state of Victoria", "Donetsk region", "the town of Lachin".
func cueAround(d *doc.Doc, m *mention) cue {
	if m.end < len(d.Tokens) {
		switch w := strings.ToLower(d.SpanText(d.Tokens[m.end].Span)); w {
		case "region", "province", "state", "oblast", "governorate", "district", "county", "prefecture", "territory":
			return cueAdmin
		case "city", "town", "village":
			return cueTown
		}
	}
	if m.first >= 2 && strings.EqualFold(d.SpanText(d.Tokens[m.first-1].Span), "of") {
		switch w := strings.ToLower(d.SpanText(d.Tokens[m.first-2].Span)); w {
		case "state", "province", "region", "governorate", "oblast", "territory":
			return cueAdmin
		case "city", "town", "village", "port", "capital":
			return cueTown
		}
	}
	if m.first >= 1 {
		switch w := strings.ToLower(d.SpanText(d.Tokens[m.first-1].Span)); w {
		case "state", "province":
			return cueAdmin
		}
	}
	return cueNone
}

// containsNamesake reports whether a populated place among cands, and not
// a small one (see small), lies in the subdivision adm: a hamlet that
// lists "Minnesota" among its alternate names does not make the state a
// city's namesake.
func containsNamesake(g *gazetteer.Gazetteer, cands []int32, adm gazetteer.Entry) bool {
	if adm.Admin1 == "" {
		return false
	}
	for _, c := range cands {
		if e := g.Entry(c); e.IsPopulated() && !small(e) && e.Admin1 == adm.Admin1 {
			return true
		}
	}
	return false
}

// smallPenalty lowers the prior of a small place (see small) beyond what
// its population already says, so that a larger namesake or another
// reading of the name wins unless context points to the small place.
const smallPenalty = 1.0

// small reports a populated place of fewer than 5,000 people that is no
// capital or administrative seat. The gazetteer keeps every cities500
// place, since news names small towns too, but such a place is rarely
// meant when the same spelling names something larger or is a word.
func small(e gazetteer.Entry) bool {
	return e.IsPopulated() && e.Population < 5000 && e.Feature != "PPLC" && !strings.HasPrefix(e.Feature, "PPLA")
}

// allSmall reports whether every candidate is a small place.
func allSmall(g *gazetteer.Gazetteer, cands []int32) bool {
	for _, c := range cands {
		if !small(g.Entry(c)) {
			return false
		}
	}
	return true
}
