package geo

import (
	"hash/maphash"
	"math"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

// focusWeight scales the focus bonus: a candidate in the country (or
// division) that all the rest of the document points to gains this much,
// enough for a local town to beat a foreign capital of the same name
// ("London" in a story about Ontario).
const focusWeight = 5

// featureWeight is the prior of a feature class: how likely a news text
// means this kind of entry when a name has several.
func featureWeight(f string) float64 {
	if gazetteer.IsRegionFeature(f) {
		// Hand-written and chosen because news names them; they have no
		// population, so the prior stands in for one of about a million.
		return 5.2
	}
	switch f {
	case gazetteer.Country:
		return 3.5
	case "PPLC":
		return 2.5
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
// first builds the document's focus, the countries and first-level
// divisions that its dateline and its names point to; the second scores
// every candidate with the focus, cues and the places resolved so far.
//
// Each mention spreads one vote over its candidates by their prior
// (feature and population): "Savannah" votes mostly for Georgia, since
// its namesakes are small, while "Columbus" splits between Ohio and
// Georgia. A mention's own vote is left out when its candidates are
// scored, so a big namesake does not reinforce itself.
func (p *Geoparser) resolve(d *doc.Doc) {
	clear(p.slots)
	p.focus, p.focusAdmin, p.focusAdminCountry = p.focus[:0], p.focusAdmin[:0], p.focusAdminCountry[:0]
	p.anchors = p.anchors[:0]
	total, totalAdmin := 0.0, 0.0
	if d.Dateline != nil && d.Dateline.CountryCode != "" {
		p.focus[p.slotOf(d.Dateline.CountryCode)] += 2
		total += 2
	}
	for _, h := range p.demonyms {
		// "Canadian officials" points to Canada as "Canada" does.
		p.focus[p.slotOf(h.country.CountryCode)]++
		total++
	}
	clear(p.nameVote)
	for i := range p.mentions {
		m := &p.mentions[i]
		p.key = gazetteer.Fold(p.key[:0], d.Text[m.Start:m.End])
		m.name = maphash.Bytes(p.seed, p.key)
		weight := votes(d, m)
		p.nameVote[m.name] += weight
		for k := range m.cands {
			e := &m.cands[k]
			e.country, e.admin1 = p.slotOf(e.CountryCode), p.slotOf(e.Admin1)
			if e.CountryCode != "" {
				p.focus[e.country] += weight * e.weight
				total += weight * e.weight
			}
			if e.Admin1 != "" {
				p.focusAdmin[e.admin1] += weight * e.weight
				p.focusAdminCountry[e.country] += weight * e.weight
				totalAdmin += weight * e.weight
			}
		}
	}
	n := len(p.focus)
	p.own = slices.Grow(p.own[:0], n)[:n]
	p.ownAdmin = slices.Grow(p.ownAdmin[:0], n)[:n]
	p.ownAdminCountry = slices.Grow(p.ownAdminCountry[:0], n)[:n]
	clear(p.nameSense)
	for i := range p.mentions {
		m := &p.mentions[i]
		// Every mention of this name is left out of the focus it is
		// scored with: five "Tripoli"s in a Lebanese story must not
		// outvote the rest of it for Libya.
		weight := p.nameVote[m.name]
		clear(p.own)
		clear(p.ownAdmin)
		clear(p.ownAdminCountry)
		ownTotal, ownAdminTotal := 0.0, 0.0
		for k := range m.cands {
			e := &m.cands[k]
			if e.CountryCode != "" {
				p.own[e.country] += weight * e.weight
				ownTotal += weight * e.weight
			}
			if e.Admin1 != "" {
				p.ownAdmin[e.admin1] += weight * e.weight
				p.ownAdminCountry[e.country] += weight * e.weight
				ownAdminTotal += weight * e.weight
			}
		}
		otherTotal, otherAdminTotal := total-ownTotal, totalAdmin-ownAdminTotal
		qual := p.qualifier(d, i)
		var qualified *gazetteer.Entry
		if i > 0 && p.qualifier(d, i-1) == i && p.mentions[i-1].best >= 0 && !p.mentions[i-1].outside {
			// "Perth, WA": the place before says which of the
			// subdivisions its qualifier names.
			qualified = &p.mentions[i-1].cands[p.mentions[i-1].best].Entry
		}
		// A sea, a continent or a region across borders lies in no
		// country, so the focus, which counts countries, cannot
		// favour it; it takes the bonus of the story's main country
		// instead, lest a village in the focus that bears its name
		// win ("the Atlantic flyway" in an American story).
		topShare := 0.0
		if otherTotal > 1e-9 && anyCand(m.cands, func(c *candidate) bool { return c.CountryCode == "" }) {
			// Slots of codes outside the focus add 0, which
			// changes no maximum.
			for s, v := range p.focus {
				topShare = max(topShare, (v-p.own[s])/otherTotal)
			}
		}
		cue := cueAround(d, m)
		p.key = gazetteer.Fold(p.key[:0], d.Text[m.Start:m.End])
		best, bestScore, second := -1, math.Inf(-1), math.Inf(-1)
		bestRule := ""
		division, hasDivision := p.namedDivision(m)
		mainPopulation := -1 // of the namesakes that bear the name as their own; computed once, when needed
		for k := range m.cands {
			c := &m.cands[k]
			e := &c.Entry
			// A town that bears the name of a country or first-level
			// division elsewhere ("California, Pennsylvania";
			// "Florida, New York") is its namesake's echo: the local
			// focus and nearby places tell same-level namesakes apart,
			// they are no evidence that a state's name means a town.
			echo := hasDivision && e.IsPopulated() && e.Feature != "PPLC" && !within(e, division) &&
				e.Population*echoRatio < division.Population
			s := c.prior
			rule := "gazetteer"
			if otherTotal > 1e-9 && e.CountryCode != "" {
				s += focusWeight * (p.focus[c.country] - p.own[c.country]) / otherTotal
			} else if e.CountryCode == "" {
				s += focusWeight * topShare
			}
			if otherAdminTotal > 1e-9 && e.Admin1 != "" && e.Feature != gazetteer.Country && !echo {
				// Local focus: a story about Ontario means the London
				// there, whatever the capital's prior.
				s += focusWeight * (p.focusAdmin[c.admin1] - p.ownAdmin[c.admin1]) / otherAdminTotal
			}
			if otherAdminTotal > 1e-9 && e.Feature == gazetteer.Country {
				// The local focus is within a country, and a country
				// contains its divisions: a story about Mexico City is a
				// story about Mexico, so the focus on a division must
				// not make the country's name read as a town of it.
				s += focusWeight * (p.focusAdminCountry[c.country] - p.ownAdminCountry[c.country]) / otherAdminTotal
			}
			if e.IsPopulated() && len(m.cands) > 1 && !p.mainName(e) && !p.divisionNamedAfter(m.cands, e) {
				// GeoNames lists many alternate names, some of them
				// another place's main name ("Philadelphia" for
				// Amman): a town matched only by one is a weaker
				// reading than a place of that very name, by as much
				// as that place is not far smaller (see
				// alternatePenalty). Not when its own division bears
				// that name as its main one: the canton of Geneva says
				// that "Geneva" is Genève's English name.
				if mainPopulation < 0 {
					mainPopulation = p.mainNamePopulation(m.cands)
				}
				s -= alternatePenalty(mainPopulation, e)
			}
			if sense, ok := p.nameSense[m.name]; ok && sense == c.idx {
				// One sense per discourse: a name that recurs in a
				// story means what it meant the first time ("TRIPOLI,
				// Lebanon" and then "Tripoli").
				s += 3
			}
			if qual >= 0 && qualifies(p.mentions[qual].cands, e) {
				s += 6
				rule = "gazetteer+qualifier"
			}
			if qualified != nil && (e.Feature == gazetteer.Country && e.CountryCode == qualified.CountryCode ||
				e.Feature == gazetteer.Admin1 && e.Admin1 != "" && e.Admin1 == qualified.Admin1) {
				s += 6
				rule = "gazetteer+qualifier"
			}
			switch cue {
			case cueAdmin:
				if e.Feature == gazetteer.Admin1 || e.Feature == gazetteer.Region {
					s += 4
					rule = "gazetteer+region-cue"
				}
			case cueDistrict:
				// Counties and districts are second-level units in
				// most countries, first-level ones in some (Kenya's
				// counties, Uganda's districts).
				if e.Feature == gazetteer.Admin1 || e.Feature == gazetteer.Admin2 {
					s += 4
					rule = "gazetteer+region-cue"
				}
			case cueTown:
				if e.IsPopulated() {
					s += 2
					rule = "gazetteer+town-cue"
				}
			}
			if (e.Feature == gazetteer.Admin1 || e.Feature == gazetteer.Admin2) && cue != cueAdmin && cue != cueDistrict && containsNamesake(m.cands, e) {
				// Lachin, Donetsk, Jerusalem, Maiduguri: the city, not the
				// province or district named after it, unless the text
				// says "region".
				s -= 2.5
			}
			if len(m.cands) > 1 && !echo {
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
		if qual >= 0 && p.outside(d, i, best) {
			// "Stroud, Ontario" where no Stroud of the gazetteer lies
			// in Ontario: the best namesake elsewhere is surely not
			// meant, nor may it set the name's sense or anchor others.
			m.outside = true
			continue
		}
		if bestRule == "gazetteer" && m.end-m.first == 1 && allSmall(m.cands) {
			// One capitalised word that only hamlets bear ("Secretary",
			// "Christmas") is a common word far more often than a place.
			m.best = -1
			continue
		}
		if _, ok := p.nameSense[m.name]; !ok {
			p.nameSense[m.name] = m.cands[best].idx
		}
		p.addAnchor(&m.cands[best].Entry)
	}
}

// slotOf returns the slot of a country code or admin-1 key in the focus
// sums, adding one for a code the document has not had yet.
func (p *Geoparser) slotOf(code string) int32 {
	if s, ok := p.slots[code]; ok {
		return s
	}
	s := int32(len(p.focus))
	p.slots[code] = s
	p.focus = append(p.focus, 0)
	p.focusAdmin = append(p.focusAdmin, 0)
	p.focusAdminCountry = append(p.focusAdminCountry, 0)
	return s
}

// echoRatio is how many times smaller than a division a town bearing its
// name must be to be read as an echo of it: two orders of magnitude, as
// the villages named after states and countries are, while a city that
// shares a region's name by chance (Savannah, Georgia and Ghana's
// Savannah Region) is not.
const echoRatio = 100

// namedDivision returns the country or first-level division among m's
// candidates whose own name the mention is, if any. A division named
// after a city in it (Egypt's Alexandria governorate) does not count: the
// name is first the city's, and its namesakes abroad are the city's.
func (p *Geoparser) namedDivision(m *mention) (*gazetteer.Entry, bool) {
	for k := range m.cands {
		if e := &m.cands[k].Entry; (e.Feature == gazetteer.Country || e.Feature == gazetteer.Admin1) && p.mainName(e) && !containsNamesake(m.cands, e) {
			return e, true
		}
	}
	return nil, false
}

// within reports whether e lies in the country or first-level division
// div.
func within(e, div *gazetteer.Entry) bool {
	if div.Feature == gazetteer.Country {
		return e.CountryCode == div.CountryCode
	}
	return e.CountryCode == div.CountryCode && e.Admin1 != "" && e.Admin1 == div.Admin1
}

// prior is how likely a news text means e when a name has several
// readings, by its feature and population. It is both the base of a
// candidate's score and what its mention's vote is spread by.
func prior(e *gazetteer.Entry) float64 {
	prior := featureWeight(e.Feature) + math.Log10(float64(e.Population)+1)/2
	if small(e) {
		// Hamlets hardly vote: Scotland and Dundee point to
		// Britain though small American places share their names.
		prior -= smallPenalty
	}
	return prior
}

// votes sets the weight of each of mention m's candidates to its share of
// the mention's vote, a softmax of their priors, and returns the size of
// the vote: 2 for a dateline, which says where the story was filed, else
// 1.
func votes(d *doc.Doc, m *mention) float64 {
	top := math.Inf(-1)
	for k := range m.cands {
		top = max(top, m.cands[k].prior)
	}
	sum := 0.0
	for k := range m.cands {
		c := &m.cands[k]
		c.weight = math.Exp(c.prior - top)
		sum += c.weight
	}
	for k := range m.cands {
		m.cands[k].weight /= sum
	}
	if inDateline(d, m.first) {
		return 2
	}
	if m.embedded {
		// A place named inside an organisation's or building's name
		// ("the Kentucky State Police") says less about
		// where the story is than one named as a place.
		return embeddedVote
	}
	return 1
}

// embeddedVote is the weight of an embedded mention in the focus.
const embeddedVote = 0.5

// mainName reports whether p.key, the folded mention, is e's own name
// rather than one of its alternates. "X City" counts as X: English adds
// "City" to tell a city from the state or country of the same name
// ("New York City", "Kuwait City"), and news drops it again.
func (p *Geoparser) mainName(e *gazetteer.Entry) bool {
	p.nameKey = gazetteer.Fold(p.nameKey[:0], e.Name)
	if sameName(p.nameKey, p.key) || string(p.nameKey) == string(p.key)+" city" {
		return true
	}
	if e.ASCIIName == "" {
		return false
	}
	p.nameKey = gazetteer.Fold(p.nameKey[:0], e.ASCIIName)
	return sameName(p.nameKey, p.key)
}

// sameName reports whether two folded names are one, a hyphen counting as
// a space ("Goz-Beida" is "Goz Beida", no alternate name of it).
func sameName(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(a[i] == '-' && b[i] == ' ' || a[i] == ' ' && b[i] == '-') {
			return false
		}
	}
	return true
}

// outside reports whether mention i, whose best reading is candidate
// best, names a place the gazetteer lacks inside its qualifier (mention
// i+1): a town or smaller place none of whose readings lies in what the
// qualifier names. Names of countries and first-level divisions, and a
// qualifier that goes on into a list ("Bundibugyo, Côte d'Ivoire and
// Sudan"), make "X, Y" two items of a list instead.
func (p *Geoparser) outside(d *doc.Doc, i, best int) bool {
	m, q := &p.mentions[i], &p.mentions[i+1]
	if e := &m.cands[best]; !e.IsPopulated() && e.Feature != gazetteer.Admin2 {
		return false
	}
	if anyCand(m.cands, func(c *candidate) bool { return qualifies(q.cands, &c.Entry) }) {
		return false
	}
	if i+2 < len(p.mentions) {
		next := &p.mentions[i+2]
		switch sep := d.Text[q.End:next.Start]; sep {
		case " and ", " or ", ", and ", ", or ":
			return false
		case ", ":
			// "Ontario, Canada" goes on qualifying; "Italy, Austria"
			// is a list.
			if !anyCand(q.cands, func(c *candidate) bool { return qualifies(next.cands, &c.Entry) }) {
				return false
			}
		}
	}
	return true
}

// qualifies reports whether one of the candidates of a qualifier (", X")
// contains e: its country, or its first-level division.
func qualifies(quals []candidate, e *gazetteer.Entry) bool {
	for k := range quals {
		q := &quals[k]
		if (q.Feature == gazetteer.Country && q.CountryCode == e.CountryCode) ||
			(q.Feature == gazetteer.Admin1 && q.Admin1 != "" && q.Admin1 == e.Admin1 && e.Feature != gazetteer.Admin1) {
			return true
		}
	}
	return false
}

// nearness rewards a candidate close to places already resolved in the
// document: "Victoria" near "Vancouver" is the one in British Columbia.
// p.anchors holds the distinct places resolved so far, capped so that the
// cost stays linear in the number of mentions.
func (p *Geoparser) nearness(e *gazetteer.Entry) float64 {
	if !e.IsPopulated() {
		// A division's point is a centroid; being near one says
		// little, and a state near its neighbours' centroids is
		// no likelier for it.
		return 0
	}
	bonus := 0.0
	for _, o := range p.anchors {
		if o.ID == e.ID || math.Abs(o.Lat-e.Lat) > 10 {
			continue
		}
		if dist := gazetteer.Distance(o, *e); dist < 300 {
			bonus += 1.5
		} else if dist < 1000 {
			bonus += 0.5
		}
	}
	return math.Min(bonus, 3)
}

// addAnchor records a resolved place for nearness.
func (p *Geoparser) addAnchor(e *gazetteer.Entry) {
	if !e.IsPopulated() || len(p.anchors) >= maxAnchors {
		return
	}
	for _, o := range p.anchors {
		if o.ID == e.ID {
			return
		}
	}
	p.anchors = append(p.anchors, *e)
}

const maxAnchors = 12

// qualifier returns the index of the mention that qualifies mention i
// with a following ", X" ("Paris, Texas"; "Victoria, Seychelles"; "Tampa,
// Fla."), or -1.
func (p *Geoparser) qualifier(d *doc.Doc, i int) int {
	m := &p.mentions[i]
	if i+1 >= len(p.mentions) || m.end >= len(d.Tokens) {
		return -1
	}
	n := &p.mentions[i+1]
	if n.first != m.end+1 || d.Text[d.Tokens[m.end].Start:d.Tokens[m.end].End] != "," {
		return -1
	}
	if anyCand(n.cands, func(c *candidate) bool { return c.Feature == gazetteer.Country || c.Feature == gazetteer.Admin1 }) {
		return i + 1
	}
	return -1
}

type cue uint8

const (
	cueNone cue = iota
	// cueAdmin: a word for a first-level unit ("Donetsk region"), or a
	// town word the name classifies ("the Ontario city").
	cueAdmin
	// cueDistrict: a word for a second-level unit ("Suffolk County").
	cueDistrict
	cueTown
)

// cueAround reads the words next to a mention that say what kind of place
// it is: "the state of Victoria", "Donetsk region", "the town of Lachin".
func cueAround(d *doc.Doc, m *mention) cue {
	if m.end < len(d.Tokens) {
		switch w := strings.ToLower(d.SpanText(d.Tokens[m.end].Span)); w {
		case "region", "province", "state", "oblast", "governorate", "prefecture", "territory":
			return cueAdmin
		case "district", "county", "parish", "municipality", "raion":
			return cueDistrict
		case "city", "town", "village":
			if classifiesTown(d, m) {
				// "the northern Ontario city", "a small Texas town":
				// a name between a determiner and the town word says
				// where the town is, as a demonym would.
				return cueAdmin
			}
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

// classifiesTown reports whether the mention stands between a determiner
// (with only adjectives after it) and the town word after it: "the Ontario
// city" is a city in Ontario, where "Ontario city" alone may name the city.
func classifiesTown(d *doc.Doc, m *mention) bool {
	for k := m.first - 1; k >= 0 && k >= m.first-3; k-- {
		switch tag := d.Tokens[k].Tag; tag {
		case "DT":
			return true
		case "JJ", "JJR", "JJS", "RB":
			continue
		default:
			return false
		}
	}
	return false
}

// alternatePenalty is how much less likely the populated place e, matched
// by an alternate name only, is meant than the places that bear the name
// as their main one. A namesake at least a tenth of e's size wins (the
// city of Philadelphia over Amman, whose classical name it is); one
// between a tenth and a hundredth is a closer call; a hamlet of the name
// does not count against a city a hundred times its size, whose English
// name the alternate is ("Cologne" for Köln, not the Lombard village).
// most is the population of the largest populated place that bears the
// name as its main one (mainNamePopulation), 0 when none does.
func alternatePenalty(most int, e *gazetteer.Entry) float64 {
	switch {
	case most == 0:
		return 1.5
	case most*10 >= e.Population:
		return 3
	case most*100 >= e.Population:
		return 1.5
	}
	return 0
}

// mainNamePopulation returns the population of the largest populated
// place among cands whose main name is the mention (p.key), or 0.
func (p *Geoparser) mainNamePopulation(cands []candidate) int {
	most := 0
	for k := range cands {
		if c := &cands[k].Entry; c.IsPopulated() && p.mainName(c) {
			most = max(most, c.Population)
		}
	}
	return most
}

// divisionNamedAfter reports a first-level division among cands whose
// seat is the place e and whose main name is the mention's (p.key), as a
// division named after its capital is (containsNamesake).
func (p *Geoparser) divisionNamedAfter(cands []candidate, e *gazetteer.Entry) bool {
	if e.Admin1 == "" || e.Feature != "PPLA" {
		return false
	}
	return anyCand(cands, func(c *candidate) bool {
		return c.Feature == gazetteer.Admin1 && c.Admin1 == e.Admin1 && p.mainName(&c.Entry)
	})
}

// containsNamesake reports whether a populated place among cands, and not
// a small one (see small), lies in the subdivision adm: a hamlet that
// lists "Minnesota" among its alternate names does not make the state a
// city's namesake.
func containsNamesake(cands []candidate, adm *gazetteer.Entry) bool {
	if adm.Admin1 == "" {
		return false
	}
	return anyCand(cands, func(c *candidate) bool { return c.IsPopulated() && !small(&c.Entry) && c.Admin1 == adm.Admin1 })
}

// smallPenalty lowers the prior of a small place (see small) beyond what
// its population already says, so that a larger namesake or another
// reading of the name wins unless context points to the small place.
const smallPenalty = 1.0

// small reports a populated place of fewer than 5,000 people that is no
// capital or administrative seat. The gazetteer keeps every cities500
// place, since news names small towns too, but such a place is rarely
// meant when the same spelling names something larger or is a word.
func small(e *gazetteer.Entry) bool {
	return e.IsPopulated() && e.Population < 5000 && e.Feature != "PPLC" && !strings.HasPrefix(e.Feature, "PPLA")
}

// allSmall reports whether every candidate is a small place.
func allSmall(cands []candidate) bool {
	return !anyCand(cands, func(c *candidate) bool { return !small(&c.Entry) })
}
