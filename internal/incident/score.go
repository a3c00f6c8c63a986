package incident

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Scores compare a clustering with a gold one over the same reports.
//
// Pairwise figures count pairs of reports: precision is the share of
// pairs put in one incident that gold puts in one, recall the share of
// gold's pairs that are put in one. They weigh big incidents
// quadratically. B-cubed figures (Bagga and Baldwin 1998) average over
// reports instead: a report's precision is the share of its incident that
// shares its gold incident, its recall the share of its gold incident that
// shares its incident; so each report weighs the same whatever the size
// of its incident.
type Scores struct {
	Reports                     int
	PairPrecision, PairRecall   float64
	PairF1                      float64
	B3Precision, B3Recall, B3F1 float64
}

// Score compares the predicted incident of each report (event id →
// incident) with its gold incident. Both maps must hold the same reports.
// A measure with nothing to measure (no pairs) scores 1.
func Score(gold, pred map[string]string) (Scores, error) {
	if len(gold) != len(pred) {
		return Scores{}, fmt.Errorf("incident: score: %d gold reports but %d predicted", len(gold), len(pred))
	}
	type cell struct{ g, p string }
	joint := map[cell]int{}
	gsize, psize := map[string]int{}, map[string]int{}
	for r, g := range gold {
		p, ok := pred[r]
		if !ok {
			return Scores{}, fmt.Errorf("incident: score: report %s has no predicted incident", r)
		}
		joint[cell{g, p}]++
		gsize[g]++
		psize[p]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, gp, pp float64
	var b3p, b3r float64
	// Sum in a fixed order so that the floating-point totals, and thus
	// the figures, are the same on every run.
	cells := make([]cell, 0, len(joint))
	for k := range joint {
		cells = append(cells, k)
	}
	slices.SortFunc(cells, func(a, b cell) int { return cmp.Or(cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p)) })
	for _, k := range cells {
		n := float64(joint[k])
		tp += pairs(joint[k])
		// Each of the n reports in the cell has n reports of its
		// incident in its gold incident (itself included).
		b3p += n * n / float64(psize[k.p])
		b3r += n * n / float64(gsize[k.g])
	}
	for _, g := range slices.Sorted(maps.Keys(gsize)) {
		gp += pairs(gsize[g])
	}
	for _, p := range slices.Sorted(maps.Keys(psize)) {
		pp += pairs(psize[p])
	}
	s := Scores{Reports: len(gold), PairPrecision: 1, PairRecall: 1, B3Precision: 1, B3Recall: 1}
	if pp > 0 {
		s.PairPrecision = tp / pp
	}
	if gp > 0 {
		s.PairRecall = tp / gp
	}
	if len(gold) > 0 {
		s.B3Precision = b3p / float64(len(gold))
		s.B3Recall = b3r / float64(len(gold))
	}
	s.PairF1 = f1(s.PairPrecision, s.PairRecall)
	s.B3F1 = f1(s.B3Precision, s.B3Recall)
	return s, nil
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
