package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// QuoteGold is one passage of a quote gold file. The file is JSON Lines,
// one passage per line:
//
//	{"id": "q01", "text": "...", "quotes": [
//	  {"kind": "direct", "text": "exact quoted words", "speaker": "Leyla Karimova"},
//	  {"kind": "scare", "text": "blockade", "speaker": null}]}
//
// kind is direct, indirect or scare; text is the quote's content exactly as
// it appears in the passage (without its quotation marks), found at its
// first occurrence after the previous gold quote with the same text;
// speaker is the speaker's full name as the text gives it, or null when
// the passage does not say (always null for scare quotes).
type QuoteGold struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Quotes []struct {
		Kind    string  `json:"kind"`
		Text    string  `json:"text"`
		Speaker *string `json:"speaker"`
	} `json:"quotes"`
}

// ReadQuoteGold reads a quote gold file, naming the line of any bad record.
func ReadQuoteGold(r io.Reader, name string) ([]QuoteGold, error) {
	return readJSONL(r, name, func(g *QuoteGold) error {
		for _, q := range g.Quotes {
			if !strings.Contains(g.Text, q.Text) {
				return fmt.Errorf("quote %q not found in the passage", q.Text)
			}
		}
		return nil
	})
}

// readJSONL decodes one T per non-blank line and checks each with valid;
// errors name the file and line.
func readJSONL[T any](r io.Reader, name string, valid func(*T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 4<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := valid(&v); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// QuotesReport scores quote spans and speakers.
type QuotesReport struct {
	Passages int            `json:"passages"`
	Spans    PRF            `json:"span"`
	PerKind  map[string]PRF `json:"per_kind"`
	Speaker  Ratio          `json:"speaker_accuracy"`
	Misses   []Miss         `json:"misses"`
}

// overlapEnough is the span-match criterion: the shared bytes cover at
// least half of the longer span, so a quote that includes or drops its
// trailing comma still matches.
func overlapEnough(a, b doc.Span) bool {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e <= s {
		return false
	}
	return 2*(e-s) >= max(a.Len(), b.Len())
}

func sameSpeaker(gold *string, d *doc.Doc, q doc.Quote) bool {
	if gold == nil {
		return q.Speaker < 0
	}
	if q.Speaker < 0 {
		return false
	}
	g := strings.ToLower(normSpace(*gold))
	p := strings.ToLower(normSpace(d.Entities[q.Speaker].Name))
	return g == p || strings.Contains(p, g) || strings.Contains(g, p)
}

// ScoreQuotes codes each passage and matches quotes by kind and span.
func ScoreQuotes(ctx context.Context, c *coder.Coder, gold []QuoteGold) (*QuotesReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	rep := &QuotesReport{Passages: len(gold), PerKind: map[string]PRF{}}
	per := map[string]*PRF{"direct": {}, "indirect": {}, "scare": {}}
	for _, g := range gold {
		d := &doc.Doc{ID: g.ID, Text: g.Text}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", g.ID, err)
		}
		used := make([]bool, len(d.Quotes))
		from := map[string]int{}
		for _, gq := range g.Quotes {
			off := strings.Index(g.Text[from[gq.Text]:], gq.Text) + from[gq.Text]
			from[gq.Text] = off + len(gq.Text)
			gs := doc.Span{Start: off, End: off + len(gq.Text)}
			p := per[gq.Kind]
			if p == nil {
				return nil, fmt.Errorf("%s: unknown quote kind %q", g.ID, gq.Kind)
			}
			match := -1
			for i, q := range d.Quotes {
				if !used[i] && string(q.Kind) == gq.Kind && overlapEnough(gs, q.Span) {
					match = i
					break
				}
			}
			if match < 0 {
				p.FN++
				rep.Spans.FN++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: gq.Kind, Kind: "missed " + gq.Kind})
				continue
			}
			used[match] = true
			p.TP++
			rep.Spans.TP++
			if gq.Kind != "scare" {
				ok := sameSpeaker(gq.Speaker, d, d.Quotes[match])
				rep.Speaker.add(ok)
				if !ok {
					want, got := "null", "null"
					if gq.Speaker != nil {
						want = *gq.Speaker
					}
					if s := d.Quotes[match].Speaker; s >= 0 {
						got = d.Entities[s].Name
					}
					rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: want, Pred: []string{got}, Kind: "wrong speaker"})
				}
			}
		}
		for i, q := range d.Quotes {
			if !used[i] {
				per[string(q.Kind)].FP++
				rep.Spans.FP++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: d.SpanText(q.Span), Pred: []string{string(q.Kind)}, Kind: "spurious " + string(q.Kind)})
			}
		}
	}
	rep.Spans.finish()
	for k, p := range per {
		p.finish()
		rep.PerKind[k] = *p
	}
	return rep, nil
}

// Write prints the report.
func (r *QuotesReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "quotes: %d passages\n\n", r.Passages)
	writePRFTable(w, r.PerKind)
	fmt.Fprintf(w, "\nquote-span P %.3f  R %.3f  F1 %.3f\n", r.Spans.Precision, r.Spans.Recall, r.Spans.F1)
	fmt.Fprintf(w, "speaker accuracy %.3f (%d/%d matched direct and indirect quotes)\n", r.Speaker.Value, r.Speaker.Correct, r.Speaker.Total)
	writeMisses(w, r.Misses, errors)
}

// ReadQuoteGoldFile opens and reads a quote gold file.
func ReadQuoteGoldFile(path string) ([]QuoteGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open quote gold: %w", err)
	}
	defer f.Close()
	return ReadQuoteGold(f, path)
}
