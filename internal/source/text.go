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
// the same line or on the next. Doc.Text is the file's text after the
// header, exactly as it is in the file: nothing is trimmed, so that byte
// k of Doc.Text is byte k after the header in the file (less a byte order
// mark, with invalid UTF-8 replaced). Source.Line is the line where
// Doc.Text starts.
func (r *reader) readText(path string, in *input) error {
	b, ok, err := r.readAll(path, in)
	if !ok {
		return err
	}
	text, bad := cleanBytes(b, in.base)
	h := splitTextHeader(text)
	body := text[h.bodyStart:]
	line := 1 + strings.Count(text[:h.bodyStart], "\n")
	if strings.TrimSpace(body) == "" {
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

// splitTextHeader finds the optional date header and where the body
// starts: at 0 when there is no header, else after the header's date and
// the spaces after it, and after the line break too when nothing else is
// on the header's line. A first word "date" counts as a header only when
// a token starting with a digit follows it, so that prose beginning with
// the word is left alone.
func splitTextHeader(text string) textHeader {
	var h textHeader
	i := skipSpace(text, 0)
	rest := text[i:]
	if len(rest) < 6 || !strings.EqualFold(rest[:4], "date") {
		return h
	}
	j := 4
	if rest[j] == ':' {
		j++
	}
	k := skipSpace(rest, j)
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
	h.bodyStart = skipSpace(text, i+end)
	switch {
	case strings.HasPrefix(text[h.bodyStart:], "\r\n"):
		h.bodyStart += 2
	case strings.HasPrefix(text[h.bodyStart:], "\n"), strings.HasPrefix(text[h.bodyStart:], "\r"):
		h.bodyStart++
	}
	return h
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// skipSpace returns the first offset at or after i that is not a space or
// tab.
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
