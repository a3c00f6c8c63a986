package actor

import (
	"strings"
	"unicode/utf8"

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

// corefState tracks what earlier mentions later ones may point to.
type corefState struct {
	dateline   string            // dateline country, for unqualified roles
	names      map[string]int    // lower-case entity name -> first entity
	surnames   map[string]int    // lower-case last word of a person's name -> person
	lastPerson int               // root of the most recent person mention
	lastBody   int               // root of the most recent organisation or body
	recent     []int             // roots of recent mentions, newest last
	lowered    map[string]string // canonical name -> lower case, across documents
	rules      *ruleNames        // the Stage's
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
func (co *corefState) add(d *doc.Doc, c *cand) {
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
		if co.lastPerson < 0 {
			return
		}
		resolveTo(d, c, co.lastPerson)
		c.Rule = "pronoun"
	case refIt:
		r := co.lastBody
		if r < 0 {
			return
		}
		resolveTo(d, c, r)
		c.Rule = "pronoun_it"
	case refPlural:
		r := co.findRecent(d, func(i int, e *doc.Entity) bool { return e.Type != doc.Person })
		if r < 0 {
			return
		}
		resolveTo(d, c, r)
		c.Rule = "pronoun_plural"
	case refDefinite:
		r := -1
		if c.rolePerson {
			// "the mayors" are more than the one person named last.
			if co.lastPerson >= 0 && !c.plural {
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
		} else if co.dateline != "" {
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
	if c.modifier {
		// "Iraqi towns" names no one a pronoun or a repeat can point to.
		return
	}
	i := len(d.Entities) - 1
	r := root(d, i)
	if c.Antecedent < 0 && (c.ref == refName) {
		key := co.lowerOf(d, c)
		co.names[key] = i
		if c.Type == doc.Person {
			co.surnames[lastWord(key)] = i
		}
	}
	if d.Entities[r].Type == doc.Person {
		co.lastPerson = r
	}
	if d.Entities[r].Type == doc.Org || (r == i && c.body) {
		co.lastBody = r
	}
	if len(co.recent) == 16 {
		copy(co.recent, co.recent[1:])
		co.recent = co.recent[:15]
	}
	co.recent = append(co.recent, r)
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
