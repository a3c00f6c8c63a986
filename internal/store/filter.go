package store

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/output"
)

// EventFilter selects events. Zero fields do not filter. List fields match
// any of their values. Actor and recipient fields match when any of the
// event's actors (or recipients) matches; all given fields must match the
// same actor.
type EventFilter struct {
	Type []string // PLOVER event types, e.g. ASSAULT
	Mode []string // PLOVER modes
	Quad []string // quad classes

	Actor     ActorFilter
	Recipient ActorFilter

	// Claimed filters on whether the event is attributed to a claimant
	// (a speaker the text credits with it); nil does not filter.
	Claimed *bool

	From, To string // inclusive days, YYYY-MM-DD

	// Place matches the event location's name, case-insensitively; it
	// mixes places that share a name (Paris, France and Paris, Texas).
	Place string
	// GeonameID matches the event location's GeoNames id exactly; 0 does
	// not filter. It tells namesakes apart.
	GeonameID int
	// BBox is minlon, minlat, maxlon, maxlat; nil does not filter.
	// Locations without coordinates never match a box.
	BBox *[4]float64

	// Q is a full-text query over the document title and text: words,
	// all of which must occur; a trailing * matches a prefix.
	Q string

	// Distinct leaves out the events of documents that repeat an earlier
	// one (whose record has a duplicate_of): their events are the
	// original's reported again, so counting them counts reports rather
	// than incidents.
	Distinct bool

	// Incidents keeps only the canonical event of each incident (its
	// best-evidenced report, see package incident), so that a listing
	// has one row per incident and the timeline, network and places
	// count incidents rather than reports. The incident's other reports
	// are left out whether or not they match the other filters; the
	// canonical event must match them.
	Incidents bool

	// Principal filters on the event's principal flag (the one event its
	// sentence is about); nil does not filter.
	Principal *bool
	// Negated filters on the event's negated flag; nil does not filter.
	Negated *bool
	// Asserted filters on whether the text states the event as having
	// happened: not negated, and none of the Unasserted aux markers
	// (hypothetical, conditional, future, obligation, complement). True
	// keeps asserted events only, false the others; nil does not filter.
	Asserted *bool
	// MinConfidence keeps events whose confidence is at least this; 0
	// does not filter.
	MinConfidence float64
	// DatePrecision lists date precisions (DatePrecisions) to keep.
	DatePrecision []string
	// MainEvent filters on whether the event is its story's main event
	// (see MainEventID); nil does not filter.
	MainEvent *bool

	// Sort orders Events' pages: one of Sorts, "" meaning SortDate. It
	// orders nothing else; aggregates ignore it.
	Sort string
}

// Event orders for EventFilter.Sort. Ties are broken by storage order,
// which is reversed with a descending sort.
const (
	SortDate           = "date"        // by day, oldest first (the default)
	SortDateDesc       = "-date"       // by day, newest first
	SortConfidence     = "confidence"  // least confident first
	SortConfidenceDesc = "-confidence" // most confident first
)

// Sorts lists the valid EventFilter.Sort values.
var Sorts = []string{SortDate, SortDateDesc, SortConfidence, SortConfidenceDesc}

// DatePrecisions are the values of an event's date_precision.
var DatePrecisions = []string{"day", "month", "year", "published", "historical"}

// Unasserted are the aux markers of an event the text does not state as
// having happened: it is possible, conditional, to come, owed, or the
// content of another event (what was demanded or refused), only
// possibly past ("may have been killed"), or reported at second hand
// ("allegedly killed").
var Unasserted = []string{"hypothetical", "conditional", "future", "obligation", "complement", "speculative", "alleged"}

// UnassertedSQL is Unasserted as a list of SQL string literals, for the
// backends' migrations that fill an asserted column from stored records:
// one list, so that a marker added later is read there too.
func UnassertedSQL() string {
	q := make([]string, len(Unasserted))
	for i, v := range Unasserted {
		q[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}

// IsAsserted reports whether the text states ev as having happened (see
// EventFilter.Asserted); backends use it when they store an event.
func IsAsserted(ev *output.Event) bool {
	if ev.Negated {
		return false
	}
	for _, a := range ev.Aux {
		if slices.Contains(Unasserted, a) {
			return false
		}
	}
	return true
}

// MainEventID returns the id of the event in rec.Events that stands for
// the story's main event, or "" when none does. When the main event is
// one of rec.Events that is the one; when it is a title event (which is
// not among rec.Events), it is the body's most confident event of the same
// type that is not negated, the earliest of equals: the body's telling of
// what the title states. A filter on MainEvent thus finds one event per
// story that has a main event told in its body.
func MainEventID(rec *output.Record) string {
	m := rec.MainEvent
	if m == nil {
		return ""
	}
	if m.Source != "title" {
		return m.EventID
	}
	best := -1
	for i := range rec.Events {
		ev := &rec.Events[i]
		if ev.Event != m.Event || ev.Negated {
			continue
		}
		if best < 0 || ev.Confidence > rec.Events[best].Confidence {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return rec.Events[best].ID
}

// ActorFilter matches one actor block.
type ActorFilter struct {
	Countries []string // ISO 3166 alpha-3 codes
	Sectors   []string // PLOVER sector codes (primary or other)
	// Name matches a substring of the entity name or raw text,
	// case-insensitively.
	Name string
}

// Empty reports whether a filters nothing.
func (a ActorFilter) Empty() bool {
	return len(a.Countries) == 0 && len(a.Sectors) == 0 && a.Name == ""
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	// Speaker matches a substring of the speaker's name or raw text.
	Speaker string
	// Country is the speaker's country code.
	Country []string
	// Q is a full-text query over the quote text (see EventFilter.Q).
	Q string
}

// Bounds on filter values. A backend turns text filters into patterns
// (SQLite's LIKE refuses patterns over 50,000 bytes) and list filters into
// expressions whose depth grows with the list (SQLite's limit is 1,000), so
// an unbounded filter is a query the backend cannot run; no real search
// needs more than these.
const (
	// MaxFilterBytes bounds one text value: a name, place, speaker, query
	// or list item.
	MaxFilterBytes = 512
	// MaxFilterValues bounds the values of one list filter.
	MaxFilterValues = 100
)

// checkText checks one text value against MaxFilterBytes.
func checkText(name, v string) error {
	if len(v) > MaxFilterBytes {
		return fmt.Errorf("%w: %s is %d bytes, longer than the %d-byte limit", ErrBadFilter, name, len(v), MaxFilterBytes)
	}
	return nil
}

// checkList checks a list filter against MaxFilterValues and each of its
// values against MaxFilterBytes.
func checkList(name string, vs []string) error {
	if len(vs) > MaxFilterValues {
		return fmt.Errorf("%w: %s has %d values, more than the limit of %d", ErrBadFilter, name, len(vs), MaxFilterValues)
	}
	for _, v := range vs {
		if err := checkText(name, v); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks the parts of f that a backend cannot check by looking
// values up: value sizes (MaxFilterBytes, MaxFilterValues), day format,
// order of From/To, and bounding box shape.
func (f *EventFilter) Validate() error {
	for _, l := range []struct {
		name string
		vs   []string
	}{
		{"type", f.Type}, {"mode", f.Mode}, {"quad", f.Quad},
		{"actor country", f.Actor.Countries}, {"actor sector", f.Actor.Sectors},
		{"recipient country", f.Recipient.Countries}, {"recipient sector", f.Recipient.Sectors},
	} {
		if err := checkList(l.name, l.vs); err != nil {
			return err
		}
	}
	for _, t := range []struct{ name, v string }{
		{"actor name", f.Actor.Name}, {"recipient name", f.Recipient.Name}, {"place", f.Place}, {"query", f.Q},
	} {
		if err := checkText(t.name, t.v); err != nil {
			return err
		}
	}
	for _, d := range []string{f.From, f.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrBadFilter, d)
		}
	}
	if err := checkList("date precision", f.DatePrecision); err != nil {
		return err
	}
	for _, p := range f.DatePrecision {
		if !slices.Contains(DatePrecisions, p) {
			return fmt.Errorf("%w: date precision %q: want one of %s", ErrBadFilter, p, strings.Join(DatePrecisions, ", "))
		}
	}
	if f.Sort != "" && !slices.Contains(Sorts, f.Sort) {
		return fmt.Errorf("%w: sort %q: want one of %s", ErrBadFilter, f.Sort, strings.Join(Sorts, ", "))
	}
	if f.MinConfidence < 0 || f.MinConfidence > 1 || f.MinConfidence != f.MinConfidence {
		return fmt.Errorf("%w: min confidence %v: want a number from 0 to 1", ErrBadFilter, f.MinConfidence)
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return fmt.Errorf("%w: from %s is after to %s", ErrBadFilter, f.From, f.To)
	}
	if b := f.BBox; b != nil {
		if b[0] > b[2] || b[1] > b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 {
			return fmt.Errorf("%w: bbox must be minlon,minlat,maxlon,maxlat within -180..180, -90..90", ErrBadFilter)
		}
	}
	return nil
}

// Validate checks f's value sizes (MaxFilterBytes, MaxFilterValues).
func (f *QuoteFilter) Validate() error {
	if err := checkList("country", f.Country); err != nil {
		return err
	}
	if err := checkText("speaker", f.Speaker); err != nil {
		return err
	}
	return checkText("query", f.Q)
}

// FTSQuery turns a user's words into an FTS5 query that cannot be a
// syntax error: each word is quoted (so operators and punctuation are
// literal), a trailing * is kept as a prefix match, and the words are
// ANDed. It returns "" when q has no words.
func FTSQuery(q string) string {
	// Control characters (NUL above all) and invalid UTF-8 are errors to
	// FTS5 even inside quotes; they can never match text, so drop them.
	q = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return ' '
		}
		return r
	}, q)
	var b strings.Builder
	for _, w := range strings.Fields(q) {
		w = strings.ReplaceAll(w, `"`, "")
		prefix := strings.HasSuffix(w, "*")
		w = strings.Trim(w, "*")
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(w)
		b.WriteByte('"')
		if prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}

// Cursor is a position in an ordered listing: the last row's sort value
// (its day, or its confidence for a confidence sort) and its storage key,
// under the order it was issued for. Backends encode it with EncodeCursor
// so that clients treat it as opaque.
type Cursor struct {
	// Sort is the EventFilter.Sort the cursor pages through; "" for the
	// day order (SortDate), the only order of quotes.
	Sort string
	Day  string
	// Conf is the last row's confidence under a confidence sort.
	Conf float64
	Key  int64
}

// EncodeCursor makes c opaque and URL-safe. A day-order cursor keeps the
// encoding it always had, so that cursors issued before sorting existed
// still page.
func EncodeCursor(c Cursor) string {
	var s string
	switch c.Sort {
	case "", SortDate:
		s = c.Day + "|" + strconv.FormatInt(c.Key, 10)
	case SortDateDesc:
		s = c.Sort + "~" + c.Day + "|" + strconv.FormatInt(c.Key, 10)
	default:
		s = c.Sort + "~" + strconv.FormatFloat(c.Conf, 'g', -1, 64) + "|" + strconv.FormatInt(c.Key, 10)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

// DecodeCursor reverses EncodeCursor; "" decodes to the zero Cursor and
// ok false. Anything else malformed gives ErrBadCursor.
func DecodeCursor(s string) (c Cursor, ok bool, err error) {
	if s == "" {
		return Cursor{}, false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, false, ErrBadCursor
	}
	sort, rest, sorted := strings.Cut(string(b), "~")
	if !sorted {
		sort, rest = "", string(b)
	}
	val, key, found := strings.Cut(rest, "|")
	if !found {
		return Cursor{}, false, ErrBadCursor
	}
	switch sort {
	case "", SortDateDesc:
		if val != "" {
			if _, err := time.Parse("2006-01-02", val); err != nil {
				return Cursor{}, false, ErrBadCursor
			}
		}
		c.Day = val
	case SortConfidence, SortConfidenceDesc:
		v, err := strconv.ParseFloat(val, 64)
		if err != nil || v != v {
			return Cursor{}, false, ErrBadCursor
		}
		c.Conf = v
	default:
		return Cursor{}, false, ErrBadCursor
	}
	c.Sort = sort
	k, err := strconv.ParseInt(key, 10, 64)
	if err != nil || k < 0 {
		return Cursor{}, false, ErrBadCursor
	}
	c.Key = k
	return c, true, nil
}

// CursorFor decodes a cursor for a listing in order sort (an
// EventFilter.Sort), which must be the order it was issued for: a cursor
// of another order is ErrBadCursor rather than a silently wrong page.
func CursorFor(s, sort string) (c Cursor, ok bool, err error) {
	c, ok, err = DecodeCursor(s)
	if err != nil || !ok {
		return c, ok, err
	}
	if sort == SortDate {
		sort = ""
	}
	if c.Sort != sort {
		return Cursor{}, false, fmt.Errorf("%w: issued for sort %q, used with %q", ErrBadCursor, c.Sort, sort)
	}
	return c, true, nil
}

// offsetSort tags the cursors of a ranked listing (store.Actors), which
// pages by offset: its ranking is recomputed for each page, so there is
// no row key to resume after.
const offsetSort = "offset"

// EncodeOffset makes an offset cursor for a ranked listing.
func EncodeOffset(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(offsetSort + "~" + strconv.Itoa(n)))
}

// DecodeOffset reverses EncodeOffset; "" is offset 0. Anything else,
// another listing's cursor included, gives ErrBadCursor.
func DecodeOffset(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, ErrBadCursor
	}
	tag, n, ok := strings.Cut(string(b), "~")
	if !ok || tag != offsetSort {
		return 0, ErrBadCursor
	}
	v, err := strconv.Atoi(n)
	if err != nil || v < 0 {
		return 0, ErrBadCursor
	}
	return v, nil
}
