package petrarch

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ParseError reports an entry or line that a reader skipped or repaired.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// maxLine bounds one dictionary line; the reference files stay under 200
// bytes, so anything near this is not a dictionary.
const maxLine = 1 << 20

// lineReader yields the meaningful lines of a dictionary: comments removed,
// blank lines skipped, trailing space trimmed, leading space kept (it marks
// code lines in actor files).
type lineReader struct {
	sc        *bufio.Scanner
	file      string
	n         int
	inComment bool
	commentAt int
	errs      *[]ParseError
}

func newLineReader(r io.Reader, name string, errs *[]ParseError) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	return &lineReader{sc: sc, file: name, errs: errs}
}

func (lr *lineReader) errorf(line int, format string, args ...any) {
	*lr.errs = append(*lr.errs, ParseError{File: lr.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// next returns the next meaningful line and its 1-based number; ok is false
// at the end of input or at ---STOP---.
func (lr *lineReader) next() (line string, n int, ok bool, err error) {
	for lr.sc.Scan() {
		lr.n++
		s := lr.sc.Text()
		if lr.n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if !utf8.ValidString(s) {
			lr.errorf(lr.n, "line is not valid UTF-8; invalid bytes replaced")
			s = strings.ToValidUTF8(s, "\ufffd")
		}
		if lr.inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			lr.inComment = false
			s = s[i+3:]
		}
		if strings.HasPrefix(s, "<!") && !strings.HasPrefix(s, "<!--") {
			// PETRARCH skips such lines whole ("<! -- NEW ACTORS -->").
			continue
		}
		s = lr.stripComments(s)
		s = strings.TrimRight(s, " \t\r\n\v\f")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if strings.Contains(s, "---STOP---") {
			return "", lr.n, false, nil
		}
		return s, lr.n, true, nil
	}
	if err := lr.sc.Err(); err != nil {
		return "", lr.n, false, fmt.Errorf("read %s line %d: %w", lr.file, lr.n+1, err)
	}
	if lr.inComment {
		lr.errorf(lr.commentAt, "<!-- comment is never closed")
		lr.inComment = false
	}
	return "", lr.n, false, nil
}

// stripComments removes a '#' comment and "<!-- ... -->" runs from s,
// whichever comes first deciding which is the comment: "# x <!--" opens
// nothing, "<!-- # -->" hides nothing after it. An unclosed "<!--" enters
// the multi-line comment state.
func (lr *lineReader) stripComments(s string) string {
	var b strings.Builder
	for {
		h := strings.IndexByte(s, '#')
		x := strings.Index(s, "<!--")
		if x < 0 || (h >= 0 && h < x) {
			if h >= 0 {
				s = s[:h]
			}
			if b.Len() == 0 {
				return s
			}
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:x])
		j := strings.Index(s[x+4:], "-->")
		if j < 0 {
			lr.inComment = true
			lr.commentAt = lr.n
			return b.String()
		}
		b.WriteByte(' ')
		s = s[x+4+j+3:]
	}
}

// baseName is the file part used in rules ("Phoenix.agents.txt:212").
func baseName(name string) string {
	if name == "" {
		return "petrarch"
	}
	return filepath.Base(name)
}

// Normalize brings a phrase into the form the readers store: lower-case
// words separated by single spaces, with '_' and any white space treated as
// separators. Callers use it on their own phrases before LookupActor.
func Normalize(s string) string {
	// Fast path: already normalized ASCII needs no allocation.
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '_', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			clean = false
		case c == ' ':
			if prevSpace {
				clean = false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	if clean && !prevSpace {
		return s
	}
	b := make([]byte, 0, len(s))
	pending := false // a separator was seen since the last word byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if isSep(rune(c)) {
				pending = true
				i++
				continue
			}
			if pending && len(b) > 0 {
				b = append(b, ' ')
			}
			pending = false
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isSep(r) {
			pending = true
			i += size
			continue
		}
		if pending && len(b) > 0 {
			b = append(b, ' ')
		}
		pending = false
		b = append(b, strings.ToLower(s[i:i+size])...)
		i += size
	}
	return string(b)
}

func isSep(r rune) bool {
	return r == '_' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0xA0
}
