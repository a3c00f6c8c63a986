package incident

import (
	"fmt"
	"slices"
	"strings"
)

// Member is one report with its Membership's incident and anchor:
// everything a store must keep to Restore a Clusterer without comparing
// reports again. (It repeats the two fields rather than embedding
// Membership, whose EventID would collide with the Report's.)
type Member struct {
	Report
	Incident string `json:"incident"`
	Anchor   string `json:"anchor,omitempty"`
}

// Snapshot returns every report with its incident and anchor, sorted by
// event id. Incidents themselves need not be stored to restore: they
// follow from the memberships (Incidents rebuilds them).
func (c *Clusterer) Snapshot() []Member {
	out := make([]Member, c.nodes.len())
	for i := range int32(c.nodes.len()) {
		n := c.nodes.at(i)
		m := c.membership(int32(i))
		out[i] = Member{Report: cloneReport(n.rep), Incident: m.Incident, Anchor: m.Anchor}
	}
	slices.SortFunc(out, func(a, b Member) int { return strings.Compare(a.EventID, b.EventID) })
	return out
}

// Restore rebuilds a Clusterer, its index included, from a Snapshot, in
// time linear in the number of reports: it trusts the memberships rather
// than comparing reports again, so that a restart costs no more than
// reading the rows. It checks what it can check cheaply (every id refers
// to a report, each incident is named after its first report, a
// satellite's anchor is a compatible anchor in the same incident, and
// anchored and unanchored reports are not mixed) and fails on a state no
// Clusterer could have written, such as one half-written by a store that
// did not apply a TakeChanges in one transaction; the caller then
// rebuilds by adding the reports to a New Clusterer.
//
// The restored Clusterer has no pending changes: the store already holds
// the incidents the members name.
func Restore(opt Options, members []Member) (*Clusterer, error) {
	c, err := New(opt)
	if err != nil {
		return nil, err
	}
	ms := slices.Clone(members)
	slices.SortFunc(ms, func(a, b Member) int { return strings.Compare(a.EventID, b.EventID) })
	groups := make(map[string][]int32)
	var labels []string
	labelOf := make([]string, len(ms))
	for _, m := range ms {
		if _, ok := c.event(m.EventID); ok {
			return nil, fmt.Errorf("incident: restore: event %s was already added", m.EventID)
		}
		i, err := c.push(m.Report)
		if err != nil {
			return nil, fmt.Errorf("incident: restore: %w", err)
		}
		if m.Incident == "" {
			return nil, fmt.Errorf("incident: restore: report %s has no incident", m.EventID)
		}
		if _, ok := groups[m.Incident]; !ok {
			labels = append(labels, m.Incident)
		}
		groups[m.Incident] = append(groups[m.Incident], i)
		labelOf[i] = m.Incident
	}
	for _, m := range ms {
		if m.Anchor == "" {
			continue
		}
		i, _ := c.event(m.EventID) // pushed above
		j := int32(-1)
		if k, ok := c.event(m.Anchor); ok {
			j = k
		}
		s := c.nodes.at(i)
		switch {
		case s.kind != satellite:
			return nil, fmt.Errorf("incident: restore: report %s has an anchor but is no satellite", m.EventID)
		case j < 0:
			return nil, fmt.Errorf("incident: restore: report %s names anchor %s, which is missing", m.EventID, m.Anchor)
		case c.nodes.at(j).kind != anchor || !c.opt.compatible(s, c.nodes.at(j)):
			return nil, fmt.Errorf("incident: restore: report %s names %s, which is no compatible anchor", m.EventID, m.Anchor)
		}
		s.best = j
	}
	for _, label := range labels {
		g := groups[label]
		cl := c.newCluster(g[0], false)
		for _, i := range g[1:] {
			c.insert(cl, i)
		}
		for _, i := range g {
			n := c.nodes.at(i)
			switch {
			case n.kind == anchor:
				cl.anchored = true
			case n.kind == single && len(g) > 1:
				return nil, fmt.Errorf("incident: restore: undated report %s shares incident %s", n.rep.EventID, label)
			case n.best >= 0 && labelOf[n.best] != label:
				return nil, fmt.Errorf("incident: restore: report %s is not in the incident of its anchor", n.rep.EventID)
			}
		}
		for _, i := range g {
			if n := c.nodes.at(i); n.kind == satellite && (n.best >= 0) != cl.anchored {
				return nil, fmt.Errorf("incident: restore: satellite %s's anchor does not fit incident %s", n.rep.EventID, label)
			}
		}
		if id := c.idOf(cl); id != label {
			return nil, fmt.Errorf("incident: restore: incident %s should be named %s after its first report", label, id)
		}
		cl.published, cl.publishedCanon = label, cl.canon
	}
	for i := range int32(c.nodes.len()) {
		c.file(int32(i))
	}
	for _, cl := range c.dirty {
		cl.dirty = false
	}
	c.dirty = c.dirty[:0]
	for _, i := range c.moved {
		n := c.nodes.at(i)
		n.moved = false
		n.shownFirst, n.shownBest = n.cl.first, n.best
	}
	c.moved = c.moved[:0]
	return c, nil
}
