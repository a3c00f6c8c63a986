package event

import (
	"slices"
	"sort"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/lang/en"
	"github.com/dateline-project/dateline/internal/plover"
)

// recastAssaults gives the PLOVER type that what its sentence says calls
// for to an ASSAULT coded from a bare word of violence (one with no weapon
// mode: a mode says the force was physical), or from the destruction of
// property, which only the protest-crowd rule below recasts. The first
// rule that holds wins:
//
//   - violence words used of a computer attack are COERCE/cyber (see
//     cyberClause): PLOVER files cyber attacks under COERCE, and news
//     tells them with the words of violence ("hackers attacked the
//     ministry's network");
//   - a raid by the police is a search by the authorities, COERCE, while
//     an armed raid on a town or a base stays ASSAULT (see policeRaid);
//   - violence by a crowd of protest is PROTEST/riot (see protestCrowd):
//     PLOVER's PROTEST has a riot mode for protest that turns violent
//     (stones thrown, property burnt, clashes with the police); ASSAULT
//     is the organised force of armed actors, and the police's side of a
//     one-sided attack keeps it ("police beat protesters");
//   - a strike by workers is a work stoppage, PROTEST/strike (see
//     labourStrike): "strike" with workers, teachers or doctors as its
//     actor and no one struck ("cabin crew are preparing to strike").
//
// One rule runs the other way: an obstruction (PROTEST/obstruct) by armed
// forces is a restriction of movement, COERCE/restrict (see armedSide).
//
// A clash is reciprocal: "police clashed with protesters" says as much
// that the protesters clashed with the police. A trigger whose frame
// takes its other side with "with" or both sides with "between" (clash,
// fight, battle, scuffle; see reciprocalFrame) is a riot when either
// side is a protest crowd, and the crowd becomes its actor.
func (s *Stage) recastAssaults(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type == plover.Threaten && ev.IntendedType == plover.Assault && labourStrike(d, ev) {
			// Intent took the walkout for a threatened attack before
			// this pass could tell the sense.
			if s.conditionedEvent(d, ev) {
				// "Teachers will strike unless their pay is raised":
				// a walkout held over the other side's conduct is a
				// threat of protest (CAMEO 133).
				ev.IntendedType = plover.Protest
			} else {
				// "Teachers will strike next week": a protest
				// announced stays a protest (intent leaves future
				// protests as they are).
				ev.Type, ev.Mode, ev.IntendedType = plover.Protest, "strike", ""
			}
			ev.Context = appendOnce(ev.Context, "labor")
			ev.Rule += " +labour_strike"
			continue
		}
		if ev.Type == plover.Protest && ev.Mode == "obstruct" && armedSide(ev.Actors) {
			// "Police blocked the roads", "troops occupied the
			// building": armed forces that block passage or hold a
			// building restrict movement (CAMEO 191, PLOVER COERCE);
			// only civilians protest by obstruction.
			ev.Type, ev.Mode = plover.Coerce, "restrict"
			ev.Rule += " +armed_obstruction"
			continue
		}
		if ev.Type != plover.Assault {
			continue
		}
		if ev.Mode == "destroy" {
			// Property burnt or wrecked by a protest crowd is the
			// riot's own violence ("protesters set fire to cars"), and
			// so is property destroyed by no one named in a sentence
			// that tells of the protest ("a police station was burned
			// down after a night of rioting").
			if protestCrowd(ev.Actors) || len(ev.Actors) == 0 && protestInSentence(d, ev) {
				ev.Type, ev.Mode = plover.Protest, "riot"
				ev.Rule += " +crowd_violence"
			}
			continue
		}
		if ev.Mode != "" {
			continue
		}
		switch {
		case s.cyberEvent(d, ev):
			ev.Type, ev.Mode = plover.Coerce, "cyber"
			ev.Context = appendOnce(ev.Context, "cyber")
			ev.Rule += " +cyber"
		case policeRaid(d, ev):
			ev.Type = plover.Coerce
			ev.Rule += " +police_raid"
		case labourStrike(d, ev):
			ev.Type, ev.Mode = plover.Protest, "strike"
			ev.Context = appendOnce(ev.Context, "labor")
			ev.Rule += " +labour_strike"
		case protestCrowd(ev.Actors):
			ev.Type, ev.Mode = plover.Protest, "riot"
			ev.Rule += " +crowd_violence"
		case s.reciprocal[i] && protestCrowd(ev.Recipients):
			ev.Actors, ev.Recipients = ev.Recipients, ev.Actors
			ev.Type, ev.Mode = plover.Protest, "riot"
			ev.Rule += " +crowd_violence +reciprocal"
		}
	}
}

// protestInSentence reports another event of ev's sentence that is a
// protest.
func protestInSentence(d *doc.Doc, ev *doc.Event) bool {
	for j := range d.Events {
		o := &d.Events[j]
		if o != ev && o.Type == plover.Protest && o.Evidence.Sentence == ev.Evidence.Sentence {
			return true
		}
	}
	return false
}

// markReciprocal notes which of d's events have a trigger of mutual
// action (reciprocalFrame).
func (s *Stage) markReciprocal(d *doc.Doc) {
	s.reciprocal = growBool(s.reciprocal, len(d.Events))
	for _, c := range s.coded {
		s.reciprocal[c.event] = reciprocalFrame(c.trig)
	}
}

// mutualParties gives a mutual action with a coordinated subject and no
// other side its two sides: "Ruritania and Freedonia met" says what
// "Ruritania met with Freedonia" says, and "Ruritanian and Freedonian
// troops clashed" what "Ruritanian troops clashed with Freedonian
// troops" does (reciprocal predicates, Quirk et al. 1985, §6.28), so
// the first party is the actor and the others its recipients, as the
// "with" frame would have coded them. A dyad is what event data counts;
// a list of actors with no recipient counts as no dyad at all.
func (s *Stage) mutualParties(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if !s.reciprocal[i] || !onlyPlaces(ev.Recipients) || len(ev.Actors) < 2 {
			continue
		}
		// A place recipient ("held talks in Arusha") stood in for the
		// missing other side.
		parties := append([]doc.EventActor(nil), ev.Actors...)
		sort.SliceStable(parties, func(a, b int) bool { return parties[a].Start < parties[b].Start })
		ev.Actors, ev.Recipients = parties[:1:1], parties[1:]
		ev.Rule += " +mutual"
	}
}

// reciprocalFrame reports a trigger of mutual action: one of its frames
// takes the other side with "with" ("clashed with the police") or both
// sides with "between" ("clashes between protesters and police").
func reciprocalFrame(tr *lexicon.Trigger) bool {
	for _, f := range tr.Frames {
		if (f.Recipient.Kind == lexicon.SlotPrep && f.Recipient.Prep == "with") || (f.Actor.Kind == lexicon.SlotPrep && f.Actor.Prep == "between") {
			return true
		}
	}
	return false
}

// cyberEvent reports whether ev's clause names a cyber operation
// (cyberClause).
func (s *Stage) cyberEvent(d *doc.Doc, ev *doc.Event) bool {
	return s.cyberClause(s.ci.tokenAt(ev.Evidence.Trigger.Start, 0))
}

// policeRaid reports whether ev is a raid ("raid", "raided") whose actor
// is the police: an actor of sector COP, or "police" right before the
// trigger ("police raids on ...").
func policeRaid(d *doc.Doc, ev *doc.Event) bool {
	trig := strings.ToLower(d.Text[ev.Evidence.Trigger.Start:ev.Evidence.Trigger.End])
	if !strings.HasPrefix(trig, "raid") {
		return false
	}
	for _, a := range ev.Actors {
		if a.SectorCode == "COP" {
			return true
		}
	}
	t := tokenAtOrAfter(d, ev.Evidence.Trigger.Start, 0)
	return t > 0 && strings.EqualFold(d.Text[d.Tokens[t-1].Start:d.Tokens[t-1].End], "police")
}

// protestCrowd reports whether every one of the participants is a crowd
// of protest, which the role dictionary marks as civilians opposing
// someone (CVL with OPP: protesters, demonstrators, rioters).
func protestCrowd(side []doc.EventActor) bool {
	if len(side) == 0 {
		return false
	}
	for _, a := range side {
		if a.SectorCode != "CVL" || !slices.Contains(a.OtherSectorCodes, "OPP") {
			return false
		}
	}
	return true
}

// conditionedEvent reports an "if" or "unless" clause set on ev's
// trigger (conditioned).
func (s *Stage) conditionedEvent(d *doc.Doc, ev *doc.Event) bool {
	k := s.ci.tokenAt(ev.Evidence.Trigger.Start, 0)
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].EndToken > k })
	if i >= len(d.Sentences) || k < d.Sentences[i].FirstToken {
		return false
	}
	return s.conditioned(d.Sentences[i], k)
}

// armedSide reports participants that are all armed forces: the military,
// the police, rebels or unidentified armed groups.
func armedSide(side []doc.EventActor) bool {
	if len(side) == 0 {
		return false
	}
	for _, a := range side {
		switch a.SectorCode {
		case "MIL", "COP", "REB", "UAF":
		default:
			return false
		}
	}
	return true
}

// labourStrike reports an ASSAULT coded from the word "strike" alone (the
// verb or the noun) whose actors are all named as employees (sectors
// labour, education, medicine; not a pronoun) and which struck no object
// (struckObject): the walkout sense. A strike on a target keeps the sense
// of violence.
func labourStrike(d *doc.Doc, ev *doc.Event) bool {
	trig := strings.ToLower(d.Text[ev.Evidence.Trigger.Start:ev.Evidence.Trigger.End])
	switch trig {
	case "strike", "strikes", "struck", "striking":
	default:
		return false
	}
	if len(ev.Actors) == 0 || struckObject(d, ev) {
		return false
	}
	for _, a := range ev.Actors {
		switch a.SectorCode {
		case "LAB", "EDU", "MED":
		default:
			return false
		}
		if en.IsActorPronoun(strings.ToLower(a.RawText)) {
			// The sector came through coreference, too weak to
			// overturn the sense: "they began to strike" of gunmen.
			return false
		}
	}
	return true
}

// struckObject reports a recipient that is the trigger's object: one that
// follows it with at most a determiner between ("struck the village",
// "strike their positions"). A recipient behind a preposition ("strike in
// solidarity with the dockers") was not struck.
func struckObject(d *doc.Doc, ev *doc.Event) bool {
	for _, r := range ev.Recipients {
		if r.Start < ev.Evidence.Trigger.End {
			continue
		}
		gap := strings.Fields(strings.ToLower(d.Text[ev.Evidence.Trigger.End:r.Start]))
		if len(gap) == 0 || len(gap) == 1 && en.IsDeterminer(gap[0]) {
			return true
		}
	}
	return false
}
