// Package en holds the closed-class English words that several stages
// test for, in the manner of spaCy's lang/en: the names of the months and
// the weekdays with their abbreviations. They are closed classes, fixed
// by the language rather than by the news, so they are Go tables here and
// not data files under data/ (which hold the open-class lexicons); each
// exists once, here, and the tokenizer, the actor, place, quote, dateline
// and time stages all ask this package rather than keep a copy.
//
// Lookups take a word in any case and allocate nothing, since some of
// them are asked of most tokens.
package en

import (
	"iter"
	"strings"
	"time"
)

// calendarWord is one name of a month or a weekday.
type calendarWord struct {
	name string // lower case
	n    int    // month 1-12, or weekday 0 (Sunday) to 6
	abbr bool
}

// months are the month names and the abbreviations news writes (with or
// without a period, which the tokenizer keeps apart).
var months = [...]calendarWord{
	{"january", 1, false}, {"jan", 1, true},
	{"february", 2, false}, {"feb", 2, true},
	{"march", 3, false}, {"mar", 3, true},
	{"april", 4, false}, {"apr", 4, true},
	{"may", 5, false},
	{"june", 6, false}, {"jun", 6, true},
	{"july", 7, false}, {"jul", 7, true},
	{"august", 8, false}, {"aug", 8, true},
	{"september", 9, false}, {"sept", 9, true}, {"sep", 9, true},
	{"october", 10, false}, {"oct", 10, true},
	{"november", 11, false}, {"nov", 11, true},
	{"december", 12, false}, {"dec", 12, true},
}

// weekdays are the weekday names and their abbreviations.
var weekdays = [...]calendarWord{
	{"sunday", 0, false}, {"sun", 0, true},
	{"monday", 1, false}, {"mon", 1, true},
	{"tuesday", 2, false}, {"tue", 2, true}, {"tues", 2, true},
	{"wednesday", 3, false}, {"wed", 3, true},
	{"thursday", 4, false}, {"thu", 4, true}, {"thur", 4, true}, {"thurs", 4, true},
	{"friday", 5, false}, {"fri", 5, true},
	{"saturday", 6, false}, {"sat", 6, true},
}

// Month reports the month w names, in any case, and whether w is an
// abbreviation ("Sept") rather than the full name.
func Month(w string) (m time.Month, abbr, ok bool) {
	if c, ok := find(months[:], w); ok {
		return time.Month(c.n), c.abbr, true
	}
	return 0, false, false
}

// Weekday reports the weekday w names, in any case, and whether w is an
// abbreviation ("Tues") rather than the full name.
func Weekday(w string) (d time.Weekday, abbr, ok bool) {
	if c, ok := find(weekdays[:], w); ok {
		return time.Weekday(c.n), c.abbr, true
	}
	return 0, false, false
}

// IsMonthName reports whether w is a month's full name, in any case.
func IsMonthName(w string) bool {
	_, abbr, ok := Month(w)
	return ok && !abbr
}

// IsWeekdayName reports whether w is a weekday's full name, in any case.
func IsWeekdayName(w string) bool {
	_, abbr, ok := Weekday(w)
	return ok && !abbr
}

// Months yields every month name and abbreviation, lower case, with its
// month (Month tells which are abbreviations).
func Months() iter.Seq2[string, time.Month] {
	return func(yield func(string, time.Month) bool) {
		for _, c := range months {
			if !yield(c.name, time.Month(c.n)) {
				return
			}
		}
	}
}

// Weekdays yields every weekday name and abbreviation, lower case, with
// its weekday (Weekday tells which are abbreviations).
func Weekdays() iter.Seq2[string, time.Weekday] {
	return func(yield func(string, time.Weekday) bool) {
		for _, c := range weekdays {
			if !yield(c.name, time.Weekday(c.n)) {
				return
			}
		}
	}
}

// find looks w up in list, folding ASCII case without allocating. The
// lists are short, and a length check rejects most words at once.
func find(list []calendarWord, w string) (calendarWord, bool) {
	if len(w) < 3 || len(w) > 9 {
		return calendarWord{}, false
	}
	for _, c := range list {
		if len(c.name) == len(w) && equalFold(c.name, w) {
			return c, true
		}
	}
	return calendarWord{}, false
}

// equalFold compares lower-case ASCII lower with w in any ASCII case.
func equalFold(lower, w string) bool {
	for i := 0; i < len(lower); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// IsActorPronoun reports a subject pronoun that can stand for an actor
// named before it, a person or a body: he, she, it, we, they (lower case,
// as the event coder's tokens are).
func IsActorPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "we", "they":
		return true
	}
	return false
}

// IsParticipleAuxiliary reports a form of "be", "have" or "get" (lower
// case): the verbs that take a past participle as part of their own verb
// phrase ("has banned", "was poisoned", "got arrested"). A participle after
// any other verb begins that verb's object ("recalling shelled nuts").
func IsParticipleAuxiliary(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "'d",
		"get", "gets", "got", "gotten", "getting":
		return true
	}
	return IsPerfectAuxiliary(w)
}

// IsAuxiliary reports a word that can be an auxiliary verb (lower case):
// a form of "be", "have", "do" or passive "get", or a modal. No other
// verb takes a verb phrase as an auxiliary does (UD aux).
func IsAuxiliary(w string) bool {
	switch w {
	case "do", "does", "did", "can", "ca", "ought":
		return true
	}
	return IsParticipleAuxiliary(w) || ModalOf(w) != NoModal
}

// IsPerfectAuxiliary reports a form of "have" (lower case), the auxiliary
// of the perfect: with a past participle and no form of "be" it makes an
// active verb phrase ("has banned"), never a passive. "'d" is left out:
// it is as often "would".
func IsPerfectAuxiliary(w string) bool {
	switch w {
	case "have", "has", "had", "having", "'ve":
		return true
	}
	return false
}

// IsCompassWord reports a compass word, in lower case or capitalised
// ("north", "Western", "Centre"): the words that place something within a
// region ("the north of the country", "North London") and that, alone,
// name directions or blocs rather than places ("the West").
func IsCompassWord(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c >= 'A' && c <= 'Z' {
		w = string(c+'a'-'A') + w[1:]
	}
	switch w {
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center":
		return true
	}
	return false
}

// IsNegator reports a word that negates the clause it modifies (lower
// case): "not", "n't", "never", "no", "neither", "nor", "cannot".
func IsNegator(w string) bool {
	switch w {
	case "not", "n't", "never", "no", "neither", "nor", "cannot":
		return true
	}
	return false
}

// IsSubordinator reports a subordinating conjunction that opens an
// adverbial clause (lower case): "after", "because", "although", "if",
// "whether"...
func IsSubordinator(w string) bool {
	switch w {
	case "after", "before", "because", "since", "while", "when", "whereas", "although", "though",
		"unless", "until", "if", "once", "as", "whether":
		return true
	}
	return false
}

// IsTopicPreposition reports a preposition that names what something is
// about (lower case): "a meeting about Syria", "talks regarding the
// border". Its object is the subject matter, not a participant.
func IsTopicPreposition(w string) bool {
	switch w {
	case "about", "regarding", "concerning":
		return true
	}
	return false
}

// Modal is the meaning class of a modal auxiliary.
type Modal uint8

// Modal classes.
const (
	NoModal Modal = iota
	// ModalFuture: "will", "shall" ("wo" is the stem of "won't").
	ModalFuture
	// ModalHypothetical: "would", "could", "might", "may".
	ModalHypothetical
	// ModalObligation: "should", "must".
	ModalObligation
)

// ModalOf returns the class of modal auxiliary w (lower case), NoModal
// for any other word.
func ModalOf(w string) Modal {
	switch w {
	case "will", "shall", "'ll", "wo":
		return ModalFuture
	case "would", "could", "might", "may", "'d":
		return ModalHypothetical
	case "should", "must":
		return ModalObligation
	}
	return NoModal
}

// IsDeterminer reports a central determiner (lower case): an article, a
// demonstrative or a possessive determiner, the words that open a noun
// phrase right after a verb ("struck the village", "shelled their
// positions").
func IsDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "these", "those",
		"his", "her", "its", "their", "our", "my", "your":
		return true
	}
	return false
}

// IsLinkingVerb reports a form (lower case) of a verb that links its
// subject to a predicative complement, as "be" does ("became the first
// country", "remained a member"; Quirk et al. 1985, §16.21 on copular
// verbs): a noun phrase after it is no object.
func IsLinkingVerb(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am",
		"become", "becomes", "became", "becoming",
		"remain", "remains", "remained", "remaining",
		"seem", "seems", "seemed", "seeming",
		"appear", "appears", "appeared", "appearing",
		"stay", "stays", "stayed", "staying",
		"prove", "proves", "proved", "proven", "proving":
		return true
	}
	return false
}

// IsComplexTransitiveParticiple reports the past participle (lower case)
// of a verb that takes an object and a predicative complement, "they
// called the group X", "elected her president" (Quirk et al. 1985,
// §16.43 on complex-transitive verbs). Its passive keeps the complement,
// so even as a reduced relative it is followed by a noun phrase: "a group
// called the Centre", "a man elected president".
func IsComplexTransitiveParticiple(w string) bool {
	switch w {
	case "called", "named", "renamed", "nicknamed", "dubbed", "termed", "titled", "entitled",
		"labelled", "labeled", "branded", "elected", "appointed", "declared", "proclaimed",
		"crowned", "deemed", "considered", "voted", "made":
		return true
	}
	return false
}

// IsDegreeQuantifier reports a quantifier (lower case) that "this",
// "that" or "so" can modify as a degree word: "this many people", "that
// much money" keep the demonstrative inside the noun phrase.
func IsDegreeQuantifier(w string) bool {
	switch w {
	case "many", "much", "few", "little":
		return true
	}
	return false
}

// IsPossessiveClitic reports the possessive "'s" as a token of its own,
// with a straight or a typographic apostrophe.
func IsPossessiveClitic(w string) bool { return w == "'s" || w == "’s" }

// NeverEndsSentence reports a word (lower case) that an English sentence
// cannot end with, because it must be followed by what it introduces or
// joins: the articles, the possessive determiners that are no pronouns,
// the coordinating conjunctions and "of". ("This", "that", "her" and most
// prepositions can end one: "he said that", "they looked into it".)
func NeverEndsSentence(w string) bool {
	switch w {
	case "the", "a", "an", "its", "their", "our", "my", "your",
		"and", "or", "nor", "but", "of":
		return true
	}
	return false
}

// IsFunctionWord reports a word of the closed classes that open sentences
// and titles, in any case ("the", "He", "BECAUSE"): articles and other
// determiners, personal and possessive pronouns, wh-words, "there" and
// "here", coordinating and subordinating conjunctions, and the common
// prepositions. Such a word is never a name, even where a gazetteer or a
// capital letter suggests one.
func IsFunctionWord(w string) bool {
	if len(w) > 8 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	lw := string(buf[:len(w)])
	if IsDeterminer(lw) {
		return true
	}
	switch lw {
	case "some", "many", "most", "all", "both", "each", "such", "other", "several", "no",
		"he", "she", "it", "they", "we", "i", "you",
		"what", "who", "why", "how", "where", "which", "there", "here",
		"but", "and", "or", "so", "yet", "nor", "as", "if", "when", "while", "although", "though", "because",
		"in", "on", "at", "for", "from", "with", "by", "to", "of", "after", "before", "since", "during",
		"under", "over", "despite", "amid":
		return true
	}
	return false
}

// OwnerOfCompound splits a hyphenated adjective that names who leads or
// owns a thing ("French-led", "British-flagged", "Chinese-owned",
// "Panama-registered") into its first part, which names the leader or
// owner. Adjectives of support or place ("US-backed", "London-based")
// are not split: a US-backed militia is not American.
func OwnerOfCompound(w string) (owner string, ok bool) {
	for _, suffix := range [...]string{"-led", "-flagged", "-owned", "-registered"} {
		if x, found := strings.CutSuffix(w, suffix); found && x != "" {
			return x, true
		}
	}
	return "", false
}

// IsArabicArticleName reports a name written with a lower-case Arabic
// article before a capital ("al-Qaeda", "al-Shabab", "el-Sisi"), which
// news keeps lower case even where it opens an organisation's or a
// person's name. A byte test, since it is asked of every lower-case token.
func IsArabicArticleName(w string) bool {
	if len(w) < 4 || w[0] != 'a' && w[0] != 'e' {
		return false
	}
	h := strings.IndexByte(w, '-')
	if h != 2 || len(w) <= h+1 {
		return false
	}
	return (w[:2] == "al" || w[:2] == "el") && w[h+1] >= 'A' && w[h+1] <= 'Z'
}

// IsIrregularPreterite reports the past tense of an irregular verb that
// English spells unlike its participle (lower case): "withdrew"
// (withdrawn), "ate" (eaten), "took" (taken). Such a form is a finite verb
// wherever it stands. Forms shared with the participle ("fought", "held")
// or with a noun ("saw", "rose", "bore") are left out.
func IsIrregularPreterite(w string) bool {
	switch w {
	case "ate", "awoke", "began", "blew", "broke", "chose", "came", "drank", "drove", "fell",
		"flew", "forbade", "forgave", "froze", "gave", "grew", "hid", "knew", "overran", "overthrew",
		"rang", "ran", "rode", "sang", "sank", "shook", "slew", "spoke", "stole", "swam",
		"swore", "threw", "took", "tore", "undertook", "went", "withdrew", "woke", "wore", "wrote":
		return true
	}
	return false
}
