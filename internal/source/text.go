package source

import (
	"fmt"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// readText reads a plain-text file as one document. An optional header
// "date YYYY-MM-DD" (or "date: ..." with any form parseDate accepts) at the
// very start, possibly after spaces, sets Published; the body may follow on
// the same line or on the next. Doc.Text is the body with the white space
// around it trimmed, and Source.Line is the line where the body starts.
func (r *reader) readText(path string, in *input) error {
	b, ok, err := r.readAll(path, in)
	if !ok {
		return err
	}
	text, bad := cleanBytes(b, in.base)
	h := splitTextHeader(text)
	body := strings.TrimRight(text[h.bodyStart:], " \t\r\n\f\v")
	line := 1 + strings.Count(text[:h.bodyStart], "\n")
	if body == "" {
		return r.fail(path, line, 0, fmt.Errorf("%w: the file has no body text", ErrNoText))
	}
	d := &doc.Doc{
		Text:      body,
		Published: h.date,
		Source:    doc.SourceRef{Path: path, Line: line, Format: FormatText},
	}
	if h.badDate != "" {
		d.Warn("source", -1, fmt.Sprintf("unrecognised date %q in the header line; publication date unknown", h.badDate))
	}
	warnBad(d, bad, h.bodyStart)
	return r.send(d)
}

type textHeader struct {
	bodyStart int
	date      time.Time
	badDate   string
}

// splitTextHeader finds the optional date header and where the body starts.
// A first word "date" counts as a header only when a token starting with a
// digit follows it, so that prose beginning with the word is left alone.
func splitTextHeader(text string) textHeader {
	i := skipSpace(text, 0, false)
	h := textHeader{bodyStart: skipSpace(text, 0, true)}
	rest := text[i:]
	if len(rest) < 6 || !strings.EqualFold(rest[:4], "date") {
		return h
	}
	j := 4
	if rest[j] == ':' {
		j++
	}
	k := skipSpace(rest, j, false)
	if k == j && rest[j-1] != ':' {
		return h
	}
	if k >= len(rest) || rest[k] < '0' || rest[k] > '9' {
		return h
	}
	end := k
	for end < len(rest) && !isSpace(rest[end]) {
		end++
	}
	tok := rest[k:end]
	if t, err := parseDate(tok); err == nil {
		h.date = t
	} else {
		h.badDate = tok
	}
	h.bodyStart = skipSpace(text, i+end, true)
	return h
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// skipSpace returns the first offset at or after i that is not white space;
// newlines count as white space only when lines is true.
func skipSpace(s string, i int, lines bool) int {
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\t' || (lines && isSpace(c)) {
			i++
			continue
		}
		break
	}
	return i
}
