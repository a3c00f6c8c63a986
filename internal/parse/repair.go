package parse

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// Repairs of trees that the grammar rules out.
//
// A greedy parser commits to an attachment before it sees the rest of the
// sentence. One mistake it cannot undo is common in news: in "Hundreds of
// protesters gathered outside the ministry" or "The talks collapsed on
// Monday" it reads the finite verb as a clause modifying the noun before
// it (acl) and leaves the noun phrase as the root, because the tagger
// also tags reduced relatives' participles VBD ("the men arrested
// yesterday") and the parser learns to distrust the tag. But a clause
// that modifies a noun without a relative word is non-finite in English
// (Huddleston and Pullum 2002, ch. 12: bare relatives need a subject,
// "the man I saw"; reduced relatives are participial), so a finite verb
// attached as a bare acl, with nothing to its left in its clause, under a
// nominal root, is the sentence's predicate and the noun phrase before it
// its subject. repairPredicates rebuilds that tree; it leaves alone a
// verb tagged as a participle (VBN, VBG), where the reduced relative is
// the likelier reading, and a sentence whose root is already a predicate:
// a verb, or a noun with a copula or a subject ("the toll is the highest
// since records began").

// A participle is read as the predicate too when the sentence has no
// finite verb at all and ends as a sentence does (with ".", "!" or "?"):
// a complete English sentence has a finite verb, so in "Some 500 workers
// protested on Friday." the -ed form, which the tagger took for a
// participle modifying "workers", is the preterite. Only a regular -ed
// form qualifies, one whose preterite and participle are the same word,
// and not one with a "by" phrase, which marks a passive ("Ten people
// killed by a bomb."); a headline, which has no final stop, keeps its
// reduced passive ("Five killed in blast"). The verb's tag becomes VBD.

// repair applies the repairs to one parsed sentence, in place; it may
// retag the verb it makes the predicate. words are the sentence's words
// in lower case with typographic apostrophes made plain ("’ve" is "'ve"),
// the form the word lists of package en are written in (plainForm).
func repair(words, tags []string, heads []int32, deps []doc.DepRel) {
	repairReducedRelatives(words, tags, heads, deps)
	repairOfPhrases(words, tags, heads, deps)
	repairPrepositionalSubjects(tags, heads, deps)
	repairPredicates(words, tags, heads, deps)
	repairRelations(words, tags, heads, deps)
	attachPunctuation(words, heads, deps)
}

// Brackets are attached by rule once the words' tree is built. UD attaches
// a bracket to the head of what it encloses (UD guidelines, "punct"),
// which the words' tree alone decides; the greedy parser attaches the
// opening bracket before it has read what it opens, and the closing one
// by habit. On EWT dev the rule leaves 23 of the 185 brackets wrong
// instead of 35. Other marks are left as parsed: rules of the same kind
// for commas, dashes, colons and stops (the phrase a mark opens when that
// phrase hangs on something before it, else the phrase it closes), right
// 90-99% of the time on EWT's gold trees, did worse than the parser on its
// own trees, whose phrases they must trust (dev UAS 0.8003 against
// 0.8026), and quotation marks, which open and close alike, worse still.
func attachPunctuation(words []string, heads []int32, deps []doc.DepRel) {
	for i := range heads {
		if deps[i] != doc.DepPunct {
			continue
		}
		if j := closingPartner(words, deps, i); j > i {
			// A bracket with words of its own hung on it (a parse's
			// mistake) is left, so that no cycle is made.
			if top := topBetween(heads, deps, i, j); top >= 0 && !onChain(heads, top, i, -1) && !onChain(heads, top, j, -1) {
				heads[i], heads[j] = int32(top), int32(top)
			}
		}
	}
}

// closingPartner returns the bracket that closes the one at i, or -1: the
// next closing bracket, with no second opening one between.
func closingPartner(words []string, deps []doc.DepRel, i int) int {
	var closeWith string
	switch words[i] {
	case "(":
		closeWith = ")"
	case "[":
		closeWith = "]"
	default:
		return -1
	}
	for j := i + 1; j < len(words); j++ {
		if deps[j] != doc.DepPunct {
			continue
		}
		if words[j] == closeWith {
			return j
		}
		if words[j] == words[i] {
			return -1
		}
	}
	return -1
}

// topBetween returns the word strictly between i and j whose head lies
// outside them (the head of what the pair encloses), the first if there
// are several, or -1.
func topBetween(heads []int32, deps []doc.DepRel, i, j int) int {
	for k := i + 1; k < j; k++ {
		if deps[k] == doc.DepPunct {
			continue
		}
		if h := int(heads[k]); h < i || h > j {
			return k
		}
	}
	return -1
}

// An English subject is a bare noun phrase: a phrase opened by a
// preposition is an adjunct (Huddleston and Pullum 2002, ch. 4.3). The
// greedy parser, having closed "Dozens of farmers" as the root and hung
// the verb after it on it as a relative clause, makes the place in
// "Dozens of farmers across France blocked roads" the verb's subject,
// preposition and all. repairPrepositionalSubjects hangs such a phrase on
// the noun before its preposition, the modifier it is, and makes the verb
// the predicate with the root noun phrase as its subject.
func repairPrepositionalSubjects(tags []string, heads []int32, deps []doc.DepRel) {
	for s, h := range heads {
		if h < 0 || deps[s].Base() != doc.DepNsubj {
			continue
		}
		v := int(h)
		c := caseMarkerOf(tags, heads, deps, s)
		if c < 1 || v < s || !en.IsNounTag(tags[c-1]) || !en.IsFiniteTag(tags[v]) || tags[v] == "MD" {
			continue
		}
		// The top of the phrase the noun before the marker ends.
		t := c - 1
		for steps := 0; steps < len(heads) && heads[t] >= 0 && int(heads[t]) < c; steps++ {
			t = int(heads[t])
		}
		if heads[t] >= 0 || int(heads[v]) != t || !isNominalTag(tags[t]) {
			continue
		}
		heads[s], deps[s] = int32(c-1), doc.DepNmod
		makePredicate(heads, deps, v, t)
		return
	}
}

// caseMarkerOf returns the preposition that opens the phrase headed by k
// (its case dependent before it, tagged IN or TO), or -1.
func caseMarkerOf(tags []string, heads []int32, deps []doc.DepRel, k int) int {
	for c := 0; c < k; c++ {
		if int(heads[c]) == k && deps[c] == doc.DepCase && (tags[c] == "IN" || tags[c] == "TO") {
			return c
		}
	}
	return -1
}

// repairPredicates makes a predicate of a verb the parse hung on a nominal
// root.
func repairPredicates(words, tags []string, heads []int32, deps []doc.DepRel) {
	n := len(tags)
	root := -1
	for i := 0; i < n; i++ {
		if heads[i] < 0 {
			root = i
			break
		}
	}
	if root < 0 {
		return
	}
	if v := verblessPreterite(words, tags); v >= 0 {
		tags[v] = "VBD"
		if v == root {
			predicateFromRoot(tags, heads, deps, v)
			return
		}
	}
	if !isNominalTag(tags[root]) {
		return
	}
	if !hasDependent(heads, deps, root, doc.DepCop) {
		// A finite verb read as an adjective: whatever subject the
		// parse gave the nominal root was the verb's.
		if v, n := attributiveFiniteVerb(tags, heads, deps); v >= 0 {
			verbBeforeObject(tags, heads, deps, v, n, root)
			if heads[v] < 0 {
				return
			}
			// Not rebuilt ("precision guided bombs", whose "guided"
			// has no subject to take): the other repairs may apply.
		}
	}
	if v := conjoinedPredicate(tags, heads, deps, root); v >= 0 {
		makePredicate(heads, deps, v, root)
		return
	}
	if isClause(heads, deps, root) {
		return
	}
	for v := root + 1; v < n; v++ {
		if !bareFiniteClause(deps[v], tags[v]) || !bareClauseOf(heads, deps, v, root) {
			continue
		}
		makePredicate(heads, deps, v, root)
		return
	}
	if !verblessSentence(tags) {
		return
	}
	if v, nn := attributivePreterite(words, tags, heads, deps); v >= 0 {
		// "The EU imposed sanctions on Russia.", read as the EU's
		// "imposed sanctions": with no finite verb in a full sentence,
		// an -ed word between two nouns that the parse made an
		// adjective of the second is the verb, as a finite verb so
		// read is (verbBeforeObject).
		tags[v] = "VBD"
		verbBeforeObject(tags, heads, deps, v, nn, root)
		if heads[v] < 0 {
			return
		}
		tags[v] = "VBN"
	}
	for v := root + 1; v < n; v++ {
		if deps[v] != doc.DepAcl || tags[v] != "VBN" || !regularPast(words[v]) || !bareClauseOf(heads, deps, v, root) || hasByPhrase(words, heads, v) {
			continue
		}
		makePredicate(heads, deps, v, root)
		tags[v] = "VBD"
		return
	}
}

// attributiveFiniteVerb returns a finite verb (VBD, VBZ, VBP) that the
// parse made an adjective (amod) or a subject (nsubj: a clause that is a
// subject is csubj, and opens with "that" or a wh-word) of a noun after
// it, and that noun, or -1. Only participles modify nouns attributively ("the banned party");
// a finite verb there is the predicate, and the noun its object ("the
// police used water cannon", read as police "used cannon"). The verb
// may have nothing of its own to its left but a subject.
func attributiveFiniteVerb(tags []string, heads []int32, deps []doc.DepRel) (v, n int) {
	for v := range tags {
		if deps[v] != doc.DepAmod && deps[v].Base() != doc.DepNsubj || tags[v] == "MD" || !en.IsFiniteTag(tags[v]) || hasLeftNonSubject(heads, deps, v) {
			continue
		}
		if n := int(heads[v]); n > v && en.IsNounTag(tags[n]) {
			return v, n
		}
	}
	return -1, -1
}

// hasLeftNonSubject reports a dependent of v before it other than its
// subject and punctuation.
func hasLeftNonSubject(heads []int32, deps []doc.DepRel, v int) bool {
	for i := 0; i < v; i++ {
		if heads[i] == int32(v) && deps[i].Base() != doc.DepNsubj && deps[i] != doc.DepPunct {
			return true
		}
	}
	return false
}

// verbBeforeObject makes v the predicate of a sentence whose root is a
// nominal: n, the noun v modified, becomes its object. The subject is
// v's own when the parse gave it one, else the noun phrase that the parse
// hung on n before v ("Riot police" in "Riot
// police fired bullets", read as police "fired bullets"), else the root
// when it stands before v and n hangs below it with no apposition on the
// way (a dateline's place is no subject). It gives up when there is
// neither.
func verbBeforeObject(tags []string, heads []int32, deps []doc.DepRel, v, n, root int) {
	subj := -1
	for c := 0; c < v; c++ {
		// A possessor or a prepositional phrase of the noun is none,
		// whatever the parse called it: an English subject takes no
		// preposition ("Hundreds of students across Chile held
		// rallies", read as "Chile held rallies"). Such a phrase
		// modifies the noun before its preposition.
		if mk := caseMarkerOf(tags, heads, deps, c); mk >= 0 && heads[c] == int32(n) {
			if mk > 0 && mk > root && en.IsNounTag(tags[mk-1]) && descends(heads, deps, mk-1, root) {
				heads[c], deps[c] = int32(mk-1), doc.DepNmod
			}
			continue
		}
		if heads[c] == int32(n) && isNominalTag(tags[c]) && deps[c] != doc.DepNmodPoss && deps[c] != doc.DepNmod ||
			heads[c] == int32(v) && deps[c] != doc.DepPunct {
			subj = c
		}
	}
	if subj < 0 && root != n && root < v && descends(heads, deps, n, root) {
		subj = root
	}
	if subj < 0 {
		return
	}
	// The old root, unless it is the subject or the object, would stay
	// a second root. An opening prepositional phrase ("In a post on
	// Monday, the minister repeated concerns") is the verb's oblique;
	// anything else is left as the parse had it.
	keepsRoot := root != subj && root != n && root != v
	if keepsRoot && (root > v || caseMarkerOf(tags, heads, deps, root) < 0) {
		return
	}
	// What hung on the subject's side beyond v moves to the verb, so
	// that the tree stays projective.
	hoistOnto(heads, deps, v, func(i, h int) bool { return i != n })
	heads[v], deps[v] = -1, doc.DepRoot
	heads[subj], deps[subj] = int32(v), doc.DepNsubj
	heads[n], deps[n] = int32(v), doc.DepObj
	for c := 0; c < subj; c++ {
		if heads[c] == int32(n) {
			// "The EU imposed sanctions": what opened the old noun
			// phrase before the subject opens the subject.
			heads[c] = int32(subj)
		}
	}
	if last := len(heads) - 1; last > v && deps[last] == doc.DepPunct && heads[last] == int32(root) {
		heads[last] = int32(v) // the final stop is the new root's
	}
	if keepsRoot {
		heads[root], deps[root] = int32(v), doc.DepObl
	}
}

// bareFiniteClause reports a finite verb with a relation it cannot have
// without a relative word or a subject: a bare clause on a noun (acl), or
// an open complement (xcomp), which is non-finite in English ("British
// aircraft using guided missiles killed four", read as "using ...
// killed"). For xcomp only the unmistakably finite forms count, past and
// third person singular: a present-tense tag is as often a misread base
// form ("let your friends know").
func bareFiniteClause(r doc.DepRel, tag string) bool {
	switch r {
	case doc.DepAcl:
		return en.IsFiniteTag(tag) && tag != "MD"
	case doc.DepXcomp:
		return tag == "VBD" || tag == "VBZ"
	}
	return false
}

// bareClauseOf reports whether v is a clause on a noun phrase under the
// nominal root, with nothing to its left in its clause.
func bareClauseOf(heads []int32, deps []doc.DepRel, v, root int) bool {
	return heads[v] >= int32(root) && heads[v] < int32(v) && !hasLeftDependent(heads, v) && descends(heads, deps, int(heads[v]), root)
}

// makePredicate makes v the root and the nominal root its subject.
// Everything after v that hung on the noun phrase (its chain from root
// down to v's head) moves to the new predicate (hoistOnto).
func makePredicate(heads []int32, deps []doc.DepRel, v, root int) {
	hoistOnto(heads, deps, v, func(i, h int) bool { return onChain(heads, int(heads[v]), h, root) })
	heads[v], deps[v] = -1, doc.DepRoot
	heads[root], deps[root] = int32(v), doc.DepNsubj
}

// hoistOnto moves onto the new predicate v each token after it whose head
// lies before it and that moves(token, head) allows, so that the tree
// stays projective. A nominal's modifier becomes the verb's: a clause
// (acl) an adverbial clause, a phrase (nmod) an oblique.
func hoistOnto(heads []int32, deps []doc.DepRel, v int, moves func(i, h int) bool) {
	for i := v + 1; i < len(heads); i++ {
		if h := heads[i]; h >= 0 && int(h) < v && moves(i, int(h)) {
			heads[i] = int32(v)
			switch deps[i] {
			case doc.DepAcl:
				deps[i] = doc.DepAdvcl
			case doc.DepNmod:
				deps[i] = doc.DepObl
			}
		}
	}
}

// conjoinedPredicate finds a finite verb that the parse made a conjunct
// of the nominal root, with the second noun phrase of a coordinated
// subject hung on the verb ("The Turkish minister and his Russian
// counterpart spoke by telephone", read as "minister and ... spoke"). A
// noun takes no finite verb as its conjunct: the noun phrase after the
// conjunction is the root's conjunct, and the verb the predicate (the
// caller makes it so). It returns -1 when the sentence is not so.
func conjoinedPredicate(tags []string, heads []int32, deps []doc.DepRel, root int) int {
	for v := root + 1; v < len(tags); v++ {
		if int(heads[v]) != root || deps[v] != doc.DepConj || !en.IsFiniteTag(tags[v]) || tags[v] == "MD" ||
			hasDependent(heads, deps, v, doc.DepNsubj) || hasDependent(heads, deps, v, doc.DepNsubjPass) {
			continue
		}
		cc, noun := -1, -1
		for k := root + 1; k < v; k++ {
			if int(heads[k]) != v {
				continue
			}
			switch {
			case tags[k] == "CC" && cc < 0:
				cc = k
			case cc >= 0 && isNominalTag(tags[k]):
				noun = k
			}
		}
		if cc < 0 || noun < 0 {
			return -1
		}
		for k := cc + 1; k < noun; k++ {
			if int(heads[k]) == v {
				heads[k] = int32(noun) // "his" in "and his counterpart"
			}
		}
		heads[noun], deps[noun] = int32(root), doc.DepConj
		heads[cc], deps[cc] = int32(noun), doc.DepCc
		return v
	}
	return -1
}

// attributivePreterite returns a regular -ed word (tagged VBN or JJ) that
// the parse made an adjective (amod) of the noun after it, right after
// another noun (adverbs aside), and that noun; or -1, -1.
func attributivePreterite(words, tags []string, heads []int32, deps []doc.DepRel) (v, n int) {
	for v := 1; v < len(tags); v++ {
		if deps[v] != doc.DepAmod || tags[v] != "VBN" && tags[v] != "JJ" || !regularPast(words[v]) {
			continue
		}
		n := int(heads[v])
		if n <= v || !en.IsNounTag(tags[n]) {
			continue
		}
		k := v - 1
		for k > 0 && tags[k] == "RB" {
			k--
		}
		if en.IsNounTag(tags[k]) {
			return v, n
		}
	}
	return -1, -1
}

// verblessPreterite returns the first irregular preterite of a full
// sentence that has no finite verb, which the tagger read as something
// else ("The army withdrew/NN from the city"), or -1. A complete English sentence has a finite verb, and these forms
// are preterites only (en.IsIrregularPreterite).
func verblessPreterite(words, tags []string) int {
	if !verblessSentence(tags) || words[len(words)-1] != "." {
		return -1 // a question or an exclamation may be a fragment
	}
	for i := 1; i < len(words); i++ {
		if en.IsIrregularPreterite(words[i]) {
			return i
		}
	}
	return -1
}

// predicateFromRoot rebuilds a sentence whose root is a preterite the
// tagger read as a noun: the nominal right before it that hangs on it
// (compound, amod) is its subject, with the determiners and modifiers
// before that, and its prepositional phrases are obliques.
func predicateFromRoot(tags []string, heads []int32, deps []doc.DepRel, v int) {
	subj := -1
	for k := v - 1; k >= 0; k-- {
		if int(heads[k]) == v && isNominalTag(tags[k]) {
			subj = k
			break
		}
	}
	if subj < 0 {
		return
	}
	deps[subj] = doc.DepNsubj
	for k := 0; k < subj; k++ {
		if int(heads[k]) == v {
			heads[k] = int32(subj)
		}
	}
	for k := v + 1; k < len(heads); k++ {
		if int(heads[k]) == v && deps[k] == doc.DepNmod {
			deps[k] = doc.DepObl
		}
	}
}

// verblessSentence reports a sentence that ends with a full stop, a
// question or an exclamation mark and has no finite verb or modal.
func verblessSentence(tags []string) bool {
	if len(tags) == 0 || tags[len(tags)-1] != "." {
		return false
	}
	for _, t := range tags {
		if en.IsFiniteTag(t) {
			return false
		}
	}
	return true
}

// regularPast reports an -ed form, which is both the preterite and the
// participle of a regular verb.
func regularPast(w string) bool {
	return len(w) > 3 && (w[len(w)-2:] == "ed" || w[len(w)-2:] == "ED")
}

// hasByPhrase reports a dependent of v marked by "by", the agent of a
// passive.
func hasByPhrase(words []string, heads []int32, v int) bool {
	for c := range heads {
		if heads[c] != int32(v) {
			continue
		}
		for m := range heads {
			if heads[m] == int32(c) && m < c && words[m] == "by" {
				return true
			}
		}
	}
	return false
}

// isNominalTag reports a Penn tag that heads a noun phrase, or a
// quantifier the parser may take for its head ("More than fifty
// firefighters", "Some of the guards").
func isNominalTag(t string) bool {
	switch t {
	case "PRP", "CD", "DT", "JJR", "JJS":
		return true
	}
	return en.IsNounTag(t)
}

// isClause reports whether the nominal root is the predicate of a clause
// already: a copular one ("the toll is the highest") or one with a subject.
func isClause(heads []int32, deps []doc.DepRel, root int) bool {
	for i, h := range heads {
		if h != int32(root) {
			continue
		}
		switch deps[i].Base() {
		case doc.DepCop, doc.DepNsubj, doc.DepCsubj, doc.DepExpl:
			return true
		}
	}
	return false
}

// hasDependent reports a dependent of k with relation rel.
func hasDependent(heads []int32, deps []doc.DepRel, k int, rel doc.DepRel) bool {
	for i, h := range heads {
		if h == int32(k) && deps[i] == rel {
			return true
		}
	}
	return false
}

func hasLeftDependent(heads []int32, v int) bool {
	for i := 0; i < v; i++ {
		if heads[i] == int32(v) {
			return true
		}
	}
	return false
}

// descends reports whether top is k or one of its ancestors with no
// apposition on the way: below an apposition the subject could be either
// noun phrase ("BEIRUT — A truce ... collapsed", "Mexico, the country
// where it began, has ...").
func descends(heads []int32, deps []doc.DepRel, k, top int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == top {
			return true
		}
		if deps[k] == doc.DepAppos {
			return false
		}
		k = int(heads[k])
	}
	return false
}

// onChain reports whether h lies on the path from k up to top.
func onChain(heads []int32, k, h, top int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == h {
			return true
		}
		if k == top {
			return false
		}
		k = int(heads[k])
	}
	return false
}

// Relations the grammar rules out are relabelled, after the
// predicate repairs above.
//
// A passive subject needs a passive: a form of "be" or "get" before the
// participle (aux:pass). A participle whose only auxiliary is a form of
// "have" is an active perfect ("Rebels have seized the town"), so a
// subject the parse marked nsubj:pass there is its nsubj; the event stage
// would otherwise make the doer the one done to.
//
// A noun takes a subject only as the predicate of a copular clause ("Paris
// is the capital"). A noun that is itself a verb's argument, with no
// copula, cannot have one; a noun the parse made its subject from inside
// its own premodifiers ("US" in "US drone strikes have killed") is a
// compound modifier, as "drone" is.

// "According to" is a preposition of two words (UD: "according" is the
// case marker of the noun phrase after "to", which is fixed on it). The
// parser, seeing a sentence open with a participle, may make "according"
// an adverbial clause and the phrase after "to" a subject ("According to
// the UN, troops shelled the camp" with "the UN" as a second subject of
// "shelled"). A source is an oblique, never an argument: the phrase's
// head becomes an obl with "according" as its case.

// "After", "before", "since", "until" and "as" are prepositions and
// subordinators both (Huddleston and Pullum 2002, ch. 7.2: prepositions
// taking clausal complements). The greedy parser, having read "after a
// Chinese vessel" as a prepositional phrase, cannot take it back when a
// finite verb follows ("protested after a Chinese vessel fired water
// cannon"), and hangs the verb on the main clause as a conjunct. A noun
// phrase followed at once by a finite verb that has no subject is that
// verb's subject, so the word is the clause's subordinator: the verb
// becomes an adverbial clause of the word the phrase hung on, the noun its
// subject and the word its mark.
func repairSubordinateClauses(words, tags []string, heads []int32, deps []doc.DepRel) {
	n := len(tags)
	for a := 0; a+2 < n; a++ {
		if deps[a] != doc.DepCase || !en.IsSubordinator(words[a]) {
			continue
		}
		subj := int(heads[a])
		if subj <= a || !isNominalTag(tags[subj]) {
			continue
		}
		h := int(heads[subj])
		if h < 0 {
			continue
		}
		// The phrase ends where its words stop descending from its head.
		end := subj
		for k := subj + 1; k < n && descends(heads, deps, k, subj); k++ {
			end = k
		}
		k := end + 1
		if k >= n {
			continue
		}
		verb := k
		if r := deps[k].Base(); r == doc.DepAux && int(heads[k]) > k {
			verb = int(heads[k])
		}
		if en.IsFiniteTag(tags[k]) && objectTakenForSubject(tags, heads, deps, h, verb) {
			// "called off their strike after the government agreed":
			// the parse made the main verb's object, with the phrase
			// on it, the subject of the clause. The object goes back
			// to its verb, and the clause is rebuilt below as an
			// adverbial clause of that verb.
			main := int(heads[verb])
			heads[h], deps[h] = int32(main), doc.DepObj
			h = main
		} else if !en.IsFiniteTag(tags[k]) || verb == h || (int(heads[verb]) != h && int(heads[verb]) != subj) ||
			hasDependent(heads, deps, verb, doc.DepNsubj) || hasDependent(heads, deps, verb, doc.DepNsubjPass) ||
			onChain(heads, h, verb, -1) {
			continue
		}
		heads[verb], deps[verb] = int32(h), doc.DepAdvcl
		heads[subj], deps[subj] = int32(verb), doc.DepNsubj
		if hasDependent(heads, deps, verb, doc.DepAuxPass) {
			deps[subj] = doc.DepNsubjPass
		}
		heads[a], deps[a] = int32(verb), doc.DepMark
	}
}

// objectTakenForSubject reports a noun h that the parse made the active
// subject of verb, where verb is an adverbial clause or conjunct of a
// main verb before h that has no object of its own, and h a noun after
// that main verb: the noun is the main verb's object, read as the
// clause's subject because the subordinator's phrase hung on it.
func objectTakenForSubject(tags []string, heads []int32, deps []doc.DepRel, h, verb int) bool {
	if h < 0 || int(heads[h]) != verb || deps[h] != doc.DepNsubj || !isNominalTag(tags[h]) {
		return false
	}
	main := int(heads[verb])
	if main < 0 || main >= h || !strings.HasPrefix(tags[main], "VB") || hasDependent(heads, deps, main, doc.DepObj) {
		return false
	}
	switch deps[verb] {
	case doc.DepAdvcl, doc.DepConj:
		return true
	}
	return false
}

// Only a form of "be", "have", "do", passive "get" or a modal is an
// auxiliary (en.IsAuxiliary). A parse that makes another verb the
// auxiliary of a participle right after it ("The rebels reject/aux
// proposed changes", read as a passive of "propose") has misread an
// attributive participle: the verb is the predicate, the participle a
// modifier of the noun after it, and that noun the verb's object, which
// repairFalseAuxiliaries rebuilds.
func repairFalseAuxiliaries(words, tags []string, heads []int32, deps []doc.DepRel) {
	n := len(tags)
	for a := 0; a+2 < n; a++ {
		v := a + 1
		if deps[a].Base() != doc.DepAux || int(heads[a]) != v || !strings.HasPrefix(tags[a], "VB") ||
			en.IsAuxiliary(words[a]) || (tags[v] != "VBN" && tags[v] != "VBG") {
			continue
		}
		obj := -1
		for k := v + 1; k < n; k++ {
			if int(heads[k]) == v && deps[k] == doc.DepObj {
				obj = k
				break
			}
		}
		if obj < 0 {
			continue
		}
		for k := 0; k < n; k++ {
			if int(heads[k]) != v || k == a || k == obj {
				continue
			}
			heads[k] = int32(a)
			if deps[k] == doc.DepNsubjPass {
				deps[k] = doc.DepNsubj
			}
		}
		heads[a], deps[a] = heads[v], deps[v]
		heads[obj], deps[obj] = int32(a), doc.DepObj
		heads[v], deps[v] = int32(obj), doc.DepAmod
	}
}

// A subordinator marks a clause (UD mark); a noun cannot. The parser,
// which rarely saw "X along with Y" in training, makes X a mark of the
// verb and Y its subject ("Kenya along with its allies condemned the
// attack"). A noun marked so before its verb is the verb's subject; a
// subject the verb already has between them, in a phrase marked "with",
// is the noun's companion (nmod), and "along" or "together" before it
// belongs to that phrase.
func repairNominalMarks(words, tags []string, heads []int32, deps []doc.DepRel) {
	for i := range tags {
		v := int(heads[i])
		if deps[i] != doc.DepMark || v <= i || !isNominalTag(tags[i]) || i+1 < len(tags) && tags[i+1] == "POS" {
			// A possessor ("Qatar's ... Office") is another misparse.
			continue
		}
		subj := -1
		for k := i + 1; k < v; k++ {
			if int(heads[k]) == v && (deps[k] == doc.DepNsubj || deps[k] == doc.DepNsubjPass) {
				subj = k
				break
			}
		}
		if subj >= 0 {
			with := false
			for k := i + 1; k < subj; k++ {
				if int(heads[k]) == subj && deps[k] == doc.DepCase && words[k] == "with" {
					with = true
				}
			}
			if !with {
				continue
			}
			for k := i + 1; k < subj; k++ {
				if w := words[k]; int(heads[k]) == v && (w == "along" || w == "together") {
					heads[k], deps[k] = int32(subj), doc.DepCase
				}
			}
			heads[subj], deps[subj] = int32(i), doc.DepNmod
		}
		deps[i] = doc.DepNsubj
	}
}

// A clause marked "that" is a content clause (UD ccomp), never an
// adverbial one: "that" is no adverbial subordinator but in "so that",
// "now that", "such that" and "in order that". The parser sometimes
// labels a demanded or reported clause advcl ("demanding that Mugabe
// abandon the policy"), and the event stage reads what an advcl says as
// the circumstances of its head rather than its content.
func repairThatClauses(words, tags []string, heads []int32, deps []doc.DepRel) {
	for v := range deps {
		if deps[v] != doc.DepAdvcl {
			continue
		}
		that := -1
		for k := 0; k < v; k++ {
			if int(heads[k]) == v && deps[k] == doc.DepMark {
				if that >= 0 || words[k] != "that" {
					that = -2 // another mark, or two
				} else {
					that = k
				}
			}
		}
		if that < 0 {
			continue
		}
		if that > 0 {
			switch words[that-1] {
			case "so", "now", "such", "order":
				continue
			}
		}
		deps[v] = doc.DepCcomp
	}
}

// A clause has one subject. Where the parse gives a verb two, and the
// first has a finite verb as its conjunct before the second ("A bombing
// on Sunday killed one soldier, the military said", read as "bombing ...
// and killed ..., the military said"), the first with its verb is the
// reported clause: the verb, which a noun cannot take as a conjunct, is
// the reporting verb's complement (ccomp) and the noun its subject.
func repairReportedClauses(tags []string, heads []int32, deps []doc.DepRel) {
	// Subjects are few, and a finite conjunct of one rarer: each subject
	// is scanned for one, and only then is its verb's other subject
	// sought, so a sentence costs about one pass per subject.
	for first := range tags {
		h := int(heads[first])
		if h < 0 || deps[first].Base() != doc.DepNsubj || !isNominalTag(tags[first]) {
			continue
		}
		v := -1
		for k := first + 1; k < len(tags); k++ {
			if int(heads[k]) == first && deps[k] == doc.DepConj && en.IsFiniteTag(tags[k]) && tags[k] != "MD" {
				v = k
				break
			}
		}
		if v < 0 || hasDependent(heads, deps, v, doc.DepNsubj) || hasDependent(heads, deps, v, doc.DepNsubjPass) {
			continue
		}
		second, n := -1, 0
		for k := range heads {
			if int(heads[k]) == h && deps[k].Base() == doc.DepNsubj {
				n++
				if k != first {
					second = k
				}
			}
		}
		if n != 2 || second < v {
			continue
		}
		heads[v], deps[v] = int32(h), doc.DepCcomp
		heads[first], deps[first] = int32(v), doc.DepNsubj
		// The noun's other dependents after the verb (a cc, the
		// verb's own conjuncts) go with the verb.
		for k := v + 1; k < len(heads); k++ {
			if int(heads[k]) == first {
				heads[k] = int32(v)
			}
		}
	}
}

// A reporting clause may follow what it reports, after a comma (Quirk et
// al. 1985, 14.30: "Rebels took the town, officials said"). Its verb then
// has a subject of its own and no complement after it, because the
// sentence before the comma is its complement; UD makes the reporting
// verb the root and the reported clause its ccomp. The greedy parser, with
// the reported clause already built as the root, may hang the reporting
// verb on it as an open complement (xcomp, which takes no subject) or an
// object (a finite clause is none). repairTrailingReports rebuilds the
// tree the UD way.
func repairTrailingReports(tags []string, heads []int32, deps []doc.DepRel) {
	n := len(heads)
	end := n
	for end > 0 && deps[end-1] == doc.DepPunct {
		end--
	}
	for r := end - 1; r > 0; r-- {
		h := int(heads[r])
		if h < 0 || heads[h] >= 0 || h > r || !en.IsFiniteTag(tags[r]) || tags[r] == "MD" {
			continue
		}
		if deps[r] != doc.DepXcomp && deps[r] != doc.DepObj {
			// A conjunct or parataxis may be a clause of its own (a
			// comma splice, "..., her hands shake"); only relations a
			// finite verb with a subject cannot have are repaired.
			return
		}
		subj := -1
		for c := h + 1; c < n; c++ {
			if int(heads[c]) != r {
				continue
			}
			switch rel := deps[c]; {
			case c < r && rel.Base() == doc.DepNsubj:
				subj = c
			case c < r && (rel == doc.DepAux || rel == doc.DepAdvmod || rel == doc.DepPunct):
			case c > r && (rel.Base() == doc.DepObl || rel == doc.DepAdvmod || rel == doc.DepPunct):
			default:
				return // a complement, a conjunction or a mark of its own
			}
		}
		if subj < 0 {
			return
		}
		// The comma may hang on the subject, or before it.
		if first := leftmostOf(heads, subj); tags[first] != "," && (first < 1 || tags[first-1] != ",") {
			return
		}
		if rightmostOf(heads, r) < end-1 {
			return
		}
		heads[r], deps[r] = -1, doc.DepRoot
		heads[h], deps[h] = int32(r), doc.DepCcomp
		for k := r + 1; k < n; k++ {
			if int(heads[k]) == h {
				heads[k] = int32(r) // the closing stop
			}
		}
		return
	}
}

// leftmostOf and rightmostOf return the first and last token of the
// subtree of k.
func leftmostOf(heads []int32, k int) int {
	first := k
	for i := range heads {
		if i < first && dominates(heads, k, i) {
			first = i
		}
	}
	return first
}

func rightmostOf(heads []int32, k int) int {
	last := k
	for i := len(heads) - 1; i > last; i-- {
		if dominates(heads, k, i) {
			return i
		}
	}
	return last
}

// dominates reports whether a is k or one of its ancestors.
func dominates(heads []int32, a, k int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == a {
			return true
		}
		k = int(heads[k])
	}
	return false
}

// An open or content complement takes no subordinator: "after", "when",
// "because" and the like open adverbial clauses (UD advcl). A clause the
// parse made an xcomp or ccomp with such a mark ("were killed after
// rebels ambushed their convoy", with "ambushed" an xcomp) is an advcl;
// "if" and "whether" open content clauses too (questions), and stay.
func repairMarkedComplements(words []string, heads []int32, deps []doc.DepRel) {
	for k := range deps {
		if deps[k] != doc.DepMark {
			continue
		}
		v := int(heads[k])
		if v <= k || deps[v] != doc.DepXcomp && deps[v] != doc.DepCcomp {
			continue
		}
		if w := words[k]; en.IsSubordinator(w) && w != "if" && w != "whether" {
			deps[v] = doc.DepAdvcl
		}
	}
}

// An adjectival modifier takes no subject and no auxiliary: a participle
// the parse made an amod of the noun after it while giving it both ("that
// it had supplied/amod drones") is the verb of a clause, and that noun its
// object. The verb takes the noun's place in the tree.
func repairClausalModifiers(tags []string, heads []int32, deps []doc.DepRel) {
	for v := range tags {
		n := int(heads[v])
		if deps[v] != doc.DepAmod || n != v+1 || !isNominalTag(tags[n]) || !strings.HasPrefix(tags[v], "VB") {
			continue
		}
		subject, aux := false, false
		for k := 0; k < v; k++ {
			if int(heads[k]) != v {
				continue
			}
			switch deps[k].Base() {
			case doc.DepNsubj:
				subject = true
			case doc.DepAux:
				aux = true
			}
		}
		if !subject || !aux {
			continue
		}
		heads[v], deps[v] = heads[n], deps[n]
		heads[n], deps[n] = int32(v), doc.DepObj
	}
}

// A form of "have" right before a past participle, with only adverbs and
// "been" between them, is the participle's perfect auxiliary ("Both
// sides have since been accused"). The parser, which reads "since" as a
// subordinator, may make "have" the main verb and the participle a clause
// under it; repairStrandedPerfects rebuilds the verb phrase: the
// participle takes "have"'s place and dependents, "have" becomes its aux,
// and a word between them marked as a subordinator is an adverb.
func repairStrandedPerfects(words, tags []string, heads []int32, deps []doc.DepRel) {
	for w := range tags {
		if !en.IsFiniteTag(tags[w]) || deps[w].Base() == doc.DepAux || !en.IsPerfectAuxiliary(words[w]) {
			continue
		}
		v := -1
		for k := w + 1; k < len(tags); k++ {
			if tags[k] == "VBN" && !en.IsParticipleAuxiliary(words[k]) {
				v = k
				break
			}
			if k > w+3 || !strings.HasPrefix(tags[k], "RB") && !(int(heads[k]) > k && deps[k].Base() == doc.DepMark && tags[k] == "IN") &&
				!(tags[k] == "VBN" && en.IsParticipleAuxiliary(words[k])) {
				break // "had to be postponed": "to" makes no perfect
			}
		}
		if v < 0 || int(heads[v]) != w {
			continue
		}
		switch deps[v] {
		case doc.DepCcomp, doc.DepAdvcl, doc.DepXcomp:
		default:
			continue
		}
		passive := hasDependent(heads, deps, v, doc.DepAuxPass)
		for k := range heads {
			switch {
			case int(heads[k]) == w && k != v:
				heads[k] = int32(v)
				if passive && deps[k] == doc.DepNsubj {
					deps[k] = doc.DepNsubjPass
				}
			case int(heads[k]) == v && k > w && k < v && deps[k] == doc.DepMark:
				deps[k] = doc.DepAdvmod
			}
		}
		heads[v], deps[v] = heads[w], deps[w]
		heads[w], deps[w] = int32(v), doc.DepAux
	}
}

// repairRelations relabels passive subjects of active perfects, subjects
// of argument nouns, bare subjects the parse left as modifiers, and the
// phrase after "according to".
func repairRelations(words, tags []string, heads []int32, deps []doc.DepRel) {
	repairAccordingTo(words, tags, heads, deps)
	repairGerundClauses(tags, heads, deps)
	repairCoordinatedSubjects(words, tags, heads, deps)
	repairSubordinateClauses(words, tags, heads, deps)
	repairFalseAuxiliaries(words, tags, heads, deps)
	repairNominalMarks(words, tags, heads, deps)
	repairThatClauses(words, tags, heads, deps)
	repairReportedClauses(tags, heads, deps)
	repairTrailingReports(tags, heads, deps)
	repairClausalModifiers(tags, heads, deps)
	repairStrandedPerfects(words, tags, heads, deps)
	repairMarkedComplements(words, heads, deps)
	for i, h := range heads {
		if h < 0 {
			continue
		}
		switch deps[i] {
		case doc.DepNsubjPass:
			if activePerfect(words, heads, deps, int(h)) {
				deps[i] = doc.DepNsubj
			}
		case doc.DepCsubjPass:
			if activePerfect(words, heads, deps, int(h)) {
				deps[i] = doc.DepCsubj
			}
		case doc.DepNsubj:
			if premodifierSubject(tags, heads, deps, i, int(h)) {
				deps[i] = doc.DepCompound
			}
		case doc.DepNmod, doc.DepObl, doc.DepOblUnmarked, doc.DepUnspecified:
			if bareSubject(tags, heads, deps, i, int(h)) {
				deps[i] = doc.DepNsubj
			}
		}
	}
}

// bareSubject reports a noun phrase i before the finite verb h, with no
// preposition, where h has no subject: English puts a finite verb's
// subject there, and nominal modifiers (nmod) do not hang on verbs.
func bareSubject(tags []string, heads []int32, deps []doc.DepRel, i, h int) bool {
	if i > h || !en.IsFiniteTag(tags[h]) || tags[h] == "MD" || !en.IsNounTag(tags[i]) && tags[i] != "PRP" {
		return false
	}
	for c, hc := range heads {
		if hc == int32(h) {
			switch deps[c].Base() {
			case doc.DepNsubj, doc.DepCsubj, doc.DepExpl:
				return false
			}
			if c < i {
				switch deps[c] {
				case doc.DepPunct, doc.DepCc, doc.DepAdvmod, doc.DepMark:
				default:
					// Only the clause's first phrase: after another
					// ("Monday", "In May") it may be the second of
					// two obliques.
					return false
				}
			}
		}
		if hc == int32(i) && deps[c] == doc.DepCase {
			return false
		}
	}
	return true
}

// activePerfect reports a verb with a perfect auxiliary ("has", "had")
// and no passive one ("been", "got").
func activePerfect(words []string, heads []int32, deps []doc.DepRel, v int) bool {
	perfect := false
	for a, h := range heads {
		if h != int32(v) {
			continue
		}
		switch deps[a] {
		case doc.DepAuxPass:
			return false
		case doc.DepAux:
			// A form of "be" or "get" makes a passive, whatever the
			// parse called it.
			w := words[a]
			if en.IsParticipleAuxiliary(w) && !en.IsPerfectAuxiliary(w) {
				return false
			}
			perfect = perfect || en.IsPerfectAuxiliary(w)
		}
	}
	return perfect
}

// premodifierSubject reports a noun i that the parse made the subject of
// the noun h after it, where h is a verb's argument without a copula and
// everything between them modifies h, or is part of i's own name ("US
// Predator attacks": flat, compound).
func premodifierSubject(tags []string, heads []int32, deps []doc.DepRel, i, h int) bool {
	if i > h || !en.IsNounTag(tags[i]) || !en.IsNounTag(tags[h]) || hasDependent(heads, deps, h, doc.DepCop) {
		return false
	}
	switch deps[h].Base() {
	case doc.DepNsubj, doc.DepObj, doc.DepIobj, doc.DepObl:
	default:
		return false
	}
	for k := i + 1; k < h; k++ {
		if heads[k] != int32(h) && (heads[k] != int32(i) || deps[k] != doc.DepFlat && deps[k] != doc.DepCompound) {
			return false
		}
	}
	return true
}

// repairAccordingTo makes each "according to X" phrase an oblique of the
// word X hangs on, with "according" its case marker and "to" fixed on it.
func repairAccordingTo(words, tags []string, heads []int32, deps []doc.DepRel) {
	n := len(heads)
	for a := 0; a+2 < n; a++ {
		if !strings.EqualFold(words[a], "according") || !strings.EqualFold(words[a+1], "to") {
			continue
		}
		// The phrase's head: follow heads rightward inside the phrase
		// until one leaves it.
		x := a + 2
		for steps := 0; steps < n; steps++ {
			h := int(heads[x])
			if h <= x || h >= n || !premodifier(deps[x]) {
				break
			}
			x = h
		}
		h := int(heads[x])
		if h == a || h < 0 || onChain(heads, x, a, -1) || onChain(heads, x, a+1, -1) {
			// The parse hung the phrase on "according" itself (or on
			// "to"), or made it the root: leave such a tree alone;
			// hanging "according" on the phrase would close a cycle.
			continue
		}
		switch deps[x].Base() {
		case doc.DepNsubj, doc.DepObj, doc.DepIobj, doc.DepCsubj:
			deps[x] = doc.DepObl
		case doc.DepCcomp, doc.DepXcomp, doc.DepAdvcl, doc.DepParataxis:
			// A clause's relation on a noun phrase.
			if en.IsNounTag(tags[x]) || tags[x] == "PRP" {
				deps[x] = doc.DepObl
			}
		}
		if heads[a] != int32(x) && !crosses(heads, a, x, a+1) {
			heads[a], deps[a] = int32(x), doc.DepCase
			heads[a+1], deps[a+1] = int32(a), doc.DepFixed
		}
	}
}

// premodifier reports the relations of the words of a noun phrase before
// its head: "the", "latest", "police", "two", "the ministry's".
func premodifier(r doc.DepRel) bool {
	switch r.Base() {
	case doc.DepDet, doc.DepAmod, doc.DepCompound, doc.DepNummod, doc.DepFlat:
		return true
	}
	return r == doc.DepNmodPoss
}

// crosses reports whether an arc between tokens a and x (a < x) would
// cross another: some token strictly between them, other than exempt
// (which the caller re-hangs with the arc), with its head outside [a, x],
// or a token outside with its head strictly between.
func crosses(heads []int32, a, x, exempt int) bool {
	for k, h := range heads {
		if k == a || h < 0 {
			continue
		}
		inside := k > a && k < x
		headInside := int(h) >= a && int(h) <= x
		if inside && !headInside && k != exempt {
			return true
		}
		if !inside && k != x && int(h) > a && int(h) < x {
			return true
		}
	}
	return false
}

// A premodifier and its noun are never parted by a preposition, but in
// "accused Kenya of funding militias" the parser may read "Kenya of
// funding militias" as one noun phrase, with "Kenya" and "funding" both
// modifying "militias". A gerund after a preposition heads a clause, the
// preposition's complement: repairGerundClauses makes the noun phrase
// before the preposition the verb's argument, in the noun's place, and
// the gerund an adverbial clause of the verb with the noun as its object
// ("accused [Kenya] [of funding militias]").

// repairGerundClauses rebuilds "V NP PREP VBG NOUN" where the parse hung
// the first noun phrase and the gerund on the last noun.
func repairGerundClauses(tags []string, heads []int32, deps []doc.DepRel) {
	n := len(heads)
	for g := 2; g < n; g++ {
		if tags[g] != "VBG" || tags[g-1] != "IN" {
			continue
		}
		switch deps[g] {
		case doc.DepAmod, doc.DepCompound:
		default:
			continue
		}
		h := int(heads[g])
		if h <= g || h >= n || !en.IsNounTag(tags[h]) || heads[h] < 0 {
			continue
		}
		v := int(heads[h])
		if v >= g-1 || !strings.HasPrefix(tags[v], "VB") {
			continue
		}
		// The noun phrase before the preposition that hangs on the
		// noun across it.
		i := -1
		for c := g - 2; c > v; c-- {
			if int(heads[c]) == h && (en.IsNounTag(tags[c]) || tags[c] == "PRP") {
				i = c
				break
			}
		}
		if i < 0 {
			continue
		}
		for c := v + 1; c < g-1; c++ {
			if c != i && int(heads[c]) == h {
				heads[c] = int32(i)
			}
		}
		heads[i], deps[i] = int32(v), deps[h]
		heads[g-1], deps[g-1] = int32(g), doc.DepMark
		heads[g], deps[g] = int32(v), doc.DepAdvcl
		heads[h], deps[h] = int32(g), doc.DepObj
	}
}

// repairCoordinatedSubjects rejoins a coordinated subject the parse split
// into two subjects of one verb ("The army and the militia have been
// fighting" read with "army" and "militia" both nsubj of "fighting"). A
// clause has one subject (UD: nsubj is not repeated); two before their
// verb with a coordinating conjunction between them are one subject's
// conjuncts, so the second becomes a conj of the first and the
// conjunction its cc. Only where nothing else can be meant: the first has
// no preposition, no verb stands between them, and only the verb's
// auxiliaries and adverbs after the second.
func repairCoordinatedSubjects(words, tags []string, heads []int32, deps []doc.DepRel) {
	for b, h := range heads {
		if h < 0 || deps[b] != doc.DepNsubj || int(h) < b {
			continue
		}
		a := -1
		for k := b - 1; k >= 0; k-- {
			if heads[k] == h && deps[k] == doc.DepNsubj {
				a = k
				break
			}
		}
		if a < 0 {
			continue
		}
		cc := -1
		for k := a + 1; k < b; k++ {
			if tags[k] == "CC" && joinsSubjects(words[k]) && (heads[k] == h || heads[k] == int32(b)) {
				cc = k
			}
		}
		// The conjunction opens the second conjunct, and the first
		// conjunct's phrase ends before it (the arc a -> b then crosses
		// no other). A subject has no preposition.
		if cc < 0 || hasDependent(heads, deps, a, doc.DepCase) || crosses(heads, a, b, cc) ||
			!nominalBetween(tags, a, b) || !auxiliariesBetween(heads, deps, b, int(h)) {
			continue
		}
		heads[b], deps[b] = int32(a), doc.DepConj
		heads[cc], deps[cc] = int32(b), doc.DepCc
	}
}

// joinsSubjects reports a conjunction that joins a subject's conjuncts:
// "and", "or", "nor". "But" joins clauses ("the rebels agreed but the
// army refused"), whose subjects a broken parse may hang on one verb.
func joinsSubjects(w string) bool {
	switch w {
	case "and", "or", "nor", "&":
		return true
	}
	return false
}

// nominalBetween reports no verb, dash, colon or bracket between tokens a
// and b: both are one noun phrase's conjuncts only when no clause or
// other phrase sits between them.
func nominalBetween(tags []string, a, b int) bool {
	for k := a + 1; k < b; k++ {
		switch t := tags[k]; {
		case strings.HasPrefix(t, "VB"), t == "MD":
			return false
		case t == ":", t == "(", t == ")", t == "-LRB-", t == "-RRB-":
			// A dash, colon or bracket ends a phrase (a dateline
			// before the sentence: "KHARTOUM, May 21 (AP) — ...").
			return false
		}
	}
	return true
}

// auxiliariesBetween reports that only the verb's auxiliaries, negation
// and adverbs stand between the end of subject b's phrase and verb h.
func auxiliariesBetween(heads []int32, deps []doc.DepRel, b, h int) bool {
	for k := b + 1; k < h; k++ {
		if heads[k] == int32(h) {
			switch deps[k].Base() {
			case doc.DepAux, doc.DepAdvmod:
				continue
			}
			return false
		}
		if !descends(heads, deps, k, b) {
			return false
		}
	}
	return true
}
