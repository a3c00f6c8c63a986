package parse

import (
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lang/en"
)

// A reduced relative with a prepositional phrase is the classic garden
// path of news English: "Gunmen armed with rifles stormed a bank",
// "Rebels backed by the army seized the town", "Troops stationed near the
// border shelled a village". The greedy parser commits to the first -ed
// form as the predicate before it sees the second, and then hangs the
// real predicate wherever it can: as a clause on the prepositional
// object, a conjunct without a conjunction, a complement or a parataxis.
//
// English settles it by the second verb. In
//
//	NOUN  V1-ed  PREP NOUN-PHRASE  V2  OBJECT
//
// V2 follows a noun phrase with no conjunction, relative word or comma
// before it, and takes an object. A reduced relative's participle is
// passive and so takes no object of its own (Huddleston and Pullum 2002,
// ch. 12.7; Quirk et al. 1985, 17.16), so V2 is no clause on the
// prepositional object; two finite clauses are not juxtaposed without a
// conjunction; so V2 is the predicate and V1 the reduced relative on the
// noun before it, the prepositional phrase V1's. repairReducedRelatives
// rebuilds that tree.
//
// It leaves alone a preposition that is a subordinator ("gathered after
// police fired tear gas"), an object that is a date ("rose in the quarter
// ended June 30"), a V2 with a "by" phrase (a passive), and a
// prepositional phrase that the parse does not read as one phrase
// ("said on Monday gunmen stormed": "gunmen" is a subject of its own),
// and a V2 that is an auxiliary ("the cases confirmed on Monday were
// all men", whose predicate is the complement) or a complex-transitive
// participle, whose passive keeps a noun phrase after it ("seminars
// organized by a group called the Centre").

// repairReducedRelatives applies the repair to every such stretch of the
// sentence, in place.
func repairReducedRelatives(words, tags []string, heads []int32, deps []doc.DepRel) {
	for v1 := 1; v1+3 < len(tags); v1++ {
		if r, ok := findReducedRelative(words, tags, heads, deps, v1); ok {
			rebuildReducedRelative(words, tags, heads, deps, r)
		}
	}
}

// reducedRelative is the stretch of one garden path: the noun the
// relative modifies (noun), the head of its noun phrase when that noun
// sits in an "of" phrase or is a conjunct ("dozens of protesters armed
// with", "talks between Kenya and others involved in the dispute"), the
// participle, the prepositional object, the predicate, and the first
// token of the subject's phrase.
type reducedRelative struct {
	noun, subject, participle, object, predicate, start int
}

// findReducedRelative reports the garden path whose participle is v1.
func findReducedRelative(words, tags []string, heads []int32, deps []doc.DepRel, v1 int) (reducedRelative, bool) {
	r := reducedRelative{noun: v1 - 1, participle: v1}
	p := v1 + 1
	if tags[v1] != "VBN" && (tags[v1] != "VBD" || !regularPast(words[v1])) || !en.IsNounTag(tags[r.noun]) ||
		tags[p] != "IN" || deps[p] != doc.DepCase || en.IsSubordinator(words[p]) || words[p] == "that" ||
		hasDependent(heads, deps, v1, doc.DepAux) || hasDependent(heads, deps, v1, doc.DepAuxPass) {
		return r, false
	}
	v2 := p + 1
	for v2 < len(tags) && inNounPhrase(tags[v2]) {
		v2++
	}
	if v2 == p+1 || v2+1 >= len(tags) || !en.IsNounTag(tags[v2-1]) || !predicateTag(tags[v2]) ||
		en.IsAuxiliary(words[v2]) || en.IsComplexTransitiveParticiple(words[v2]) {
		return r, false
	}
	r.predicate = v2
	// The prepositional phrase is one phrase of the parse: one word of it
	// has its head outside it, a noun.
	r.object = -1
	for k := p; k < v2; k++ {
		if h := int(heads[k]); h < p || h >= v2 {
			if r.object >= 0 {
				return r, false
			}
			r.object = k
		}
	}
	if r.object < 0 || !isNominalTag(tags[r.object]) {
		return r, false
	}
	if !takesObject(words, tags, heads, deps, v2) {
		return r, false
	}
	r.subject = r.noun
	for (deps[r.subject] == doc.DepNmod || deps[r.subject] == doc.DepConj) && heads[r.subject] >= 0 && int(heads[r.subject]) < r.subject && isNominalTag(tags[heads[r.subject]]) {
		r.subject = int(heads[r.subject])
	}
	r.start = r.subject
	for r.start > 0 && inNounPhrase(tags[r.start-1]) {
		r.start--
	}
	return r, true
}

// inNounPhrase reports a word that may stand inside a noun phrase before
// its head or between coordinated nouns: a determiner, a number, a
// possessive, an adjective, a noun, a coordinator or a hyphen.
func inNounPhrase(tag string) bool {
	switch tag {
	case "DT", "PDT", "CD", "PRP$", "POS", "CC", "HYPH":
		return true
	}
	return strings.HasPrefix(tag, "JJ") || en.IsNounTag(tag)
}

// predicateTag reports a tag a predicate verb may have after a noun
// phrase: a preterite, a participle the tagger took for one, or a third
// person singular present.
func predicateTag(tag string) bool {
	return tag == "VBD" || tag == "VBN" || tag == "VBZ"
}

// takesObject reports a verb with a direct object right after it that is
// not a date (a reduced relative's "ended June 30" names a time, not an
// object) and no "by" phrase after it (a passive).
func takesObject(words, tags []string, heads []int32, deps []doc.DepRel, v int) bool {
	obj := -1
	for k := v + 1; k < len(heads); k++ {
		if words[k] == "by" && int(heads[k]) > v && int(heads[heads[k]]) == v {
			return false
		}
		if int(heads[k]) == v && deps[k] == doc.DepObj && obj < 0 {
			obj = k
		}
	}
	switch t := tags[v+1]; {
	case t == "DT" || t == "CD" || t == "PRP$" || t == "PRP" || strings.HasPrefix(t, "JJ") || en.IsNounTag(t):
		if obj < 0 {
			obj = v + 1
		}
	default:
		return false // "cases reported in the provinces"
	}
	return !en.IsMonthName(words[obj]) && !en.IsWeekdayName(words[obj]) &&
		!en.IsMonthName(words[v+1]) && !en.IsWeekdayName(words[v+1])
}

// rebuildReducedRelative makes r's predicate take the place in the tree
// of the highest of its words, the subject its nsubj, the participle a
// clause (acl) on its noun and the prepositional object the participle's
// oblique. It leaves the tree as it was when the result would not be a
// tree.
func rebuildReducedRelative(words, tags []string, heads []int32, deps []doc.DepRel, r reducedRelative) {
	oldHeads, oldDeps, oldTag := slices.Clone(heads), slices.Clone(deps), tags[r.predicate]
	members := []int{r.subject, r.noun, r.participle, r.object, r.predicate}
	// The highest of them, or of the subject's premodifiers, which the
	// parse may have made the head of the subject ("Kenyan soldiers"
	// read as Kenyan's object).
	phrase := slices.Clone(members)
	for k := r.start; k < r.subject; k++ {
		phrase = append(phrase, k)
	}
	top := -1
	for _, m := range phrase {
		if !slices.ContainsFunc(phrase, func(a int) bool { return a != m && dominates(heads, a, m) }) {
			if top >= 0 && top != m {
				return
			}
			top = m
		}
	}
	if top < 0 {
		return
	}
	head, rel := heads[top], deps[top]
	switch {
	case head < 0:
		rel = doc.DepRoot
	case top == r.predicate || top == r.participle:
	case strings.HasPrefix(tags[head], "VB") && deps[top] != doc.DepNsubj:
		rel = doc.DepCcomp // the noun phrase was the object of a verb of saying
	default:
		return
	}
	if head >= 0 && int(head) >= r.start && int(head) <= r.predicate {
		return
	}
	inside := func(k int) bool { return k >= r.start && k < r.predicate }
	for k := range heads {
		if k == r.predicate || slices.Contains(members, k) {
			continue
		}
		h := int(heads[k])
		switch {
		case k < r.start && (h == top || inside(h)):
			heads[k] = int32(r.predicate) // "On Monday," before the subject
		case k >= r.start && k < r.subject && (h < r.start || h > r.subject):
			heads[k], deps[k] = int32(r.subject), premodifierRel(tags[k]) // a premodifier of the subject
		}
	}
	heads[r.predicate], deps[r.predicate] = head, rel
	heads[r.subject], deps[r.subject] = int32(r.predicate), doc.DepNsubj
	heads[r.participle], deps[r.participle] = int32(r.noun), doc.DepAcl
	heads[r.object], deps[r.object] = int32(r.participle), doc.DepObl
	if words[r.participle+1] == "by" {
		deps[r.object] = doc.DepOblAgent
	}
	hoistOnto(heads, deps, r.predicate, func(i, h int) bool { return h >= r.start })
	if !isTree(heads) {
		copy(heads, oldHeads)
		copy(deps, oldDeps)
		return
	}
	tags[r.participle] = "VBN"
	if oldTag == "VBN" {
		tags[r.predicate] = "VBD"
	}
}

// isTree reports whether heads form one tree: a single root, and every
// word's chain of heads reaches it.
func isTree(heads []int32) bool {
	roots := 0
	for k, h := range heads {
		if h < 0 {
			roots++
			continue
		}
		if int(h) >= len(heads) || int(h) == k {
			return false
		}
		steps := 0
		for h >= 0 && steps <= len(heads) {
			h, steps = heads[h], steps+1
		}
		if steps > len(heads) {
			return false
		}
	}
	return roots == 1
}

// premodifierRel returns the relation of a word before a noun in its
// phrase, by its tag.
func premodifierRel(tag string) doc.DepRel {
	switch {
	case tag == "DT" || tag == "PDT":
		return doc.DepDet
	case tag == "CD":
		return doc.DepNummod
	case tag == "PRP$":
		return doc.DepNmodPoss
	case strings.HasPrefix(tag, "JJ"):
		return doc.DepAmod
	}
	return doc.DepCompound
}

// repairOfPhrases hangs an "of" phrase that the parse made an oblique of a
// verb after it on the noun right before its preposition. English verbs
// take "of" phrases only after them ("accused X of", "consists of"); one
// before the verb, right after a noun, is that noun's ("Thousands of
// teachers attended", read as "of teachers attended").
func repairOfPhrases(words, tags []string, heads []int32, deps []doc.DepRel) {
	for k := range heads {
		h := int(heads[k])
		if h <= k || deps[k].Base() != doc.DepObl || !strings.HasPrefix(tags[h], "VB") {
			continue
		}
		mk := caseMarkerOf(tags, heads, deps, k)
		if mk < 1 || words[mk] != "of" || !isNominalTag(tags[mk-1]) {
			continue
		}
		// The noun before "of" must itself hang on the verb or under it,
		// so that the phrase moves within one clause.
		n := mk - 1
		if !dominates(heads, h, n) || dominates(heads, k, n) {
			continue
		}
		heads[k], deps[k] = int32(n), doc.DepNmod
	}
}
