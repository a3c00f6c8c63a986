package output

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeEvent decodes one event's JSON into ev, which must be the zero
// Event, with the same result as json.Unmarshal(data, ev): the same
// value, and an error exactly when json.Unmarshal gives one (the error is
// json.Unmarshal's own).
//
// The stores decode every event they list, and an export lists
// thousands; encoding/json's reflection took most of an export's time.
// DecodeEvent reads Event's own fields directly, in any order and with
// any white space (PostgreSQL's jsonb reorders and spaces them), and
// unquotes strings by encoding/json's rules. Anything else, which
// json.Unmarshal would match loosely, reject or merge (an unknown,
// case-folded, escaped or repeated key, a value of another type, a number
// out of range, malformed JSON), is handed to json.Unmarshal from the
// start, so a record of another shape still decodes exactly as before,
// only slower. The decoded strings share one copy of data.
func DecodeEvent(data []byte, ev *Event) error {
	d := decoder{b: data, s: string(data)}
	if d.event(ev) && d.end() {
		return nil
	}
	*ev = Event{}
	return json.Unmarshal(data, ev)
}

// decoder reads JSON from b at i. Each method reports false when the
// input is not what it reads, leaving the decoder at an undefined place:
// the caller then gives up the fast path.
type decoder struct {
	b []byte
	s string // b as a string, for the substrings
	i int
}

// peek skips white space and returns the next byte, 0 at the end.
func (d *decoder) peek() byte {
	for ; d.i < len(d.b); d.i++ {
		switch c := d.b[d.i]; c {
		case ' ', '\t', '\n', '\r':
		default:
			return c
		}
	}
	return 0
}

// eat consumes c if it is the next byte after white space.
func (d *decoder) eat(c byte) bool {
	if d.peek() == c {
		d.i++
		return true
	}
	return false
}

// end reports whether nothing but white space is left.
func (d *decoder) end() bool {
	d.peek()
	return d.i == len(d.b)
}

// literal consumes lit (true, false or null) if it comes next. What
// follows it is checked by the caller, which wants a comma or a bracket.
func (d *decoder) literal(lit string) bool {
	if d.peek() == lit[0] && bytes.HasPrefix(d.b[d.i:], []byte(lit)) {
		d.i += len(lit)
		return true
	}
	return false
}

// null consumes a null, which leaves any Go value as it was (zero here).
func (d *decoder) null() bool { return d.literal("null") }

// quoted returns the bounds in b of the next string's contents, between
// its quotes, and whether they are the string itself: no escapes, and
// valid UTF-8 (encoding/json replaces invalid bytes).
func (d *decoder) quoted() (from, to int, plain, ok bool) {
	if d.peek() != '"' {
		return 0, 0, false, false
	}
	from = d.i + 1
	ascii := true
	plain = true
	for j := from; j < len(d.b); j++ {
		switch c := d.b[j]; {
		case c == '"':
			d.i = j + 1
			return from, j, plain && (ascii || utf8.Valid(d.b[from:j])), true
		case c == '\\':
			plain = false
			j++ // the escaped byte cannot end the string
		case c < 0x20:
			return 0, 0, false, false // invalid JSON
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return 0, 0, false, false
}

// str reads a string. A plain one is a substring of the copy of the
// input, so that an event's strings cost one allocation between them.
func (d *decoder) str(s *string) bool {
	from, to, plain, ok := d.quoted()
	switch {
	case !ok:
		return false
	case plain:
		*s = d.s[from:to]
		return true
	}
	*s, ok = unquote(d.b[from:to])
	return ok
}

// unquote decodes the contents of a JSON string as encoding/json does:
// escapes, surrogate pairs (a lone or mismatched surrogate becomes
// U+FFFD), and each byte of invalid UTF-8 as U+FFFD. ok is false where
// encoding/json finds the string malformed.
func unquote(s []byte) (string, bool) {
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for r := 0; r < len(s); {
		switch c := s[r]; {
		case c == '\\':
			if r+1 == len(s) {
				return "", false
			}
			switch e := s[r+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := hex4(s[r+2:])
				if rr < 0 {
					return "", false
				}
				r += 6
				if utf16.IsSurrogate(rr) {
					// A pair decodes to one rune; anything else leaves
					// the next escape to be read on its own.
					if len(s) >= r+2 && s[r] == '\\' && s[r+1] == 'u' {
						if dec := utf16.DecodeRune(rr, hex4(s[r+2:])); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							r += 6
							continue
						}
					}
					rr = utf8.RuneError
				}
				b = utf8.AppendRune(b, rr)
				continue
			default:
				return "", false
			}
			r += 2
		case c < ' ' || c == '"':
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			r++
		default:
			rr, size := utf8.DecodeRune(s[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	return string(b), true
}

// hex4 reads the four hex digits of a \u escape, -1 if they are not.
func hex4(s []byte) rune {
	if len(s) < 4 {
		return -1
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// key reads an object key and the colon after it. Keys with escapes or
// non-ASCII bytes are not Event's, so they end the fast path.
func (d *decoder) key() (string, bool) {
	from, to, plain, ok := d.quoted()
	return d.s[from:to], ok && plain && d.eat(':')
}

// number returns the next number's text, if it is valid JSON.
func (d *decoder) number() ([]byte, bool) {
	d.peek()
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
			break
		}
		d.i++
	}
	tok := d.b[start:d.i]
	return tok, validNumber(tok)
}

// validNumber reports whether s is a JSON number: strconv accepts more
// (a leading +, ".5", "1.", leading zeros, Inf), which JSON does not.
func validNumber(s []byte) bool {
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		i = digits(i)
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

// float reads a number into a float64 as encoding/json does.
func (d *decoder) float(f *float64) bool {
	tok, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(string(tok), 64)
	*f = v
	return err == nil
}

// int reads a number into an int as encoding/json does: whole numbers
// only, in range.
func (d *decoder) int(n *int) bool {
	tok, ok := d.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseInt(string(tok), 10, strconv.IntSize)
	*n = int(v)
	return err == nil
}

// intPtr reads a number or null into a *int.
func (d *decoder) intPtr(p **int) bool {
	if d.null() {
		return true
	}
	*p = new(int)
	return d.int(*p)
}

func (d *decoder) bool(b *bool) bool {
	switch {
	case d.literal("true"):
		*b = true
	case d.literal("false"):
		*b = false
	default:
		return d.null()
	}
	return true
}

// strOrNull reads a string, or a null, which leaves s as it was.
func (d *decoder) strOrNull(s *string) bool { return d.null() || d.str(s) }

// floatOrNull and intOrNull read a number, or a null, which leaves the
// number as it was.
func (d *decoder) floatOrNull(f *float64) bool { return d.null() || d.float(f) }
func (d *decoder) intOrNull(n *int) bool       { return d.null() || d.int(n) }

// object reads an object, handing each key to field, which reads the
// value and returns the field's index (-1 for an unknown key, which ends
// the fast path). A key seen twice ends it too: encoding/json merges the
// second value into the first, which field does not. A null object
// leaves the value as it was.
func (d *decoder) object(field func(key string) (int, bool)) bool {
	if d.null() {
		return true
	}
	if !d.eat('{') {
		return false
	}
	if d.eat('}') {
		return true
	}
	var seen uint64
	for {
		key, ok := d.key()
		if !ok {
			return false
		}
		bit, ok := field(key)
		if !ok || bit < 0 || seen&(1<<bit) != 0 {
			return false
		}
		seen |= 1 << bit
		if d.eat(',') {
			continue
		}
		return d.eat('}')
	}
}

// array reads an array, calling elem for each element; null says it was
// a null, which leaves a slice nil, where [] makes it empty but not nil,
// as encoding/json does.
func (d *decoder) array(elem func() bool) (null, ok bool) {
	if d.null() {
		return true, true
	}
	if !d.eat('[') {
		return false, false
	}
	if d.eat(']') {
		return false, true
	}
	for {
		if !elem() {
			return false, false
		}
		if d.eat(',') {
			continue
		}
		return false, d.eat(']')
	}
}

func (d *decoder) strings(s *[]string) bool {
	out := []string{}
	null, ok := d.array(func() bool {
		var v string
		if !d.strOrNull(&v) {
			return false
		}
		out = append(out, v)
		return true
	})
	if ok && !null {
		*s = out
	}
	return ok
}

func (d *decoder) actors(bs *[]ActorBlock) bool {
	out := []ActorBlock{}
	null, ok := d.array(func() bool {
		out = append(out, ActorBlock{})
		return d.actor(&out[len(out)-1])
	})
	if ok && !null {
		*bs = out
	}
	return ok
}

func (d *decoder) actorPtr(p **ActorBlock) bool {
	if d.null() {
		return true
	}
	*p = new(ActorBlock)
	return d.actor(*p)
}

func (d *decoder) actor(b *ActorBlock) bool {
	return d.object(func(key string) (int, bool) {
		switch key {
		case "raw_text":
			return 0, d.strOrNull(&b.RawText)
		case "entity_name":
			return 1, d.strOrNull(&b.EntityName)
		case "country_code":
			return 2, d.strOrNull(&b.CountryCode)
		case "sector_code":
			return 3, d.strOrNull(&b.SectorCode)
		case "other_sector_codes":
			return 4, d.strings(&b.OtherSectorCodes)
		case "start":
			return 5, d.intOrNull(&b.Start)
		case "end":
			return 6, d.intOrNull(&b.End)
		case "cluster":
			return 7, d.intPtr(&b.Cluster)
		}
		return -1, false
	})
}

func (d *decoder) location(p **Location) bool {
	if d.null() {
		return true
	}
	l := new(Location)
	*p = l
	return d.object(func(key string) (int, bool) {
		switch key {
		case "name":
			return 0, d.strOrNull(&l.Name)
		case "geonameid":
			return 1, d.intOrNull(&l.GeonameID)
		case "country_code":
			return 2, d.strOrNull(&l.CountryCode)
		case "lat":
			return 3, d.floatOrNull(&l.Lat)
		case "lon":
			return 4, d.floatOrNull(&l.Lon)
		case "source":
			return 5, d.strOrNull(&l.Source)
		case "precision":
			return 6, d.intOrNull(&l.Precision)
		case "start":
			return 7, d.intOrNull(&l.Start)
		case "end":
			return 8, d.intOrNull(&l.End)
		}
		return -1, false
	})
}

func (d *decoder) evidence(e *Evidence) bool {
	return d.object(func(key string) (int, bool) {
		switch key {
		case "sentence_start":
			return 0, d.intOrNull(&e.SentenceStart)
		case "sentence_end":
			return 1, d.intOrNull(&e.SentenceEnd)
		case "trigger_start":
			return 2, d.intOrNull(&e.TriggerStart)
		case "trigger_end":
			return 3, d.intOrNull(&e.TriggerEnd)
		case "trigger_text":
			return 4, d.strOrNull(&e.TriggerText)
		case "text":
			return 5, d.strOrNull(&e.Text)
		}
		return -1, false
	})
}

func (d *decoder) event(ev *Event) bool {
	if d.peek() != '{' {
		return false // a top-level null is json.Unmarshal's to judge
	}
	return d.object(func(key string) (int, bool) {
		switch key {
		case "id":
			return 0, d.strOrNull(&ev.ID)
		case "date":
			if d.null() {
				return 1, true
			}
			ev.Date = new(string)
			return 1, d.str(ev.Date)
		case "date_precision":
			return 2, d.strOrNull(&ev.DatePrecision)
		case "event":
			return 3, d.strOrNull(&ev.Event)
		case "mode":
			return 4, d.strOrNull(&ev.Mode)
		case "context":
			return 5, d.strings(&ev.Context)
		case "actor":
			return 6, d.actors(&ev.Actor)
		case "recipient":
			return 7, d.actors(&ev.Recipient)
		case "location":
			return 8, d.location(&ev.Location)
		case "claimed_by":
			return 9, d.actorPtr(&ev.ClaimedBy)
		case "quote":
			return 10, d.intPtr(&ev.Quote)
		case "in_title":
			return 11, d.bool(&ev.InTitle)
		case "negated":
			return 12, d.bool(&ev.Negated)
		case "principal":
			return 13, d.bool(&ev.Principal)
		case "aux":
			return 14, d.strings(&ev.Aux)
		case "quad":
			return 15, d.strOrNull(&ev.Quad)
		case "cameo_root":
			return 16, d.strOrNull(&ev.CameoRoot)
		case "intensity":
			return 17, d.floatOrNull(&ev.Intensity)
		case "evidence":
			return 18, d.evidence(&ev.Evidence)
		case "rule":
			return 19, d.strOrNull(&ev.Rule)
		case "confidence":
			return 20, d.floatOrNull(&ev.Confidence)
		case "incident_id":
			return 21, d.strOrNull(&ev.IncidentID)
		}
		return -1, false
	})
}
