package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
)

// clauseIndex maps tokens to what the argument finder needs: the entity
// that starts or covers each token, and the chunk each token is in.
type clauseIndex struct {
	d        *doc.Doc
	lower    string
	entStart []int // token -> longest entity starting there, or -1
	entEnd   []int // entity -> token after its last token
	chunkOf  []int // token -> chunk index, or -1
}

func (ci *clauseIndex) reset(d *doc.Doc) {
	ci.d = d
	ci.lower = d.Lower
	n := len(d.Tokens)
	ci.entStart = grow(ci.entStart, n)
	ci.chunkOf = grow(ci.chunkOf, n)
	for i := range ci.entStart {
		ci.entStart[i] = -1
		ci.chunkOf[i] = -1
	}
	ci.entEnd = grow(ci.entEnd, len(d.Entities))
	for ei, e := range d.Entities {
		k := tokenAtOrAfter(d, e.Start, 0)
		if k >= n {
			ci.entEnd[ei] = n
			continue
		}
		end := tokenAtOrAfter(d, e.End, k)
		ci.entEnd[ei] = end
		if cur := ci.entStart[k]; cur < 0 || d.Entities[cur].End < e.End {
			ci.entStart[k] = ei
		}
	}
	for c, ch := range d.Chunks {
		for k := ch.FirstToken; k < ch.EndToken && k < n; k++ {
			ci.chunkOf[k] = c
		}
	}
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// tokenAtOrAfter returns the first token whose start is >= off.
func tokenAtOrAfter(d *doc.Doc, off, lo int) int {
	hi := len(d.Tokens)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if d.Tokens[m].Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (ci *clauseIndex) tok(k int) string {
	t := ci.d.Tokens[k]
	return ci.lower[t.Start:t.End]
}

func (ci *clauseIndex) tag(k int) string { return ci.d.Tokens[k].Tag }

// prepositions that make a following noun phrase an oblique, not a subject.
var prepositions = map[string]bool{
	"in": true, "of": true, "for": true, "with": true, "to": true, "from": true, "on": true, "at": true,
	"by": true, "against": true, "despite": true, "about": true, "over": true, "into": true, "near": true,
	"after": true, "before": true, "during": true, "under": true, "between": true, "among": true, "amid": true,
	"than": true, "toward": true, "towards": true, "through": true, "across": true, "via": true, "like": true,
}

// clauseBreaks end the search for a subject to the left of a verb.
var clauseBreaks = map[string]bool{
	"that": true, ";": true, ":": true, "because": true, "while": true, "although": true, "though": true,
	"if": true, "unless": true, "when": true, "whereas": true, "but": true, "since": true, "after": true,
	"before": true, "as": true, "where": true, "which": true, "who": true, "so": true, "\"": true, "“": true,
	"”": true, "(": true, ")": true,
}

var relativePronouns = map[string]bool{"that": true, "which": true, "who": true, "whom": true}

// vgBounds returns the verb group around token t, or [t, t+1).
func (ci *clauseIndex) vgBounds(t int) (int, int) {
	if c := ci.chunkOf[t]; c >= 0 && ci.d.Chunks[c].Kind == doc.VerbGroup {
		return ci.d.Chunks[c].FirstToken, ci.d.Chunks[c].EndToken
	}
	return t, t + 1
}

// subjects finds the actor entities of the clause whose verb group starts
// at vg, within sentence s: the leftmost entity of the clause that is not
// the object of a preposition (a possessor counts: "despite Armenia's
// attempts"), plus those coordinated with it; or, after a relative
// pronoun, the entity the relative clause hangs on.
func (ci *clauseIndex) subjects(s doc.Sentence, vg int) []int {
	d := ci.d
	k := vg - 1
	for k >= s.FirstToken && (ci.tag(k) == "RB" || ci.tag(k) == "MD") {
		k--
	}
	if k >= s.FirstToken && relativePronouns[ci.tok(k)] {
		return ci.entitiesEndingAt(s, k)
	}
	start := ci.clauseStart(s, vg)
	if start < vg && start > s.FirstToken && (ci.unresolvedPronoun(vg-1) || ci.unresolvedPronoun(start)) {
		// "Syria says it will withdraw", "Uganda said that it had paid":
		// a pronoun the actor stage left unresolved stands for the
		// subject of the clause that reports it.
		k := start - 1
		if ci.tok(k) == "that" && k > s.FirstToken {
			k--
		}
		if reportingVerbs[ci.tok(k)] {
			vs, _ := ci.vgBounds(k)
			if vs < vg {
				return ci.subjects(s, vs)
			}
		}
	}
	limit := ci.coordinatedLimit(s, start, vg)
	for j := start; j < limit; j++ {
		e := ci.entStart[j]
		if e < 0 {
			continue
		}
		end := ci.entEnd[e]
		possessor := end < len(d.Tokens) && (ci.tok(end) == "'s" || ci.tok(end) == "’s")
		if ci.partitive(s, j) {
			// "thousands of Iraqi Kurds", "leaders of the coalition": the
			// actor is the group the quantity or part is of.
			return ci.coordinated([]int{e}, end, vg)
		}
		if j > s.FirstToken && prepositions[ci.tok(j-1)] && !possessor {
			j = end - 1
			continue
		}
		if j > s.FirstToken+1 && ci.tag(j-1) == "DT" && prepositions[ci.tok(j-2)] && !possessor {
			j = end - 1
			continue
		}
		out := []int{e}
		return ci.coordinated(out, end, vg)
	}
	return nil
}

// partitiveHeads are nouns that name a quantity or part of a group: the
// group after their "of" is what acts.
var partitiveHeads = map[string]bool{
	"thousands": true, "hundreds": true, "dozens": true, "tens": true, "millions": true, "scores": true,
	"group": true, "groups": true, "members": true, "leaders": true, "crowd": true, "crowds": true,
	"number": true, "some": true, "many": true, "most": true, "all": true, "several": true, "band": true,
	"contingent": true, "delegation": true, "representatives": true, "units": true, "unit": true,
}

// partitive reports an entity at token j that follows "of" after a
// partitive head, with an optional determiner: "thousands of [Iraqi
// Kurds]", "leaders of the [coalition]".
func (ci *clauseIndex) partitive(s doc.Sentence, j int) bool {
	k := j - 1
	if k > s.FirstToken && ci.tag(k) == "DT" {
		k--
	}
	return k > s.FirstToken && ci.tok(k) == "of" && partitiveHeads[ci.tok(k-1)]
}

// clauseStart returns where the clause of the verb group at vg begins:
// after the nearest clause break; after a verb of saying that the clause
// completes ("the speaker said the president had agreed": the subject of
// "agreed" follows "said"); or after a comma and "and" or "but" that a
// new subject follows ("drones killed two men, and fighters attacked").
//
// A verb group right after "and", "but" or a comma has no subject of its
// own; it shares the subject of the clause it is coordinated with, which
// after a report is the reporter ("the minister said the activists were
// planning sabotage and denied that they were mistreated"), so there the
// reporting verb does not cut.
func (ci *clauseIndex) clauseStart(s doc.Sentence, vg int) int {
	coordinated := false
	if k := vg - 1; k >= s.FirstToken {
		for k > s.FirstToken && ci.tag(k) == "RB" {
			k--
		}
		t := ci.tok(k)
		coordinated = t == "and" || t == "but" || t == "," || t == "or"
	}
	for j := vg - 1; j >= s.FirstToken; j-- {
		t := ci.tok(j)
		if clauseBreaks[t] {
			if (t == "but" || t == "and") && !ci.newSubjectAfter(j, vg) {
				continue
			}
			return j + 1
		}
		switch {
		case t == "and" && j > s.FirstToken && ci.tok(j-1) == "," && ci.newSubjectAfter(j, vg):
			return j + 1
		case !coordinated && reportingVerbs[t] && isFinite(ci.tag(j)) && ci.entStart[j] < 0:
			return j + 1
		}
	}
	return s.FirstToken
}

// coordinatedLimit bounds the subject search of a verb group coordinated
// without a subject of its own ("killed one soldier and wounded two"):
// its subject stands before the verb it is coordinated with, never
// among that verb's objects. Otherwise the search runs up to vg.
func (ci *clauseIndex) coordinatedLimit(s doc.Sentence, start, vg int) int {
	k := vg - 1
	for k > start && ci.tag(k) == "RB" {
		k--
	}
	if k < start {
		return vg
	}
	if t := ci.tok(k); t != "and" && t != "or" && t != "but" && t != "," {
		return vg
	}
	for j := k - 1; j >= start; j-- {
		if isFinite(ci.tag(j)) && ci.entStart[j] < 0 {
			return j
		}
	}
	return vg
}

// newSubjectAfter reports an entity right after the conjunction at j
// (maybe after "the") and before vg: the subject of a new clause.
func (ci *clauseIndex) newSubjectAfter(j, vg int) bool {
	k := j + 1
	if k < vg && ci.entStart[k] < 0 && ci.tag(k) == "DT" {
		k++
	}
	return k < vg && ci.entStart[k] >= 0
}

// reportingVerbs take a clause whose own subject follows them.
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "announced": true, "announces": true,
	"stated": true, "states": true, "added": true, "claimed": true, "claims": true, "reported": true,
	"declared": true, "declares": true, "insisted": true, "insists": true, "warned": true, "warns": true,
	"confirmed": true, "confirms": true, "denied": true, "denies": true,
}

func (ci *clauseIndex) unresolvedPronoun(k int) bool {
	return ci.entStart[k] < 0 && subjectPronouns[ci.tok(k)]
}

// subjectPronouns before a verb group stand for the subject of the
// clause that reports them when the actor stage left them unresolved.
var subjectPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "we": true}

// passiveSubject finds the recipient of a passive verb whose subject
// names no actor of its own but holds one in a prepositional phrase: "a
// shelter for Syrian migrants was raided" was a raid on the
// migrants. It takes the first entity of the clause before vg.
func (ci *clauseIndex) passiveSubject(s doc.Sentence, vg int) []int {
	start := s.FirstToken
	for j := vg - 1; j >= s.FirstToken; j-- {
		if clauseBreaks[ci.tok(j)] {
			start = j + 1
			break
		}
	}
	for j := start; j < vg; j++ {
		if e := ci.entStart[j]; e >= 0 {
			return []int{e}
		}
	}
	return nil
}

// against returns the entity with a country after "against" in the
// clause after token from: the target a mobilisation or a measure is
// aimed at ("mobilised reservists for a war against Iraq").
func (ci *clauseIndex) against(s doc.Sentence, from int) []int {
	limit := min(s.EndToken, from+14)
	for j := from; j < limit; j++ {
		t := ci.tok(j)
		if clauseBreaks[t] || (isFinite(ci.tag(j)) && ci.entStart[j] < 0) {
			return nil
		}
		if t != "against" {
			continue
		}
		for k := j + 1; k < limit && k <= j+4; k++ {
			if e := ci.entStart[k]; e >= 0 {
				if ci.d.Entities[e].CountryCode != "" {
					return []int{e}
				}
				return nil
			}
		}
		return nil
	}
	return nil
}

// supportSubject returns the subject of a support verb (isSupport)
// whose object phrase holds the nominal trigger starting at token first:
// the verb may be followed by "out", determiners, numbers, adjectives and
// nouns before the trigger.
func (ci *clauseIndex) supportSubject(s doc.Sentence, first int, isSupport func(k int) bool) []int {
	for k := first - 1; k >= s.FirstToken && k >= first-5; k-- {
		t := ci.tok(k)
		tag := ci.tag(k)
		if strings.HasPrefix(tag, "VB") {
			if !isSupport(k) {
				return nil
			}
			vs, _ := ci.vgBounds(k)
			return ci.subjects(s, vs)
		}
		if ci.entStart[k] >= 0 || !(tag == "DT" || tag == "JJ" || tag == "CD" || tag == "PRP$" || tag == "RP" || strings.HasPrefix(tag, "NN") || t == "out") {
			return nil
		}
	}
	return nil
}

// objectOwner returns the owner of the object noun that ends a trigger
// spanning [first, last]: an entity inside the span after its first word
// (a demonym or a possessor: "rejected the Australian ultimatum"), or
// one in an "of" or "by" phrase right after it ("expelled inspectors of
// the IAEA", "rejected calls by the secretary-general").
func (ci *clauseIndex) objectOwner(s doc.Sentence, first, last int) []int {
	for k := first + 1; k < last; k++ {
		// The object itself ("deployed troops") and pronouns ("their
		// arms") are not owners.
		if e := ci.entStart[k]; e >= 0 && ci.entEnd[e] <= last && ci.ownerKind(e) {
			return []int{e}
		}
	}
	k := last + 1
	if k+1 >= s.EndToken || (ci.tok(k) != "of" && ci.tok(k) != "by") {
		return nil
	}
	k++
	if ci.tag(k) == "DT" && k+1 < s.EndToken {
		k++
	}
	if e := ci.entStart[k]; e >= 0 {
		return []int{e}
	}
	return nil
}

// ownerKind reports a named state, organisation or person, the kinds of
// entity that own a proposal, an ultimatum or envoys.
func (ci *clauseIndex) ownerKind(e int) bool {
	en := &ci.d.Entities[e]
	if possessivePronouns[ci.lower[en.Start:en.End]] {
		return false
	}
	return en.Type == doc.GPE || en.Type == doc.Org || en.Type == doc.Person
}

var possessivePronouns = map[string]bool{"its": true, "their": true, "his": true, "her": true, "our": true, "my": true, "your": true}

// sharedSubject returns the subject of the verb group before vg in the
// sentence, for verbs coordinated without a subject of their own. It
// looks back over at most three verb groups.
func (ci *clauseIndex) sharedSubject(s doc.Sentence, vg int) []int {
	for tries := 0; tries < 3; tries++ {
		prev := -1
		for k := vg - 1; k >= s.FirstToken; k-- {
			if c := ci.chunkOf[k]; c >= 0 && ci.d.Chunks[c].Kind == doc.VerbGroup && isFinite(ci.tag(ci.d.Chunks[c].FirstToken)) || (c >= 0 && ci.d.Chunks[c].Kind == doc.VerbGroup && isFinite(ci.tag(k))) {
				prev = ci.d.Chunks[c].FirstToken
				break
			}
		}
		if prev < 0 {
			return nil
		}
		if subj := ci.subjects(s, prev); len(subj) > 0 {
			return subj
		}
		vg = prev
	}
	return nil
}

// triggerTagAt is the tag trigger matching reads for token t: its own,
// except that a capitalised first word of a sentence the tagger calls a
// proper noun, and no actor starts at, is read as a common noun. Taggers
// take a sentence-initial capital for a name ("Riots break out across
// the north", "Curfew lifted in the capital"), which headlines and short
// sentences start with.
func (ci *clauseIndex) triggerTagAt(s doc.Sentence, t int) string {
	tg := ci.tag(t)
	if t == s.FirstToken && ci.entStart[t] < 0 {
		switch tg {
		case "NNP":
			return "NN"
		case "NNPS":
			return "NNS"
		}
	}
	return tg
}

// headlineVerb reports whether token t, tagged as a noun, is the verb of
// a headline-style clause: the sentence has no finite verb (an infinitive
// may follow: "government declines to end curfew") and an actor ends right
// before t ("Norway and Chile sign landmark peace
// agreement"). Headlines drop the articles and auxiliaries that tell the
// tagger a present-tense verb from a noun, so the word after the subject
// is read as the verb it has to be.
func (ci *clauseIndex) headlineVerb(s doc.Sentence, t int) bool {
	if tg := ci.tag(t); tg != "NN" && tg != "NNS" {
		return false
	}
	for k := s.FirstToken; k < s.EndToken; k++ {
		if isFinite(ci.tag(k)) {
			return false
		}
	}
	for j := t - 1; j >= s.FirstToken && j >= t-8; j-- {
		if e := ci.entStart[j]; e >= 0 && ci.entEnd[e] == t {
			return true
		}
	}
	return false
}

// entitiesEndingAt returns the entity that ends right before token k
// (the antecedent of a relative pronoun), skipping a prepositional phrase
// that the entity itself does not cover ("the regime in X that ...").
func (ci *clauseIndex) entitiesEndingAt(s doc.Sentence, k int) []int {
	for j := k - 1; j >= s.FirstToken && j >= k-8; j-- {
		if e := ci.entStart[j]; e >= 0 && ci.entEnd[e] <= k {
			// Prefer a non-prepositional entity: step over "in X".
			if j > s.FirstToken && prepositions[ci.tok(j-1)] {
				continue
			}
			return []int{e}
		}
	}
	return nil
}

// coordinated extends a list of entities with those joined to the last by
// "and" or a comma, up to token limit.
func (ci *clauseIndex) coordinated(out []int, end, limit int) []int {
	for end+1 < limit {
		c := ci.tok(end)
		if c != "and" && c != "," && c != "or" {
			break
		}
		next := end + 1
		if ci.entStart[next] < 0 && ci.tok(next) == "the" && next+1 < limit {
			next++
		}
		e := ci.entStart[next]
		if e < 0 {
			break
		}
		out = append(out, e)
		end = ci.entEnd[e]
	}
	return out
}

// objects finds the entities after token from: the first entity within
// the clause, or, when prep is set, the first entity after that
// preposition. The search stops at another finite verb or a clause break.
func (ci *clauseIndex) objects(s doc.Sentence, from int, prep string) []int {
	limit := min(s.EndToken, from+14)
	seenPrep := prep == ""
	for j := from; j < limit; j++ {
		t := ci.tok(j)
		if j > from && (clauseBreaks[t] || isFinite(ci.tag(j))) && ci.entStart[j] < 0 {
			if t != "that" || !seenPrep {
				break
			}
		}
		if !seenPrep {
			if t == prep {
				seenPrep = true
			}
			continue
		}
		if e := ci.entStart[j]; e >= 0 {
			return ci.coordinated([]int{e}, ci.entEnd[e], limit)
		}
	}
	return nil
}

// byAgent returns the entities after "by" following token from: the actor
// of a passive verb.
func (ci *clauseIndex) byAgent(s doc.Sentence, from int) []int {
	limit := min(s.EndToken, from+8)
	for j := from; j < limit; j++ {
		if ci.tok(j) == "by" {
			return ci.objects(s, j+1, "")
		}
		if isFinite(ci.tag(j)) || clauseBreaks[ci.tok(j)] {
			break
		}
	}
	return nil
}

func isFinite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

var beForms = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "'s": true, "'re": true, "get": true, "got": true, "gets": true}

// isPassive reports a passive verb group: a form of "be" (or "get")
// before the trigger, which is a past participle.
func (ci *clauseIndex) isPassive(vgStart, t int) bool {
	if ci.tag(t) != "VBN" {
		return false
	}
	for k := vgStart; k < t; k++ {
		if beForms[ci.tok(k)] {
			return true
		}
	}
	return false
}

var negators = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true, "cannot": true}

// negatedVG reports a negator in the verb group before the trigger, or
// right before it ("refused" is a trigger of its own; "did not sign" is a
// negated AGREE).
func (ci *clauseIndex) negatedVG(vgStart, t int) bool {
	from := vgStart
	if from > 0 && negators[ci.tok(from-1)] {
		return true
	}
	for k := from; k < t; k++ {
		if negators[ci.tok(k)] {
			return true
		}
	}
	return false
}

// auxOf reads modality from the verb group and the clause before it.
func (ci *clauseIndex) auxOf(s doc.Sentence, vgStart, t int) []string {
	var aux []string
	for k := vgStart; k < t; k++ {
		switch ci.tok(k) {
		case "will", "shall", "'ll", "wo":
			aux = appendOnce(aux, "future")
		case "would", "could", "might", "may":
			aux = appendOnce(aux, "hypothetical")
		case "should", "must":
			aux = appendOnce(aux, "obligation")
		case "going":
			aux = appendOnce(aux, "future")
		}
	}
	for k := s.FirstToken; k < vgStart; k++ {
		switch ci.tok(k) {
		case "if", "unless":
			aux = appendOnce(aux, "conditional")
		}
	}
	return aux
}

func appendOnce(s []string, v string) []string {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// entityAt returns the actor mention token k belongs to, or -1.
func (ci *clauseIndex) entityAt(k int) int {
	start := ci.d.Tokens[k].Start
	for i := range ci.d.Entities {
		if e := &ci.d.Entities[i]; e.Start <= start && start < e.End {
			return i
		}
	}
	return -1
}
