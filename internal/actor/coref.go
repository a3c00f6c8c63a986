package actor

import (
	"strings"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
)

// isGenericPersonRole reports roles that may describe any earlier named
// official: "said the official", "the spokesperson added".
func isGenericPersonRole(role string) bool {
	switch role {
	case "official", "spokesperson", "spokesman", "spokeswoman", "leader", "diplomat", "envoy", "representative", "source":
		return true
	}
	return false
}

// isGenericOrgRole reports roles that may describe any earlier named
// organisation: "the agency said", "the group added".
func isGenericOrgRole(role string) bool {
	switch role {
	case "agency", "organisation", "organization", "group", "body", "institution":
		return true
	}
	return false
}

// maxMentions bounds the mentions a pronoun may look back over: news
// refers back with a pronoun a few sentences at most, and the bound keeps
// resolution linear in the document's length.
const maxMentions = 32

// corefState tracks what earlier mentions later ones may point to.
type corefState struct {
	dateline string         // dateline country, for unqualified roles
	names    map[string]int // lower-case entity name -> first entity
	surnames map[string]int // lower-case last word of a person's name -> person
	// lastPerson is the root of the most recent person mention outside
	// quotation marks.
	lastPerson int
	lastBody   int   // root of the most recent organisation or body
	recent     []int // roots of recent mentions, newest last
	// mentions holds the recent mentions a pronoun may refer to, as a
	// ring: the newest is at (seen-1) % maxMentions.
	mentions [maxMentions]mention
	seen     int
	// info holds what agreement needs of each entity, by index in
	// Doc.Entities; only a root's gender and kind are read.
	info []entityInfo
	// heads is the Stage's, for the document.
	heads   []headFlags
	lowered map[string]string // canonical name -> lower case, across documents
	rules   *ruleNames        // the Stage's
}

// mention is one earlier mention a pronoun may refer to.
type mention struct {
	root        int32 // the entity it resolves to
	sent        int32 // its sentence
	quote       int32 // facts.quote
	pred, objOf int32 // facts.pred, facts.objOf
	subj        uint8 // facts.subj
}

// antecedentKind says which pronouns may refer to an entity.
type antecedentKind uint8

const (
	antNone   antecedentKind = iota
	antPerson                // one person: he or she
	antGroup                 // an organisation, a state or a group: they
)

// entityInfo is what agreement knows of an entity.
type entityInfo struct {
	gender gender.Gender
	strong bool // facts.strong
	kind   antecedentKind
}

// reset prepares the state for a new document, keeping its maps and
// slices so that a worker allocates them once.
func (c *corefState) reset(d *doc.Doc) {
	if c.names == nil {
		c.names, c.surnames = map[string]int{}, map[string]int{}
	}
	clear(c.names)
	clear(c.surnames)
	c.lastPerson = -1
	c.lastBody = -1
	c.recent = c.recent[:0]
	c.seen = 0
	c.info = c.info[:0]
	c.dateline = ""
	if d.Dateline != nil {
		c.dateline = d.Dateline.CountryCode
	}
}

// root follows an entity to the mention it resolves to.
func root(d *doc.Doc, i int) int {
	if a := d.Entities[i].Antecedent; a >= 0 {
		return a
	}
	return i
}

// resolveTo copies the root's coding onto the candidate.
func resolveTo(d *doc.Doc, c *cand, r int) {
	re := d.Entities[r]
	c.Antecedent = r
	c.Actor = re.Actor
	c.Type = re.Type
}

// add resolves the candidate against earlier mentions and appends it to
// d.Entities, or drops it when it is a pronoun with nothing to refer to.
// f are the candidate's facts.
func (co *corefState) add(d *doc.Doc, c *cand, f facts) {
	switch c.ref {
	case refName:
		key := co.lowerOf(d, c)
		if r, ok := co.names[key]; ok {
			resolveTo(d, c, r)
			c.Rule = co.rules.join(c.Rule, " +repeat")
		} else if c.Type == doc.Person {
			if r, ok := co.surnames[lastWord(key)]; ok && !strings.Contains(key, " ") {
				resolveTo(d, c, r)
				c.Rule = co.rules.join(c.Rule, " +surname")
			}
		}
	case refSurname:
		r, ok := co.surnames[co.lowerOf(d, c)]
		if !ok {
			return
		}
		resolveTo(d, c, r)
	case refPronoun:
		r, agrees := co.personAntecedent(d, f)
		if r < 0 {
			return
		}
		resolveTo(d, c, r)
		c.Rule = "pronoun"
		if !agrees {
			// A pronoun that disagrees with a first name may be a
			// stray; it teaches the person no gender.
			f.gender, f.strong = gender.Unknown, false
		}
	case refIt:
		r := co.lastBody
		if r < 0 {
			return
		}
		resolveTo(d, c, r)
		c.Rule = "pronoun_it"
	case refPlural:
		r := co.resolve(d, f, func(r int) bool { return co.info[r].kind == antGroup })
		if r < 0 {
			return
		}
		resolveTo(d, c, r)
		c.Rule = "pronoun_plural"
	case refDefinite:
		r := -1
		if c.rolePerson {
			// "the mayors" are more than the one person named last.
			// "the spokeswoman" is no man.
			if co.lastPerson >= 0 && !c.plural && f.gender.Admits(co.info[co.lastPerson].gender) {
				p := d.Entities[co.lastPerson]
				if isGenericPersonRole(c.roleKey) || strings.Contains(strings.ToLower(p.Rule), c.roleKey) ||
					(c.roleSector != "" && p.SectorCode == c.roleSector) {
					r = co.lastPerson
				}
			}
		} else {
			r = co.findRecent(d, func(i int, e *doc.Entity) bool {
				return (e.Type == doc.Org || e.Type == doc.Role) && e.Antecedent < 0 && e.CountryCode != "" &&
					co.nameContains(d, i, c.roleKey)
			})
			if r < 0 && isGenericOrgRole(c.roleKey) {
				// "The agency said": any organisation named before,
				// whatever its name.
				r = co.findRecent(d, func(i int, e *doc.Entity) bool {
					return e.Type == doc.Org && e.Antecedent < 0 && e.CountryCode != ""
				})
			}
		}
		if r >= 0 {
			rule := c.Rule
			resolveTo(d, c, r)
			c.Rule = co.rules.join("definite_description ", rule)
		} else if co.dateline != "" && !c.noDefaultCountry {
			c.CountryCode = co.dateline
			c.Rule = co.rules.join(c.Rule, " +dateline_country")
			c.conf = 0.4
		}
	case refNone:
		if c.Type == doc.Role && c.CountryCode == "" && co.dateline != "" && !c.noDefaultCountry {
			// An unqualified domestic actor ("police", "protesters") is
			// taken to belong to the dateline's country.
			c.CountryCode = co.dateline
			c.Rule = co.rules.join(c.Rule, " +dateline_country")
			c.conf = 0.4
		}
	}
	d.Entities = append(d.Entities, c.Entity)
	co.info = append(co.info, entityInfo{})
	if c.modifier {
		// "Iraqi towns" names no one a pronoun or a repeat can point to.
		return
	}
	i := len(d.Entities) - 1
	r := root(d, i)
	if r == i {
		co.info[i] = entityInfo{gender: f.gender, strong: f.strong, kind: kindOf(c, f)}
	} else {
		co.learnGender(r, f)
	}
	if c.Antecedent < 0 && (c.ref == refName) {
		key := co.lowerOf(d, c)
		co.names[key] = i
		if c.Type == doc.Person {
			co.surnames[lastWord(key)] = i
		}
	}
	if d.Entities[r].Type == doc.Person && f.quote == 0 {
		co.lastPerson = r
	}
	co.mentions[co.seen%maxMentions] = mention{root: int32(r), sent: int32(f.sent), quote: f.quote,
		pred: f.pred, objOf: f.objOf, subj: f.subj}
	co.seen++
	if d.Entities[r].Type == doc.Org || (r == i && c.body) {
		co.lastBody = r
	}
	if len(co.recent) == 16 {
		copy(co.recent, co.recent[1:])
		co.recent = co.recent[:15]
	}
	co.recent = append(co.recent, r)
}

// kindOf says which pronouns may refer to a new entity: he or she to a
// person whose name is no thing's, they to an organisation or a group or
// body. A state named by its name is singular ("Kenya said it would"), so
// no "they" refers to it unless it is coordinated with another ("Canada
// and the United States said they would").
func kindOf(c *cand, f facts) antecedentKind {
	switch c.Type {
	case doc.Person:
		if f.gender == gender.Neuter {
			// "Westfield Mall", taken for a name by its shape.
			return antNone
		}
		return antPerson
	case doc.Org:
		return antGroup
	case doc.GPE:
		if f.coordinated {
			return antGroup
		}
	case doc.Role:
		if !c.rolePerson || c.plural {
			return antGroup
		}
	}
	return antNone
}

// learnGender records on root r what a later mention of it says of its
// gender: "Ms. Ruiz" or a "she" that resolved to it makes Ana Ruiz female
// for the pronouns after. Strong evidence overrides a first name's.
func (co *corefState) learnGender(r int, f facts) {
	in := &co.info[r]
	if f.gender != gender.Male && f.gender != gender.Female || in.kind != antPerson || in.strong {
		return
	}
	if f.strong || in.gender == gender.Unknown {
		in.gender, in.strong = f.gender, f.strong
	}
}

// personAntecedent returns the root a personal pronoun with facts f
// refers to, or -1: a person of its gender or of none known, as resolve
// finds them. When none agrees, a person whose gender rests on a first
// name alone, which may mislead ("Kim", "Jan"; a family name written
// first), still may, and agrees is false.
func (co *corefState) personAntecedent(d *doc.Doc, f facts) (r int, agrees bool) {
	p := f.gender
	r = co.resolve(d, f, func(r int) bool { in := co.info[r]; return in.kind == antPerson && p.Admits(in.gender) })
	if r >= 0 {
		return r, true
	}
	return co.resolve(d, f, func(r int) bool {
		in := co.info[r]
		return in.kind == antPerson && (!in.strong || p.Admits(in.gender))
	}), false
}

// resolve returns the root a pronoun with facts f refers to among the
// recent mentions that ok accepts, or -1. A mention inside a quotation is
// seen only by pronouns of the same quotation. The pronoun's own sentence
// is searched up its parse first (see inClause); then the nearest sentence
// with an accepted mention gives it, preferring the subject of its main
// clause, then any subject, then the latest: "Ana Ruiz called Maria Soto.
// She said" is Ruiz. In the pronoun's own sentence, left to right order
// decides: the latest mention.
func (co *corefState) resolve(d *doc.Doc, f facts, ok func(r int) bool) int {
	r, local := co.inClause(d, f, ok)
	if r >= 0 {
		return r
	}
	best, bestSent, bestSubj := -1, int32(-1), uint8(0)
	for k := co.seen - 1; k >= 0 && k >= co.seen-maxMentions; k-- {
		m := &co.mentions[k%maxMentions]
		if best >= 0 && m.sent != bestSent {
			break
		}
		if (m.quote != 0 && m.quote != f.quote) || int(m.root) == local || !ok(int(m.root)) {
			continue
		}
		if best < 0 {
			best, bestSent, bestSubj = int(m.root), m.sent, m.subj
			if m.sent == int32(f.sent) {
				break
			}
			continue
		}
		if m.subj > bestSubj {
			best, bestSubj = int(m.root), m.subj
		}
	}
	return best
}

// inClause looks for a pronoun's antecedent in its own sentence by
// climbing its parse, as Hobbs's algorithm does: at each clause above the
// pronoun, the clause's subject (or, for an infinitive complement, its
// controlling object: "asked the miners to end their strike") comes
// before any mention elsewhere. A subject pronoun starts above its own
// clause ("the rebels said they would"). The climb stops at a clause that
// modifies a noun ("assets they lost"), where the clause structure above
// says little of the pronoun. An object pronoun never refers to the
// subject of its own clause ("the army freed the soldiers, handing them
// over" are the soldiers): it returns that subject as local, for resolve
// to pass over, and leaves the rest of its sentence to word order. It
// returns -1 when the sentence was not parsed or no clause subject is
// accepted.
func (co *corefState) inClause(d *doc.Doc, f facts, ok func(r int) bool) (r, local int) {
	local = -1
	t := &d.Tokens[f.tok]
	if t.Dep == doc.NoDep {
		return -1, local
	}
	child, a := f.tok, int(t.Head)
	if f.role == roleSubject && a >= 0 {
		child, a = a, int(d.Tokens[a].Head)
	}
	skipLocal := f.role == roleObject
	for depth := 0; a >= 0 && depth < 16; depth++ {
		if d.Tokens[child].Dep.Base() == doc.DepAcl {
			break
		}
		if d.Tokens[child].Dep == doc.DepXcomp {
			if m := co.sentenceMention(f, func(m *mention) bool { return int(m.objOf) == a }); m != nil && ok(int(m.root)) {
				return int(m.root), local
			}
		}
		m := co.sentenceMention(f, func(m *mention) bool { return int(m.pred) == a })
		switch {
		case skipLocal && (m != nil || co.heads[a]&hasSubject != 0):
			if m != nil {
				local = int(m.root)
			}
			return -1, local
		case m != nil && ok(int(m.root)):
			return int(m.root), local
		}
		child, a = a, int(d.Tokens[a].Head)
	}
	return -1, local
}

// sentenceMention returns the latest mention before the pronoun with
// facts f, in its sentence and seen from it, that match accepts; nil for
// none.
func (co *corefState) sentenceMention(f facts, match func(m *mention) bool) *mention {
	for k := co.seen - 1; k >= 0 && k >= co.seen-maxMentions; k-- {
		m := &co.mentions[k%maxMentions]
		if m.sent != int32(f.sent) {
			return nil
		}
		if (m.quote == 0 || m.quote == f.quote) && match(m) {
			return m
		}
	}
	return nil
}

// nameContains reports whether entity i's name contains key, a
// lower-case role, ignoring case. ASCII names, nearly all, are compared
// in place; lower-casing every candidate allocated or hashed for each
// definite description.
func (co *corefState) nameContains(d *doc.Doc, i int, key string) bool {
	name := d.Entities[i].Name
	for k := 0; k < len(name); k++ {
		if name[k] >= utf8.RuneSelf {
			return strings.Contains(co.lowerCanonical(name), key)
		}
	}
	for k := 0; k+len(key) <= len(name); k++ {
		m := 0
		for m < len(key) {
			c := name[k+m]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[m] {
				break
			}
			m++
		}
		if m == len(key) {
			return true
		}
	}
	return false
}

// lowerCanonical lower-cases a name the dictionary gave, remembering it:
// canonical names recur from document to document, and lower-casing one
// allocates. The table is cleared when full, as ruleNames' is.
func (co *corefState) lowerCanonical(name string) string {
	if l, ok := co.lowered[name]; ok {
		return l
	}
	if co.lowered == nil || len(co.lowered) >= maxInternedRules {
		co.lowered = make(map[string]string, 256)
	}
	l := strings.ToLower(name)
	co.lowered[name] = l
	return l
}

func (co *corefState) findRecent(d *doc.Doc, ok func(i int, e *doc.Entity) bool) int {
	for k := len(co.recent) - 1; k >= 0; k-- {
		if e := &d.Entities[co.recent[k]]; ok(co.recent[k], e) {
			return co.recent[k]
		}
	}
	return -1
}

// lowerOf returns the candidate's name in lower case, sliced from the
// document's lower-case text when the name is the mention as written.
func (co *corefState) lowerOf(d *doc.Doc, c *cand) string {
	if len(d.Lower) == len(d.Text) && c.End <= len(d.Text) && d.Text[c.Start:c.End] == c.Name {
		return d.Lower[c.Start:c.End]
	}
	return co.lowerCanonical(c.Name)
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}
