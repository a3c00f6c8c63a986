package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// GSRActor is an actor of a PLOVER gold-standard record.
type GSRActor struct {
	Text   string `json:"actorText"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
}

// GSRRecord is one sentence of the PLOVER gold-standard records. In these
// records Source is the PLOVER actor and Target the recipient.
type GSRRecord struct {
	ID         string `json:"id"`
	Text       string `json:"text"`
	Date       string `json:"date"`
	Event      string `json:"event"`
	PloverType string `json:"plover_type"`
	PloverMode string `json:"plover_mode"`
	Source     []GSRActor
	Target     []GSRActor
}

// ReadGSR reads a JSON array of GSR records. Fields whose shape varies
// between records (a target given as a string or null) are read leniently.
func ReadGSR(r io.Reader) ([]GSRRecord, error) {
	var raw []map[string]json.RawMessage
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, fmt.Errorf("decode GSR file: %w", err)
	}
	out := make([]GSRRecord, 0, len(raw))
	for i, m := range raw {
		var rec GSRRecord
		for key, dst := range map[string]*string{"id": &rec.ID, "text": &rec.Text, "date": &rec.Date, "event": &rec.Event,
			"plover_type": &rec.PloverType, "plover_mode": &rec.PloverMode} {
			if v, ok := m[key]; ok {
				_ = json.Unmarshal(v, dst) // a non-string value leaves the field empty
			}
		}
		rec.Source = actorsOf(m["source"])
		rec.Target = actorsOf(m["target"])
		if rec.Text == "" || rec.PloverType == "" {
			return nil, fmt.Errorf("GSR record %d (%s): missing text or plover_type", i, rec.ID)
		}
		out = append(out, rec)
	}
	return out, nil
}

func actorsOf(raw json.RawMessage) []GSRActor {
	var list []GSRActor
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	return nil
}

// countryAliases maps codes of the GSR's CAMEO heritage to ISO alpha-3.
var countryAliases = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}

// codesMatch compares a gold actor code with a coded one. The GSR codes
// every international organisation IGO, where dateline separates the UN
// system (UNO) and the European Union (EUR).
func codesMatch(gold, pred string) bool {
	if a, ok := countryAliases[gold]; ok {
		gold = a
	}
	if gold == pred {
		return true
	}
	return gold == "IGO" && (pred == "UNO" || pred == "EUR")
}

// Miss is one scoring error with its evidence.
type Miss struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Gold     string   `json:"gold"`
	Pred     []string `json:"pred"`
	Kind     string   `json:"kind"`
	Evidence []string `json:"evidence"`
}

// GSRReport is the result of scoring a GSR file. The headline scores
// (PerType, MacroF1, Micro, Confusion) compare each sentence's principal
// event with its gold event, one coded type against one gold type; AllEvents
// scores every asserted event the sentence yields, so that secondary
// events are not hidden.
type GSRReport struct {
	Records          int            `json:"records"`
	PerType          map[string]PRF `json:"per_type"`
	MacroF1          float64        `json:"macro_f1"`
	Micro            PRF            `json:"micro"`
	AllEvents        LabelScores    `json:"all_events"`
	ActorCountry     Ratio          `json:"actor_country_accuracy"`
	RecipientCountry Ratio          `json:"recipient_country_accuracy"`
	Confusion        Confusion      `json:"confusion"`
	ErrorKinds       []KindCount    `json:"error_kinds"`
	Misses           []Miss         `json:"misses"`
	Seconds          float64        `json:"seconds"`
}

// LabelScores are per-type, macro and micro scores of one way of counting.
type LabelScores struct {
	PerType map[string]PRF `json:"per_type"`
	MacroF1 float64        `json:"macro_f1"`
	Micro   PRF            `json:"micro"`
}

// KindCount is an error kind and how often it occurred.
type KindCount struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
}

func topKinds(m map[string]int, n int) []KindCount {
	var out []KindCount
	for k, c := range m {
		out = append(out, KindCount{k, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Kind < out[j].Kind
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// codedTypes returns the distinct types of the document's asserted events,
// in order of first appearance: negated events did not happen, and a
// complement ("agreed to [withdraw]") is what an event is about, not an
// event of its own.
func codedTypes(d *doc.Doc) []string {
	var out []string
	seen := map[string]bool{}
	for _, ev := range d.Events {
		if !asserted(ev) || seen[string(ev.Type)] {
			continue
		}
		seen[string(ev.Type)] = true
		out = append(out, string(ev.Type))
	}
	return out
}

// asserted reports an event that is coded as having happened.
func asserted(ev doc.Event) bool { return !ev.Negated && !isComplement(ev) }

// principalEvent returns the index of the document's first principal
// event, or -1 when there is none or it is not asserted (a negated event
// or a complement is principal only in a sentence with nothing else).
func principalEvent(d *doc.Doc) int {
	for i, ev := range d.Events {
		if ev.Principal {
			if asserted(ev) {
				return i
			}
			return -1
		}
	}
	return -1
}

func isComplement(ev doc.Event) bool { return ev.Aux.Has(doc.AuxComplement) }

func evidenceOf(d *doc.Doc) []string {
	var out []string
	for _, ev := range d.Events {
		var a, r []string
		for _, x := range ev.Actors {
			a = append(a, x.CountryCode+"/"+x.SectorCode)
		}
		for _, x := range ev.Recipients {
			r = append(r, x.CountryCode+"/"+x.SectorCode)
		}
		mark := "  "
		if ev.Principal {
			mark = "* "
		}
		neg := ""
		if ev.Negated {
			neg = " negated"
		}
		out = append(out, fmt.Sprintf("%s%s/%s%s trigger=%q actor=%v recipient=%v rule=%s", mark, ev.Type, ev.Mode, neg,
			d.SpanText(ev.Evidence.Trigger), a, r, ev.Rule))
	}
	return out
}

// ScoreGSR codes each record's sentence and scores its principal event's
// type against the gold type (the headline), every asserted event's type
// (AllEvents), and actor and recipient countries over matched events: the
// principal event when its type is the gold's, else the asserted events
// of the gold type, as all-events scoring matches them.
func ScoreGSR(ctx context.Context, c *coder.Coder, recs []GSRRecord) (*GSRReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &GSRReport{Records: len(recs), Confusion: Confusion{}}
	principal, all := newLabelScorer(), newLabelScorer()
	gold := map[string]bool{}
	kinds := map[string]int{}
	for _, rec := range recs {
		d := &doc.Doc{ID: rec.ID, Text: rec.Text}
		if t, err := time.Parse("2006-01-02", rec.Date); err == nil {
			d.Published = t
		}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", rec.ID, err)
		}
		g := strings.ToUpper(rec.PloverType)
		gold[g] = true
		types := codedTypes(d)
		all.add(g, types)
		pi := principalEvent(d)
		top := "NONE"
		var pred []string
		if pi >= 0 {
			top = string(d.Events[pi].Type)
			pred = []string{top}
		}
		principal.add(g, pred)
		rep.Confusion.add(g, top)
		miss := Miss{ID: rec.ID, Text: rec.Text, Gold: g, Pred: types, Evidence: evidenceOf(d)}
		if top != g {
			miss.Kind = g + " coded as " + top
			if top == "NONE" {
				miss.Kind = "missed " + g
			}
			kinds[miss.Kind]++
			rep.Misses = append(rep.Misses, miss)
		}
		var matched []doc.Event
		switch {
		case top == g:
			matched = d.Events[pi : pi+1]
		default:
			for _, ev := range d.Events {
				if string(ev.Type) == g && asserted(ev) {
					matched = append(matched, ev)
				}
			}
		}
		if len(matched) == 0 {
			continue
		}
		var actors, recipients []string
		for _, ev := range matched {
			for _, a := range ev.Actors {
				actors = append(actors, a.CountryCode)
			}
			for _, r := range ev.Recipients {
				recipients = append(recipients, r.CountryCode)
			}
		}
		if ok, scored := anyMatch(rec.Source, actors); scored {
			rep.ActorCountry.add(ok)
			if !ok {
				kinds["actor country wrong"]++
				if miss.Kind == "" {
					miss.Kind = "actor country wrong"
					rep.Misses = append(rep.Misses, miss)
				}
			}
		}
		if ok, scored := anyMatch(rec.Target, recipients); scored {
			rep.RecipientCountry.add(ok)
			if !ok {
				kinds["recipient country wrong"]++
				if miss.Kind == "" {
					miss.Kind = "recipient country wrong"
					rep.Misses = append(rep.Misses, miss)
				}
			}
		}
	}
	rep.PerType, rep.MacroF1, rep.Micro = principal.finish(gold)
	rep.AllEvents.PerType, rep.AllEvents.MacroF1, rep.AllEvents.Micro = all.finish(gold)
	rep.ErrorKinds = topKinds(kinds, 10)
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// anyMatch reports whether any gold code matches any coded one; scored is
// false when the gold has no code to compare.
func anyMatch(gold []GSRActor, pred []string) (ok, scored bool) {
	for _, g := range gold {
		if g.Code == "" {
			continue
		}
		scored = true
		for _, p := range pred {
			if codesMatch(g.Code, p) {
				return true, true
			}
		}
	}
	return false, scored
}

// Write prints the report for people; errors limits the misses shown.
func (r *GSRReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "PLOVER GSR: %d sentences, %.1f s\n\n", r.Records, r.Seconds)
	fmt.Fprintln(w, "principal event per sentence:")
	writePRFTable(w, r.PerType)
	fmt.Fprintf(w, "\nprincipal event  micro P %.3f  R %.3f  F1 %.3f   macro F1 %.3f\n", r.Micro.Precision, r.Micro.Recall, r.Micro.F1, r.MacroF1)
	a := r.AllEvents
	fmt.Fprintf(w, "all events       micro P %.3f  R %.3f  F1 %.3f   macro F1 %.3f\n", a.Micro.Precision, a.Micro.Recall, a.Micro.F1, a.MacroF1)
	fmt.Fprintf(w, "actor country accuracy     %.3f (%d/%d matched events)\n", r.ActorCountry.Value, r.ActorCountry.Correct, r.ActorCountry.Total)
	fmt.Fprintf(w, "recipient country accuracy %.3f (%d/%d matched events)\n\n", r.RecipientCountry.Value, r.RecipientCountry.Correct, r.RecipientCountry.Total)
	fmt.Fprintln(w, "confusion (gold rows, principal event's type columns; NONE = no asserted principal event):")
	r.Confusion.Write(w)
	fmt.Fprintln(w, "\nmost common error kinds:")
	for _, k := range r.ErrorKinds {
		fmt.Fprintf(w, "  %4d  %s\n", k.Count, k.Kind)
	}
	writeMisses(w, r.Misses, errors)
}

func writeMisses(w io.Writer, misses []Miss, n int) {
	if n <= 0 {
		return
	}
	fmt.Fprintf(w, "\nfirst %d misses:\n", min(n, len(misses)))
	for i, m := range misses {
		if i >= n {
			break
		}
		fmt.Fprintf(w, "- %s [%s] gold=%s coded=%v\n  %s\n", m.ID, m.Kind, m.Gold, m.Pred, m.Text)
		for _, e := range m.Evidence {
			fmt.Fprintf(w, "    %s\n", e)
		}
	}
}

// ReadGSRFile opens and reads a GSR file.
func ReadGSRFile(path string) ([]GSRRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open GSR file: %w", err)
	}
	defer f.Close()
	return ReadGSR(f)
}
