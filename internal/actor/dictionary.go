package actor

import "time"

// Kind says what a dictionary phrase names.
type Kind uint8

// Phrase kinds.
const (
	KindCountry Kind = iota + 1 // "Azerbaijan", "the Netherlands"
	KindCapital                 // "Baku", "Washington": capitals as metonyms
	KindMetonym                 // "the Kremlin", "Downing Street"
	KindOrg                     // IGOs, NGOs, agencies, armed groups
	KindPRE                     // partially recognised entities and their seats
	KindPerson                  // known persons
	KindDemonym                 // "Azerbaijani", "Armenians"
)

// Coding is what a dictionary says about a phrase.
type Coding struct {
	Kind    Kind
	Name    string // canonical entity_name
	Country string
	Sector  string
	Others  []string
	// Plural is set for demonyms and roles that name a group
	// ("Armenians"), so pronoun resolution can tell "they" from "he".
	Plural bool
	Rule   string // the dictionary entry: "actors/countries.tsv:12"
	// KindRule, when a dictionary fills it, is KindRulePrefix(Kind)
	// followed by Rule: the rule a mention found by this entry carries.
	KindRule string
	// User is set for an entry from a user dictionary, which wins over
	// an embedded one wherever both match ("=RSF" over a built-in RSF).
	User bool
}

// KindRulePrefix names, in an entity's rule, how the recognizer read a
// phrase of kind k.
func KindRulePrefix(k Kind) string {
	switch k {
	case KindCountry:
		return "country "
	case KindCapital:
		return "capital_metonym "
	case KindMetonym:
		return "metonym "
	case KindOrg:
		return "organization "
	case KindPRE:
		return "partially_recognized "
	case KindPerson:
		return "person "
	case KindDemonym:
		return "demonym_group "
	}
	return ""
}

// Role is a role noun ("minister", "troops", "political leadership").
type Role struct {
	Canonical string // singular form
	Sector    string
	Others    []string
	Person    bool // denotes a person ("minister"), not a body ("ministry")
	Title     bool // may stand before a name ("President", "Gen.")
	// NameOnly marks a body noun that names an actor only as the
	// capitalised head of a name ("Kenya Ports Authority"); in lower
	// case it is too often abstract ("the authority to sign").
	NameOnly bool
	Plural   bool // the matched form was plural
	// Country is the international code a role takes when the text
	// names no state for it ("a rights group" is NGO).
	Country string
	// Relational marks a role that names a relation to its possessor,
	// not membership ("Kenya's allies"); Generic one that names a kind
	// of actor, no actor, when nothing qualifies it ("other countries").
	Relational, Generic bool
	// States marks a role that names several states taken together
	// ("western countries", "the international community"): no one
	// state's, so neither the dateline's country nor a sentence's is
	// given to it.
	States bool
	// Count marks a number that names people by how many they are
	// ("thousands marched"): before an "of" phrase it is only a
	// quantity, and the phrase's noun names them ("thousands of
	// soldiers").
	Count bool
	Rule  string
	// RoleRule, when a dictionary fills it, is "role " then Rule.
	RoleRule string
}

// Dictionary is what the recognizer needs from the actor dictionaries.
// Keys are lower-case phrases with words separated by single spaces and
// typographic apostrophes folded to '.
type Dictionary interface {
	// Phrase looks up a name: country, capital, metonym, organisation,
	// partially recognised entity, person or demonym.
	Phrase(key string) (Coding, bool)
	// Role looks up a role noun, singular or plural.
	Role(key string) (Role, bool)
	// Discard reports phrases that must never become actors.
	Discard(key string) bool
	// MaxWords is the longest phrase in words, bounding the
	// longest-match search.
	MaxWords() int
}

// ExactDictionary is implemented by dictionaries that also know
// case-sensitive names: acronyms that are ordinary words in lower case
// ("WHO", "IS", "CARE").
type ExactDictionary interface {
	Exact(surface string) (Coding, bool)
}

// DatedDictionary is implemented by dictionaries whose person entries hold
// only between dates ("Aliyev" was Heydar until 2003, Ilham after): the
// recognizer asks it with the document's date.
type DatedDictionary interface {
	PhraseAt(key string, t time.Time) (Coding, bool)
}

// AmbiguousDictionary is implemented by dictionaries in which one name
// may belong to several organisations ("RSF": Reporters Without Borders
// and Sudan's Rapid Support Forces). PhraseAlternatives returns their
// codings, the default first, or nil when the name has one.
type AmbiguousDictionary interface {
	PhraseAlternatives(key string) []Coding
}

// WordFlags says what one lower-case word can be in a dictionary.
type WordFlags uint8

// Word flags.
const (
	WordStartsName    WordFlags = 1 << iota // some name, acronym or discard may begin with it (also after "the")
	WordEndsRole                            // some role noun ends with it ("leadership")
	WordRole                                // it is a role noun by itself
	WordPersonRole                          // it is a role noun denoting a person ("minister")
	WordDemonym                             // its best coding is a demonym ("Armenian")
	WordCountry                             // its best coding is a country ("Armenia")
	WordStartsDiscard                       // some discard may begin with it (also after "the")
	// WordInRole: it may be a token of some role noun other than its
	// last ("foreign" in "foreign minister"). Words with a character
	// other than a to z always may, since the tokenizer may split them.
	WordInRole
)

// WordInfo is what a dictionary index says about one word.
type WordInfo struct {
	Flags WordFlags
	// NameWords bounds the tokens of any name, acronym or discard that
	// begins with the word (alone or after "the"); RoleWords bounds those
	// of any role that ends with it. They spare the recognizer probing
	// phrase lengths no entry has.
	NameWords, RoleWords uint8
}

// Unbounded is the length bound of a word an index cannot bound.
const Unbounded = 255

// WordIndex is implemented by dictionaries that can say in one probe
// what a single word may be. The recognizer asks it once per token and
// passes over capitalised words that begin no name and noun phrases
// whose head ends no role, instead of probing every phrase length; the
// separate probes it replaces cost most of the stage's time.
type WordIndex interface {
	WordInfo(word string) WordInfo
}

// WordInfoOf answers what WordIndex does for any dictionary: through its
// index when it has one, otherwise from separate probes, with no bound on
// the lengths of names and roles and nothing ruled out.
func WordInfoOf(d Dictionary, w string) WordInfo {
	if ix, ok := d.(WordIndex); ok {
		return ix.WordInfo(w)
	}
	wi := WordInfo{Flags: WordStartsName | WordStartsDiscard | WordEndsRole | WordInRole, NameWords: Unbounded, RoleWords: Unbounded}
	if r, ok := d.Role(w); ok {
		wi.Flags |= WordRole
		if r.Person {
			wi.Flags |= WordPersonRole
		}
	}
	if c, ok := d.Phrase(w); ok {
		switch c.Kind {
		case KindDemonym:
			wi.Flags |= WordDemonym
		case KindCountry:
			wi.Flags |= WordCountry
		}
	}
	return wi
}
