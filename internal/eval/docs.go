package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/text"
)

// LabelledDoc is a story with its main event type.
type LabelledDoc struct {
	ID, Title, Text, Label, Mode string
	Line                         int
}

// ReadLabelledCSV reads a CSV with the columns id, title, text, label and
// optionally mode (the NGEC synthetic-story format).
func ReadLabelledCSV(r io.Reader) ([]LabelledDoc, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"id", "text", "label"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("header lacks column %q", need)
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var out []LabelledDoc
	for {
		line, _ := cr.FieldPos(0)
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, LabelledDoc{ID: get(rec, "id"), Title: get(rec, "title"), Text: get(rec, "text"),
			Label: strings.ToUpper(get(rec, "label")), Mode: get(rec, "mode"), Line: line})
	}
	return out, nil
}

// DocsReport scores document-level event types.
type DocsReport struct {
	Docs       int            `json:"docs"`
	Accuracy   Ratio          `json:"accuracy"`
	MacroF1    float64        `json:"macro_f1"`
	PerType    map[string]PRF `json:"per_type"`
	Confusion  Confusion      `json:"confusion"`
	ErrorKinds []KindCount    `json:"error_kinds"`
	Misses     []Miss         `json:"misses"`
	Seconds    float64        `json:"seconds"`
}

// headlineWeight makes the headline's events decide a story's type.
const headlineWeight = 1000

// MainType picks a document's main event type: the type with the most
// weight, where an event weighs its confidence, twice that in the first
// paragraph and twice again in the lede sentence, and headlineWeight times
// that in the headline. An event that
// is the complement of another ("agrees to [remove restrictions]") weighs
// more than the agreement around it, unless the event around it refuses,
// asks for or threatens it. Background events (salience) weigh less.
func MainType(body, title *doc.Doc) string {
	weight := map[string]float64{}
	add := func(d *doc.Doc, factor float64) {
		if d == nil {
			return
		}
		for i, ev := range d.Events {
			if ev.Negated {
				continue
			}
			typ, w := docType(d, i)
			w *= ev.Confidence * factor * salience(d, ev) * argumentWeight(d, i)
			if len(d.Paragraphs) > 1 && ev.Evidence.Sentence.End <= d.Paragraphs[0].End {
				w *= 2
			}
			// The lede sentence states the news; the rest of the first
			// paragraph often gives its background.
			if len(d.Sentences) > 1 && ev.Evidence.Sentence.Start == d.Sentences[0].Start {
				w *= 2
			}
			weight[typ] += w
		}
	}
	add(body, 1)
	// The headline states the story's main event: any event it codes
	// outweighs the body's, which only break ties between its types.
	add(title, headlineWeight)
	best, bw := "NONE", 0.0
	for t, w := range weight {
		if w > bw || (w == bw && t < best) {
			best, bw = t, w
		}
	}
	return best
}

// docType gives the type event i of d counts as in a story and the factor
// its weight takes from the events around it.
//
// A story about an agreement to do something is about the thing agreed
// ("agrees to remove restrictions" is a concession), so a complement weighs
// 2.5 times its own confidence. A promise to yield materially (withdraw,
// release, stop fighting) is a verbal concession, which is what PLOVER's
// CONCEDE is beside RETREAT, the yielding done: an AGREE whose intended
// type is RETREAT, or a RETREAT complement of an AGREE, counts as CONCEDE.
// A complement that is refused, requested, threatened or given up did not
// happen: the refusal, request, threat or concession is the event
// ("declines to lift the curfew" is a REJECT, "suspends plans to impose a
// curfew" a CONCEDE), so the complement weighs little.
func docType(d *doc.Doc, i int) (string, float64) {
	ev := d.Events[i]
	if ev.Type == "AGREE" && ev.IntendedType != "" {
		if ev.IntendedType == "RETREAT" {
			return "CONCEDE", 1
		}
		return ev.IntendedType, 1
	}
	if !isComplement(ev) {
		// The agreement itself counts as what was agreed: "agrees to
		// suspend protests" is a story about a concession.
		if ev.Type == "AGREE" {
			if c, ok := complementOf(d, i); ok {
				return promised(d.Events[c].Type), 1
			}
		}
		return ev.Type, 1
	}
	gov, ok := governor(d, i)
	switch {
	case ok && (gov.Type == "REJECT" || gov.Type == "REQUEST" || gov.Type == "THREATEN" || gov.Type == "CONCEDE" || gov.Negated):
		return ev.Type, 0.3
	case ok && gov.Type == "AGREE":
		return promised(ev.Type), 2.5
	}
	return ev.Type, 2.5
}

// promised is the type of a promise to do an event of type t, as PLOVER
// reads commitments: a promise to yield (concede, withdraw, release) is a
// CONCEDE; a promise of material conflict is a THREATEN, as event.intent
// codes "will strike"; a promise of anything else is an AGREE ("agreed to
// provide aid", "pledged to expand cooperation").
func promised(t string) string {
	switch t {
	case "CONCEDE", "RETREAT":
		return "CONCEDE"
	case "ASSAULT", "COERCE", "SANCTION", "MOBILIZE":
		return "THREATEN"
	}
	return "AGREE"
}

// governor returns the event whose infinitive complement event i is: the
// nearest earlier event of the same sentence that is not a complement.
func governor(d *doc.Doc, i int) (doc.Event, bool) {
	for j := i - 1; j >= 0; j-- {
		g := d.Events[j]
		if g.Evidence.Sentence != d.Events[i].Evidence.Sentence {
			break
		}
		if !isComplement(g) {
			return g, true
		}
	}
	return doc.Event{}, false
}

// complementOf returns the index of the complement that event i governs.
func complementOf(d *doc.Doc, i int) (int, bool) {
	if i+1 < len(d.Events) && isComplement(d.Events[i+1]) && d.Events[i+1].Evidence.Sentence == d.Events[i].Evidence.Sentence {
		return i + 1, true
	}
	return 0, false
}

// argumentShare is the share of its weight a nominal event keeps when it
// is an argument of a verb event before it in the same clause.
const argumentShare = 0.4

// argumentWeight is argumentShare for a nominal event (a noun trigger:
// "talks", "rally", "demands") that sits in the object or a prepositional
// phrase of a verb event earlier in its clause, or in a prepositional
// phrase after a nominal event, and 1 otherwise. The verb
// heads the clause and says what happened; the noun names what it
// happened to or in: "reformers gain concessions in talks" is about the
// concessions, "troops use tear gas on a rally" about the tear gas,
// "Norway gives in to demands" about the concession, "X condemns the
// attack" about the condemnation. The clause ends at a comma, semicolon
// or finite verb.
func argumentWeight(d *doc.Doc, i int) float64 {
	ev := d.Events[i]
	t := text.TokenAt(d, ev.Evidence.Trigger.Start)
	if t < 0 || !strings.HasPrefix(d.Tokens[t].Tag, "NN") || strings.HasPrefix(d.Tokens[t].Tag, "NNP") {
		return 1
	}
	for j := i - 1; j >= 0; j-- {
		g := d.Events[j]
		if g.Evidence.Sentence != ev.Evidence.Sentence {
			break
		}
		gt := text.TokenAt(d, g.Evidence.Trigger.Start)
		if gt < 0 || g.Evidence.Trigger.End > ev.Evidence.Trigger.Start {
			continue
		}
		// After a nominal event only a prepositional phrase attaches
		// ("concessions in talks"); after a verb the object does too.
		// A trigger ending in a preposition ("support for") has it.
		end := text.TokenAt(d, g.Evidence.Trigger.End-1)
		needPrep := !strings.HasPrefix(d.Tokens[gt].Tag, "VB") && d.Tokens[end].Tag != "IN"
		for k := end + 1; k < t; k++ {
			switch tg := d.Tokens[k].Tag; {
			case tg == "VBD" || tg == "VBZ" || tg == "VBP" || tg == "MD":
				return 1
			case d.Tokens[k].Kind == doc.Punct && (d.Text[d.Tokens[k].Start] == ',' || d.Text[d.Tokens[k].Start] == ';'):
				return 1
			case tg == "IN" || tg == "TO":
				needPrep = false
			}
		}
		if needPrep {
			return 1
		}
		return argumentShare
	}
	return 1
}

// backgroundWeight is the share of its weight an event keeps when its
// sentence presents it as background to another.
const backgroundWeight = 0.25

// salience is 1 for an event the sentence reports, and backgroundWeight
// for one it gives as a cause, occasion or counterpart of another: an event
// inside a phrase opened by "after", "following", "since", "amid",
// "despite", "in response to", "in return for" or "in exchange for"
// ("curfew lifted following talks", "police charge dozens after protest").
// The phrase runs to the next comma or semicolon; "the following day" and
// "since 2019" open no phrase about an event, and only the words up to the
// trigger are read.
func salience(d *doc.Doc, ev doc.Event) float64 {
	si := sentenceAt(d, ev.Evidence.Sentence.Start)
	if si < 0 {
		return 1
	}
	s := d.Sentences[si]
	background := false
	for k := s.FirstToken; k < s.EndToken && d.Tokens[k].Start < ev.Evidence.Trigger.Start; k++ {
		w := strings.ToLower(d.Text[d.Tokens[k].Start:d.Tokens[k].End])
		switch {
		case w == "," || w == ";" || w == ":":
			background = false
		case backgroundCues[w] && !(k > s.FirstToken && d.Tokens[k-1].Tag == "DT"):
			background = true
		case (w == "response" || w == "return" || w == "exchange") && k > s.FirstToken && k+1 < s.EndToken &&
			strings.EqualFold(d.Text[d.Tokens[k-1].Start:d.Tokens[k-1].End], "in"):
			background = true
		}
	}
	if background {
		return backgroundWeight
	}
	return 1
}

// backgroundCues open a phrase that gives another event's cause or
// occasion.
var backgroundCues = map[string]bool{"after": true, "following": true, "since": true, "amid": true, "amidst": true, "despite": true}

// sentenceAt returns the index of the sentence starting at offset start.
func sentenceAt(d *doc.Doc, start int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].Start < start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start == start {
		return lo
	}
	return -1
}

// ScoreDocs codes each story and compares its main event type with the
// label. Headlines are coded in sentence case (Coder.SentenceCase), since
// title case hides verbs and nouns from the tagger, and marked as headlines
// (doc.Doc.Headline), whose events named by bare nouns are kept.
func ScoreDocs(ctx context.Context, c *coder.Coder, docs []LabelledDoc) (*DocsReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &DocsReport{Docs: len(docs), Confusion: Confusion{}}
	ls := newLabelScorer()
	gold := map[string]bool{}
	kinds := map[string]int{}
	for _, ld := range docs {
		body := &doc.Doc{ID: ld.ID, Text: fillPlaceholders(ld.Text)}
		if err := w.Code(ctx, body); err != nil {
			return nil, fmt.Errorf("code %s: %w", ld.ID, err)
		}
		var title *doc.Doc
		if ld.Title != "" {
			title = &doc.Doc{ID: ld.ID + "-title", Text: c.SentenceCase(fillPlaceholders(ld.Title)), Headline: true}
			if err := w.Code(ctx, title); err != nil {
				return nil, fmt.Errorf("code %s title: %w", ld.ID, err)
			}
		}
		pred := MainType(body, title)
		gold[ld.Label] = true
		ls.add(ld.Label, []string{pred})
		rep.Confusion.add(ld.Label, pred)
		rep.Accuracy.add(pred == ld.Label)
		if pred != ld.Label {
			k := ld.Label + " coded as " + pred
			kinds[k]++
			rep.Misses = append(rep.Misses, Miss{ID: ld.ID, Text: ld.Title, Gold: ld.Label, Pred: []string{pred}, Kind: k, Evidence: evidenceOf(body)})
		}
	}
	rep.PerType, rep.MacroF1, _ = ls.finish(gold)
	rep.ErrorKinds = topKinds(kinds, 10)
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// Write prints the report.
func (r *DocsReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "document event type: %d documents, %.1f s\n\n", r.Docs, r.Seconds)
	writePRFTable(w, r.PerType)
	fmt.Fprintf(w, "\naccuracy %.3f (%d/%d)   macro F1 %.3f\n\n", r.Accuracy.Value, r.Accuracy.Correct, r.Accuracy.Total, r.MacroF1)
	fmt.Fprintln(w, "confusion (gold rows, predicted columns):")
	r.Confusion.Write(w)
	fmt.Fprintln(w, "\nmost common error kinds:")
	for _, k := range r.ErrorKinds {
		fmt.Fprintf(w, "  %4d  %s\n", k.Count, k.Kind)
	}
	writeMisses(w, r.Misses, errors)
}

// ReadLabelledCSVFile opens and reads a labelled CSV.
func ReadLabelledCSVFile(path string) ([]LabelledDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open labelled CSV: %w", err)
	}
	defer f.Close()
	return ReadLabelledCSV(f)
}

// placeholderNames stand in for the "{country_1}", "{city}" slots of
// synthetic stories, so that their actors are recognised: the slots are
// template holes, not text, and any real name of the right kind reads the
// way the template's author meant.
var placeholderNames = strings.NewReplacer(
	"{country_1}", "Norway", "{country_2}", "Chile", "{country_3}", "Kenya", "{country_4}", "Vietnam",
	"{city}", "Bergen", "{city_1}", "Bergen", "{city_2}", "Valparaiso",
)

func fillPlaceholders(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return placeholderNames.Replace(s)
}
