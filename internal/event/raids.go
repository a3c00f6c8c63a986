package event

import (
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
