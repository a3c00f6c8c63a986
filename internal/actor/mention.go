package actor

import (
	"slices"

	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// facts is what coreference needs to know about a mention beyond its
// coding: where it is, whether it is quoted, its place in the parse and
// what its words say of its gender.
type facts struct {
	sent int // index in Doc.Sentences
	tok  int // the mention's first token
	// quote numbers the quotation the mention sits in, from 1 in
	// document order; 0 outside quotation marks. A name in a quoted
	// statement is the speaker's words: no pronoun outside that
	// quotation refers to it.
	quote int32
	// subj ranks the mention as a subject: 2 for the subject of its
	// sentence's main verb, 1 of another predicate, 0 for none or no
	// parse.
	subj uint8
	// pred is the token the mention is the subject of, objOf the token
	// it is the direct or indirect object of; -1 for none.
	pred, objOf int32
	// role is a pronoun's grammatical role.
	role pronounRole
	// coordinated marks a conjunct ("Canada and the United States"),
	// which "they" may refer to; read for states only.
	coordinated bool
	// gender is what the mention's words say; strong when an honorific,
	// a gendered noun or a pronoun says it, not a first name alone,
	// which may mislead ("Kim", "Jan" name men and women).
	gender gender.Gender
	strong bool
}

// pronounRole is a pronoun's role in its clause, which decides where in
// its own sentence it looks for an antecedent.
type pronounRole uint8

const (
	roleOther      pronounRole = iota
	roleSubject                // "she said", "they blew"
	rolePossessive             // "their arms", "his office"
	roleObject                 // "handing them", "told him"
)

// markTokens fills, in one pass over the document, s.quoted with the
// number of the quotation each token lies in: between an opening and a
// closing double quotation mark, straight or typographic, of its
// paragraph; 0 outside. A straight mark opens when none is open and
// closes otherwise; a paragraph starts unquoted, as a quotation carried on
// into the next paragraph opens again there. It also fills s.heads with
// what the parse hangs on each token.
func (s *Stage) markTokens(d *doc.Doc) {
	s.quoted = slices.Grow(s.quoted[:0], len(d.Tokens))[:len(d.Tokens)]
	clear(s.quoted)
	s.heads = slices.Grow(s.heads[:0], len(d.Tokens))[:len(d.Tokens)]
	clear(s.heads)
	for k := range d.Tokens {
		t := &d.Tokens[k]
		if h := int(t.Head); h >= 0 && h < len(d.Tokens) {
			switch {
			case t.Dep.Base() == doc.DepNsubj:
				s.heads[h] |= hasSubject
			case t.Dep == doc.DepConj:
				s.heads[h] |= hasConjunct
			}
		}
	}
	open, para, n := int32(0), -1, int32(0)
	for si := range d.Sentences {
		sent := &d.Sentences[si]
		if sent.Paragraph != para {
			open, para = 0, sent.Paragraph
		}
		for k := sent.FirstToken; k < sent.EndToken; k++ {
			t := &d.Tokens[k]
			if t.Kind != doc.QuoteMark {
				s.quoted[k] = open
				continue
			}
			opens := false
			switch d.Text[t.Start:t.End] {
			case `"`:
				opens = open == 0
			case "“", "„", "«":
				opens = true
			case "”", "»":
			default:
				// A single mark is an apostrophe as often as a quote.
				continue
			}
			open = 0
			if opens {
				n++
				open = n
			}
		}
	}
}

// mentionOf gathers the facts of candidate c in sentence sent (index si).
func (s *Stage) mentionOf(d *doc.Doc, sent *doc.Sentence, si int, c *cand) facts {
	f := facts{sent: si, tok: c.first, pred: -1, objOf: -1}
	if c.first < len(s.quoted) {
		f.quote = s.quoted[c.first]
	}
	f.subj, f.pred, f.objOf = clauseRole(d, c.first, c.end)
	if c.Type == doc.GPE {
		f.coordinated = s.conjunct(d, sent, c.first, c.end)
	}
	switch {
	case c.ref == refPronoun || c.ref == refPlural:
		if c.ref == refPronoun {
			f.gender, f.strong = gender.OfPronoun(s.tok(d, c.first)), true
		}
		switch dep := d.Tokens[c.first].Dep; {
		case dep.Base() == doc.DepNsubj:
			f.role = roleSubject
		case dep == doc.DepNmodPoss:
			f.role = rolePossessive
		case dep == doc.DepObj || dep == doc.DepIobj || dep.Base() == doc.DepObl:
			f.role = roleObject
		}
	case c.Type == doc.Person && (c.ref == refName || c.ref == refSurname):
		f.gender, f.strong = s.personGender(d, sent, c)
	case c.Type == doc.Role && c.rolePerson && !c.plural:
		// "the spokeswoman", "a congressman": the role's head noun.
		if g := s.r.gender.Noun(s.tok(d, c.end-1)); g == gender.Male || g == gender.Female {
			f.gender, f.strong = g, true
		}
	}
	return f
}

// personGender reads a person's gender from, in order: an honorific the
// name was stripped of ("Ms."), a gendered noun or honorific just before
// the name ("Congresswoman", "her husband"), a gendered noun in an
// apposition after it ("Ana Ruiz, a mother of two,"), a gendered title
// kept as the name's first word, and, as weak evidence, its first name. A
// name whose words head a thing's name ("Westfield Mall") is Neuter.
func (s *Stage) personGender(d *doc.Doc, sent *doc.Sentence, c *cand) (gender.Gender, bool) {
	lex := s.r.gender
	if lex == nil {
		return gender.Unknown, false
	}
	if c.honorific != gender.Unknown {
		return c.honorific, true
	}
	// Words right before the name: its title and their modifiers
	// ("former spokeswoman"), not across a preposition or a clause.
	for k := c.first - 1; k >= sent.FirstToken && k >= c.first-4; k-- {
		t := &d.Tokens[k]
		if t.Kind != doc.Word || !modifierTag(t.Tag) {
			break
		}
		w := s.tok(d, k)
		if g, ok := lex.Honorific(w); ok {
			return g, true
		}
		if g := lex.Noun(w); g == gender.Male || g == gender.Female {
			return g, true
		}
	}
	// An apposition: ", a spokeswoman for", ", 54, the mother of".
	if c.end < sent.EndToken && raw(d, c.end) == "," {
		for k := c.end + 1; k < sent.EndToken && k <= c.end+8; k++ {
			t := &d.Tokens[k]
			if t.Tag != "," && t.Tag != "CD" && t.Tag != "POS" && t.Tag != "PRP$" && t.Tag != "DT" && !modifierTag(t.Tag) {
				break
			}
			if g := lex.Noun(s.tok(d, k)); g == gender.Male || g == gender.Female {
				return g, true
			}
		}
	}
	if c.end-c.first < 2 {
		return gender.Unknown, false
	}
	// A gendered title the name's run kept as its first word
	// ("Congresswoman Sam Carter", "Queen Rania").
	if g := lex.Noun(s.tok(d, c.first)); g == gender.Male || g == gender.Female {
		return g, true
	}
	g := lex.OfName(c.Name)
	return g, g == gender.Neuter
}

// modifierTag reports the tags of the words of a noun phrase before its
// head: nouns, proper nouns, adjectives and participles.
func modifierTag(tag string) bool {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN":
		return true
	}
	return false
}

// clauseRole reads the mention over tokens [first, end) in the parse: its
// subject rank (2 when its head is the nominal subject of the sentence's
// root, 1 of another predicate, 0 otherwise or when the sentence was not
// parsed), the predicate it is the subject of and the one it is the
// object of (-1 for none). The "of" complement of a subject that is a
// quantity or a collective ("a group of diplomats", "dozens of
// protesters") counts as the subject: it is what the phrase is about, and
// verbs often agree with it ("a number of protesters were").
func clauseRole(d *doc.Doc, first, end int) (rank uint8, pred, objOf int32) {
	pred, objOf = -1, -1
	for k := first; k < end; k++ {
		t := &d.Tokens[k]
		h := int(t.Head)
		if h >= first && h < end {
			continue
		}
		if t.Dep.Base() == doc.DepNmod && first >= 2 && h == first-2 && d.Tokens[first-1].Kind == doc.Word &&
			d.Text[d.Tokens[first-1].Start:d.Tokens[first-1].End] == "of" {
			t = &d.Tokens[h]
			h = int(t.Head)
		}
		switch {
		case t.Dep == doc.DepObj || t.Dep == doc.DepIobj:
			return 0, -1, int32(h)
		case t.Dep.Base() != doc.DepNsubj || h < 0 || h >= len(d.Tokens):
			return 0, -1, -1
		case d.Tokens[h].Dep == doc.DepRoot:
			return 2, int32(h), -1
		}
		return 1, int32(h), -1
	}
	return 0, -1, -1
}

// conjunct reports whether the mention over tokens [first, end) is a
// conjunct: the head of a conj relation in the parse, or its dependent,
// or a name joined to another by "and" or "or" ("Canada and the United
// States"), which the parse may have missed.
func (s *Stage) conjunct(d *doc.Doc, sent *doc.Sentence, first, end int) bool {
	isConj := func(k int) bool {
		if k < sent.FirstToken || k >= sent.EndToken {
			return false
		}
		w := d.Text[d.Tokens[k].Start:d.Tokens[k].End]
		return w == "and" || w == "or"
	}
	isDet := func(k int) bool { return k >= sent.FirstToken && k < sent.EndToken && d.Tokens[k].Tag == "DT" }
	isName := func(k int) bool {
		return k >= sent.FirstToken && k < sent.EndToken && d.Tokens[k].Upper && en.IsProperNounTag(d.Tokens[k].Tag)
	}
	before := first - 1
	if isDet(before) {
		before--
	}
	if isConj(before) && isName(before-1) {
		return true
	}
	after := end + 1
	if isDet(after) {
		after++
	}
	if isConj(end) && isName(after) {
		return true
	}
	for k := first; k < end; k++ {
		if h := int(d.Tokens[k].Head); h >= first && h < end {
			continue
		}
		return d.Tokens[k].Dep == doc.DepConj || s.heads[k]&hasConjunct != 0
	}
	return false
}

// headFlags says what the parse hangs on a token.
type headFlags uint8

const (
	hasSubject  headFlags = 1 << iota // a nominal subject
	hasConjunct                       // a conjunct
)
