package actor

import (
	"strings"

	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// isLocativePrep reports prepositions that mark a following place name
// as a location, not an actor: "in Baku" is where, "Baku said" is who.
func isLocativePrep(w string) bool {
	switch w {
	case "in", "at", "near", "inside", "within", "throughout", "across", "around", "outside", "into", "towards", "toward":
		return true
	}
	return false
}

// speechVerb reports a verb of saying at w (Recognizer.WithSpeechVerbs).
func (s *Stage) speechVerb(w string) bool { return s.r.speechVerb != nil && s.r.speechVerb(w) }

// names is pass 1: dictionary names at capitalised tokens.
func (s *Stage) names(d *doc.Doc, sent *doc.Sentence) {
	dict := s.r.dict
	maxW := dict.MaxWords()
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		// A name may also open with a lower-case Arabic article
		// ("al-Qaeda").
		if s.covered[i] || !(d.Tokens[i].Upper || s.mayBeArabicArticle(i) && en.IsArabicArticleName(raw(d, i))) {
			continue
		}
		var best int
		var bc Coding
		var bestKey string
		withThe := false
		// Names are capitalised runs, maybe joined by "of the", so no
		// phrase can be longer than the run that starts here.
		if s.tok(d, i) == "the" {
			continue // the article is probed with the name that follows it
		}
		wi := s.wordInfo(d, i)
		if wi.Flags&WordStartsName == 0 {
			continue
		}
		run := s.nameRun(d, sent, i, maxW)
		discardable := wi.Flags&WordStartsDiscard != 0
		if discardable && dict.Discard(s.key(d, i, i+run)) {
			continue
		}
		for L := min(run, int(wi.NameWords)); L >= 1; L-- {
			k := s.key(d, i, i+L)
			if L == 1 && discardable && dict.Discard(k) {
				// A discarded word alone ("North") may still open a
				// name ("North Korea"), tried above.
				break
			}
			if L > 1 && discardable && dict.Discard(k) {
				// "New Jersey" is not Jersey: skip the whole phrase.
				for m := i; m < i+L; m++ {
					s.covered[m] = true
				}
				break
			}
			c, ok := s.phrase(d, k)
			bestKey = k
			if L == 1 && s.exact != nil && !(ok && c.User) {
				// A word spelt exactly as an acronym entry: the acronym
				// when nothing else matches, or when it is the user's
				// and the phrase is not.
				if x, xok := s.exact.Exact(raw(d, i)); xok && (!ok || x.User) {
					c, ok = x, true
				}
			}
			if ok {
				best, bc = L, c
				break
			}
			if i > sent.FirstToken && s.tok(d, i-1) == "the" {
				if c, ok := dict.Phrase(s.key(d, i-1, i+L)); ok {
					best, bc, withThe = L, c, true
					break
				}
			}
		}
		if best == 0 {
			continue
		}
		end := i + best
		prev := ""
		if i > sent.FirstToken {
			prev = s.tok(d, i-1)
			if withThe && i-1 > sent.FirstToken {
				prev = s.tok(d, i-2)
			}
		}
		c := cand{first: i, end: end, ref: refName, conf: 0.9}
		c.Span = doc.Span{Start: d.Tokens[i].Start, End: d.Tokens[end-1].End}
		c.Actor = doc.Actor{Name: bc.Name, CountryCode: bc.Country, SectorCode: bc.Sector, OtherSectorCodes: bc.Others}
		c.Antecedent = -1
		c.plural = bc.Plural
		switch bc.Kind {
		case KindDemonym:
			// A demonym is an actor only as the head of its phrase
			// ("Armenians protested"); as a modifier it codes the role
			// noun it modifies, in the role pass.
			if !bc.Plural || (end < sent.EndToken && en.IsNounTag(d.Tokens[end].Tag)) {
				continue
			}
			c.Type = doc.Role
			c.Name = raw(d, i)
			if c.SectorCode == "" {
				c.SectorCode = "CVL"
			}
			c.Rule = s.kindRule(bc)
			c.ref = refNone
			c.plural = true
			ethnic := prev == "ethnic"
			if ethnic {
				// "ethnic Albanians", "ethnic Turks": the demonym names
				// an ethnicity, not a state; the group belongs to the
				// state it lives in, when the phrase says which.
				c.CountryCode = ""
				c.Rule = s.rules.join(c.Rule, " +ethnic")
			}
			// "the Kurds of Iraq", "the Tamils of northern Sri Lanka":
			// a people "of" a land lives there. ("in" is left alone but
			// for an ethnic group: "Americans in Iraq" are Americans.)
			if ethnic || (end < sent.EndToken && s.tok(d, end) == "of") {
				if cd, e, ok := s.residence(d, sent, end); ok {
					c.CountryCode = cd.Country
					c.Rule = s.rules.join(c.Rule, " +residence ", cd.Rule)
					c.Span.End = d.Tokens[e-1].End
					end = e
				}
			}
		case KindCountry, KindCapital, KindMetonym:
			if isLocativePrep(prev) {
				// A place, not an actor; but the sentence still names
				// that state (see titledCountry).
				s.placeStates = append(s.placeStates, bc.Country)
				continue
			}
			if s.orgRunFollows(d, sent, end) {
				continue
			}
			if bc.Kind == KindCapital && s.placeModifier(d, sent, end) {
				// "a Nairobi rally", "the Paris agreement": a capital
				// before a common noun that names no actor says where,
				// not who. (Nor does it give the sentence's other
				// actors its state, as a locative phrase does: "the
				// Minsk agreement" is no Belarusian's.)
				continue
			}
			c.Type = doc.GPE
			if c.SectorCode == "" {
				c.SectorCode = "GOV"
			}
			switch bc.Kind {
			case KindCountry:
				c.Rule = s.kindRule(bc)
			case KindCapital:
				c.Rule = s.kindRule(bc)
			default:
				c.Rule = s.kindRule(bc)
			}
		case KindOrg:
			c.Type = doc.Org
			c.Rule = s.kindRule(bc)
			if !withThe && s.ambig != nil && len(s.ambig.PhraseAlternatives(bestKey)) > 1 {
				c.altKey = bestKey
			}
			// "Germany's Federal Foreign Office", "the German Foreign
			// Office": a state body the text gives to a state is that
			// state's, whatever state the dictionary's entry of that
			// name belongs to.
			if isStateSector(bc.Sector) {
				if cc, cr, start, ok := s.stateOfBody(d, sent, i); ok && cc != c.CountryCode {
					// The entry's canonical name is the other state's
					// body's; the text's own name stands instead.
					c.first = start
					c.Span.Start = d.Tokens[start].Start
					c.CountryCode = cc
					c.Name = d.Text[c.Start:c.End]
					c.Rule = s.rules.join(c.Rule, " +state ", cr)
				}
			}
		case KindPRE:
			if isLocativePrep(prev) && !withThe {
				continue
			}
			c.Type = doc.Org
			c.Rule = s.kindRule(bc)
		case KindPerson:
			if best == 1 && !withThe && i > sent.FirstToken && !s.covered[i-1] && s.isCap(d, i-1) &&
				en.IsProperNounTag(d.Tokens[i-1].Tag) && s.word(d, i-1)&WordRole == 0 {
				first, _, _ := strings.Cut(bc.Name, " ")
				if !strings.EqualFold(first, raw(d, i-1)) {
					// "Ayelet Shamir" is not the Shamir the dictionary
					// knows: another first name makes another person,
					// whom the proper-run pass reads.
					continue
				}
				// The dictionary's own first name, which its keys
				// lack, belongs to the mention.
				c.first, c.Span.Start = i-1, d.Tokens[i-1].Start
			}
			if best == 1 && !withThe && end < sent.EndToken && !s.covered[end] && s.isCap(d, end) &&
				en.IsProperNounTag(d.Tokens[end].Tag) && s.word(d, end)&WordRole == 0 &&
				!en.IsWeekdayName(s.tok(d, end)) && !en.IsMonthName(s.tok(d, end)) {
				// "Pope Tawadros", "Shamir Cohen": a one-word alias
				// that another name word follows names someone else,
				// whom the proper-run pass reads.
				continue
			}
			c.Type = doc.Person
			c.Rule = s.kindRule(bc)
		default:
			continue
		}
		s.add(c)
		i = end - 1
	}
}

// phrase looks a name up, by the document's date where the dictionary
// dates its entries.
func (s *Stage) phrase(d *doc.Doc, key string) (Coding, bool) {
	if s.dated != nil {
		t := d.Published
		if d.Dateline != nil && !d.Dateline.Date.IsZero() {
			t = d.Dateline.Date
		}
		return s.dated.PhraseAt(key, t)
	}
	return s.r.dict.Phrase(key)
}

// kindRule is the rule of a name the dictionary coded: the recognizer's
// name for the kind of phrase, then the entry. Dictionaries may supply it
// ready made (Coding.KindRule), sparing a join for every mention.
func (s *Stage) kindRule(c Coding) string {
	if c.KindRule != "" {
		return c.KindRule
	}
	return s.rules.join(KindRulePrefix(c.Kind), c.Rule)
}

// isNameConnector reports words that may sit inside a capitalised name.
// It and the other small word sets on the per-token path are switches,
// not maps: a map probe hashes the word and reads memory the tagger has
// just evicted, where a switch compares a few constants.
func isNameConnector(w string) bool {
	switch w {
	case "of", "the", "and", "for", "de", "al", "on", "&":
		return true
	}
	return false
}

// nameRun returns how many tokens from i could belong to one name: a run
// of capitalised words, connectors and names with a lower-case Arabic
// article ("Abdel Fattah al-Burhan"), at most max long.
func (s *Stage) nameRun(d *doc.Doc, sent *doc.Sentence, i, max int) int {
	j := i + 1
	for j < sent.EndToken && j-i < max {
		if s.isCap(d, j) || (isNameConnector(s.tok(d, j)) && j+1 < sent.EndToken) ||
			s.mayBeArabicArticle(j) && en.IsArabicArticleName(raw(d, j)) {
			j++
			continue
		}
		if s.pluralPossessiveInName(d, sent, j) || s.possessiveInName(d, sent, j) {
			j++
			continue
		}
		// Hyphenated or numbered parts ("G-7", "Group of 20").
		if d.Tokens[j].Kind == doc.Number && j > i && isNameConnector(s.tok(d, j-1)) {
			j++
			continue
		}
		break
	}
	for j > i+1 && isNameConnector(s.tok(d, j-1)) {
		j--
	}
	return j - i
}

// pluralPossessiveInName reports an apostrophe at token j that joins a
// plural to the rest of a name: "Kurdistan Workers' Party", "the
// Teachers' Union". It is written against the word before and a
// capitalised word follows.
func (s *Stage) pluralPossessiveInName(d *doc.Doc, sent *doc.Sentence, j int) bool {
	if j == sent.FirstToken || j+1 >= sent.EndToken || d.Tokens[j].SpaceBefore || !s.isCap(d, j+1) {
		return false
	}
	if t := s.tok(d, j); t != "'" && t != "’" {
		return false
	}
	prev := s.tok(d, j-1)
	return s.isCap(d, j-1) && strings.HasSuffix(prev, "s")
}

// possessiveInName reports a possessive clitic at token j between two
// capitalised words, which a dictionary name may hold ("People's
// Republic of China", "People's Liberation Army"). Only the dictionary
// pass reads such runs, as candidates it must know whole: a run of the
// proper-name pass stops there ("Kenya's Interior Ministry" is Kenya's).
func (s *Stage) possessiveInName(d *doc.Doc, sent *doc.Sentence, j int) bool {
	return j > sent.FirstToken && j+1 < sent.EndToken && !d.Tokens[j].SpaceBefore &&
		en.IsPossessiveClitic(s.tok(d, j)) && s.isCap(d, j-1) && s.isCap(d, j+1)
}

// orgRunFollows reports whether the tokens from j on are a capitalised
// run that ends in an organisation word ("Azerbaijan Red Crescent
// Society"), which the proper-run pass codes as one organisation.
func (s *Stage) orgRunFollows(d *doc.Doc, sent *doc.Sentence, j int) bool {
	for k := j; k < sent.EndToken && k < j+5 && s.isCap(d, k); k++ {
		if s.word(d, k)&(WordRole|WordPersonRole) == WordRole {
			return true
		}
		// "Seychelles Coast Guard": a body whose last word alone is
		// a person ("guard").
		if k > j && s.word(d, k)&WordEndsRole != 0 {
			if r, ok := s.r.dict.Role(s.key(d, j, k+1)); ok && !r.Person {
				return true
			}
		}
	}
	return false
}

// isRunConnector reports words that may sit inside an organisation's
// name when capitalised words follow: "Ministry of Foreign Affairs".
func isRunConnector(w string) bool {
	switch w {
	case "of", "for", "and", "the", "on", "de":
		return true
	}
	return false
}

// properRuns is pass 2: capitalised runs the dictionaries do not know.
func (s *Stage) properRuns(d *doc.Doc, sent *doc.Sentence) {
	for i := sent.FirstToken; i < sent.EndToken; {
		if s.covered[i] || !s.isCap(d, i) || !(en.IsProperNounTag(d.Tokens[i].Tag) || s.isRoleWord(d, i)) || (s.isDemonym(d, i) && !s.orgRunFollows(d, sent, i+1)) {
			i++
			continue
		}
		j := i
		hasOrgWord := false
		for j < sent.EndToken && !s.covered[j] {
			if s.isCap(d, j) && (en.IsProperNounTag(d.Tokens[j].Tag) || en.IsNounTag(d.Tokens[j].Tag) || d.Tokens[j].Tag == "JJ") {
				if s.word(d, j)&(WordRole|WordPersonRole) == WordRole {
					hasOrgWord = true
				}
				j++
				continue
			}
			if s.pluralPossessiveInName(d, sent, j) {
				j++
				continue
			}
			// A surname may keep its Arabic article in lower case
			// ("Abdel Fattah al-Burhan").
			if j > i && s.mayBeArabicArticle(j) && en.IsArabicArticleName(raw(d, j)) {
				j++
				continue
			}
			// Connectors continue an organisation's name only.
			if hasOrgWord && isRunConnector(s.tok(d, j)) && j+1 < sent.EndToken && !s.covered[j+1] &&
				(s.isCap(d, j+1) || (s.tok(d, j+1) == "the" && j+2 < sent.EndToken && s.isCap(d, j+2))) {
				j++
				continue
			}
			break
		}
		if j == i {
			i++
			continue
		}
		s.classifyRun(d, sent, i, j)
		i = j
	}
}

// placeModifier reports a common noun at k that a name before it can only
// modify as a place: a lower-case noun that is no role ("rally", "event",
// "hospital"; "officials" and "government" are roles, and a capital
// before them names their state).
func (s *Stage) placeModifier(d *doc.Doc, sent *doc.Sentence, k int) bool {
	if k >= sent.EndToken || s.isCap(d, k) || s.isRoleWord(d, k) {
		return false
	}
	tag := d.Tokens[k].Tag
	return tag == "NN" || tag == "NNS"
}

func (s *Stage) isDemonym(d *doc.Doc, i int) bool { return s.word(d, i)&WordDemonym != 0 }

func (s *Stage) isRoleWord(d *doc.Doc, i int) bool { return s.word(d, i)&WordRole != 0 }

// classifyRun decides what the capitalised run [i, j) is.
func (s *Stage) classifyRun(d *doc.Doc, sent *doc.Sentence, i, j int) {
	dict := s.r.dict
	// Trim a trailing connector the loop may have taken.
	for j > i && isRunConnector(s.tok(d, j-1)) {
		j--
	}
	if j <= i || (s.word(d, i)&WordStartsDiscard != 0 && dict.Discard(s.key(d, i, j))) {
		return
	}
	// "South Korean", "Sri Lankan": a demonym of more than one word is
	// the role pass's modifier, not a name.
	if j-i > 1 && s.word(d, i)&WordStartsName != 0 {
		if c, ok := dict.Phrase(s.key(d, i, j)); ok && c.Kind == KindDemonym {
			return
		}
	}
	// Sentence-initial words that are capitalised only because they
	// start the sentence are not names unless tagged as such.
	if i == sent.FirstToken && j == i+1 && !en.IsProperNounTag(d.Tokens[i].Tag) {
		return
	}
	// A lone capitalised role ("Police detained ...") is the role pass's.
	if j == i+1 && s.isRoleWord(d, i) {
		return
	}

	// An organisation: the run holds a body noun (ministry, society).
	var orgRole Role
	orgAt := -1
	for k := i; k < j; k++ {
		// A number of people ("Thousands of Kenyan ...") is no body.
		if r, ok := dict.Role(s.tok(d, k)); ok && !r.Person && !r.Count {
			orgRole, orgAt = r, k
		}
	}
	if orgAt < 0 && j-i >= 2 && s.word(d, j-1)&WordEndsRole != 0 {
		// A body named by words that are no body alone: "Coast Guard",
		// "National Guard".
		for k := i; k < j-1; k++ {
			if r, ok := dict.Role(s.key(d, k, j)); ok && !r.Person {
				orgRole, orgAt = r, j-1
				break
			}
		}
	}
	if orgAt >= 0 {
		c := cand{first: i, end: j, ref: refName, conf: 0.7}
		c.Antecedent = -1
		c.Type = doc.Org
		c.Span = doc.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
		c.Name = d.Text[c.Start:c.End]
		c.SectorCode = orgRole.Sector
		c.OtherSectorCodes = orgRole.Others
		c.CountryCode, _ = s.countryIn(d, i, j)
		rule := "org_run " + orgRole.Rule
		if c.CountryCode == "" {
			if cc, ok := s.ofCountry(d, sent, j); ok {
				c.CountryCode = cc
				rule += " +of_country"
			}
		}
		if c.CountryCode == "" && i > sent.FirstToken && !s.covered[i-1] {
			// "the Latvian Constitutional Court": a demonym the tagger
			// read as an adjective stays outside the run but still says
			// whose body it is; so does a possessive ("Kenya's Interior
			// Ministry").
			if cc, cr, start := s.countryBefore(d, sent, i); cc != "" && start == i-1 {
				c.CountryCode = cc
				rule += " +demonym " + cr
			} else if t := s.tok(d, i-1); cc != "" && en.IsPossessiveClitic(t) {
				c.CountryCode = cc
				rule += " +possessive " + cr
			}
		}
		c.Rule = rule
		s.add(c)
		return
	}

	// A run that is all title ("Prime Minister" before a known name the
	// names pass took) is the role pass's, never a person's name.
	if s.isRoleWord(d, j-1) {
		if r, ok := dict.Role(s.key(d, i, j)); ok && r.Person {
			return
		}
		// So is a capitalised office after an article, a possessive or
		// an organisation ("the Emergency Relief Coordinator", "the
		// UN Special Rapporteur"): names do not follow "the", and a
		// person's surname that is also a role ("Martin Luther King")
		// is never preceded by one.
		if s.word(d, j-1)&WordPersonRole != 0 && i > sent.FirstToken {
			prev := s.tok(d, i-1)
			if _, org := s.orgAt(i - 1); org || prev == "the" || en.IsPossessiveClitic(prev) {
				return
			}
		}
	}

	// A person, maybe after an honorific ("Ms. Ana Ruiz", "Mr Reddy"),
	// which says a person is named but is no part of the name, so that
	// "Ms. Ruiz" repeats "Ana Ruiz"; and maybe after a title inside the
	// run ("Foreign Minister Jeyhun Bayramov") or just before it
	// ("foreign minister Bayramov").
	nameStart := i
	var honorific gender.Gender
	hasHonorific := false
	for nameStart < j-1 {
		g, ok := s.r.gender.Honorific(raw(d, nameStart))
		if !ok {
			break
		}
		honorific, hasHonorific = g, true
		nameStart++
	}
	var title Role
	hasTitle := false
	for L := min(4, j-nameStart-1); L >= 1; L-- {
		if r, ok := dict.Role(s.key(d, nameStart, nameStart+L)); ok && r.Person {
			title, hasTitle, nameStart = r, true, nameStart+L
			break
		}
	}
	titleStart := i
	if !hasTitle && !hasHonorific {
		// A title inside the run, after the name of its court, county or
		// body ("Harlow County Circuit Judge Nadia Ferro", "Bank of
		// Ruritania Governor Ivo Marr"): the name is what follows the
		// last title, and the words before it qualify the title. The
		// name must have two words at least: after "Federal Secretary"
		// a lone "Interior" names the office's portfolio, not a person.
		for p := j - 3; p > nameStart && !hasTitle; p-- {
			for L := min(4, j-p-2); L >= 1; L-- {
				if r, ok := dict.Role(s.key(d, p, p+L)); ok && r.Person {
					title, hasTitle, nameStart = r, true, p+L
					break
				}
			}
		}
	}
	if !hasTitle && !hasHonorific {
		for L := 1; L <= 4 && i-L >= sent.FirstToken; L++ {
			if s.covered[i-L] {
				break
			}
			if r, ok := dict.Role(s.key(d, i-L, i)); ok && r.Person {
				title, hasTitle, titleStart = r, true, i-L
			}
		}
	}
	if nameStart >= j {
		return
	}
	if !hasTitle && !hasHonorific && s.afterLocative(sent, nameStart) {
		// "fired at targets in Mombasa, witnesses said": a place the
		// gazetteer may hold, not a person, whatever follows it.
		return
	}
	c := cand{first: nameStart, end: j, ref: refName, conf: 0.6, honorific: honorific}
	c.Antecedent = -1
	c.Type = doc.Person
	c.Span = doc.Span{Start: d.Tokens[nameStart].Start, End: d.Tokens[j-1].End}
	c.Name = d.Text[c.Start:c.End]
	for k := i; k < nameStart && hasHonorific && !hasTitle; k++ {
		s.covered[k] = true
	}
	switch {
	case hasTitle:
		c.SectorCode, c.OtherSectorCodes = title.Sector, title.Others
		// The country comes from a demonym or country before the title
		// ("Armenian Prime Minister", "Armenia's foreign minister"), or
		// the organisation whose office it is ("Arab League Secretary
		// General X").
		cc, _, _ := s.countryBefore(d, sent, titleStart)
		if cc == "" && titleStart > sent.FirstToken {
			if org, ok := s.orgAt(titleStart - 1); ok && org.end == titleStart {
				cc = org.CountryCode
			}
		}
		c.CountryCode = cc
		c.Rule = s.rules.join("title_name ", title.Rule)
		if cc == "" {
			// "President Ruto of Kenya": the office's state may follow
			// the name, as it follows a role ("the president of Kenya").
			if oc, ok := s.ofCountry(d, sent, j); ok {
				c.CountryCode = oc
				c.Rule = s.rules.join("title_name ", title.Rule, " +of_country")
			}
		}
		c.conf = 0.8
		for k := titleStart; k < nameStart; k++ {
			s.covered[k] = true
		}
	case j < sent.EndToken && raw(d, j) == ",":
		if role, owner, ok := s.apposition(d, sent, j+1); ok {
			c.SectorCode, c.OtherSectorCodes, c.CountryCode = role.Sector, role.Others, owner.Country
			c.Rule = s.rules.join("apposition ", role.Rule)
			if owner.Kind == KindOrg && owner.Sector != "" {
				// "head of the ICRC delegation", "the UN envoy": the
				// office is the organisation's, and so is the sector,
				// as in the role pass's organisation modifier.
				c.SectorCode, c.OtherSectorCodes = owner.Sector, owner.Others
				c.Rule = s.rules.join("apposition ", role.Rule, " +org ", owner.Rule)
			}
			c.conf = 0.8
			break
		}
		fallthrough
	default:
		cue := (j < sent.EndToken && s.speechVerb(s.tok(d, j))) ||
			(i > sent.FirstToken && s.speechVerb(s.tok(d, i-1))) ||
			(i > sent.FirstToken+1 && s.tok(d, i-1) == "to" && s.tok(d, i-2) == "according")
		switch {
		case hasHonorific:
			// "Mr. Reddy": a person whatever the name's shape; a lone
			// word may still repeat a surname.
			c.Rule = "honorific_name"
		case j-nameStart == 1:
			// A lone capitalised word is a person only when it repeats a
			// known surname; coreference decides.
			c.ref = refSurname
			c.Rule = "surname"
		case cue:
			c.Rule = "name_speech_cue"
		case j-nameStart <= 3 && allProper(d, nameStart, j) && (s.r.isPlace == nil || !s.r.isPlace(c.Name)) &&
			// "Westfield Mall", "Clean Harbours Fund": a thing's name.
			s.r.gender.OfName(c.Name) != gender.Neuter:
			c.Rule = "name_shape"
			c.conf = 0.4
		default:
			return
		}
	}
	s.add(c)
}

// stateOfBody reads the state a body's name at token i is given to: a
// possessive country or a demonym before it, past up to two capitalised
// words that are part of the name but not of the dictionary's key
// ("Federal"). start is the name's first token, those words included.
func (s *Stage) stateOfBody(d *doc.Doc, sent *doc.Sentence, i int) (country, rule string, start int, ok bool) {
	k := i
	for n := 0; n < 2 && k-1 > sent.FirstToken && s.isCap(d, k-1) && !s.covered[k-1]; n++ {
		if s.word(d, k-1)&(WordDemonym|WordCountry) != 0 {
			break
		}
		k--
	}
	if k-1 < sent.FirstToken {
		return "", "", 0, false
	}
	// A bare country name before the body ("Kenya Ports Authority" is
	// the run's, not read here) needs the possessive; a demonym does not.
	// Most bodies have neither, and cost no dictionary probe.
	switch t := s.tok(d, k-1); {
	case en.IsPossessiveClitic(t):
		if cc, cr, _ := s.countryBefore(d, sent, k); cc != "" {
			return cc, cr, k, true
		}
	case s.word(d, k-1)&WordDemonym != 0:
		if c, ok := s.r.dict.Phrase(t); ok && c.Kind == KindDemonym && c.Country != "" {
			return c.Country, c.Rule, k, true
		}
	}
	return "", "", 0, false
}

// afterLocative reports a run that follows a locative preposition, maybe
// with "the" between: "a clinic in the Bekaa Valley" names a place the
// gazetteer may not hold, not a person.
func (s *Stage) afterLocative(sent *doc.Sentence, i int) bool {
	k := i - 1
	if k >= sent.FirstToken && s.tok(nil, k) == "the" {
		k--
	}
	return k >= sent.FirstToken && isLocativePrep(s.tok(nil, k))
}

// refSurname marks a lone capitalised word that is a person only if an
// earlier person has it as a surname.
const refSurname refKind = 100

func allProper(d *doc.Doc, i, j int) bool {
	for k := i; k < j; k++ {
		if !en.IsProperNounTag(d.Tokens[k].Tag) {
			return false
		}
	}
	return true
}

// countryIn returns the country named by a demonym or country name inside
// [i, j).
func (s *Stage) countryIn(d *doc.Doc, i, j int) (string, string) {
	for k := i; k < j; k++ {
		if c, L := s.phraseAt(d, k, j, 3, namesCountry); L > 0 {
			return c.Country, c.Rule
		}
	}
	return "", ""
}

// phraseAt returns the coding of the longest dictionary phrase of at most
// maxWords words that starts at token k, ends by token end and that
// accept takes, and its length in tokens; 0 when there is none. Longest
// first, so that "Central African Republic" wins over "Central".
func (s *Stage) phraseAt(d *doc.Doc, k, end, maxWords int, accept func(Coding) bool) (Coding, int) {
	for L := min(maxWords, end-k); L >= 1; L-- {
		if c, ok := s.r.dict.Phrase(s.key(d, k, k+L)); ok && accept(c) {
			return c, L
		}
	}
	return Coding{}, 0
}

// namesCountry accepts a demonym, a country or a capital with a country.
func namesCountry(c Coding) bool {
	return c.Country != "" && (c.Kind == KindDemonym || c.Kind == KindCountry || c.Kind == KindCapital)
}

// countryBefore reads a demonym or a possessive country just before token
// i: "Armenian", "Armenia 's".
func (s *Stage) countryBefore(d *doc.Doc, sent *doc.Sentence, i int) (country, rule string, start int) {
	k := i - 1
	if k >= sent.FirstToken && (en.IsPossessiveClitic(s.tok(d, k)) || s.tok(d, k) == "'") {
		k--
	}
	for L := 1; L <= 3 && k-L+1 >= sent.FirstToken; L++ {
		if c, ok := s.r.dict.Phrase(s.key(d, k-L+1, k+1)); ok && namesCountry(c) {
			return c.Country, c.Rule, k - L + 1
		}
	}
	return "", "", i
}

// ofCountry reads "of Azerbaijan" / "of the Netherlands" at token j.
func (s *Stage) ofCountry(d *doc.Doc, sent *doc.Sentence, j int) (string, bool) {
	if j >= sent.EndToken || s.tok(d, j) != "of" {
		return "", false
	}
	k := j + 1
	if k < sent.EndToken && s.tok(d, k) == "the" {
		k++
	}
	if c, L := s.phraseAt(d, k, sent.EndToken, 3, func(c Coding) bool { return c.Country != "" && c.Kind != KindDemonym }); L > 0 {
		return c.Country, true
	}
	// "workers of the Tehran Bus Company": a member of a national body
	// belongs to the body's country; "the government of President X" is
	// X's state.
	if k < sent.EndToken && s.covered[k] {
		if org, ok := s.orgAt(k); ok && org.first == k {
			return org.CountryCode, true
		}
	}
	// A title the person's mention leaves out ("President") may stand
	// between: look past capitalised words.
	for m := k; m < sent.EndToken && m < k+4 && s.isCap(d, m); m++ {
		if p, ok := s.personAt(m); ok {
			return p.CountryCode, true
		}
	}
	return "", false
}

// fromMember reads "from <body>" after a role naming people: "activists
// from the Fatah party", "delegates from the African Union" belong to
// the body, and "soldiers from Burundi", "refugees from Syria" to the
// country. Adjectives between the article and the name are skipped
// ("from the ruling Likud party").
func (s *Stage) fromMember(d *doc.Doc, sent *doc.Sentence, j int) (string, bool) {
	if j >= sent.EndToken || s.tok(d, j) != "from" {
		return "", false
	}
	k := j + 1
	if k < sent.EndToken && d.Tokens[k].Tag == "DT" {
		k++
	}
	for k < sent.EndToken && k < j+5 && !s.covered[k] && (d.Tokens[k].Tag == "JJ" || d.Tokens[k].Tag == "VBN") {
		k++
	}
	if k < sent.EndToken && s.covered[k] {
		if org, ok := s.orgAt(k); ok && org.first == k {
			return org.CountryCode, true
		}
	}
	if c, L := s.phraseAt(d, k, sent.EndToken, 3, func(c Coding) bool { return c.Country != "" && c.Kind == KindCountry }); L > 0 {
		return c.Country, true
	}
	return "", false
}

// apposition reads the phrase after "Name," up to the next comma or verb
// of saying and returns the first person role in it and the first country
// it names: "Hikmet Hajiyev, Assistant to the President of Azerbaijan -
// head of the Foreign Policy Department ..., said".
func (s *Stage) apposition(d *doc.Doc, sent *doc.Sentence, k int) (Role, Coding, bool) {
	dict := s.r.dict
	var role Role
	found := false
	var owner Coding
	roleEnd := -1
	end := min(sent.EndToken, k+40)
	// The apposition must open with a role, maybe after a determiner, a
	// demonym, a country or an organisation: "the minister", "Armenian
	// foreign minister", "the UN envoy", "head of".
	opener := false
	for m := k; m < end && m < k+6; {
		if _, ok := dict.Role(s.tok(d, m)); ok {
			opener = true
			break
		}
		if t := s.tok(d, m); t == "the" || t == "a" || t == "an" || t == "its" || t == "his" || t == "her" {
			m++
			continue
		}
		if _, L := s.appositionOwner(d, m, end); L > 0 {
			m += L
			continue
		}
		// Adjectives, a possessive's "'s" and nouns modifying the next
		// one: "Chile's ambassador", "the relief coordinator".
		if tag := d.Tokens[m].Tag; tag == "JJ" || tag == "POS" || en.IsNounTag(tag) && m+1 < end && en.IsNounTag(d.Tokens[m+1].Tag) {
			m++
			continue
		}
		break
	}
	if !opener {
		return role, owner, false
	}
	for m := k; m < end; m++ {
		t := s.tok(d, m)
		// A possessive "'s" the tagger read as "is" does not end it.
		if t == "," || s.speechVerb(t) || (m > k && en.IsFiniteTag(d.Tokens[m].Tag) && t != "'s" && t != "’s") {
			break
		}
		if !found || m == roleEnd {
			// A role right after the one found is its head: "chief
			// economist" is an economist, though "chief" is a role too.
			for L := min(4, end-m); L >= 1; L-- {
				// A plural role describes no one person: "Mombasa,
				// witnesses said" is no apposition.
				if r, ok := dict.Role(s.key(d, m, m+L)); ok && r.Person && !r.Plural && r.Sector != "" {
					role, found, roleEnd = r, true, m+L
					break
				}
			}
		}
		if owner.Country == "" {
			owner, _ = s.appositionOwner(d, m, end)
		}
	}
	return role, owner, found
}

// appositionOwner reads, at token m, a name that says whose office an
// apposition describes: a country, its demonym or capital, or an
// organisation with a code of its own ("the UN envoy": UNO). It returns
// the name's coding and its length in tokens, or 0.
func (s *Stage) appositionOwner(d *doc.Doc, m, end int) (Coding, int) {
	return s.phraseAt(d, m, end, 4, func(c Coding) bool { return namesCountry(c) || c.Country != "" && c.Kind == KindOrg })
}

// mayBeArabicArticle is en.IsArabicArticleName's first test, on the compact copies
// of the token: most tokens fail it without the token being read.
func (s *Stage) mayBeArabicArticle(i int) bool {
	sp := s.spans[i]
	c := s.lower[sp.start]
	return sp.end-sp.start >= 4 && (c == 'a' || c == 'e')
}

// nameGoesOn reports a proper name continuing at token j: a place name
// followed by one is part of a longer name ("the Niger Delta", "the Congo
// River"), which may lie elsewhere.
func (s *Stage) nameGoesOn(d *doc.Doc, sent *doc.Sentence, j int) bool {
	if j >= sent.EndToken || !s.isCap(d, j) || !en.IsProperNounTag(d.Tokens[j].Tag) {
		return false
	}
	// "police in Kenya Monday": a date is no part of a name.
	w := s.tok(d, j)
	return !en.IsWeekdayName(w) && !en.IsMonthName(w)
}

// residence reads where a group lives from the phrase after token b: "in
// Serbia", "of southern Serbia", "in the north of Kosovo" is not read. It
// returns the country's coding and the token after its name.
func (s *Stage) residence(d *doc.Doc, sent *doc.Sentence, b int) (Coding, int, bool) {
	if b+1 >= sent.EndToken {
		return Coding{}, 0, false
	}
	if t := s.tok(d, b); t != "in" && t != "of" {
		return Coding{}, 0, false
	}
	k := b + 1
	for k < sent.EndToken && k < b+3 && (s.tok(d, k) == "the" || en.IsCompassWord(s.tok(d, k))) {
		k++
	}
	if k >= sent.EndToken || !s.isCap(d, k) {
		return Coding{}, 0, false
	}
	c, L := s.phraseAt(d, k, sent.EndToken, 3, func(c Coding) bool { return c.Country != "" && (c.Kind == KindCountry || c.Kind == KindPRE) })
	if L == 0 || s.nameGoesOn(d, sent, k+L) {
		return Coding{}, 0, false
	}
	return c, k + L, true
}
