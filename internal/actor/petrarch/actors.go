package petrarch

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// NullCode is the code of a phrase that is an actor but must not be coded
// ("[---]"). CodeAt returns it with ok true, so that a matcher stops at the
// longer phrase instead of coding a shorter one inside it.
const NullCode = "---"

// Code is one actor code with its optional date restriction. From and To
// are UTC midnights and both inclusive; a zero bound is open-ended, and a
// code with both bounds zero is a default (unrestricted) code.
type Code struct {
	Code     string
	From, To time.Time
}

// Restricted reports whether the code carries a date restriction.
func (c Code) Restricted() bool { return !c.From.IsZero() || !c.To.IsZero() }

// Applies reports whether the code's date restriction admits day t (only
// t's calendar date counts).
func (c Code) Applies(t time.Time) bool {
	d := day(t)
	if !c.From.IsZero() && d.Before(c.From) {
		return false
	}
	if !c.To.IsZero() && d.After(c.To) {
		return false
	}
	return true
}

// Parts splits a compound code ("AAA/BBB") into its actors; a simple code
// is returned alone.
func (c Code) Parts() []string { return strings.Split(c.Code, "/") }

// Actor is one actor entry: a primary name, its synonyms and its codes.
type Actor struct {
	// Names are normalized (see Normalize); Names[0] is the primary name.
	Names []string
	// NameLines holds the line of each name, parallel to Names, so that a
	// match can cite the synonym line that produced it.
	NameLines []int
	// Codes in file order; order matters, see CodeAt.
	Codes []Code
	// File is the base name of the dictionary; Line is the primary name's.
	File string
	Line int
}

// CodeAt returns the code that applies on day t. As in PETRARCH, the first
// date-restricted code (in file order) whose range holds t wins; otherwise
// the first default code applies. With a zero t (date unknown) the default
// code is used and, failing that, the restricted code whose range ends
// last, on the view that an undated report is most likely recent. ok is
// false only when no code applies.
func (a Actor) CodeAt(t time.Time) (string, bool) {
	if !t.IsZero() {
		for _, c := range a.Codes {
			if c.Restricted() && c.Applies(t) {
				return c.Code, true
			}
		}
	}
	for _, c := range a.Codes {
		if !c.Restricted() {
			return c.Code, true
		}
	}
	if !t.IsZero() {
		return "", false
	}
	best := -1
	for i, c := range a.Codes {
		if best < 0 || endsLater(c, a.Codes[best]) {
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	return a.Codes[best].Code, true
}

func endsLater(a, b Code) bool {
	switch {
	case b.To.IsZero():
		return false
	case a.To.IsZero():
		return true
	default:
		return a.To.After(b.To)
	}
}

func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ReadActors reads an actor dictionary; name is used in errors and rules.
// Entries that cannot be read are skipped and reported, never fatal; the
// error is only for I/O failures.
func ReadActors(r io.Reader, name string) ([]Actor, []ParseError, error) {
	file := baseName(name)
	var errs []ParseError
	lr := newLineReader(r, file, &errs)
	var out []Actor
	var cur *Actor
	// codeLines is set once the current entry has had a code line, valid
	// or not; until then further name lines join it.
	codeLines := false
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			lr.errorf(cur.Line, "actor %q has no code", cur.Names[0])
		} else {
			if len(out) == cap(out) {
				// Double rather than let append grow by 1.25x: every
				// copy of a large slice of pointerful structs is paid
				// again in write barriers.
				out = slices.Grow(out, max(len(out), 256))
			}
			out = append(out, *cur)
		}
		cur = nil
	}
	for {
		line, n, ok, err := lr.next()
		if err != nil {
			return out, errs, err
		}
		if !ok {
			break
		}
		trimmed := strings.TrimLeft(line, " \t")
		indented := len(trimmed) < len(line)
		switch {
		case trimmed[0] == '[':
			if cur == nil {
				lr.errorf(n, "code line before any actor")
				continue
			}
			cur.Codes = lr.parseCodes(trimmed, n, cur.Codes)
			codeLines = true
		case trimmed[0] == '+':
			if cur == nil {
				lr.errorf(n, "synonym before any actor")
				continue
			}
			lr.addNames(cur, trimmed[1:], n)
		case indented:
			// An indented name is a code line that grew a name
			// ("\tJOHN_DOE_\t[XXX 010101-021231]"); PETRARCH would
			// read only its code, but the name is plainly a synonym.
			if cur == nil {
				lr.errorf(n, "indented line before any actor")
				continue
			}
			lr.errorf(n, "indented name read as a synonym of %q", cur.Names[0])
			lr.addNames(cur, trimmed, n)
		case cur != nil && !codeLines && len(cur.Codes) == 0:
			// A run of name lines shares the codes that follow it,
			// whether or not the later names carry '+'.
			lr.addNames(cur, trimmed, n)
		default:
			flush()
			cur = &Actor{File: file, Line: n}
			codeLines = false
			if !lr.addNames(cur, trimmed, n) {
				cur = nil
			}
		}
	}
	flush()
	// "no code" is found only when the entry ends; keep reports in line order.
	slices.SortStableFunc(errs, func(a, b ParseError) int { return a.Line - b.Line })
	return out, errs, nil
}

// addNames adds the name (and any codes after it) on line n to a. A '+'
// inside the name is two synonyms run together and is split. It reports
// whether a name was added.
func (lr *lineReader) addNames(a *Actor, s string, n int) bool {
	namePart, codePart := s, ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		namePart, codePart = s[:i], s[i:]
	}
	added := false
	parts := strings.Split(namePart, "+")
	if len(parts) > 1 {
		lr.errorf(n, "'+' inside a name; read as %d synonyms", len(parts))
	}
	for _, p := range parts {
		if strings.ContainsAny(p, "]{}") {
			lr.errorf(n, "stray bracket in name %q; name skipped", strings.TrimSpace(p))
			continue
		}
		nm := Normalize(p)
		if nm == "" {
			if len(parts) == 1 {
				lr.errorf(n, "empty name")
			}
			continue
		}
		a.Names = append(a.Names, nm)
		a.NameLines = append(a.NameLines, n)
		added = true
	}
	if codePart != "" {
		if len(a.Names) == 0 {
			return false
		}
		a.Codes = lr.parseCodes(codePart, n, a.Codes)
	}
	return added
}

// parseCodes reads "[CODE restriction] [CODE] ..." and appends to codes.
func (lr *lineReader) parseCodes(s string, n int, codes []Code) []Code {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return codes
		}
		if s[0] != '[' {
			lr.errorf(n, "unexpected text %q after codes", s)
			return codes
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			lr.errorf(n, "unclosed '[' in %q", s)
			return codes
		}
		c, err := parseCode(s[1:end])
		if err != nil {
			lr.errorf(n, "code [%s]: %v", s[1:end], err)
		} else {
			codes = append(codes, c)
		}
		s = s[end+1:]
	}
}

// parseCode reads the inside of one bracket: a code, then optionally
// "<date", ">date" or "date-date", with any spacing.
func parseCode(s string) (Code, error) {
	s = strings.TrimSpace(s)
	code, rest := s, ""
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		code, rest = s[:i], s[i+1:]
	}
	if code == "" {
		return Code{}, fmt.Errorf("empty code")
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '/' || c == '-' || c == '+') {
			return Code{}, fmt.Errorf("character %q in code", c)
		}
	}
	code = strings.ToUpper(code) // no copy when already upper case
	if strings.ContainsAny(rest, " \t") {
		rest = strings.Join(strings.Fields(rest), "")
	}
	out := Code{Code: code}
	if rest == "" {
		return out, nil
	}
	var err error
	switch rest[0] {
	case '<':
		out.To, err = parseDate(rest[1:])
	case '>':
		out.From, err = parseDate(rest[1:])
	default:
		from, to, found := strings.Cut(rest, "-")
		if !found {
			return Code{}, fmt.Errorf("date %q lacks '<', '>' or a '-' range", rest)
		}
		if out.From, err = parseDate(from); err == nil {
			out.To, err = parseDate(to)
		}
		if err == nil && out.To.Before(out.From) {
			err = fmt.Errorf("range %s ends before it starts", rest)
		}
	}
	if err != nil {
		return Code{}, err
	}
	return out, nil
}

// parseDate reads YYMMDD (00-30 -> 20xx, 31-99 -> 19xx, as TABARI does)
// or YYYYMMDD.
func parseDate(s string) (time.Time, error) {
	if len(s) != 6 && len(s) != 8 {
		return time.Time{}, fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, fmt.Errorf("date %q is not all digits", s)
		}
		v = v*10 + int(s[i]-'0')
	}
	y, m, d := v/10000, (v/100)%100, v%100
	if len(s) == 6 {
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q is not a calendar day", s)
	}
	return t, nil
}
