// Package actor finds who acts in a document and codes each actor to a
// country and a PLOVER sector. It fills Doc.Entities.
//
// No pretrained named-entity model can be installed offline, so the
// recognizer is built from the text layer (tags, chunks), capitalisation,
// context cues and dictionaries, in four passes over each sentence:
//
//  1. names: the longest dictionary phrase at each capitalised token
//     (countries, capitals and metonyms used as actors, organisations,
//     partially recognised entities, known persons);
//  2. proper-name runs the dictionaries do not know: a run with an
//     organisation word ("Ministry", "Society") is an organisation; a run
//     with a title before it ("Foreign Minister X"), an apposition after it
//     ("X, assistant to the President of Azerbaijan, said") or a verb of
//     saying beside it is a person, coded from that context;
//  3. role noun phrases: "the Armenian political leadership",
//     "Azerbaijani troops", "Armenia's prime minister", "police", with the
//     country taken from a demonym, a possessive, an "of" phrase, or a
//     coordination ("Hungarian and Romanian officials" gives two actors);
//  4. coreference: surname repeats, pronouns (he, she, they) and definite
//     descriptions ("the official", "the ministry") resolve to an earlier
//     entity, whose full coding they carry; Entity.Antecedent points to it
//     and Entity.Cluster to the first mention of its chain. A pronoun
//     agrees with its antecedent: "he" and "she" with a person of their
//     gender or of none known (package gender reads it from honorifics,
//     gendered nouns and first names, and a resolved pronoun fixes it),
//     never with an organisation, a place or a thing's name; "they" with
//     a group, an organisation or coordinated states. Names inside
//     quotation marks are the speaker's words, seen only by pronouns of
//     the same quotation. Among agreeing mentions, the pronoun's own
//     sentence is searched up the parse for the subject of each clause
//     above it, then the nearest earlier sentence gives its main
//     subject (see corefState.resolve).
//
// Every entity names the rule and the dictionary entry that decided it.
package actor

import (
	"context"
	"slices"
	"strings"
	"unsafe"

	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// Name is the stage name.
const Name = "actor"

// Recognizer holds the immutable dictionaries; it is shared by all
// workers.
type Recognizer struct {
	dict Dictionary
	// isPlace vetoes a person guessed from the shape of a name alone
	// ("Black Sea", "Central Asia"); nil means no veto.
	isPlace func(name string) bool
	// gender tells which pronouns may refer to a person; nil knows only
	// the pronouns' own genders.
	gender *gender.Lexicon
	// speechVerb reports a verb of saying ("said", "warned"): beside a
	// name it makes the name a person even without a title, and after
	// "it" it makes "it" an organisation named before. nil knows none.
	speechVerb func(w string) bool
}

// New returns a recognizer over dict.
func New(dict Dictionary) *Recognizer { return &Recognizer{dict: dict} }

// WithPlaceCheck returns a copy of r that does not take a capitalised
// pair for a person's name when isPlace says it is a place name. The
// check must be safe for concurrent use.
func (r *Recognizer) WithPlaceCheck(isPlace func(name string) bool) *Recognizer {
	c := *r
	c.isPlace = isPlace
	return &c
}

// WithSpeechVerbs returns a copy of r that reads verbs of saying with
// isSpeech (the quote stage's cues, data/cues/speech.tsv), given a lower-case
// word. It must be safe for concurrent use.
func (r *Recognizer) WithSpeechVerbs(isSpeech func(w string) bool) *Recognizer {
	c := *r
	c.speechVerb = isSpeech
	return &c
}

// WithGender returns a copy of r that reads the gender of person mentions
// from g (honorifics, gendered nouns, first names), so that "she" does not
// resolve to a man nor "he" to a mall; an honorific is then kept out of
// the name it stands before ("Ms. Ruiz" is Ruiz).
func (r *Recognizer) WithGender(g *gender.Lexicon) *Recognizer {
	c := *r
	c.gender = g
	return &c
}

// Stage is one worker's recognizer with its scratch state.
type Stage struct {
	r        *Recognizer
	lower    string
	covered  []bool
	spans    []tokenSpan
	cands    []cand
	order    []int32 // cands by position, for coreference
	keyBuf   []byte
	roleRule []string // the role pass's rule under construction, as parts
	rules    ruleNames
	curly    bool // the text has typographic apostrophes to fold
	exact    ExactDictionary
	dated    DatedDictionary
	ambig    AmbiguousDictionary
	// shared are the document's mentions of names several
	// organisations share, and docPlaces the states its place names
	// name ("in Sudan"), for resolveShared.
	shared    []sharedName
	docPlaces []string
	wordIndex WordIndex
	words     []wordMemo // per token, filled on first use
	wordCache [2048]wordCacheSlot
	warmed    uint8 // keeps warmWordCache's reads from being optimised away
	coref     corefState
	// nextChunk is the first chunk not yet behind the current sentence:
	// sentences come in order, so the role pass walks the chunks once
	// per document instead of searching for each sentence's first.
	nextChunk int
	// placeStates are the states of the sentence's place names read as
	// locations ("in Montenegro"), which are no candidates.
	placeStates []string
	// quoted numbers, per token, the quotation it sits in (0 for none):
	// no pronoun outside a quotation refers to a name inside it.
	quoted []int32
	heads  []headFlags // per token
}

// NewStage returns a per-worker stage.
func (r *Recognizer) NewStage() *Stage {
	s := &Stage{r: r}
	s.coref.rules = &s.rules
	s.exact, _ = r.dict.(ExactDictionary)
	s.dated, _ = r.dict.(DatedDictionary)
	s.ambig, _ = r.dict.(AmbiguousDictionary)
	s.wordIndex, _ = r.dict.(WordIndex)
	return s
}

// Name implements pipeline.Stage.
func (s *Stage) Name() string { return Name }

// Requires implements pipeline.Stage.
func (s *Stage) Requires() []doc.Layer {
	return []doc.Layer{doc.LayerText, doc.LayerParse, doc.LayerChunks, doc.LayerMeta}
}

// Provides implements pipeline.Stage.
func (s *Stage) Provides() []doc.Layer { return []doc.Layer{doc.LayerEntities} }

// cand is an entity found in a sentence before coreference.
type cand struct {
	doc.Entity
	first, end int // token range
	// ref says how the mention finds its antecedent.
	ref        refKind
	roleKey    string // for definite descriptions: the role's canonical form
	roleSector string
	rolePerson bool // a role naming people ("minister"), not a body
	plural     bool
	conf       float64
	// noDefaultCountry keeps the dateline's country off a role whose
	// country the text deliberately leaves open.
	noDefaultCountry bool
	// modifier marks a demonym read off another noun ("Iraqi towns"):
	// an actor an event may act on, never an antecedent.
	modifier bool
	// body marks a role naming one body ("the ministry"), which "it"
	// may refer back to.
	body bool
	// relational marks a role naming a relation to its possessor ("his
	// Kenyan counterpart", "Uganda's allies"): its country is the other
	// side's, never the sentence's shared state.
	relational bool
	// honorific is the gender of an honorific the recognizer kept out of
	// a person's name ("Ms." before "Ruiz"); Unknown for none.
	honorific gender.Gender
	// altKey is the dictionary key of a name several organisations share
	// ("RSF"), which the document's countries decide (resolveShared).
	altKey string
}

type refKind uint8

const (
	refNone       refKind = iota
	refName               // a named mention; may repeat an earlier name
	refPronoun            // he, she and their other forms
	refPlural             // they, them
	refDefinite           // "the official"
	refDefiniteOr         // "the ministry": an organisation
	refIt                 // "it said": the last organisation
)

// Process implements pipeline.Stage.
func (s *Stage) Process(ctx context.Context, d *doc.Doc) error {
	s.warmWordCache()
	s.lower = d.Lower
	if len(s.lower) != len(d.Text) {
		s.lower = text.LowerText(d.Text)
	}
	if cap(s.covered) < len(d.Tokens) {
		s.covered = make([]bool, len(d.Tokens))
	}
	s.covered = s.covered[:len(d.Tokens)]
	clear(s.covered)
	s.spans = slices.Grow(s.spans[:0], len(d.Tokens))[:len(d.Tokens)]
	for i := range d.Tokens {
		t := &d.Tokens[i]
		s.spans[i] = tokenSpan{int32(t.Start), int32(t.End)}
	}
	s.words = slices.Grow(s.words[:0], len(d.Tokens))[:len(d.Tokens)]
	clear(s.words)
	s.curly = strings.Contains(d.Text, "’")
	if dl := d.Dateline; dl != nil {
		// The dateline's place is where the story was filed, not an
		// actor.
		for i := range d.Tokens {
			if d.Tokens[i].Start >= dl.End {
				break
			}
			if d.Tokens[i].Start >= dl.Start {
				s.covered[i] = true
			}
		}
	}
	if d.Entities == nil {
		// About one mention per eight tokens in news copy; one
		// allocation instead of a growing slice.
		d.Entities = make([]doc.Entity, 0, len(d.Tokens)/8+4)
	}
	s.markTokens(d)
	co := &s.coref
	co.reset(d)
	co.heads = s.heads
	s.nextChunk = 0
	s.docPlaces = s.docPlaces[:0]
	for si := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		sent := &d.Sentences[si]
		s.cands = s.cands[:0]
		s.placeStates = s.placeStates[:0]
		s.names(d, sent)
		s.properRuns(d, sent)
		s.roles(d, sent)
		s.pronouns(d, sent)
		s.titledCountry(co.dateline)
		s.bodyCountry(co.dateline)
		s.docPlaces = append(s.docPlaces, s.placeStates...)
		// Coreference takes mentions in text order. The passes append
		// in their own orders; sorting indexes moves 4 bytes a swap
		// where the candidates are a few hundred.
		s.order = s.order[:0]
		for i := range s.cands {
			s.order = append(s.order, int32(i))
		}
		slices.SortStableFunc(s.order, func(a, b int32) int { return s.cands[a].Start - s.cands[b].Start })
		for _, i := range s.order {
			c := &s.cands[i]
			n := len(d.Entities)
			co.add(d, c, s.mentionOf(d, sent, si, c))
			if c.altKey != "" && len(d.Entities) > n {
				s.shared = append(s.shared, sharedName{entity: n, key: c.altKey})
			}
		}
	}
	s.resolveShared(d)
	setClusters(d)
	return nil
}

// sharedName is a mention of a name several organisations share.
type sharedName struct {
	entity int
	key    string
}

// resolveShared gives each mention of a name that several organisations
// share the one that belongs to a state the document names, as a reader
// does: "RSF" in a story about Sudan is the Rapid Support Forces, and in
// one about press freedom in Mexico Reporters Without Borders. The states
// named are those of the document's other mentions, of its place names
// and of its dateline.
// With none of them, or more than one alternative's, the dictionary's
// first entry stands.
func (s *Stage) resolveShared(d *doc.Doc) {
	if len(s.shared) == 0 {
		return
	}
	defer func() { s.shared = s.shared[:0] }()
	named := func(cc string) bool {
		if d.Dateline != nil && d.Dateline.CountryCode == cc || slices.Contains(s.docPlaces, cc) {
			return true
		}
		for i := range d.Entities {
			if e := &d.Entities[i]; e.CountryCode == cc && !slices.ContainsFunc(s.shared, func(m sharedName) bool { return m.entity == i }) {
				return true
			}
		}
		return false
	}
	for _, m := range s.shared {
		var pick *Coding
		alts := s.ambig.PhraseAlternatives(m.key)
		for i := range alts {
			if len(alts[i].Country) != 3 || isInternational(alts[i].Country) || !named(alts[i].Country) {
				continue
			}
			if pick != nil {
				pick = nil // two alternatives' states are named: no telling
				break
			}
			pick = &alts[i]
		}
		e := &d.Entities[m.entity]
		if pick == nil || pick.Country == e.CountryCode && pick.Sector == e.SectorCode {
			continue
		}
		if e.Type == doc.Org {
			e.Actor = doc.Actor{Name: pick.Name, CountryCode: pick.Country, SectorCode: pick.Sector, OtherSectorCodes: pick.Others}
			e.Rule = s.kindRule(*pick) + " +shared_name"
			continue
		}
		// A role the organisation modifies ("RSF fighters") is its.
		e.CountryCode, e.SectorCode, e.OtherSectorCodes = pick.Country, pick.Sector, pick.Others
		e.Rule += " +shared_name " + pick.Rule
	}
}

// setClusters gives every entity its cluster: its antecedent's, which
// comes first, or its own index.
func setClusters(d *doc.Doc) {
	for i := range d.Entities {
		e := &d.Entities[i]
		e.Cluster = i
		if a := e.Antecedent; a >= 0 && a < i {
			e.Cluster = d.Entities[a].Cluster
		}
	}
}

// tok returns the lower-case text of token i.
func (s *Stage) tok(_ *doc.Doc, i int) string {
	t := s.spans[i]
	return s.lower[t.start:t.end]
}

// warmWordCache reads one byte of each cache line of the word cache. The
// tagger evicts it between documents, and the passes then probe it at
// random, a miss at a time; read in order, the lines stream in behind
// the hardware prefetcher for a fraction of that. Measured in dateline
// bench: about 0.7 points off the stage's share of the text layer.
func (s *Stage) warmWordCache() {
	const perLine = 64 / int(unsafe.Sizeof(wordCacheSlot{}))
	var n uint8
	for i := 0; i < len(s.wordCache); i += perLine {
		n |= s.wordCache[i].n
	}
	s.warmed = n
}

type wordCacheSlot struct {
	word [12]byte
	n    uint8 // length of word; 0 for an empty slot
	info WordInfo
}

// tokenSpan is a token's byte range, copied out of doc.Token: the passes
// read token text far more often than anything else about a token, and
// an 8-byte stride keeps a document's ranges in a few cache lines where
// the full tokens take dozens.
type tokenSpan struct{ start, end int32 }

// word returns what token i may be in the dictionary, probing once per
// token and document.
func (s *Stage) word(d *doc.Doc, i int) WordFlags { return s.wordInfo(d, i).Flags }

func (s *Stage) wordInfo(d *doc.Doc, i int) WordInfo {
	m := &s.words[i]
	if !m.known {
		m.info = s.lookupWord(s.tok(d, i))
		m.known = true
	}
	return m.info
}

// wordMemo is the stage's per-token memo of word-index answers.
type wordMemo struct {
	info  WordInfo
	known bool
}

// lookupWord asks the dictionary's index, or builds the answer from
// separate probes for a dictionary without one.
func (s *Stage) lookupWord(w string) WordInfo {
	if s.wordIndex != nil {
		// Documents repeat their words; a small per-worker cache keeps
		// the answers in the core's own cache, where the dictionary's
		// tables, evicted by the tagger's weights, are not. Keys are
		// copied in, so no document's text is kept alive. 2048 slots
		// (32 KB) answer about 98% of probes on the bench corpus, 512
		// about 90%.
		if len(w) > len(wordCacheSlot{}.word) {
			return s.wordIndex.WordInfo(w)
		}
		h := uint32(len(w))
		for i := 0; i < len(w); i++ {
			h = h*31 + uint32(w[i])
		}
		slot := &s.wordCache[h%uint32(len(s.wordCache))]
		if int(slot.n) == len(w) && string(slot.word[:slot.n]) == w {
			return slot.info
		}
		wi := s.wordIndex.WordInfo(w)
		slot.n = uint8(copy(slot.word[:], w))
		slot.info = wi
		return wi
	}
	return WordInfoOf(s.r.dict, w)
}

// raw returns the text of token i as written.
func raw(d *doc.Doc, i int) string {
	t := &d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// key returns the lower-case phrase for tokens [i, j): the span's text
// when the tokens are separated by single spaces (no allocation), else a
// normalised copy in the stage's buffer.
func (s *Stage) key(d *doc.Doc, i, j int) string {
	span := s.lower[s.spans[i].start:s.spans[j-1].end]
	clean := true
	for k := i + 1; k < j; k++ {
		gap := s.spans[k].start - s.spans[k-1].end
		if gap > 1 || (gap == 1 && s.lower[s.spans[k].start-1] != ' ') {
			clean = false
			break
		}
	}
	if clean && (!s.curly || !strings.Contains(span, "’")) {
		return span
	}
	b := s.keyBuf[:0]
	for k := i; k < j; k++ {
		if k > i && d.Tokens[k].SpaceBefore {
			b = append(b, ' ')
		}
		b = append(b, s.tok(d, k)...)
	}
	s.keyBuf = b
	return strings.ReplaceAll(string(b), "’", "'")
}

// isCap reports a word token that starts with a capital letter.
func (s *Stage) isCap(d *doc.Doc, i int) bool { return d.Tokens[i].Upper }

func (s *Stage) add(c cand) {
	for k := c.first; k < c.end; k++ {
		s.covered[k] = true
	}
	s.cands = append(s.cands, c)
}

func (s *Stage) free(i, j int) bool {
	for k := i; k < j; k++ {
		if s.covered[k] {
			return false
		}
	}
	return true
}

// isStateSector reports the sectors of officials who act for a state.
func isStateSector(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY":
		return true
	}
	return false
}

// titledCountry gives a titled official with no country of their own
// ("President Maria Duarte", "Lt. Gen. Tomas Ferreira") the one
// country their sentence names, or else the dateline's: news names an
// official's state where it introduces them, and a sentence naming a
// single state is about that state. With two or more states named, the
// official stays uncoded rather than guessed.
//
// In a story with no dateline, an unqualified group of the state's own
// people ("demonstrators", "students", "elders", "the opposition") takes
// that one state too, as it would a dateline's, unless the state is
// named only by armed forces or groups or by a news agency: "Kenyan
// police dispersed demonstrators" are Kenyan demonstrators, but the
// villagers "Kenyan troops" fight among abroad are not Kenyan. Officials,
// forces and armed groups are left alone: a sentence naming one state
// often names it as the other party ("Washington froze the assets of
// eight officials").
func (s *Stage) titledCountry(dateline string) {
	// Most sentences have no uncoded official or group: skip them at the
	// cost of one pass over the candidates.
	open := false
	for i := range s.cands {
		if c := &s.cands[i]; c.CountryCode == "" && (c.Type == doc.Person || c.Type == doc.Role) && c.ref != refPronoun && c.ref != refPlural {
			open = true
			break
		}
	}
	if !open {
		return
	}
	country := ""
	civil := false // the state is named by something other than its forces
	for i := range s.cands {
		c := &s.cands[i]
		// A role phrase coded from its own words ("Fijian rebels",
		// "opposition groups in Zimbabwe") or a known office holder
		// names its state as surely as a country's name does.
		named := c.Type == doc.GPE || c.Type == doc.Org || (c.Type == doc.Role && c.ref != refDefinite && !c.relational) ||
			(c.Type == doc.Person && c.ref == refName)
		if named && c.CountryCode != "" && len(c.CountryCode) == 3 && !isInternational(c.CountryCode) {
			if country != "" && country != c.CountryCode {
				return
			}
			country = c.CountryCode
			if !isArmedSector(c.SectorCode) && c.SectorCode != "JRN" && !c.modifier {
				civil = true
			}
		}
	}
	// "Ruritania eased a curfew in a border town of Freedonia": a
	// state named only as a place still makes the sentence's state
	// ambiguous.
	for _, p := range s.placeStates {
		if country != "" && p != country && !isInternational(p) {
			return
		}
	}
	fromSentence := country != ""
	if country == "" {
		country = dateline
	}
	if country == "" {
		return
	}
	for i := range s.cands {
		c := &s.cands[i]
		switch {
		case c.Type == doc.Person && c.CountryCode == "" && isStateSector(c.SectorCode) && c.ref == refName:
			c.CountryCode = country
			c.Rule = s.rules.join(c.Rule, " +sentence_country")
			c.conf *= 0.7
		case fromSentence && civil && dateline == "" && c.Type == doc.Role && c.CountryCode == "" && c.ref == refNone &&
			!c.noDefaultCountry && !c.modifier && isCivilSociety(c.SectorCode):
			c.CountryCode = country
			c.Rule = s.rules.join(c.Rule, " +sentence_country")
			c.conf *= 0.6
		}
	}
}

// bodyCountry gives a state body the dictionaries do not know, and whose
// name says no state ("the National Drought Management Authority"), the
// one state its sentence names, as a place or an actor; with none named,
// the dateline's; with several, none.
func (s *Stage) bodyCountry(dateline string) {
	open := false
	for i := range s.cands {
		if c := &s.cands[i]; s.unknownStateBody(c) {
			open = true
			break
		}
	}
	if !open {
		return
	}
	country, rule := "", ""
	note := func(cc string) bool {
		if len(cc) != 3 || isInternational(cc) {
			return true
		}
		if country != "" && country != cc {
			return false
		}
		country = cc
		return true
	}
	for i := range s.cands {
		if c := &s.cands[i]; c.CountryCode != "" && !note(c.CountryCode) {
			return
		}
	}
	for _, p := range s.placeStates {
		if !note(p) {
			return
		}
	}
	switch {
	case country != "":
		rule = " +sentence_country"
	case dateline != "":
		country, rule = dateline, " +dateline_country"
	default:
		return
	}
	for i := range s.cands {
		if c := &s.cands[i]; s.unknownStateBody(c) {
			c.CountryCode = country
			c.Rule = s.rules.join(c.Rule, rule)
			c.conf = 0.4
		}
	}
}

// unknownStateBody reports a capitalised run read as a state body (a
// ministry, court, assembly) with no state of its own.
func (s *Stage) unknownStateBody(c *cand) bool {
	return c.Type == doc.Org && c.ref == refName && c.CountryCode == "" && isStateSector(c.SectorCode) &&
		strings.HasPrefix(c.Rule, "org_run ")
}

// isCivilSociety reports the sectors of a state's own people and their
// bodies, which news places in the state it is about; officials, forces,
// armed groups and international bodies often belong to the other side.
func isCivilSociety(sector string) bool {
	switch sector {
	case "CVL", "OPP", "LAB", "EDU", "ELI", "PTY", "REL", "MED":
		return true
	}
	return false
}

// isArmedSector reports the sectors of those who may fight abroad or
// against their own state, so their country says little about the others
// in a sentence.
func isArmedSector(sector string) bool {
	switch sector {
	case "MIL", "REB", "UAF", "SPY", "CRM":
		return true
	}
	return false
}

// isInternational reports the country codes that are not states.
func isInternational(code string) bool {
	switch code {
	case "IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC":
		return true
	}
	return false
}
