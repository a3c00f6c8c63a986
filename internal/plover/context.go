package plover

import (
	"sort"
	"strings"
)

// contexts lists PLOVER's event contexts: the topic or domain of an event,
// orthogonal to its type ("a SANCTION in the economic context"). An event
// may have several. The list follows the manual's contexts as dateline
// uses them, plus "diplomatic" and "political", which the GSR codes and
// which news reports need.
var contexts = [...]struct{ name, about string }{
	{"agriculture", "farming, food production, land use"},
	{"asylum", "asylum seekers and grants of asylum"},
	{"business", "companies, investment, commerce"},
	{"cbrn", "chemical, biological, radiological and nuclear weapons and materials"},
	{"corruption", "bribery, embezzlement, graft"},
	{"coup", "coups and attempted coups"},
	{"crime", "ordinary crime, organised crime, drugs, trafficking"},
	{"cyber", "hacking, cyber attacks, online operations"},
	{"diplomatic", "diplomacy, envoys, embassies, treaties"},
	{"disaster", "natural and industrial disasters"},
	{"discrimination", "discrimination against ethnic, religious or other groups"},
	{"economic", "economy, trade, finance, sanctions, aid money"},
	{"election", "elections, campaigns, voting, results"},
	{"environment", "environment, climate, pollution"},
	{"executive", "heads of state and government, cabinets, ministries"},
	{"gender", "women's rights, gender-based violence"},
	{"health", "health, disease, epidemics and pandemics"},
	{"human_rights", "human rights, civil liberties, abuses"},
	{"humanitarian", "humanitarian relief, civilians in need"},
	{"intelligence", "intelligence services, espionage"},
	{"labor", "labour disputes, unions, wages"},
	{"legal", "courts, trials, prosecutions, laws"},
	{"legislative", "parliaments, legislation"},
	{"media", "press, journalists, freedom of expression"},
	{"migration", "migrants, borders, deportations"},
	{"military", "armed forces, combat, weapons"},
	{"peacekeeping", "peacekeeping and peace operations"},
	{"political", "parties, government formation, political disputes"},
	{"pro_democracy", "pro-democracy movements and reforms"},
	{"property", "property, land, housing"},
	{"refugee", "refugees and displaced people"},
	{"religion", "religious groups and affairs"},
	{"resource", "natural resources: water, oil, gas, minerals"},
	{"territory", "borders, disputed territory, sovereignty"},
	{"terrorism", "terrorism and counter-terrorism"},
	{"trade", "trade agreements, tariffs, exports"},
}

// Contexts returns the context names in alphabetical order. The slice is
// new on each call.
func Contexts() []string {
	out := make([]string, len(contexts))
	for i, c := range contexts {
		out[i] = c.name
	}
	return out
}

// ValidContext reports whether c is a context name (exact, lower case).
func ValidContext(c string) bool {
	i := sort.Search(len(contexts), func(i int) bool { return contexts[i].name >= c })
	return i < len(contexts) && contexts[i].name == c
}

// DescribeContext returns a one-line description of a context, or "".
func DescribeContext(c string) string {
	i := sort.Search(len(contexts), func(i int) bool { return contexts[i].name >= c })
	if i < len(contexts) && contexts[i].name == c {
		return contexts[i].about
	}
	return ""
}

// legacyContexts maps context names used by the GSR and older manuals to
// dateline's names.
var legacyContexts = map[string]string{
	"refugees":          "refugee",
	"rights":            "human_rights",
	"human rights":      "human_rights",
	"human-rights":      "human_rights",
	"humanrights":       "human_rights",
	"government":        "executive",
	"assets":            "economic",
	"econ":              "economic",
	"economy":           "economic",
	"judicial":          "legal",
	"natural_resources": "resource",
	"resources":         "resource",
	"religious":         "religion",
	"labour":            "labor",
	"pro-democracy":     "pro_democracy",
	"democracy":         "pro_democracy",
	"disease":           "health",
	"pandemic":          "health",
	"covid":             "health",
	"migrants":          "migration",
	"press":             "media",
	"lgbt":              "discrimination",
	"elections":         "election",
	"diplomacy":         "diplomatic",
}

// NormalizeContext maps a context name in any case, including the GSR's
// and older manuals' names ("refugees", "rights", "government"), to
// dateline's name.
func NormalizeContext(c string) (string, bool) {
	c = strings.ToLower(strings.TrimSpace(c))
	if ValidContext(c) {
		return c, true
	}
	if n, ok := legacyContexts[c]; ok {
		return n, true
	}
	return "", false
}
