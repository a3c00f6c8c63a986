// Package geo finds place names in documents and resolves them against the
// offline gazetteer (package gazetteer), filling doc.Doc.Places.
//
// Finding is a longest match of capitalised token runs against the
// gazetteer's folded names, so "Nagorno-Karabakh" and "Jammu and Kashmir"
// win over their parts. Resolution scores every candidate entry of a name
// by what a reader would use: the kind of feature (a country or a capital
// before a village), its population, the document's country focus (the
// dateline country and the countries it names), a qualifier that follows
// ("Paris, Texas"; "Victoria, Seychelles"), a cue word ("the state of
// Victoria", "Donetsk region") and nearness to the places it has already
// resolved. Each Place records the rule that decided it.
package geo

import (
	"math"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

// Name is the stage name.
const Name = "geo"

// Geoparser is the pipeline stage. It keeps scratch buffers, so each worker
// needs its own; they can share one Gazetteer.
type Geoparser struct {
	g        *gazetteer.Gazetteer
	maxWords int
	key      []byte
	mentions []mention
	focus    map[string]float64
	anchors  []gazetteer.Entry
}

// NewGeoparser returns a stage that resolves against g.
func NewGeoparser(g *gazetteer.Gazetteer) *Geoparser {
	return &Geoparser{g: g, maxWords: min(g.MaxNameWords(), 6), focus: map[string]float64{}}
}

// Name implements pipeline.Stage.
func (p *Geoparser) Name() string { return Name }

// mention is a matched span and its candidates (indices for Entry).
type mention struct {
	doc.Span
	first, end int // token range
	cands      []int32
	best       int // index into cands, -1 unresolved
	score      float64
	second     float64
	rule       string
}

// Process implements pipeline.Stage. It replaces d.Places.
func (p *Geoparser) Process(d *doc.Doc) error {
	p.mentions = p.mentions[:0]
	d.Places = d.Places[:0]
	if len(d.Tokens) == 0 {
		return nil
	}
	p.find(d)
	if len(p.mentions) == 0 {
		return nil
	}
	p.resolve(d)
	for i := range p.mentions {
		m := &p.mentions[i]
		if m.best < 0 {
			continue
		}
		e := p.g.Entry(m.cands[m.best])
		conf := 1.0
		if len(m.cands) > 1 {
			conf = 1 / (1 + math.Exp(-(m.score - m.second)))
		}
		d.Places = append(d.Places, doc.Place{
			Span: m.Span, Name: e.Name, GeonameID: e.ID, Feature: e.Feature, CountryCode: e.CountryCode,
			Admin1: e.Admin1, Lat: e.Lat, Lon: e.Lon, Confidence: math.Round(conf*100) / 100, Rule: m.rule,
		})
	}
	return nil
}

// sentenceEnds returns, for token i, the end of its sentence.
func sentenceEnd(d *doc.Doc, i int, s *int) int {
	for *s < len(d.Sentences) && d.Sentences[*s].EndToken <= i {
		(*s)++
	}
	if *s < len(d.Sentences) {
		return d.Sentences[*s].EndToken
	}
	return len(d.Tokens)
}

// find fills p.mentions with the longest gazetteer matches of capitalised
// token runs.
func (p *Geoparser) find(d *doc.Doc) {
	toks := d.Tokens
	sent := 0
	for i := 0; i < len(toks); {
		if !p.canStart(d, i) {
			i++
			continue
		}
		send := sentenceEnd(d, i, &sent)
		matched := false
		// Try the longest window first; a window may hold joining tokens
		// (hyphens, "and", "of", "al") but must end on a capitalised word.
		words := 0
		last := i
		for j := i; j < send && words <= p.maxWords; j++ {
			if j > i && !p.canContinue(d, j) {
				if isHeadNoun(d, j) {
					last = j
				}
				break
			}
			if isCapWord(d, j) {
				words++
				last = j
			}
		}
		for j := last; j >= i; j-- {
			if !isCapWord(d, j) && !(j == last && j > i && isHeadNoun(d, j)) {
				continue
			}
			if j == i && sentenceInitial(d, i) && !properTag(d.Tokens[i].Tag) {
				// "Voters", "Farmers" open sentences and name small towns.
				continue
			}
			start, end := toks[i].Start, toks[j].End
			if j == i && compassWords[d.Text[start:end]] {
				continue
			}
			if overlapsActor(d, doc.Span{Start: start, End: end}) {
				continue
			}
			p.key = gazetteer.Fold(p.key[:0], d.Text[start:end])
			if c := p.g.LookupKey(p.key); len(c) > 0 {
				p.mentions = append(p.mentions, mention{Span: doc.Span{Start: start, End: end}, first: i, end: j + 1, cands: c, best: -1})
				// Capitalised words straight after the match belong to
				// a longer name the gazetteer lacks ("Galle Face
				// Green"), not to a second place ("Green").
				i = j + 1
				for i <= last && isCapWord(d, i) {
					i++
				}
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
}

// canStart reports whether token i may open a place name: a capitalised
// word that is not a sentence-initial function word.
func (p *Geoparser) canStart(d *doc.Doc, i int) bool {
	if !isCapWord(d, i) {
		return false
	}
	w := d.Text[d.Tokens[i].Start:d.Tokens[i].End]
	return !isStopWord(w)
}

// canContinue reports whether token j may sit inside a name.
func (p *Geoparser) canContinue(d *doc.Doc, j int) bool {
	t := d.Tokens[j]
	w := d.Text[t.Start:t.End]
	if t.Kind == doc.Punct && (w == "-" || w == "–") && !t.SpaceBefore {
		return true
	}
	if (w == "-" || w == "'") && !t.SpaceBefore {
		return true
	}
	if t.Kind == doc.Word {
		if isCapWord(d, j) {
			return true
		}
		switch w {
		case "and", "of", "de", "del", "al", "el", "la", "le", "on", "upon", "du", "des", "da", "do", "dos", "das", "am", "an", "im", "sur", "en", "the":
			return true
		}
		// Lower-case parts of hyphenated names: "Ras al-Ayn".
		return !t.SpaceBefore
	}
	return false
}

// isHeadNoun reports whether token j is a lower-case geographic noun that
// some indexed names end with ("Lachin corridor", "Kashmir valley").
func isHeadNoun(d *doc.Doc, j int) bool {
	t := d.Tokens[j]
	if t.Kind != doc.Word {
		return false
	}
	switch d.Text[t.Start:t.End] {
	case "corridor", "valley", "peninsula", "basin", "strait", "strip", "heights", "sea", "gulf", "desert":
		return true
	}
	return false
}

// sentenceInitial reports whether token i opens its sentence (after any
// opening quotes or brackets).
func sentenceInitial(d *doc.Doc, i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := d.Tokens[k]
		if t.Kind == doc.QuoteMark || (t.Kind == doc.Punct && (d.Text[t.Start:t.End] == "(" || d.Text[t.Start:t.End] == "[")) {
			continue
		}
		return t.Kind == doc.Punct && strings.ContainsAny(d.Text[t.Start:t.End], ".!?:;")
	}
	return true
}

func properTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// isCapWord reports whether token i is a word starting with an upper-case
// letter.
func isCapWord(d *doc.Doc, i int) bool { return d.Tokens[i].Upper }

// overlapsActor reports whether s overlaps a person or organisation found
// by the actor stage ("Jordan Peterson", "Paris Saint-Germain").
func overlapsActor(d *doc.Doc, s doc.Span) bool {
	for _, e := range d.Entities {
		if e.SectorCode == "PRE" {
			// A partially recognised entity is named after its
			// territory, which is a place all the same.
			continue
		}
		if (e.Type == doc.Person || e.Type == doc.Org) && e.Overlaps(s) && !s.Contains(e.Span) {
			return true
		}
		if (e.Type == doc.Person || e.Type == doc.Org) && e.Span == s {
			return true
		}
	}
	return false
}

// isStopWord reports whether w, in any case, is in stopWords, without
// allocating.
func isStopWord(w string) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return stopWords[string(buf[:len(w)])]
}

// stopWords are capitalised words that open sentences or titles and that
// the gazetteer happens to list as places.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "he": true, "she": true, "it": true,
	"we": true, "they": true, "this": true, "that": true, "but": true, "and": true, "as": true, "if": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "minister": true, "police": true,
	"officials": true, "after": true, "before": true, "when": true, "while": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "january": true,
	"february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "said": true, "reuters": true,
	"of": true, "for": true, "to": true, "by": true, "with": true, "from": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "there": true, "here": true, "one": true, "two": true,
}

// compassWords alone name blocs and directions loosely ("the West"), yet
// GeoNames lists them as admin-1 regions of some countries; they are
// places only as part of a longer name ("West Bank", "Central Asia").
var compassWords = map[string]bool{
	"West": true, "East": true, "North": true, "South": true, "Centre": true, "Center": true,
	"Central": true, "Western": true, "Eastern": true, "Northern": true, "Southern": true,
}
