package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
)

// A protest's target.
//
// PLOVER codes a demonstration, strike or hunger strike against whom it
// is aimed, and news says so in a purpose clause more often than in the
// protest's own phrase: "went on hunger strike to demand higher pay from
// the ministry", "marched to protest against the new tax law". The
// purpose clause is an infinitive on the
// protest (its verb, its noun, or the support verb whose object the noun
// is), and the event it codes, a demand, a protest or an accusation,
// names the target as its recipient. protestTargets gives a protest with
// no recipient of its own (or only the place it was held in) that one.

// protestTargets sets the recipients of each protest from the event of
// its purpose clause. It needs s.heads (findHeads).
func (s *Stage) protestTargets(d *doc.Doc) {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type != plover.Protest || ev.Negated || len(ev.Recipients) > 0 && !strings.Contains(ev.Rule, "+place_recipient") {
			continue
		}
		h := s.heads[i]
		if h >= len(d.Tokens) {
			continue
		}
		for j := range d.Events {
			purpose := &d.Events[j]
			if j == i || purpose.Evidence.Sentence != ev.Evidence.Sentence || len(purpose.Recipients) == 0 ||
				strings.Contains(purpose.Rule, "+place_recipient") || !aimed(purpose.Type) || !s.purposeOf(s.heads[j], h) {
				continue
			}
			ev.Recipients = append(ev.Recipients[:0:0], purpose.Recipients...)
			ev.Rule += " +purpose_target"
			break
		}
	}
}

// aimed reports the event types whose recipient is what a protest is
// aimed at: a demand, a protest, an accusation or a rejection.
func aimed(t plover.EventType) bool {
	switch t {
	case plover.Request, plover.Protest, plover.Accuse, plover.Reject:
		return true
	}
	return false
}

// purposeOf reports whether token q heads an infinitive clause ("to
// demand") on the protest at token h: on h itself, or on the verb whose
// object or subject h is ("began a hunger strike to demand", "a strike
// ... was called to protest").
func (s *Stage) purposeOf(q, h int) bool {
	if q >= len(s.ci.d.Tokens) {
		return false
	}
	switch s.tr.Rel(q).Base() {
	case doc.DepAdvcl, doc.DepXcomp, doc.DepAcl:
	default:
		return false
	}
	if mk := s.tr.Marker(q); mk < 0 || s.ci.tok(mk) != "to" {
		return false
	}
	g := s.tr.Head(q)
	if g == h {
		return true
	}
	switch s.tr.Rel(h).Base() {
	case doc.DepObj, doc.DepNsubj:
		return s.tr.Head(h) == g
	}
	return false
}
