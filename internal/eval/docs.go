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
	Docs int `json:"docs"`
	// Titles says whether the stories' titles were coded with them.
	Titles     bool           `json:"titles"`
	Accuracy   Ratio          `json:"accuracy"`
	MacroF1    float64        `json:"macro_f1"`
	PerType    map[string]PRF `json:"per_type"`
	Confusion  Confusion      `json:"confusion"`
	ErrorKinds []KindCount    `json:"error_kinds"`
	Misses     []Miss         `json:"misses"`
	Seconds    float64        `json:"seconds"`
}

// DocsOptions choose what ScoreDocs gives the coder.
type DocsOptions struct {
	// NoTitles codes the body alone, as if the stories had no titles, to
	// measure what the body's salience finds by itself.
	NoTitles bool
}

// ScoreDocs codes each story, title and body, and compares the type of
// the main event the story stage chooses (doc.Doc.Main, the record's
// main_event) with the label; NONE when the story has no main event.
func ScoreDocs(ctx context.Context, c *coder.Coder, docs []LabelledDoc, opts DocsOptions) (*DocsReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &DocsReport{Docs: len(docs), Titles: !opts.NoTitles, Confusion: Confusion{}}
	ls := newLabelScorer()
	gold := map[string]bool{}
	kinds := map[string]int{}
	for _, ld := range docs {
		d := &doc.Doc{ID: ld.ID, Text: fillPlaceholders(ld.Text)}
		if !opts.NoTitles {
			d.Title = fillPlaceholders(ld.Title)
		}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", ld.ID, err)
		}
		pred := "NONE"
		if d.Main != nil {
			pred = string(d.Main.Type)
		}
		gold[ld.Label] = true
		ls.add(ld.Label, []string{pred})
		rep.Confusion.add(ld.Label, pred)
		rep.Accuracy.add(pred == ld.Label)
		if pred != ld.Label {
			k := ld.Label + " coded as " + pred
			kinds[k]++
			ev := evidenceOf(d)
			if d.TitleDoc != nil {
				for _, e := range evidenceOf(d.TitleDoc) {
					ev = append(ev, "title: "+e)
				}
			}
			rep.Misses = append(rep.Misses, Miss{ID: ld.ID, Text: ld.Title, Gold: ld.Label, Pred: []string{pred}, Kind: k, Evidence: ev})
		}
	}
	rep.PerType, rep.MacroF1, _ = ls.finish(gold)
	rep.ErrorKinds = topKinds(kinds, 10)
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// Write prints the report.
func (r *DocsReport) Write(w io.Writer, errors int) {
	titles := "with titles"
	if !r.Titles {
		titles = "body only"
	}
	fmt.Fprintf(w, "document event type (main_event): %d documents, %s, %.1f s\n\n", r.Docs, titles, r.Seconds)
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
