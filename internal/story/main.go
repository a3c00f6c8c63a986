package story

import (
	"math"
	"slices"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/plover"
)

// The main event.
//
// A story's events vote for their types, each with a weight, and the type
// with the most weight is the story's; its heaviest event of that type is
// the main event. An event's weight is its confidence times its salience
// in its sentence (internal/event: 1 for what the sentence reports, less
// for what it only mentions as background, purpose or content), times
// what its place in the story says:
//
//   - the title states the story's event: a title event weighs
//     titleWeight times as much, so the title decides unless the body
//     tells another event again and again (a title whose only coded event
//     is the cause in its "after" phrase, while its verb went uncoded,
//     can be outvoted);
//   - news is written lede first (the inverted pyramid): an event of the
//     first paragraph weighs paragraphWeight times as much, and one of the
//     first sentence ledeWeight times more again, while the rest of the
//     first paragraph often gives the lede's background;
//   - a direct quotation gives a speaker's own words, comment and
//     reaction rather than the report: an event inside one weighs
//     quotedWeight of itself. Reported speech is not discounted, since
//     news tells its events on someone's authority ("police said");
//   - an event the text dates to years before the story (historical, see
//     internal/event) is background: historicalWeight.
//
// Negated events do not vote. Types add up, so a story that tells its
// event in several sentences outvotes one mention of another.

const (
	titleWeight      = 20
	paragraphWeight  = 2
	ledeWeight       = 2
	quotedWeight     = 0.5
	historicalWeight = 0.25
)

// Main chooses d's main event from its events and its title's
// (d.TitleDoc); nil when neither has an event that votes.
func Main(d *doc.Doc) *doc.MainEvent {
	n := len(d.Events)
	if d.TitleDoc != nil {
		n += len(d.TitleDoc.Events)
	}
	votes := appendVotes(make([]vote, 0, n), d, false)
	if d.TitleDoc != nil {
		votes = appendVotes(votes, d.TitleDoc, true)
	}
	// A story's events are of a few types, so a short list tallies them
	// faster than a map; the winner does not depend on the list's order.
	var tally [16]typeWeight
	byType := tally[:0]
	total := 0.0
	for _, v := range votes {
		i := slices.IndexFunc(byType, func(t typeWeight) bool { return t.typ == v.typ })
		if i < 0 {
			i = len(byType)
			byType = append(byType, typeWeight{typ: v.typ})
		}
		byType[i].weight += v.weight
		total += v.weight
	}
	best, bw := plover.EventType(""), 0.0
	for _, t := range byType {
		if t.weight > bw || (t.weight == bw && t.typ < best) {
			best, bw = t.typ, t.weight
		}
	}
	if best == "" {
		return nil
	}
	// The main event is the heaviest event of the winning type; of equals,
	// the body's earlier one.
	var top *vote
	for i := range votes {
		v := &votes[i]
		if v.typ == best && (top == nil || v.weight > top.weight) {
			top = v
		}
	}
	m := &doc.MainEvent{Type: top.ev.Type, Mode: top.ev.Mode, Event: top.index, Source: top.source}
	m.Confidence = math.Round(bw/total*top.ev.Confidence*1000) / 1000
	return m
}

// typeWeight is the weight of the votes for a type.
type typeWeight struct {
	typ    plover.EventType
	weight float64
}

// vote is one event's vote for its type.
type vote struct {
	typ    plover.EventType
	weight float64
	ev     *doc.Event
	index  int
	source doc.MainSource
}

// appendVotes adds the votes of d's events: the body's, or the title's
// when inTitle is set.
func appendVotes(votes []vote, d *doc.Doc, inTitle bool) []vote {
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Negated {
			continue
		}
		w := ev.Confidence * ev.Salience
		source := doc.MainBody
		switch {
		case inTitle:
			w *= titleWeight
			source = doc.MainTitle
		default:
			if len(d.Paragraphs) > 1 && ev.Evidence.Sentence.End <= d.Paragraphs[0].End {
				w *= paragraphWeight
			}
			if len(d.Sentences) > 0 && ev.Evidence.Sentence.Start == d.Sentences[0].Start {
				source = doc.MainLede
				if len(d.Sentences) > 1 {
					w *= ledeWeight
				}
			}
		}
		if ev.Quote >= 0 && ev.Quote < len(d.Quotes) && d.Quotes[ev.Quote].Kind == doc.DirectQuote {
			w *= quotedWeight
		}
		if ev.DatePrecision == doc.PrecisionHistorical {
			w *= historicalWeight
		}
		if w <= 0 {
			continue
		}
		votes = append(votes, vote{typ: ev.Type, weight: w, ev: ev, index: i, source: source})
	}
	return votes
}
