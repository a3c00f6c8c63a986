package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
// kind is direct, indirect, scare or title; text is the quote's content
// exactly as it appears in the passage (without its quotation marks),
// found at its first occurrence after the previous gold quote with the
// same text; speaker is the speaker as the text gives it, or null when
// the passage does not say (always null for scare quotes and titles).
//
// The attribution set (attribution-news.jsonl) adds optional fields, so
// older files read unchanged: a passage's class (the construction it was
// written for), and per quote speaker_mention, saying_verb and continues
// (see GoldQuote). A title is a name in quote marks ("Night Shift,"), not
// a quote: it is scored by whether the coder reports it as one, and in a
// title row of its own, outside the quote-span figures, as is a title
// the coder finds (kind "title").
type QuoteGold struct {
	ID     string      `json:"id"`
	Class  string      `json:"class,omitempty"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
}

// GoldQuote is one gold quote of a passage.
type GoldQuote struct {
	Kind    string  `json:"kind"`
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	// SpeakerMention is the exact words at the attribution that name the
	// speaker ("she", "Walsh", "the announcer"); empty when not given.
	SpeakerMention string `json:"speaker_mention,omitempty"`
	// SayingVerb is true when the attribution has a verb of saying, false
	// for bylines, transcripts and "according to"; nil when not given.
	SayingVerb *bool `json:"saying_verb,omitempty"`
	// Continues indexes the earlier quote of the passage whose attribution
	// this one takes over; nil when it has its own.
	Continues *int `json:"continues,omitempty"`
}

// Gold quote kinds beyond doc.QuoteKind: a title is scored apart.
const goldTitle = "title"

// ReadQuoteGold reads a quote gold file, naming the line of any bad record.
func ReadQuoteGold(r io.Reader, name string) ([]QuoteGold, error) {
	return readJSONL(r, name, func(g *QuoteGold) error {
		_, err := locateGold(g)
		return err
	})
}

// goldSpans are a passage's gold quotes and speaker mentions as byte
// spans of its text; a zero mention span means none was given.
type goldSpans struct {
	quotes, mentions []doc.Span
}

// locateGold finds each gold quote and speaker mention in the passage and
// checks the record. Quotes are found in reading order, each at the first
// occurrence of its text after the previous quote with the same text.
// A mention is found as a whole word at the occurrence nearest its quote
// (fewest bytes between the two spans; the earlier on a tie), never
// inside a direct quote's own words, since a name the speaker utters is
// not the speaker. A quote that continues another takes that quote's
// mention span, so the two halves of '"A," she said. "B."' point at the
// same "she".
func locateGold(g *QuoteGold) (goldSpans, error) {
	out := goldSpans{quotes: make([]doc.Span, len(g.Quotes)), mentions: make([]doc.Span, len(g.Quotes))}
	from := map[string]int{}
	for i, q := range g.Quotes {
		switch q.Kind {
		case string(doc.DirectQuote), string(doc.IndirectQuote), string(doc.ScareQuote), goldTitle:
		default:
			return out, fmt.Errorf("quote %d: unknown kind %q", i, q.Kind)
		}
		off := strings.Index(g.Text[from[q.Text]:], q.Text)
		if off < 0 {
			return out, fmt.Errorf("quote %q not found in the passage", q.Text)
		}
		off += from[q.Text]
		from[q.Text] = off + len(q.Text)
		out.quotes[i] = doc.Span{Start: off, End: off + len(q.Text)}
		if q.SpeakerMention != "" && q.Speaker == nil {
			return out, fmt.Errorf("quote %q: speaker_mention %q without a speaker", q.Text, q.SpeakerMention)
		}
		if c := q.Continues; c != nil && (*c < 0 || *c >= i) {
			return out, fmt.Errorf("quote %q: continues %d out of range (must index an earlier quote, 0..%d)", q.Text, *c, i-1)
		}
		if q.SpeakerMention == "" {
			continue
		}
		skip := doc.Span{}
		if q.Kind == string(doc.DirectQuote) {
			skip = out.quotes[i]
		}
		m, ok := nearestWord(g.Text, q.SpeakerMention, out.quotes[i], skip)
		if !ok {
			return out, fmt.Errorf("quote %q: speaker_mention %q not in the passage", q.Text, q.SpeakerMention)
		}
		if c := q.Continues; c != nil && out.mentions[*c].End > 0 {
			m = out.mentions[*c]
		}
		out.mentions[i] = m
	}
	return out, nil
}

// nearestWord returns the whole-word occurrence of w in text nearest to
// near that does not overlap skip.
func nearestWord(text, w string, near, skip doc.Span) (doc.Span, bool) {
	best, bestDist := doc.Span{}, -1
	for from := 0; from < len(text); {
		k := strings.Index(text[from:], w)
		if k < 0 {
			break
		}
		s := doc.Span{Start: from + k, End: from + k + len(w)}
		from = s.Start + 1
		if !wordBoundary(text, s) || (skip.End > skip.Start && s.Start < skip.End && skip.Start < s.End) {
			continue
		}
		d := max(0, near.Start-s.End, s.Start-near.End)
		if bestDist < 0 || d < bestDist {
			best, bestDist = s, d
		}
	}
	return best, bestDist >= 0
}

// wordBoundary reports whether s neither starts nor ends inside a word,
// so that "he" is not found in "the".
func wordBoundary(text string, s doc.Span) bool {
	if s.End <= s.Start {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:s.Start]); s.Start > 0 && isWordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[s.End:]); s.End < len(text) && isWordRune(r) {
		return false
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

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
//
// Speaker is the original figure: over matched direct and indirect
// quotes, the predicted entity's name must contain the gold speaker's or
// be contained in it, and a null gold speaker must get no speaker. The
// attribution figures below are over matched direct and indirect quotes
// whose gold names a speaker; quotes with a null gold speaker are left
// out of them (counted in NoGoldSpeaker).
type QuotesReport struct {
	Passages int            `json:"passages"`
	Spans    PRF            `json:"span"`
	PerKind  map[string]PRF `json:"per_kind"`
	Speaker  Ratio          `json:"speaker_accuracy"`
	// SpeakerBySpan: the predicted speaker mention overlaps the gold
	// speaker_mention (by at least one byte), over quotes whose gold
	// gives a mention.
	SpeakerBySpan Ratio `json:"speaker_by_span"`
	// SpeakerByPerson: the predicted speaker, followed through coreference
	// to the entity it resolves to, is the gold speaker (see samePerson).
	SpeakerByPerson Ratio `json:"speaker_by_person"`
	// SayingVerb holds both figures over the gold quotes marked
	// saying_verb: true, the subset GenderGapTracker reports on.
	SayingVerb SpeakerFigures `json:"saying_verb"`
	// NoGoldSpeaker counts matched quotes left out of the attribution
	// figures because the gold names no speaker.
	NoGoldSpeaker int `json:"no_gold_speaker"`
	// IndirectOverlap scores indirect speech leniently: a gold indirect
	// quote is recalled, and a predicted one is precise, when it shares
	// any byte with one of the other side, since where reported speech
	// starts and ends is less settled than where quote marks are.
	IndirectOverlap PRF `json:"indirect_overlap"`
	// Titles counts gold titles and how many the coder reported as quotes
	// (direct, indirect or scare); the aim is none.
	Titles TitleCount `json:"titles"`
	// PerClass breaks the figures down by the passage class of the gold.
	PerClass map[string]*ClassScore `json:"per_class,omitempty"`
	Misses   []Miss                 `json:"misses"`
}

// SpeakerFigures are the two attribution figures over one subset.
type SpeakerFigures struct {
	BySpan   Ratio `json:"by_span"`
	ByPerson Ratio `json:"by_person"`
}

// TitleCount is how many gold titles the coder listed as quotes.
type TitleCount struct {
	Gold     int `json:"gold"`
	AsQuotes int `json:"as_quotes"`
}

// ClassScore is one passage class's share of the figures: gold quotes
// (titles excluded), how many were found, and the attribution figures.
type ClassScore struct {
	Gold  int `json:"gold"`
	Found int `json:"found"`
	SpeakerFigures
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

func overlapAny(a, b doc.Span) bool { return a.Start < b.End && b.Start < a.End }

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

// resolvedName is the name of the entity a quote's speaker resolves to,
// following Antecedent links to the end of the chain (a pronoun's
// antecedent, a surname's first full mention); for a speaker with no
// entity, the words of its mention; "" when there is neither.
func resolvedName(d *doc.Doc, q doc.Quote) string {
	e := q.Speaker
	if e < 0 || e >= len(d.Entities) {
		// A description speaker ("the announcer") has no entity; its
		// words are the speaker.
		return d.SpanText(q.SpeakerMention)
	}
	// The bound guards against a cycle, which would be a coder bug but
	// must not hang the scorer.
	for range len(d.Entities) {
		a := d.Entities[e].Antecedent
		if a < 0 || a >= len(d.Entities) || a == e {
			break
		}
		e = a
	}
	if n := d.Entities[e].Name; n != "" {
		return n
	}
	return d.SpanText(d.Entities[e].Span)
}

// samePerson reports whether a predicted speaker name is the gold speaker.
// Both are folded (case, diacritics, apostrophe forms, dots). A gold
// starting with a lower-case letter is a description ("the announcer",
// "a police spokesman"), matched on its head noun: the last word before
// any post-modifier ("resident" in "one resident of Birch Street"),
// found among the predicted name's words, singular or plural. Otherwise
// it is a name, and one name's words must end the other's: the full name,
// "Ruiz" for "Ana Ruiz", or "Rep. Ana Ruiz" for "Ana Ruiz" all match,
// but "Mary Hale" does not match "Tom Hale".
func samePerson(gold, pred string) bool {
	gw, pw := foldWords(gold), foldWords(pred)
	if len(gw) == 0 || len(pw) == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(gold)); unicode.IsLower(r) {
		head := descriptionHead(gw)
		for _, w := range pw {
			if strings.TrimSuffix(w, "s") == strings.TrimSuffix(head, "s") {
				return true
			}
		}
		return false
	}
	short, long := gw, pw
	if len(short) > len(long) {
		short, long = long, short
	}
	return slices.Equal(short, long[len(long)-len(short):])
}

// descriptionHead is the head noun of a description: its last word before
// a preposition that starts a post-modifier.
func descriptionHead(ws []string) string {
	for i, w := range ws {
		switch w {
		case "of", "in", "at", "from", "for", "with", "on", "near":
			if i > 0 {
				return ws[i-1]
			}
		}
	}
	return ws[len(ws)-1]
}

// foldWords lower-cases s, strips diacritics, writes every apostrophe as
// ' and drops dots and commas, then splits it into words.
func foldWords(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.', r == ',':
		case r == '\u2019' || r == '\u2018' || r == '`' || r == '\u02bc':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Fields(b.String())
}

// ScoreQuotes codes each passage and matches quotes by kind and span.
func ScoreQuotes(ctx context.Context, c *coder.Coder, gold []QuoteGold) (*QuotesReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	rep := &QuotesReport{Passages: len(gold), PerKind: map[string]PRF{}}
	per := map[string]*PRF{"direct": {}, "indirect": {}, "scare": {}, goldTitle: {}}
	for _, g := range gold {
		spans, err := locateGold(&g)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		d := &doc.Doc{ID: g.ID, Text: g.Text}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", g.ID, err)
		}
		var cls *ClassScore
		if g.Class != "" {
			if rep.PerClass == nil {
				rep.PerClass = map[string]*ClassScore{}
			}
			if cls = rep.PerClass[g.Class]; cls == nil {
				cls = &ClassScore{}
				rep.PerClass[g.Class] = cls
			}
		}
		used := make([]bool, len(d.Quotes))
		for gi, gq := range g.Quotes {
			if gq.Kind == goldTitle {
				continue
			}
			gs := spans.quotes[gi]
			p := per[gq.Kind]
			if cls != nil {
				cls.Gold++
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
			if cls != nil {
				cls.Found++
			}
			if gq.Kind == "scare" {
				continue
			}
			pq := d.Quotes[match]
			ok := sameSpeaker(gq.Speaker, d, pq)
			rep.Speaker.add(ok)
			if !ok {
				want, got := "null", "null"
				if gq.Speaker != nil {
					want = *gq.Speaker
				}
				if s := pq.Speaker; s >= 0 {
					got = d.Entities[s].Name
				}
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: want, Pred: []string{got}, Kind: "wrong speaker"})
			}
			if gq.Speaker == nil {
				rep.NoGoldSpeaker++
				continue
			}
			scoreAttribution(rep, cls, g, gq, spans.mentions[gi], d, pq)
		}
		scoreTitles(rep, per[goldTitle], g, spans, d, used)
		scoreIndirectOverlap(rep, g, spans, d)
		for i, q := range d.Quotes {
			if !used[i] && q.Kind == doc.TitleQuote {
				// A title the gold does not list: counted in its own
				// row, not as a spurious quote, since the coder says it
				// is none.
				per[goldTitle].FP++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: d.SpanText(q.Span), Pred: []string{goldTitle}, Kind: "spurious title"})
				continue
			}
			if !used[i] {
				p := per[string(q.Kind)]
				if p == nil {
					// A kind the scorer does not know cannot be matched;
					// count it under its own name rather than drop it.
					p = &PRF{}
					per[string(q.Kind)] = p
				}
				p.FP++
				rep.Spans.FP++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: d.SpanText(q.Span), Pred: []string{string(q.Kind)}, Kind: "spurious " + string(q.Kind)})
			}
		}
	}
	rep.Spans.finish()
	rep.IndirectOverlap.finish()
	for k, p := range per {
		if k == goldTitle && p.TP+p.FP+p.FN == 0 {
			continue // a set with no titles on either side
		}
		p.finish()
		rep.PerKind[k] = *p
	}
	return rep, nil
}

// scoreAttribution adds one matched quote with a gold speaker to the
// span and person figures, overall, on the saying-verb subset and for
// its class.
func scoreAttribution(rep *QuotesReport, cls *ClassScore, g QuoteGold, gq GoldQuote, gm doc.Span, d *doc.Doc, pq doc.Quote) {
	name := resolvedName(d, pq)
	byPerson := samePerson(*gq.Speaker, name)
	rep.SpeakerByPerson.add(byPerson)
	saying := gq.SayingVerb != nil && *gq.SayingVerb
	if saying {
		rep.SayingVerb.ByPerson.add(byPerson)
	}
	if cls != nil {
		cls.ByPerson.add(byPerson)
	}
	mention := d.SpanText(pq.SpeakerMention)
	if !byPerson {
		rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: *gq.Speaker, Pred: []string{name, "mention " + strconv.Quote(mention)}, Kind: "wrong person"})
	}
	if gm.End <= gm.Start {
		return
	}
	bySpan := pq.SpeakerMention.End > pq.SpeakerMention.Start && overlapAny(gm, pq.SpeakerMention)
	rep.SpeakerBySpan.add(bySpan)
	if saying {
		rep.SayingVerb.BySpan.add(bySpan)
	}
	if cls != nil {
		cls.BySpan.add(bySpan)
	}
	if !bySpan {
		rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: gq.SpeakerMention, Pred: []string{mention}, Kind: "wrong mention"})
	}
}

// scoreTitles counts gold titles the coder reported as quotes. Such a
// quote is left unmatched, so the caller also counts it as a spurious
// quote of its kind: a title is no quote. Only a quote of kind "title"
// is consumed by a gold title; p, the title row of the per-kind table,
// counts those (tp) and the gold titles reported otherwise or not at all
// (fn). Titles stay out of the quote-span figures on both sides.
func scoreTitles(rep *QuotesReport, p *PRF, g QuoteGold, spans goldSpans, d *doc.Doc, used []bool) {
	for gi, gq := range g.Quotes {
		if gq.Kind != goldTitle {
			continue
		}
		rep.Titles.Gold++
		found := false
		for i, q := range d.Quotes {
			if used[i] || !overlapEnough(spans.quotes[gi], q.Span) {
				continue
			}
			if string(q.Kind) == goldTitle {
				used[i] = true
				found = true
				break
			}
			rep.Titles.AsQuotes++
			rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gq.Text, Gold: goldTitle, Pred: []string{string(q.Kind)}, Kind: "title reported as " + string(q.Kind)})
			break
		}
		if found {
			p.TP++
		} else {
			p.FN++
		}
	}
}

// scoreIndirectOverlap adds a passage to the lenient indirect-speech
// figures: recall over gold indirect quotes, precision over predicted.
func scoreIndirectOverlap(rep *QuotesReport, g QuoteGold, spans goldSpans, d *doc.Doc) {
	for gi, gq := range g.Quotes {
		if gq.Kind != string(doc.IndirectQuote) {
			continue
		}
		hit := false
		for _, q := range d.Quotes {
			if q.Kind == doc.IndirectQuote && overlapAny(spans.quotes[gi], q.Span) {
				hit = true
				break
			}
		}
		if hit {
			rep.IndirectOverlap.TP++
		} else {
			rep.IndirectOverlap.FN++
		}
	}
	for _, q := range d.Quotes {
		if q.Kind != doc.IndirectQuote {
			continue
		}
		hit := false
		for gi, gq := range g.Quotes {
			if gq.Kind == string(doc.IndirectQuote) && overlapAny(spans.quotes[gi], q.Span) {
				hit = true
				break
			}
		}
		if !hit {
			rep.IndirectOverlap.FP++
		}
	}
}

// Write prints the report.
func (r *QuotesReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "quotes: %d passages\n\n", r.Passages)
	writePRFTable(w, r.PerKind)
	fmt.Fprintf(w, "\nquote-span P %.3f  R %.3f  F1 %.3f\n", r.Spans.Precision, r.Spans.Recall, r.Spans.F1)
	fmt.Fprintf(w, "speaker accuracy %.3f (%d/%d matched direct and indirect quotes)\n", r.Speaker.Value, r.Speaker.Correct, r.Speaker.Total)
	fmt.Fprintf(w, "\nattribution, over matched quotes with a gold speaker (%d with none left out):\n", r.NoGoldSpeaker)
	writeRatio(w, "speaker by span", r.SpeakerBySpan, "the mention overlaps the gold speaker_mention")
	writeRatio(w, "speaker by person", r.SpeakerByPerson, "the resolved speaker is the gold speaker")
	writeRatio(w, "saying verb, by span", r.SayingVerb.BySpan, "")
	writeRatio(w, "saying verb, by person", r.SayingVerb.ByPerson, "")
	o := r.IndirectOverlap
	fmt.Fprintf(w, "indirect by overlap  P %.3f  R %.3f  F1 %.3f (tp %d, fp %d, fn %d)\n", o.Precision, o.Recall, o.F1, o.TP, o.FP, o.FN)
	fmt.Fprintf(w, "titles reported as quotes %d of %d\n", r.Titles.AsQuotes, r.Titles.Gold)
	if len(r.PerClass) > 0 {
		fmt.Fprintf(w, "\n%-18s %5s %5s %12s %12s\n", "class", "gold", "found", "by span", "by person")
		for _, k := range slices.Sorted(maps.Keys(r.PerClass)) {
			c := r.PerClass[k]
			fmt.Fprintf(w, "%-18s %5d %5d %12s %12s\n", k, c.Gold, c.Found, fraction(c.BySpan), fraction(c.ByPerson))
		}
	}
	writeMisses(w, r.Misses, errors)
}

func writeRatio(w io.Writer, name string, r Ratio, note string) {
	if r.Total == 0 {
		fmt.Fprintf(w, "%-24s n/a (no gold for it)\n", name)
		return
	}
	if note != "" {
		note = "; " + note
	}
	fmt.Fprintf(w, "%-24s %.3f (%d/%d%s)\n", name, r.Value, r.Correct, r.Total, note)
}

func fraction(r Ratio) string {
	if r.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", r.Correct, r.Total)
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
