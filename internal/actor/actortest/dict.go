// Package actortest provides a small actor dictionary, written for tests,
// so that the rules of the actor, quote and event stages can be tested
// without the full embedded dictionaries.
package actortest

import (
	"strings"

	"github.com/dateline-project/dateline/internal/actor"
)

// fakeDict is a small dictionary written for tests.
type fakeDict struct {
	phrases map[string]actor.Coding
	roles   map[string]actor.Role
	discard map[string]bool
	alts    map[string][]actor.Coding // names several organisations share
}

// PhraseAlternatives implements actor.AmbiguousDictionary.
func (f *fakeDict) PhraseAlternatives(k string) []actor.Coding { return f.alts[k] }

func (f *fakeDict) Phrase(k string) (actor.Coding, bool) { c, ok := f.phrases[k]; return c, ok }
func (f *fakeDict) Role(k string) (actor.Role, bool)     { r, ok := f.roles[k]; return r, ok }
func (f *fakeDict) Discard(k string) bool                { return f.discard[k] }
func (f *fakeDict) MaxWords() int                        { return 6 }

// Dict returns a fresh copy of the test dictionary.
func Dict() actor.Dictionary {
	f := &fakeDict{phrases: map[string]actor.Coding{}, roles: map[string]actor.Role{}, discard: map[string]bool{}, alts: map[string][]actor.Coding{}}
	country := func(code, name, demonym, capital string) {
		f.phrases[strings.ToLower(name)] = actor.Coding{Kind: actor.KindCountry, Name: name, Country: code, Rule: "c:" + code}
		f.phrases[strings.ToLower(demonym)] = actor.Coding{Kind: actor.KindDemonym, Name: name, Country: code, Rule: "d:" + code}
		f.phrases[strings.ToLower(demonym)+"s"] = actor.Coding{Kind: actor.KindDemonym, Name: name, Country: code, Plural: true, Rule: "d:" + code}
		f.phrases[strings.ToLower(capital)] = actor.Coding{Kind: actor.KindCapital, Name: name, Country: code, Rule: "cap:" + code}
	}
	country("AZE", "Azerbaijan", "Azerbaijani", "Baku")
	country("ARM", "Armenia", "Armenian", "Yerevan")
	country("HUN", "Hungary", "Hungarian", "Budapest")
	country("ROU", "Romania", "Romanian", "Bucharest")
	country("RUS", "Russia", "Russian", "Moscow")
	country("KEN", "Kenya", "Kenyan", "Nairobi")
	country("KOR", "South Korea", "South Korean", "Seoul")
	f.phrases["the kremlin"] = actor.Coding{Kind: actor.KindMetonym, Name: "Russia", Country: "RUS", Sector: "GOV", Rule: "m:kremlin"}
	f.phrases["world food programme"] = actor.Coding{Kind: actor.KindOrg, Name: "World Food Programme", Country: "UNO", Sector: "", Rule: "o:wfp"}
	f.phrases["alpine relief league"] = actor.Coding{Kind: actor.KindOrg, Name: "Alpine Relief League", Country: "NGO", Sector: "MED", Rule: "o:arl"}
	// "ARL" is the relief league's acronym, and an Armenian militia's.
	f.phrases["arl"] = f.phrases["alpine relief league"]
	f.alts["arl"] = []actor.Coding{f.phrases["arl"], {Kind: actor.KindOrg, Name: "Armenian Rifle Legion", Country: "ARM", Sector: "UAF", Rule: "o:arl-militia"}}
	f.phrases["highland farmers' league"] = actor.Coding{Kind: actor.KindOrg, Name: "Highland Farmers' League", Country: "KEN", Sector: "LAB", Rule: "o:hfl"}
	f.phrases["foreign office"] = actor.Coding{Kind: actor.KindOrg, Name: "Foreign Office of Russia", Country: "RUS", Sector: "GOV", Rule: "o:fo"}
	f.phrases["sukhumi"] = actor.Coding{Kind: actor.KindPRE, Name: "Abkhazia authorities", Country: "GEO", Sector: "PRE", Rule: "p:abkhazia"}
	f.phrases["al-nasr front"] = actor.Coding{Kind: actor.KindOrg, Name: "al-Nasr Front", Country: "KEN", Sector: "REB", Rule: "o:nasr"}
	f.phrases["wambui"] = actor.Coding{Kind: actor.KindPerson, Name: "Ruth Wambui", Country: "KEN", Sector: "GOV", Rule: "p:wambui"}
	role := func(sing, plural, sector string, person, title bool) {
		f.roles[sing] = actor.Role{Canonical: sing, Sector: sector, Person: person, Title: title, Rule: "r:" + sing}
		if plural != "" {
			f.roles[plural] = actor.Role{Canonical: sing, Sector: sector, Person: person, Title: title, Plural: true, Rule: "r:" + sing}
		}
	}
	role("minister", "ministers", "GOV", true, true)
	role("foreign minister", "foreign ministers", "GOV", true, true)
	role("prime minister", "prime ministers", "GOV", true, true)
	role("president", "presidents", "GOV", true, true)
	role("official", "officials", "GOV", true, false)
	role("spokesperson", "spokespeople", "GOV", true, false)
	role("ministry", "ministries", "GOV", false, false)
	f.roles["rights group"] = actor.Role{Canonical: "rights group", Sector: "SOC", Country: "NGO", Rule: "r:rights group"}
	role("police", "", "COP", false, false)
	role("troops", "", "MIL", false, false)
	role("tank", "tanks", "MIL", false, false)
	role("guard", "guards", "COP", true, false)
	role("coast guard", "coast guards", "MIL", false, false)
	role("sailor", "sailors", "MIL", true, false)
	// Crowds of protest oppose someone, as in data/actors/roles.tsv.
	f.roles["protester"] = actor.Role{Canonical: "protester", Sector: "CVL", Others: []string{"OPP"}, Person: true, Rule: "r:protester"}
	f.roles["protesters"] = actor.Role{Canonical: "protester", Sector: "CVL", Others: []string{"OPP"}, Person: true, Plural: true, Rule: "r:protester"}
	role("political leadership", "", "GOV", false, false)
	role("leadership", "", "GOV", false, false)
	role("society", "societies", "NGO", false, false)
	role("assistant", "assistants", "GOV", true, false)
	role("head", "heads", "GOV", true, false)
	role("department", "departments", "GOV", false, false)
	role("regime", "regimes", "GOV", false, false)
	role("government", "governments", "GOV", false, false)
	role("partner", "partners", "GOV", false, false)
	role("counterpart", "counterparts", "GOV", true, false)
	// Relational and generic roles, as data/actors/roles.tsv marks them.
	for _, k := range []string{"partner", "partners", "counterpart", "counterparts"} {
		r := f.roles[k]
		r.Relational = true
		f.roles[k] = r
	}
	role("office", "offices", "GOV", false, false)
	role("commission", "commissions", "GOV", false, false)
	role("court", "courts", "JUD", false, false)
	role("constitutional court", "constitutional courts", "JUD", false, false)
	role("staff", "", "GOV", false, false)
	role("rebel", "rebels", "REB", true, false)
	role("aide", "aides", "GOV", true, false)
	role("ambassador", "ambassadors", "GOV", true, true)
	role("coordinator", "coordinators", "GOV", true, false)
	role("union", "unions", "LAB", false, false)
	f.roles["authority"] = actor.Role{Canonical: "authority", Sector: "GOV", NameOnly: true, Rule: "r:authority"}
	role("agency", "agencies", "GOV", false, false)
	role("chief", "chiefs", "GOV", true, false)
	role("economist", "economists", "BUS", true, false)
	f.discard["monday"] = true
	return f
}
