package actor

import (
	"strings"

	"github.com/dateline-project/dateline/internal/lang/en"

	"github.com/dateline-project/dateline/internal/doc"
)

// isDefiniteDet reports determiners that make a bare role a definite
// description pointing back to an entity already named ("the official",
// "the ministry").
func isDefiniteDet(w string) bool { return w == "the" || w == "this" || w == "that" }

// roles is pass 3: noun phrases headed by a role noun.
func (s *Stage) roles(d *doc.Doc, sent *doc.Sentence) {
	dict := s.r.dict
	chunks := d.Chunks
	ci := s.nextChunk
	for ci < len(chunks) && chunks[ci].FirstToken < sent.FirstToken {
		ci++
	}
	for ; ci < len(chunks) && chunks[ci].FirstToken < sent.EndToken; ci++ {
		ch := chunks[ci]
		if ch.Kind != doc.NounPhrase {
			continue
		}
		a, b := ch.FirstToken, ch.EndToken
		// "students protesting fee increases": a participle after the
		// head noun opens a reduced relative (acl in the parse), not
		// a longer noun, and the phrase ends before it.
		for k := a + 1; k < b; k++ {
			if t := &d.Tokens[k]; (t.Tag == "VBG" || t.Tag == "VBN") && t.Dep.Base() == doc.DepAcl && int(t.Head) >= a && int(t.Head) < k {
				b = k
				break
			}
		}
		// "The Dutch cabinet yesterday praised": a time word the chunker
		// left in the phrase is not its head.
		for b-1 > a && isTimeWord(s.tok(d, b-1)) {
			b--
		}
		if !mayEndRole(d.Tokens[b-1].Tag) {
			s.demonymModifier(d, a, b)
			continue
		}
		head := s.wordInfo(d, b-1)
		if head.Flags&WordEndsRole == 0 {
			s.demonymModifier(d, a, b)
			continue
		}
		// The role ends at the phrase's last token (its head); take the
		// longest role that does.
		var role Role
		L := 0
		// Only words that occur inside roles may lengthen one: most
		// heads follow an adjective or a demonym that does not, and
		// need a single probe.
		span := 1
		for maxL := min(4, b-a, int(head.RoleWords)); span < maxL && s.word(d, b-1-span)&WordInRole != 0; {
			span++
		}
		for l := span; l >= 1; l-- {
			if !s.free(b-l, b) {
				continue
			}
			// A role noun never opens with an article, a possessive or
			// a number ("the", "its", "three"): no probe for those.
			if l > 1 && !mayOpenRole(d.Tokens[b-l].Tag) {
				continue
			}
			if r, ok := dict.Role(s.key(d, b-l, b)); ok && (!r.NameOnly || d.Tokens[b-1].Upper) {
				role, L = r, l
				break
			}
		}
		if L == 0 {
			s.demonymModifier(d, a, b)
			continue
		}
		if role.Count && b < sent.EndToken && s.tok(d, b) == "of" {
			// "thousands of soldiers": a quantity; the soldiers act.
			continue
		}
		roleStart := b - L
		// A title right before a named person is part of that mention
		// ("Azerbaijani Foreign Minister Jeyhun Bayramov").
		if role.Person && s.personStartsAt(b) {
			for k := a; k < b; k++ {
				s.covered[k] = true
			}
			continue
		}
		// A capitalised role right before a name is a title; the
		// proper-run pass has taken it.
		c := cand{first: a, end: b, conf: 0.7}
		c.Antecedent = -1
		c.Type = doc.Role
		c.Span = doc.Span{Start: d.Tokens[a].Start, End: d.Tokens[b-1].End}
		c.Name = d.Text[d.Tokens[roleStart].Start:d.Tokens[b-1].End]
		c.SectorCode, c.OtherSectorCodes = role.Sector, role.Others
		c.plural = role.Plural
		c.rolePerson = role.Person
		c.body = !role.Person && !role.Plural
		c.relational = role.Relational
		// The rule is gathered as parts and joined once, through the
		// stage's cache of recent joins: most phrases gain a qualifier
		// or two, and each concatenation would allocate.
		rule := s.roleRule[:0]
		if role.RoleRule != "" {
			rule = append(rule, role.RoleRule)
		} else {
			rule = append(rule, "role ", role.Rule)
		}
		possessive := false

		// The country: a demonym or country inside the phrase, a
		// possessive before it, or an "of" phrase after it.
		country, demonymAt := "", -1
		for k := a; k < roleStart; k++ {
			if s.covered[k] {
				// "the ICRC delegation": a body of a named organisation
				// is coded as that organisation.
				if org, ok := s.orgAt(k); ok {
					country = org.CountryCode
					c.SectorCode, c.OtherSectorCodes = org.SectorCode, org.OtherSectorCodes
					c.altKey = org.altKey
					rule = append(rule, " +org_modifier ", org.Rule)
					break
				}
				// "Ivory Coast rebels", "Russia troops": a country's name
				// used as a noun modifier says whose the role is, as a
				// demonym would.
				// "the Bush administration", "the Putin government": a
				// known office holder's name stands for their state.
				if p, ok := s.personAt(k); ok {
					country = p.CountryCode
					rule = append(rule, " +person_modifier ", p.Rule)
					break
				}
				if g, ok := s.gpeAt(k); ok {
					country, demonymAt = g.CountryCode, k
					rule = append(rule, " +country_modifier ", g.Rule)
					break
				}
				continue
			}
			// Demonyms and country names are capitalised; other
			// modifiers need no dictionary probe.
			if !s.isCap(d, k) {
				continue
			}
			if cc, r, ok := s.ledCountry(d, k); ok {
				// "a French-led coalition": the leader's country.
				country, demonymAt = cc, k
				rule = append(rule, " +led_modifier ", r)
				break
			}
			words := 1
			switch {
			case s.word(d, k)&(WordDemonym|WordCountry) == 0:
				// "South Korean officials", "Sri Lankan troops": a
				// demonym of two words whose first is none.
				if k+1 >= roleStart || !s.isCap(d, k+1) || s.word(d, k)&WordStartsName == 0 {
					continue
				}
				words = 2
			case k > a && isEthnicMarker(s.tok(d, k-1)):
				// "ethnic Serb protesters": an ethnicity, not a state.
				continue
			}
			if cd, ok := dict.Phrase(s.key(d, k, k+words)); ok && cd.Country != "" &&
				(cd.Kind == KindDemonym || cd.Kind == KindCountry) {
				country, demonymAt = cd.Country, k
				rule = append(rule, " +demonym ", cd.Rule)
				break
			}
		}
		if country == "" && a-1 >= sent.FirstToken {
			if t := s.tok(d, a-1); en.IsPossessiveClitic(t) {
				if cc, cr, start := s.countryBefore(d, sent, a); cc != "" {
					country = cc
					rule = append(rule, " +possessive ", cr)
					possessive = true
					c.Start = d.Tokens[start].Start
				} else if org, ok := s.orgAt(a - 2); ok && org.end == a-1 {
					// "the World Bank's chief economist": the office is
					// the organisation's, as with an organisation
					// modifier.
					country = org.CountryCode
					c.SectorCode, c.OtherSectorCodes = org.SectorCode, org.OtherSectorCodes
					rule = append(rule, " +possessive_org ", org.Rule)
					possessive = true
					c.Start = org.Start
				}
			}
		}
		if det := s.tok(d, a); country == "" && (det == "its" || det == "their") {
			// "Syria offered its troops": the owner is the latest
			// organisation or country named before.
			if o := s.lastOwner(d, a, det == "their"); o != nil {
				country = o.CountryCode
				rule = append(rule, " +possessive_pronoun")
				possessive = true
			}
		}
		if det := s.tok(d, a); country == "" && (det == "his" || det == "her") {
			// "the president and his government": the owner is the
			// latest person named before in the sentence.
			if p := s.lastPerson(a); p != nil {
				country = p.CountryCode
				rule = append(rule, " +possessive_pronoun")
				possessive = true
			}
		}
		if country == "" {
			if cc, ok := s.ofCountry(d, sent, b); ok {
				country = cc
				rule = append(rule, " +of_country")
			}
		}
		if country == "" && (role.Person || role.Plural) {
			if cc, ok := s.fromMember(d, sent, b); ok {
				country = cc
				rule = append(rule, " +from_body")
			}
		}
		if country == "" {
			// "the regime in Khankendi", "the government in Kabul": the
			// seat names whose authority it is, and belongs to the span.
			if cd, end, ok := s.inSeat(d, sent, b); ok {
				country = cd.Country
				if cd.Kind == KindPRE {
					c.SectorCode, c.OtherSectorCodes = cd.Sector, nil
				}
				rule = append(rule, " +in_seat ", cd.Rule)
				c.End = d.Tokens[end-1].End
				c.end = end
			}
		}
		s.roleRule = rule
		if possessive && role.Relational {
			// "Azerbaijan's partners" are not Azerbaijani, nor of the
			// dateline's country.
			country = ""
			c.SectorCode, c.OtherSectorCodes = role.Sector, role.Others
			c.noDefaultCountry = true
		}
		// "the official", "the illegal regime": a definite phrase of
		// adjectives and a role refers back.
		bare := roleStart > a && isDefiniteDet(s.tok(d, a))
		for k := a + 1; k < roleStart && bare; k++ {
			bare = d.Tokens[k].Tag == "JJ" || d.Tokens[k].Tag == "VBN"
		}
		// "western countries", "the international community": several
		// states, none of them the dateline's.
		c.noDefaultCountry = c.noDefaultCountry || role.States
		c.NoPlaceCountry = role.States
		switch {
		case country == "" && bare:
			// "the official", "the ministry": coreference decides.
			c.ref = refDefinite
			c.roleKey = role.Canonical
			c.roleSector = role.Sector
		case country == "" && role.Generic:
			// "different countries", "any third country": no actor
			// to code, and no default country to give it.
			continue
		case country == "" && role.Country != "":
			// "a human rights group": a role that is international by
			// nature takes its PLOVER code (NGO) when the text names no
			// state for it, rather than the dateline's.
			country = role.Country
			rule = append(rule, " +role_country")
			c.ref = refNone
		case country == "":
			c.ref = refNone
		}
		c.CountryCode = country
		if len(rule) == 1 {
			c.Rule = rule[0] // nothing was added to it
		} else {
			c.Rule = s.rules.join(rule...)
		}
		c.Name = s.phraseName(d, a, b)
		s.add(c)
		if role.Person && !role.Plural {
			s.nameAfterRole(d, sent, c, role)
		}

		// Coordinated demonyms before the phrase share its role:
		// "Hungarian and Romanian officials".
		if demonymAt == a || (demonymAt == a+1 && !s.covered[a] && d.Tokens[a].Tag == "DT") {
			s.coordinated(d, sent, demonymAt, c)
		}
	}
	s.nextChunk = ci
}

// mayEndRole reports tags a role noun's last word can carry: pronouns,
// numbers and determiners end no role, and need no lookup.
func mayEndRole(tag string) bool {
	switch tag {
	case "PRP", "PRP$", "CD", "DT", "WP", "WDT":
		return false
	}
	return true
}

func mayOpenRole(tag string) bool {
	switch tag {
	case "DT", "PRP$", "POS", "CD", "WP$", "PDT":
		return false
	}
	return true
}

// lastOwner returns the owner "its" or "their" at token k points to: the
// latest state, organisation or coded body named before k in the
// sentence that is not the object of a preposition. In "Syria offered its
// troops to Lebanon" that is Syria; in "the ministry said it would expel
// diplomats from Poland and Lithuania and recall its ambassadors" it is
// the ministry, not Lithuania. plural admits groups of people ("the
// rebels ... their leader"). The candidates are not yet in text order.
func (s *Stage) lastOwner(d *doc.Doc, k int, plural bool) *cand {
	var best *cand
	for i := range s.cands {
		c := &s.cands[i]
		if c.CountryCode == "" || c.modifier || c.first >= k || (best != nil && c.first <= best.first) {
			continue
		}
		switch {
		case c.Type == doc.GPE || c.Type == doc.Org:
		case c.Type == doc.Role && (plural || !c.plural):
		default:
			continue
		}
		if s.prepositionalObject(d, c.first) {
			continue
		}
		best = c
	}
	return best
}

// prepositionalObject reports whether the mention starting at token k is
// governed by a preposition, directly or through a coordination ("from
// Poland and Lithuania").
func (s *Stage) prepositionalObject(d *doc.Doc, k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		t := &d.Tokens[j]
		switch {
		case t.Tag == "IN" || t.Tag == "TO":
			return true
		case t.Tag == "DT" || t.Tag == "CC" || t.Tag == "," || t.Tag == "JJ":
			continue
		case s.covered[j] && s.isCap(d, j):
			continue
		}
		return false
	}
	return false
}

// lastPerson returns the latest person candidate with a country that
// starts before token k.
func (s *Stage) lastPerson(k int) *cand {
	var best *cand
	for i := range s.cands {
		if c := &s.cands[i]; c.Type == doc.Person && c.CountryCode != "" && c.first < k && (best == nil || c.first > best.first) {
			best = c
		}
	}
	return best
}

// personAt returns the person candidate with a country and a state
// sector covering token k.
func (s *Stage) personAt(k int) (*cand, bool) {
	for i := range s.cands {
		if c := &s.cands[i]; c.first <= k && k < c.end && c.Type == doc.Person && c.CountryCode != "" && isStateSector(c.SectorCode) {
			return c, true
		}
	}
	return nil, false
}

// gpeAt returns the country candidate covering token k; only a state,
// not an international body, qualifies a role as its own.
func (s *Stage) gpeAt(k int) (*cand, bool) {
	for i := range s.cands {
		if c := &s.cands[i]; c.first <= k && k < c.end && c.Type == doc.GPE && len(c.CountryCode) == 3 && !isInternational(c.CountryCode) {
			return c, true
		}
	}
	return nil, false
}

// personStartsAt reports a person candidate of this sentence starting at
// token k.
func (s *Stage) personStartsAt(k int) bool {
	for i := range s.cands {
		if s.cands[i].first == k && s.cands[i].Type == doc.Person {
			return true
		}
	}
	return false
}

// orgAt returns the organisation candidate covering token k.
func (s *Stage) orgAt(k int) (*cand, bool) {
	for i := range s.cands {
		if c := &s.cands[i]; c.first <= k && k < c.end && c.Type == doc.Org && c.CountryCode != "" {
			return c, true
		}
	}
	return nil, false
}

// inSeat reads "in <seat>" after token b, where the seat is a capital or
// the seat of a partially recognised entity; it returns the coding and
// the token after the seat.
func (s *Stage) inSeat(d *doc.Doc, sent *doc.Sentence, b int) (Coding, int, bool) {
	if b+1 >= sent.EndToken || s.tok(d, b) != "in" {
		return Coding{}, 0, false
	}
	k := b + 1
	// "militias in the Central African Republic", "Uzbeks in south Kyrgyzstan"
	for k < sent.EndToken && k < b+3 && !s.isCap(d, k) && (s.tok(d, k) == "the" || en.IsCompassWord(s.tok(d, k))) {
		k++
	}
	if k >= sent.EndToken || !s.isCap(d, k) {
		return Coding{}, 0, false
	}
	c, L := s.phraseAt(d, k, sent.EndToken, 3, func(c Coding) bool { return c.Kind == KindPRE || c.Kind == KindCapital || c.Kind == KindCountry })
	if L == 0 || s.nameGoesOn(d, sent, k+L) {
		return Coding{}, 0, false
	}
	return c, k + L, true
}

// isTimeWord reports words of time that the chunker may leave at the end
// of a noun phrase. A switch, since it is asked of most tokens.
func isTimeWord(w string) bool {
	switch w {
	case "today", "yesterday", "tonight", "tomorrow":
		return true
	}
	return en.IsWeekdayName(w)
}

// coordinated adds an entity for each demonym coordinated before token k
// ("Hungarian and Romanian officials", "French, German and Dutch troops").
func (s *Stage) coordinated(d *doc.Doc, sent *doc.Sentence, k int, head cand) {
	for k-2 >= sent.FirstToken {
		conj := s.tok(d, k-1)
		if conj != "and" && conj != "," && conj != "or" {
			return
		}
		cd, ok := s.r.dict.Phrase(s.tok(d, k-2))
		if !ok || cd.Country == "" || (cd.Kind != KindDemonym && cd.Kind != KindCountry) || s.covered[k-2] {
			return
		}
		c := head
		c.first = k - 2
		c.Span = doc.Span{Start: d.Tokens[k-2].Start, End: head.End}
		c.CountryCode = cd.Country
		c.Rule = s.rules.join(head.Rule, " +coordinated ", cd.Rule)
		c.Name = s.phraseName(d, k-2, head.end)
		s.add(c)
		k -= 2
	}
}

// phraseName is the entity_name of a role phrase: its text without a
// leading determiner.
func (s *Stage) phraseName(d *doc.Doc, a, b int) string {
	if a < b-1 && d.Tokens[a].Tag == "DT" {
		a++
	}
	return d.Text[d.Tokens[a].Start:d.Tokens[b-1].End]
}

// pronouns is pass 4's input: personal pronouns that may refer back.
func (s *Stage) pronouns(d *doc.Doc, sent *doc.Sentence) {
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		if s.covered[i] {
			continue
		}
		var ref refKind
		// Every pronoun sought starts with h, s, t or i: most tokens
		// are passed over on one byte.
		sp := s.spans[i]
		switch c := s.lower[sp.start]; {
		case sp.end-sp.start > 5:
			continue
		case c == 'i':
			// Only "it", and "in", "is", "its" are frequent.
			if sp.end-sp.start != 2 || s.lower[sp.start+1] != 't' {
				continue
			}
		case c != 'h' && c != 's' && c != 't':
			continue
		}
		switch s.tok(d, i) {
		case "he", "she", "him", "his", "her":
			ref = refPronoun
		case "they", "them", "their":
			ref = refPlural
		case "it":
			// "it said", "it warned": in news, an organisation named
			// before. Other uses of "it" are left alone.
			if i+1 >= sent.EndToken || !s.speechVerb(s.tok(d, i+1)) {
				continue
			}
			ref = refIt
		default:
			continue
		}
		c := cand{first: i, end: i + 1, ref: ref, conf: 0.6}
		c.Antecedent = -1
		c.Span = d.Tokens[i].Span
		c.Type = doc.Person
		if ref == refIt {
			c.Type = doc.Org
		}
		s.add(c)
	}
}

// demonymModifier codes a demonym that modifies a noun phrase headed by
// something other than a role ("an Australian ultimatum", "Iraqi towns",
// "Israeli airstrikes"), or an "X-led" adjective ("the Saudi-led
// offensive"), as its country: news coders take the country whose
// proposal, goods, towns or attacks are meant as the party acting or
// acted on. The parse decides that the word modifies the phrase's head
// (amod or compound); only capitalised words are looked up, and only
// phrases whose words after the demonym are common nouns and adjectives,
// so that a name or a title ("Polish deputy minister Jan Nowak") is never
// split. A phrase after "according to" names a source, which the quote
// stage reads.
func (s *Stage) demonymModifier(d *doc.Doc, a, b int) {
	if a > 0 && d.Tokens[a-1].Tag == "TO" && a > 1 && strings.EqualFold(raw(d, a-2), "according") {
		return
	}
	for k := a; k < b-1; k++ {
		if s.covered[k] || !s.isCap(d, k) {
			continue
		}
		if r := d.Tokens[k].Dep; r != doc.DepAmod && r != doc.DepCompound {
			continue
		}
		var country, name, rule string
		if cc, r, ok := s.ledCountry(d, k); ok {
			country, name, rule = cc, s.tok(d, k), s.rules.join("led_modifier ", r)
		} else if s.word(d, k)&WordDemonym != 0 {
			cd, ok := s.r.dict.Phrase(s.tok(d, k))
			if !ok || cd.Kind != KindDemonym || cd.Plural || cd.Country == "" {
				continue
			}
			country, name, rule = cd.Country, cd.Name, s.rules.join("demonym_modifier ", cd.Rule)
		} else {
			// A capitalised word that is no demonym ("Recent", opening
			// the sentence) says nothing of the words after it.
			continue
		}
		for m := k + 1; m < b; m++ {
			if s.covered[m] || s.isCap(d, m) || en.IsProperNounTag(d.Tokens[m].Tag) {
				return
			}
		}
		c := cand{first: k, end: k + 1, conf: 0.5, noDefaultCountry: true, modifier: true}
		c.Antecedent = -1
		c.Type = doc.GPE
		c.Span = d.Tokens[k].Span
		c.Name = name
		c.CountryCode = country
		c.Rule = rule
		s.add(c)
		return
	}
}

// ledCountry reads an "X-led" adjective ("French-led", "UN-led") or one
// of ownership ("British-flagged", en.OwnerOfCompound): the country of X
// when X is a demonym, a country or an organisation with one. Tokens
// keep their hyphens, so X is a prefix of the token.
func (s *Stage) ledCountry(d *doc.Doc, k int) (country, rule string, ok bool) {
	x, found := en.OwnerOfCompound(s.tok(d, k))
	if !found {
		return "", "", false
	}
	cd, ok := s.r.dict.Phrase(x)
	if !ok || cd.Country == "" {
		return "", "", false
	}
	switch cd.Kind {
	case KindDemonym, KindCountry, KindOrg:
		return cd.Country, cd.Rule, true
	}
	return "", "", false
}

// isEthnicMarker reports the word that makes a following demonym an
// ethnicity.
func isEthnicMarker(w string) bool { return w == "ethnic" }

// nameAfterRole codes a name set off by commas right after a person's
// role ("a senior South Korean official, Park Ji-hoon, said") with the
// role's country and sector, when nothing else has coded it. A role with
// no country of its own still gives its sector, and with it the
// sentence's or dateline's state (titledCountry).
func (s *Stage) nameAfterRole(d *doc.Doc, sent *doc.Sentence, role cand, r Role) {
	k := role.end
	if k+1 >= sent.EndToken || s.tok(d, k) != "," {
		return
	}
	var p *cand
	for i := range s.cands {
		if c := &s.cands[i]; c.first == k+1 && c.Type == doc.Person {
			p = c
			break
		}
	}
	if p == nil || p.CountryCode != "" || p.SectorCode != "" {
		return
	}
	if p.end < sent.EndToken && s.tok(d, p.end) != "," {
		return
	}
	p.CountryCode, p.SectorCode, p.OtherSectorCodes = role.CountryCode, role.SectorCode, role.OtherSectorCodes
	p.Rule = s.rules.join("apposition_after_role ", r.Rule)
	p.ref = refName
	p.conf = 0.8
}
