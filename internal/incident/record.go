package incident

import (
	"net/url"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/output"
)

// FromRecord returns a Report for each of rec's events (not its
// title_events, which tell the same events again and would let a story
// report itself twice), in the record's order. It is the one place that
// decides what of an output record incidents see, so that the store and
// `dateline code --dedup` cluster alike.
func FromRecord(rec *output.Record) []Report {
	var cv Converter
	return cv.Record(rec)
}

// Converter converts records as FromRecord does, reusing its arrays from
// one record to the next: for a caller that hands each record's reports
// to a Clusterer (which copies what it keeps) before converting the
// next, as ingest's batches and `dateline code --dedup` do. Reports
// arrays allocated anew for every record were a third of what clustering
// a record allocated, and in a process whose heap grows, each such byte
// is a fresh page to fault in. The zero Converter is ready to use; it is
// not safe for concurrent use.
type Converter struct {
	reps   []Report
	codes  []Actor
	places []Place
}

// Record returns the reports of rec's events, as FromRecord does. They
// share the Converter's arrays, and are valid until its next call.
func (cv *Converter) Record(rec *output.Record) []Report {
	base := recordBase(rec)
	// One backing array for every event's actor codes and one for their
	// places, sized before the first is taken, so that no append moves
	// what an earlier report points into.
	n := 0
	for i := range rec.Events {
		n += len(rec.Events[i].Actor) + len(rec.Events[i].Recipient)
	}
	cv.reps = grow(cv.reps, len(rec.Events))
	cv.codes = grow(cv.codes, n)
	cv.places = grow(cv.places, len(rec.Events))
	for i := range rec.Events {
		cv.reps = append(cv.reps, fromEvent(&base, &rec.Events[i], &cv.codes, &cv.places))
	}
	return cv.reps
}

// grow returns s emptied, with room for n values: s's own array when it
// has the room (cleared, so that it holds no pointer into an earlier
// record), else a new one.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	clear(s[:cap(s)])
	return s[:0]
}

// FromEvent converts one event of rec. It never returns a report Add
// refuses for its content (only an event id added twice is an error):
// whatever it cannot read it leaves out, and a report that lost its date
// that way is an incident of its own.
//
//   - A negated event ("police did not fire") says something did not
//     happen: it keeps no date precision, so that it never joins the
//     incident of the thing it denies and stays an incident of its own.
//   - The place is the event's location when it has coordinates or a
//     GeoNames id and an ACLED precision from 1 to 3 (output.Location's
//     Precision, from the place's GeoNames feature code); an unresolved
//     dateline, with neither, is no place to measure a distance from.
//   - The outlet is the record's source name, else the host of its URL,
//     so that two copies of one site's story count as one source.
func FromEvent(rec *output.Record, ev *output.Event) Report {
	base := recordBase(rec)
	var codes []Actor
	var places []Place
	return fromEvent(&base, ev, &codes, &places)
}

// recordBase returns what every report of rec shares: its document, its
// outlet, the document it copies and its publication time, read once
// per record rather than once per event.
func recordBase(rec *output.Record) Report {
	r := Report{DocID: rec.DocID, Source: outlet(rec.Source)}
	if rec.DuplicateOf != nil && *rec.DuplicateOf != rec.DocID {
		r.DuplicateOf = *rec.DuplicateOf
	}
	if rec.Published != nil {
		if t, err := time.Parse("2006-01-02", *rec.Published); err == nil {
			r.Published = t
		} else if t, err := time.Parse(time.RFC3339, *rec.Published); err == nil {
			r.Published = t.UTC()
		}
	}
	return r
}

// fromEvent converts ev on top of base (see recordBase), appending its
// actors' codes to *codes and its place to *places, whose spare capacity
// lets the reports of one record share one array of each.
func fromEvent(base *Report, ev *output.Event, codes *[]Actor, places *[]Place) Report {
	r := *base
	r.EventID = ReportID(r.DocID, ev.ID)
	r.Type, r.Mode = ev.Event, ev.Mode
	r.Actors, r.Recipients = actors(codes, ev.Actor), actors(codes, ev.Recipient)
	r.DatePrecision, r.Confidence = ev.DatePrecision, ev.Confidence
	if ev.Date != nil && isDate(*ev.Date) {
		r.Date = *ev.Date
	}
	if r.Confidence != r.Confidence { // NaN, which Add refuses
		r.Confidence = 0
	}
	switch r.DatePrecision {
	case PrecisionDay, PrecisionMonth, PrecisionYear:
		if r.Date == "" {
			r.DatePrecision = ""
		}
	case PrecisionPublished:
		if r.Date == "" && r.Published.IsZero() {
			r.DatePrecision = ""
		}
	case PrecisionHistorical, PrecisionDuration:
	default:
		r.DatePrecision = ""
	}
	if ev.Negated {
		r.DatePrecision = ""
	}
	if l := ev.Location; l != nil && l.Precision >= 1 && l.Precision <= 3 &&
		(l.GeonameID != 0 || l.Lat != 0 || l.Lon != 0) &&
		l.Lat >= -90 && l.Lat <= 90 && l.Lon >= -180 && l.Lon <= 180 {
		*places = append(*places, Place{Name: l.Name, GeonameID: l.GeonameID, CountryCode: l.CountryCode,
			Lat: l.Lat, Lon: l.Lon, Precision: l.Precision})
		r.Place = &(*places)[len(*places)-1]
	}
	return r
}

// isDate reports whether time.Parse reads s as "2006-01-02".
func isDate(s string) bool {
	_, _, _, ok := parseDay(s)
	return ok
}

// AddOrSingle adds r to c; when c refuses r for its content (a date or
// place it cannot read), it adds r without date and place, an incident of
// its own, so that one odd event costs its clustering and not its
// document. An event id added before with other content is still an
// error.
func AddOrSingle(c *Clusterer, r Report) (string, error) {
	id, err := c.Add(r)
	if err == nil {
		return id, nil
	}
	if _, dup := c.event(r.EventID); dup {
		return "", err
	}
	r.DatePrecision, r.Date, r.Place = "", "", nil
	return c.Add(r)
}

// ReportID is the id a report of event eventID of document docID goes
// by: the event id itself when it is the coder's "<doc_id>-eN", which is
// unique across documents since doc_ids are, else "<doc_id>/<event id>",
// so that records built elsewhere, whose events are "e1" in every
// document, still give each report an id of its own.
func ReportID(docID, eventID string) string {
	// Checked piecewise rather than against docID+"-e", which would
	// allocate for every event.
	if rest, ok := strings.CutPrefix(eventID, docID); ok && len(rest) > 2 && rest[:2] == "-e" &&
		strings.Trim(rest[2:], "0123456789") == "" {
		return eventID
	}
	return docID + "/" + eventID
}

// actors keeps the codes of bs, nil for none, appended to *codes and
// returned as a slice of it whose capacity ends with it, so that the
// next append cannot write into it.
func actors(codes *[]Actor, bs []output.ActorBlock) []Actor {
	if len(bs) == 0 {
		return nil
	}
	from := len(*codes)
	for _, b := range bs {
		*codes = append(*codes, Actor{Country: b.CountryCode, Sector: b.SectorCode})
	}
	return (*codes)[from:len(*codes):len(*codes)]
}

// outlet names the publisher of a document: its source name, else its
// URL's host without "www.".
func outlet(s output.Source) string {
	if n := strings.TrimSpace(s.Name); n != "" {
		return n
	}
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return ""
}
