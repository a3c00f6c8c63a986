package store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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

// Cursor is a position in a day-ordered listing: the last row's day and
// its storage key. Backends encode it with EncodeCursor so that clients
// treat it as opaque.
type Cursor struct {
	Day string
	Key int64
}

// EncodeCursor makes c opaque and URL-safe.
func EncodeCursor(c Cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(c.Day + "|" + strconv.FormatInt(c.Key, 10)))
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
	day, key, found := strings.Cut(string(b), "|")
	if !found {
		return Cursor{}, false, ErrBadCursor
	}
	if day != "" {
		if _, err := time.Parse("2006-01-02", day); err != nil {
			return Cursor{}, false, ErrBadCursor
		}
	}
	k, err := strconv.ParseInt(key, 10, 64)
	if err != nil || k < 0 {
		return Cursor{}, false, ErrBadCursor
	}
	return Cursor{Day: day, Key: k}, true, nil
}
