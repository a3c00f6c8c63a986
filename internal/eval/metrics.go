// Package eval scores dateline against gold data: PLOVER gold-standard
// sentences (event type, actor and recipient countries), document-level
// event labels, and dateline's own quote and place gold files. Each scorer
// reads its gold format, runs the coder, and returns a plain report that
// the command prints as text or JSON.
//
// The GSR codes one event per sentence, its principal event, so ScoreGSR's
// headline compares the type of the event the coder marks principal in the
// sentence (doc.Event.Principal) with the gold type: one coded type against
// one gold type, and no type when the principal event is negated or there
// is none. The scores over every asserted event of the sentence are kept
// beside it (GSRReport.AllEvents), so secondary events are not hidden.
// Actor and recipient countries are scored over the principal event when
// its type is the gold's, else over the sentence's events of the gold type.
package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// Ratio is a fraction with its counts.
type Ratio struct {
	Correct int     `json:"correct"`
	Total   int     `json:"total"`
	Value   float64 `json:"value"`
}

func (r *Ratio) add(ok bool) {
	r.Total++
	if ok {
		r.Correct++
	}
	r.Value = float64(r.Correct) / float64(r.Total)
}

// Confusion counts gold label against predicted label.
type Confusion map[string]map[string]int

func (c Confusion) add(gold, pred string) {
	if c[gold] == nil {
		c[gold] = map[string]int{}
	}
	c[gold][pred]++
}

// Write prints the table with gold labels as rows.
func (c Confusion) Write(w io.Writer) {
	labels := map[string]bool{}
	for g, row := range c {
		labels[g] = true
		for p := range row {
			labels[p] = true
		}
	}
	var cols []string
	for l := range labels {
		cols = append(cols, l)
	}
	sort.Strings(cols)
	var rows []string
	for g := range c {
		rows = append(rows, g)
	}
	sort.Strings(rows)
	fmt.Fprintf(w, "%-10s", "gold\\pred")
	for _, l := range cols {
		fmt.Fprintf(w, " %4.4s", l)
	}
	fmt.Fprintln(w)
	for _, g := range rows {
		fmt.Fprintf(w, "%-10s", g)
		for _, l := range cols {
			if n := c[g][l]; n > 0 {
				fmt.Fprintf(w, " %4d", n)
			} else {
				fmt.Fprintf(w, " %4s", ".")
			}
		}
		fmt.Fprintln(w)
	}
}

// perLabel computes per-label PRF, macro and micro F1 from single-label
// gold and a set of predicted labels per item.
type labelScorer struct {
	per   map[string]*PRF
	micro PRF
}

func newLabelScorer() *labelScorer { return &labelScorer{per: map[string]*PRF{}} }

func (s *labelScorer) get(l string) *PRF {
	p := s.per[l]
	if p == nil {
		p = &PRF{}
		s.per[l] = p
	}
	return p
}

// add scores one item: gold is its label; pred the distinct labels coded.
func (s *labelScorer) add(gold string, pred []string) {
	hit := false
	for _, p := range pred {
		if p == gold {
			hit = true
			s.get(p).TP++
			s.micro.TP++
		} else {
			s.get(p).FP++
			s.micro.FP++
		}
	}
	if !hit {
		s.get(gold).FN++
		s.micro.FN++
	}
}

// finish returns per-label scores, macro F1 over the labels that occur in
// the gold data, and micro PRF.
func (s *labelScorer) finish(goldLabels map[string]bool) (map[string]PRF, float64, PRF) {
	out := map[string]PRF{}
	var macro float64
	n := 0
	for l, p := range s.per {
		p.finish()
		out[l] = *p
	}
	for l := range goldLabels {
		macro += out[l].F1
		n++
	}
	if n > 0 {
		macro /= float64(n)
	}
	s.micro.finish()
	return out, macro, s.micro
}

func writePRFTable(w io.Writer, per map[string]PRF) {
	var labels []string
	for l := range per {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	fmt.Fprintf(w, "%-10s %5s %5s %5s %6s %6s %6s\n", "type", "tp", "fp", "fn", "P", "R", "F1")
	for _, l := range labels {
		p := per[l]
		fmt.Fprintf(w, "%-10s %5d %5d %5d %6.3f %6.3f %6.3f\n", l, p.TP, p.FP, p.FN, p.Precision, p.Recall, p.F1)
	}
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
