package plover

import "strings"

// legacyTypes maps event names of the GSR and of earlier PLOVER drafts to
// the current type and the mode they imply.
var legacyTypes = map[string]struct {
	t    EventType
	mode string
}{
	"DEMAND":      {Request, ""},
	"DISAPPROVE":  {Accuse, "disapprove"},
	"INVESTIGATE": {Accuse, "investigate"},
	"FIGHT":       {Assault, ""},
	"DISSENT":     {Protest, ""},
	"YIELD":       {Retreat, ""},
}

// Normalize maps an event type name in any case, current or legacy, to the
// current type and the mode the legacy name implies: DEMAND→REQUEST,
// DISAPPROVE→ACCUSE/disapprove, INVESTIGATE→ACCUSE/investigate,
// FIGHT→ASSAULT (also DISSENT→PROTEST, YIELD→RETREAT from early drafts).
// Current names map to themselves with no mode.
func Normalize(legacy string) (EventType, string, bool) {
	s := strings.ToUpper(strings.TrimSpace(legacy))
	if t := EventType(s); t.Valid() {
		return t, "", true
	}
	if l, ok := legacyTypes[s]; ok {
		return l.t, l.mode, true
	}
	return "", "", false
}

// legacyModes maps mode names of the GSR (and the NGEC data's spellings)
// to current modes, by type. A legacy mode maps within the current type
// that its legacy type normalises to.
var legacyModes = map[EventType]map[string]string{
	Protest: {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot", "riot-org": "riot",
		"strike-hun": "strike", "hunger-strike": "hunger", "demonstrate": "demo", "sit-in": "demo"},
	Coerce:   {"detain": "arrest", "sieze": "seize", "expel": "deport", "martial_law": "martial-law"},
	Assault:  {"primative": "primitive", "suicide": "suicide-attack", "heavy_weapons": "heavy-weapons", "small-arms": "firearms", "bomb": "explosives", "air": "aerial", "cbrn": "unconventional", "chemical": "unconventional"},
	Threaten: {"martial_law": "martial-law", "force": "violence"},
	Consult:  {"third_party": "third-party", "mediate": "third-party", "telephone": "phone"},
}

// NormalizeMode maps a mode name in any case, current or legacy, to a mode
// of t. It returns "" and false for a name that is no mode of t, such as
// the GSR's catch-all "other".
func NormalizeMode(t EventType, mode string) (string, bool) {
	m := strings.ToLower(strings.TrimSpace(mode))
	if m == "" {
		return "", t.Valid()
	}
	if lookup(t) == nil {
		return "", false
	}
	if ValidMode(t, m) {
		return m, true
	}
	if n, ok := legacyModes[t][m]; ok {
		return n, true
	}
	return "", false
}
