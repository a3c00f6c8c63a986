// Package plover is dateline's copy of the PLOVER event ontology: the 16
// event types of the current PLOVER manual, their modes, the quad category
// each type falls in, the event contexts, a CAMEO root code for users who
// read dateline output next to GDELT or Phoenix data, and an intensity
// score.
//
// The tables are plain Go data rather than a data file because every other
// package depends on them being right: a typo in a type or mode name is a
// compile error or a failing test here, not a silent mismatch at run time.
// Nothing in the project is imported, so any package may depend on this one.
//
// Names follow the manual: types are upper case ("ASSAULT"), modes and
// contexts lower case with hyphens inside a mode ("heavy-weapons") and
// underscores inside a context ("human_rights"). An event may have no mode;
// the empty mode is valid for every type.
//
// Intensity is dateline's own scale, modelled on the Goldstein (1992)
// conflict–cooperation scale that CAMEO users know: −10 (most hostile) to
// +10 (most cooperative). PLOVER's own intensity guidance may differ; the
// values are meant for ordering and aggregating events, not as the
// manual's numbers.
package plover

import "strings"

// EventType is a PLOVER event type, such as ASSAULT.
type EventType string

// The 16 PLOVER event types, in the manual's order: from verbal cooperation
// to material conflict.
const (
	Agree     EventType = "AGREE"
	Consult   EventType = "CONSULT"
	Support   EventType = "SUPPORT"
	Concede   EventType = "CONCEDE"
	Cooperate EventType = "COOPERATE"
	Aid       EventType = "AID"
	Retreat   EventType = "RETREAT"
	Request   EventType = "REQUEST"
	Accuse    EventType = "ACCUSE"
	Reject    EventType = "REJECT"
	Threaten  EventType = "THREATEN"
	Protest   EventType = "PROTEST"
	Sanction  EventType = "SANCTION"
	Mobilize  EventType = "MOBILIZE"
	Coerce    EventType = "COERCE"
	Assault   EventType = "ASSAULT"
)

// The four quad categories, as PLOVER and POLECAT group the types.
const (
	VerbalCooperation   = "verbal cooperation"
	MaterialCooperation = "material cooperation"
	VerbalConflict      = "verbal conflict"
	MaterialConflict    = "material conflict"
)

// mode is one mode of a type with its own CAMEO root and intensity where
// they differ from the type's.
type mode struct {
	name      string
	cameo     string  // "" means the type's root
	intensity float64 // 0 means the type's intensity
	about     string
}

// typeInfo is one row of the ontology.
type typeInfo struct {
	t         EventType
	quad      string
	cameo     string
	intensity float64
	about     string
	modes     []mode
}

// ontology is the whole table, in the manual's order. CAMEO roots:
// 01 make public statement, 02 appeal, 03 express intent to cooperate,
// 04 consult, 05 engage in diplomatic cooperation, 06 engage in material
// cooperation, 07 provide aid, 08 yield, 09 investigate, 10 demand,
// 11 disapprove, 12 reject, 13 threaten, 14 protest, 15 exhibit force
// posture, 16 reduce relations, 17 coerce, 18 assault, 19 fight, 20 use
// unconventional mass violence.
//
// Quads: the verbal types are what actors say, the material ones what they
// do. CONCEDE is verbal (admitting, apologising, promising to yield) while
// RETREAT is the material yielding; REQUEST sits with verbal conflict as in
// PLOVER, because a demand on another actor presses it even when worded as
// an appeal.
var ontology = [...]typeInfo{
	{Agree, VerbalCooperation, "03", 4.5, "agree to, offer, promise or otherwise commit to cooperate, including signing or ratifying an agreement", nil},
	{Consult, VerbalCooperation, "04", 2.0, "meet, visit, host, talk or negotiate", []mode{
		{"visit", "", 1.9, "the actor travels to the recipient"},
		{"host", "", 2.8, "the actor receives a visit from the recipient (mode of the 2019 manual, kept because the GSR uses it and it fixes direction)"},
		{"phone", "", 1.0, "talks by telephone or video call"},
		{"third-party", "", 3.5, "a third party mediates or hosts talks between others"},
		{"multilateral", "", 3.0, "a summit, conference or meeting of several parties"},
	}},
	{Support, VerbalCooperation, "05", 3.0, "praise, endorse, defend, welcome or express solidarity", nil},
	// CONCEDE's modes are RETREAT's: a promise or declaration of a
	// yielding is a concession (the manual's "promises of future
	// concessions", "declarations (but not implementations) of
	// ceasefires and withdrawals"), and keeps the mode of what it
	// promises (see internal/event, promise.go).
	{Concede, VerbalCooperation, "08", 4.0, "yield verbally: admit, apologise, ease a position, accept a demand, promise to yield", []mode{
		{"withdraw", "", 0, "promise or declare a withdrawal of forces or personnel"},
		{"release", "", 0, "promise to free prisoners, hostages or detainees"},
		{"return", "", 0, "promise to return property, territory or people"},
		{"disarm", "", 0, "promise to give up or destroy weapons, to demobilise"},
		{"access", "", 0, "promise to allow access: open crossings, routes, sites or inspections"},
		{"ceasefire", "", 0, "agree to or declare a ceasefire or truce not yet in effect"},
		{"resign", "", 0, "promise to leave office"},
	}},
	{Cooperate, MaterialCooperation, "06", 6.0, "material cooperation or exchange: economic, military, judicial, intelligence", nil},
	{Aid, MaterialCooperation, "07", 7.0, "provide economic, military, humanitarian or other aid; grant asylum; deploy peacekeepers", nil},
	{Retreat, MaterialCooperation, "08", 5.0, "yield materially: withdraw, release, return, disarm, allow access, cease fire, resign", []mode{
		{"withdraw", "", 6.0, "pull back forces or personnel"},
		{"release", "", 5.0, "free prisoners, hostages or detainees"},
		{"return", "", 5.0, "return property, territory or people"},
		{"disarm", "", 6.0, "give up or destroy weapons, demobilise"},
		{"access", "", 5.0, "allow access: open crossings, routes, sites or inspections"},
		{"ceasefire", "", 7.0, "cease fire, declare or observe a truce"},
		{"resign", "", 3.0, "leave office under pressure"},
	}},
	{Request, VerbalConflict, "02", -1.5, "ask, appeal, urge or demand that another actor act", []mode{
		{"assist", "", -1.0, "ask for material help or cooperation"},
		{"meet", "", -1.0, "ask for talks or a meeting"},
		{"change", "", -2.5, "ask for a change of policy, leadership or institutions"},
		{"yield", "", -3.0, "ask another actor to concede, release, withdraw or stop"},
	}},
	{Accuse, VerbalConflict, "11", -2.0, "criticise, condemn, accuse or investigate", []mode{
		{"disapprove", "11", -2.0, "criticise, condemn, denounce"},
		{"investigate", "09", -2.0, "open or conduct an investigation or inquiry"},
		{"allege", "11", -3.0, "accuse of a specific wrong, crime or violation"},
	}},
	{Reject, VerbalConflict, "12", -4.0, "refuse, reject, deny, veto or defy", []mode{
		{"assist", "", -4.0, "refuse a request for material help or cooperation"},
		{"meet", "", -3.5, "refuse talks or a meeting"},
		{"change", "", -4.0, "refuse a change of policy, leadership or institutions"},
		{"yield", "", -4.5, "refuse to concede, release, withdraw or stop"},
	}},
	{Threaten, VerbalConflict, "13", -6.0, "threaten, warn of or give an ultimatum", []mode{
		{"violence", "", -7.0, "threaten force or attack"},
		{"restrict", "", -4.5, "threaten to restrict movement, rights or activity"},
		{"ban", "", -4.5, "threaten to ban an organisation, party or activity"},
		{"arrest", "", -5.0, "threaten arrest, prosecution or detention"},
		{"relations", "", -4.4, "threaten to cut ties, impose sanctions or end cooperation"},
		{"expel", "", -4.5, "threaten to expel diplomats, people or organisations"},
		{"territory", "", -6.5, "threaten to take or annex territory"},
		{"curfew", "", -5.0, "threaten a curfew (GSR mode)"},
		{"martial-law", "", -6.0, "threaten martial law or a state of emergency (GSR mode)"},
	}},
	{Protest, MaterialConflict, "14", -6.5, "demonstrate, riot, strike, boycott or obstruct", []mode{
		{"demo", "", -6.5, "demonstration, march, rally or sit-in"},
		{"riot", "", -7.5, "violent protest, riot"},
		{"strike", "", -6.5, "labour strike or work stoppage"},
		{"hunger", "", -6.0, "hunger strike"},
		{"boycott", "", -5.0, "boycott of an event, product, election or institution"},
		{"obstruct", "", -6.5, "blockade or obstruction of roads, sites or passage"},
	}},
	{Sanction, MaterialConflict, "16", -5.0, "reduce relations: sanctions, embargoes, expulsions, ending aid or cooperation, convictions", []mode{
		{"convict", "17", -5.0, "convict or sentence in court"},
		{"withdraw", "", -4.5, "withdraw from an agreement, organisation or process; recall an envoy"},
		{"discontinue", "", -5.0, "halt aid, trade, talks or cooperation; break off relations"},
		{"expel", "", -5.0, "expel diplomats, officials or organisations"},
	}},
	{Mobilize, MaterialConflict, "15", -7.2, "put forces on alert, deploy or mobilise troops, police, militias or weapons", []mode{
		{"troops", "", -7.2, "mobilise or deploy military forces"},
		{"police", "", -5.0, "mobilise or deploy police or security forces"},
		{"militia", "", -7.0, "mobilise militias or armed groups"},
		{"weapons", "", -7.2, "deploy, move or test weapons"},
	}},
	{Coerce, MaterialConflict, "17", -7.0, "seize, arrest, restrict, ban, censor, deport; repression short of violence", []mode{
		{"seize", "", -8.0, "seize or confiscate property, territory, vessels"},
		{"arrest", "", -6.0, "arrest, detain or charge"},
		{"restrict", "", -6.0, "restrict movement, assembly, communication or activity"},
		{"ban", "", -6.0, "ban an organisation, party, activity or person"},
		{"censor", "", -6.0, "censor media, block sites, shut down outlets"},
		{"curfew", "", -6.5, "impose a curfew"},
		{"martial-law", "", -8.0, "impose martial law or a state of emergency"},
		{"deport", "", -7.0, "deport or expel people"},
		{"withhold", "", -5.0, "withhold goods, payments, supplies or services"},
		{"cyber", "", -7.0, "cyber attack, hacking"},
		{"misinformation", "", -4.0, "disinformation or propaganda campaign"},
	}},
	{Assault, MaterialConflict, "19", -9.5, "use of force: attacks, killings, abductions, bombings, fighting", []mode{
		{"abduct", "18", -9.0, "abduct, kidnap, take hostage"},
		{"beat", "18", -8.5, "beat or physically assault"},
		{"torture", "18", -9.5, "torture"},
		{"sexual", "18", -9.5, "sexual violence"},
		{"assassinate", "18", -9.5, "targeted killing of a person"},
		{"execute", "18", -9.5, "execution"},
		{"primitive", "18", -9.0, "attack with knives, stones, clubs, fire or other primitive weapons"},
		{"suicide-attack", "18", -10, "suicide bombing or attack"},
		{"explosives", "18", -9.5, "bombs, IEDs, mines, car bombs"},
		{"destroy", "18", -9.0, "destroy property, burn houses, raze"},
		{"crowd-control", "17", -7.0, "tear gas, water cannon, rubber bullets against crowds"},
		{"firearms", "19", -9.5, "small arms fire, shootings"},
		{"heavy-weapons", "19", -10, "shelling, artillery, tanks, rockets, missiles"},
		{"aerial", "19", -10, "air strikes, bombing from the air"},
		{"drone", "19", -10, "drone strikes"},
		{"massacre", "20", -10, "mass killing"},
		{"cleansing", "20", -10, "ethnic cleansing, forced mass expulsion with violence"},
		{"unconventional", "20", -10, "chemical, biological, radiological or nuclear weapons"},
	}},
}

// index maps a type to its row.
var index = func() map[EventType]*typeInfo {
	m := make(map[EventType]*typeInfo, len(ontology))
	for i := range ontology {
		m[ontology[i].t] = &ontology[i]
	}
	return m
}()

func lookup(t EventType) *typeInfo { return index[t] }

func (ti *typeInfo) mode(name string) *mode {
	for i := range ti.modes {
		if ti.modes[i].name == name {
			return &ti.modes[i]
		}
	}
	return nil
}

// Types returns the 16 types in the manual's order. The slice is new on
// each call.
func Types() []EventType {
	out := make([]EventType, len(ontology))
	for i := range ontology {
		out[i] = ontology[i].t
	}
	return out
}

// Valid reports whether t is one of the 16 types (exact, upper case).
func (t EventType) Valid() bool { return lookup(t) != nil }

// String returns the type's name.
func (t EventType) String() string { return string(t) }

// Parse returns the type named by s in any case, such as "assault".
func Parse(s string) (EventType, bool) {
	t := EventType(strings.ToUpper(strings.TrimSpace(s)))
	return t, t.Valid()
}

// Describe returns a one-line description of the type, or "" for an
// invalid type.
func Describe(t EventType) string {
	if ti := lookup(t); ti != nil {
		return ti.about
	}
	return ""
}

// Modes returns the modes of t in the manual's order; nil for a type with
// no modes or an invalid type. The slice is new on each call.
func Modes(t EventType) []string {
	ti := lookup(t)
	if ti == nil || len(ti.modes) == 0 {
		return nil
	}
	out := make([]string, len(ti.modes))
	for i, m := range ti.modes {
		out[i] = m.name
	}
	return out
}

// ValidMode reports whether mode is a mode of t. The empty mode is valid
// for every valid type.
func ValidMode(t EventType, mode string) bool {
	ti := lookup(t)
	if ti == nil {
		return false
	}
	return mode == "" || ti.mode(mode) != nil
}

// Quad returns the quad category of t (VerbalCooperation and so on), or ""
// for an invalid type.
func Quad(t EventType) string {
	if ti := lookup(t); ti != nil {
		return ti.quad
	}
	return ""
}

// QuadCode returns the quad category as the number GDELT uses: 1 verbal
// cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict; 0 for an invalid type.
func QuadCode(t EventType) int {
	switch Quad(t) {
	case VerbalCooperation:
		return 1
	case MaterialCooperation:
		return 2
	case VerbalConflict:
		return 3
	case MaterialConflict:
		return 4
	}
	return 0
}

// CameoRoot returns the two-digit CAMEO root code closest to t in mode,
// such as "09" for ACCUSE/investigate. An unknown mode gives the type's
// root; an invalid type gives "".
func CameoRoot(t EventType, mode string) string {
	ti := lookup(t)
	if ti == nil {
		return ""
	}
	if m := ti.mode(mode); m != nil && m.cameo != "" {
		return m.cameo
	}
	return ti.cameo
}

// Intensity returns dateline's Goldstein-like score of t in mode, from −10
// to +10. An unknown mode gives the type's score; an invalid type gives 0.
func Intensity(t EventType, mode string) float64 {
	ti := lookup(t)
	if ti == nil {
		return 0
	}
	if m := ti.mode(mode); m != nil && m.intensity != 0 {
		return m.intensity
	}
	return ti.intensity
}

// DescribeMode returns a one-line description of a mode of t, or "".
func DescribeMode(t EventType, mode string) string {
	if ti := lookup(t); ti != nil {
		if m := ti.mode(mode); m != nil {
			return m.about
		}
	}
	return ""
}
