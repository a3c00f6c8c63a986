package event

import (
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
)

// policeRaids recodes raids by the police. A police raid on homes,
// offices or a community is a search by the authorities, which PLOVER
// files under COERCE; an armed raid on a town or a base is ASSAULT, which
// the bare "raid" patterns code. A raid is a police raid when an actor is
// police (sector COP) or "police" stands right before the trigger ("police
// raids on ...").
func (s *Stage) policeRaids(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Assault || ev.Mode != "" {
			continue
		}
		trig := strings.ToLower(d.Text[ev.Evidence.Trigger.Start:ev.Evidence.Trigger.End])
		if !strings.HasPrefix(trig, "raid") || !byPolice(d, ev) {
			continue
		}
		ev.Type = plover.Coerce
		ev.Rule += " +police_raid"
	}
}

// byPolice reports whether an event's actor is the police.
func byPolice(d *doc.Doc, ev *doc.Event) bool {
	for _, a := range ev.Actors {
		if a.SectorCode == "COP" {
			return true
		}
	}
	t := tokenAtOrAfter(d, ev.Evidence.Trigger.Start, 0)
	return t > 0 && strings.EqualFold(d.Text[d.Tokens[t-1].Start:d.Tokens[t-1].End], "police")
}

// crowdViolence recodes violence by a protest crowd. PLOVER's PROTEST has
// a riot mode for protest that turns violent (stones thrown, property
// burnt, clashes with the police); ASSAULT is for the organised force of
// armed actors. So an ASSAULT with no weapon mode whose actors are all
// crowds of protest, which the role dictionary marks as civilians
// opposing someone (CVL with OPP: protesters, demonstrators, rioters), is
// PROTEST/riot. The police's side of a clash keeps its ASSAULT.
func (s *Stage) crowdViolence(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Assault || ev.Mode != "" || len(ev.Actors) == 0 {
			continue
		}
		crowd := true
		for _, a := range ev.Actors {
			if a.SectorCode != "CVL" || !slices.Contains(a.OtherSectorCodes, "OPP") {
				crowd = false
				break
			}
		}
		if !crowd {
			continue
		}
		ev.Type, ev.Mode = plover.Protest, "riot"
		ev.Rule += " +crowd_violence"
	}
}
