package incident

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Date precisions a Report may carry, as in dateline's output
// (date_precision). Only the first four date an event closely enough to
// cluster it; the others make a report an incident of its own.
const (
	PrecisionDay        = "day"
	PrecisionPublished  = "published"
	PrecisionMonth      = "month"
	PrecisionYear       = "year"
	PrecisionHistorical = "historical"
	PrecisionDuration   = "duration"
)

// Actor is one actor or recipient coding: PLOVER's country code (ISO
// alpha-3 or IGO, UNO, ...) and sector code. An empty code, or "UNK",
// means the coder did not know it, and matches any.
type Actor struct {
	Country string `json:"country_code,omitempty"`
	Sector  string `json:"sector_code,omitempty"`
}

// Place is where a report puts its event.
type Place struct {
	Name        string  `json:"name,omitempty"`
	GeonameID   int     `json:"geonameid,omitempty"`
	CountryCode string  `json:"country_code,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	// Precision is ACLED's geo-precision: 1 a town, 2 a second-level
	// division or near a town, 3 a first-level division, a country or
	// larger. 0 means the report has no usable place.
	Precision int `json:"precision"`
}

// Report is one coded event of one document: the unit that incidents
// group. It carries only what matching, choosing the canonical report and
// counting sources need, so a store can keep it in one row.
type Report struct {
	EventID string `json:"event_id"`
	DocID   string `json:"doc_id"`
	// Source is the outlet that published the document ("Reuters").
	Source string `json:"source,omitempty"`
	// DuplicateOf is the id of the document this one nearly copies (see
	// internal/dedup), "" for an original.
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Type        string  `json:"type"`
	Mode        string  `json:"mode,omitempty"`
	Actors      []Actor `json:"actors,omitempty"`
	Recipients  []Actor `json:"recipients,omitempty"`
	// Date is "2006-01-02" (for month and year precision any day inside
	// the period); it may be empty for published precision, which then
	// takes the day of Published.
	Date          string    `json:"date,omitempty"`
	DatePrecision string    `json:"date_precision"`
	Place         *Place    `json:"place,omitempty"`
	Published     time.Time `json:"published"`
	Confidence    float64   `json:"confidence"`
}

// kind is a report's role in clustering (see the package documentation).
type kind uint8

const (
	// single: no usable date; never clusters.
	single kind = iota
	// anchor: a day-precision date, a town and a coded actor or
	// recipient; links to other anchors.
	anchor
	// satellite: any other usable date or place; joins the nearest
	// compatible anchor's incident, or other unanchored satellites.
	satellite
)

// node is a validated report with what matching needs precomputed.
type node struct {
	rep Report
	// codes are the interned codes of the actors then the recipients
	// (nActors of them), in one slice rather than two: a node is kept for
	// every report, and two slice headers cost it 24 bytes more. See
	// actorCodes and recipientCodes.
	codes []code2
	cl    *cluster
	// typ, doc, codes and pcc (the place's country) are interned by the
	// Clusterer, so that matching compares integers; a code of 0 is
	// unknown.
	typ uint32
	doc int32
	pcc uint32
	// actSig and recSig summarise the sides for the index (see sideSig).
	actSig, recSig uint32
	// lo and hi are the first and last day (days since 1970-01-01) of the
	// report's date; dayLevel is true when the date names one day.
	lo, hi int32
	// best is a satellite's anchor (index into nodes), -1 for none and
	// for anchors and singles.
	best    int32
	nActors uint32
	// mode is the interned mode, 0 for none (or past 65,535 modes, when
	// the prefilter leaves modes to compatible).
	mode uint16
	kind kind
	// dateRank and placeRank order reports by specificity, 0 the most
	// specific, for choosing the canonical report.
	dateRank, placeRank int8
	dayLevel            bool
	// moved is true while the node is listed in Clusterer.moved.
	moved bool
	// shownFirst and shownBest are the first report of the node's
	// incident (which names it) and its anchor as TakeChanges last
	// handed them out or Restore read them, -1 before: a node marked
	// moved whose membership ends where it was is left out of Changes.
	shownFirst, shownBest int32
}

// actorCodes and recipientCodes are the interned codes of n's sides.
func (n *node) actorCodes() []code2     { return n.codes[:n.nActors:n.nActors] }
func (n *node) recipientCodes() []code2 { return n.codes[n.nActors:] }

// epochDay returns the day number of the calendar date y-m-d, as
// time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400 does, for a
// month up to 13 (the month after December) and a day within its month
// or the day after it. It is done by arithmetic (H. Hinnant's
// days_from_civil) because matching converts dates for every report and
// every index lookup, where time.Date cost a tenth of clustering.
func epochDay(y int, m time.Month, d int) int32 {
	if m > 12 {
		y, m = y+1, m-12
	}
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := int(m) + 9
	if m > 2 {
		mp = int(m) - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// dayDate returns the calendar date of day number n, as
// time.Unix(n*86400, 0).UTC().Date() does (Hinnant's civil_from_days).
func dayDate(n int32) (int, time.Month, int) {
	z := int(n) + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return y, time.Month(m), d
}

// parseDay reads s as time.Parse("2006-01-02", s) does, ok when it
// would succeed, without building a time.Time.
func parseDay(s string) (y int, m time.Month, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	num := func(s string) (int, bool) {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			n = n*10 + int(s[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	mi, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	m = time.Month(mi)
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return 0, 0, 0, false
	}
	// The length of the month: the day after its last is the first of
	// the next.
	if int32(d) > epochDay(y, m+1, 1)-epochDay(y, m, 1) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// code2 is an actor's interned country and sector codes.
type code2 struct{ country, sector uint32 }

// known reports whether a code says something: "" and "UNK" do not.
func known(code string) bool { return code != "" && code != "UNK" }

// newNode validates r and classifies it.
func newNode(r Report) (node, error) {
	n := node{rep: r, best: -1, shownFirst: -1, shownBest: -1}
	if r.EventID == "" {
		return n, fmt.Errorf("incident: report of document %q has no event id", r.DocID)
	}
	if r.DocID == "" {
		return n, fmt.Errorf("incident: report %s has no document id", r.EventID)
	}
	if r.Type == "" {
		return n, fmt.Errorf("incident: report %s has no event type", r.EventID)
	}
	if math.IsNaN(r.Confidence) {
		return n, fmt.Errorf("incident: report %s has a NaN confidence", r.EventID)
	}
	n.placeRank = 3
	if p := r.Place; p != nil && p.Precision != 0 {
		if p.Precision < 1 || p.Precision > 3 {
			return n, fmt.Errorf("incident: report %s: place precision %d is not 1, 2 or 3", r.EventID, p.Precision)
		}
		if !(p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180) {
			return n, fmt.Errorf("incident: report %s: place at %v,%v is off the globe", r.EventID, p.Lat, p.Lon)
		}
		n.placeRank = int8(p.Precision - 1)
	} else {
		// A place of precision 0 is no place: keep nil so matching need
		// not check both.
		n.rep.Place = nil
	}
	var y, d int
	var m time.Month
	// dated is false for no date and for time's zero date, 0001-01-01,
	// which time.Parse returned as the zero Time, read as no date.
	dated := false
	if r.Date != "" {
		var ok bool
		if y, m, d, ok = parseDay(r.Date); !ok {
			_, err := time.Parse("2006-01-02", r.Date)
			if err == nil { // parseDay and time.Parse disagree: a bug
				err = fmt.Errorf("unreadable date %q", r.Date)
			}
			return n, fmt.Errorf("incident: report %s: date: %w", r.EventID, err)
		}
		dated = y != 1 || m != 1 || d != 1
	}
	switch r.DatePrecision {
	case PrecisionDay:
		if !dated {
			return n, fmt.Errorf("incident: report %s has day precision but no date", r.EventID)
		}
		n.lo = epochDay(y, m, d)
		n.hi, n.dayLevel, n.dateRank = n.lo, true, 0
	case PrecisionPublished:
		if !dated {
			if r.Published.IsZero() {
				return n, fmt.Errorf("incident: report %s has published precision but neither date nor publication time", r.EventID)
			}
			y, m, d = r.Published.Date()
		}
		n.lo = epochDay(y, m, d)
		n.hi, n.dayLevel, n.dateRank = n.lo, true, 1
	case PrecisionMonth:
		if !dated {
			return n, fmt.Errorf("incident: report %s has month precision but no date", r.EventID)
		}
		n.lo, n.hi, n.dateRank = epochDay(y, m, 1), epochDay(y, m+1, 1)-1, 2
	case PrecisionYear:
		if !dated {
			return n, fmt.Errorf("incident: report %s has year precision but no date", r.EventID)
		}
		n.lo, n.hi, n.dateRank = epochDay(y, 1, 1), epochDay(y+1, 1, 1)-1, 3
	case PrecisionHistorical, PrecisionDuration, "":
		n.kind, n.dateRank = single, 4
		return n, nil
	default:
		return n, fmt.Errorf("incident: report %s: unknown date precision %q", r.EventID, r.DatePrecision)
	}
	if r.DatePrecision == PrecisionDay && n.rep.Place != nil && n.rep.Place.Precision == 1 &&
		(coded(r.Actors) || coded(r.Recipients)) {
		n.kind = anchor
	} else {
		n.kind = satellite
	}
	return n, nil
}

// coded reports whether some actor in as has a known code.
func coded(as []Actor) bool {
	for _, a := range as {
		if known(a.Country) || known(a.Sector) {
			return true
		}
	}
	return false
}

// folded is the form of an outlet name that source counting compares:
// "Reuters" and " reuters" are one outlet.
func folded(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
