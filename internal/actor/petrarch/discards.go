package petrarch

import (
	"io"
	"strings"
)

// Discard is one discard phrase: a sentence (or, with Story, a whole
// story) that contains it is not coded.
type Discard struct {
	Phrase string // normalized
	Story  bool
	File   string
	Line   int
}

// ReadDiscards reads a discard dictionary; name is used in errors.
func ReadDiscards(r io.Reader, name string) ([]Discard, []ParseError, error) {
	file := baseName(name)
	var errs []ParseError
	lr := newLineReader(r, file, &errs)
	var out []Discard
	for {
		line, n, ok, err := lr.next()
		if err != nil {
			return out, errs, err
		}
		if !ok {
			return out, errs, nil
		}
		s := strings.TrimSpace(line)
		d := Discard{File: file, Line: n}
		if s[0] == '+' {
			d.Story, s = true, s[1:]
		}
		if strings.ContainsAny(s, "[]{}") {
			lr.errorf(n, "bracket in discard phrase %q", s)
			continue
		}
		if d.Phrase = Normalize(s); d.Phrase == "" {
			lr.errorf(n, "empty discard phrase")
			continue
		}
		out = append(out, d)
	}
}
