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
// paragraph, and headlineWeight times that in the headline. An event that
// is the complement of another ("agrees to [remove restrictions]") weighs
// more than the agreement around it.
func MainType(body, title *doc.Doc) string {
	weight := map[string]float64{}
	add := func(d *doc.Doc, factor float64) {
		if d == nil {
			return
		}
		for _, ev := range d.Events {
			if ev.Negated {
				continue
			}
			w := ev.Confidence * factor
			typ := ev.Type
			// A story about an agreement to do something is about the
			// thing agreed ("agrees to remove restrictions" is a
			// concession), as the labels of document sets read it.
			if isComplement(ev) {
				w *= 2.5
			} else if ev.Type == "AGREE" && ev.IntendedType != "" {
				typ = ev.IntendedType
			}
			if len(d.Paragraphs) > 1 && ev.Evidence.Sentence.End <= d.Paragraphs[0].End {
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

// ScoreDocs codes each story and compares its main event type with the
// label. Headlines are coded in sentence case (Coder.SentenceCase), since
// title case hides verbs and nouns from the tagger.
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
			title = &doc.Doc{ID: ld.ID + "-title", Text: c.SentenceCase(fillPlaceholders(ld.Title))}
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
