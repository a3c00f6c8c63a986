package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
)

// readJSONL reads one JSON object per line. Blank lines are skipped. A line
// holding a JSON array of objects on its own is read as one document per
// element, all with that line number. A malformed or oversized line is
// reported with its number and reading goes on with the next line.
func (r *reader) readJSONL(path string, in *input) error {
	lr := newLineReader(in.br, r.opts.MaxRecordBytes, in.base)
	records := 0
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, start, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.fail(path, lr.line+1, in.errOffset(), in.wrapErr(err))
		}
		if tooLong {
			records++
			if err := r.fail(path, lr.line, start, fmt.Errorf("%w: line exceeds %d bytes; skipped", ErrTooLarge, r.opts.MaxRecordBytes)); err != nil {
				return err
			}
			continue
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		records++
		if err := r.jsonLine(path, lr.line, start, line); err != nil {
			return err
		}
	}
	if records == 0 {
		return r.fail(path, 0, 0, fmt.Errorf("%w: no JSON records", ErrEmpty))
	}
	return nil
}

// jsonLine decodes one non-blank line and emits its documents or error.
func (r *reader) jsonLine(path string, lineNo int, start int64, line []byte) error {
	badAt := int64(-1)
	if !utf8.Valid(line) {
		badAt = start + int64(firstInvalid(line))
		// encoding/json would replace the bytes silently; cleaning first
		// gives the same text and lets the document say so.
		s, _ := cleanBytes(line, 0)
		line = []byte(s)
	}
	var objs []map[string]json.RawMessage
	switch line[0] {
	case '{':
		var m map[string]json.RawMessage
		if err := json.Unmarshal(line, &m); err != nil {
			return r.fail(path, lineNo, start, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, err))
		}
		objs = append(objs, m)
	case '[':
		if err := json.Unmarshal(line, &objs); err != nil {
			return r.fail(path, lineNo, start, fmt.Errorf("%w: invalid JSON array (arrays must be of objects and on one line; JSON Lines is preferred): %v", ErrMalformed, err))
		}
	default:
		return r.fail(path, lineNo, start, fmt.Errorf("%w: a JSON Lines record must be an object, got %q", ErrMalformed, abbreviate(line)))
	}
	for _, m := range objs {
		d, err := r.jsonDoc(m)
		if err != nil {
			if err := r.fail(path, lineNo, start, err); err != nil {
				return err
			}
			continue
		}
		d.Source.Path, d.Source.Line, d.Source.Format = path, lineNo, FormatJSONL
		if badAt >= 0 {
			d.Warn("source", -1, fmt.Sprintf("invalid UTF-8 at input byte %d (line %d) replaced with U+FFFD", badAt, lineNo))
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	return nil
}

// jsonDoc builds a document from one decoded object.
func (r *reader) jsonDoc(m map[string]json.RawMessage) (*doc.Doc, error) {
	var vals [numFields]string
	for f := field(0); f < numFields; f++ {
		raw, ok := r.lookupJSON(m, f)
		if !ok {
			continue
		}
		v, err := jsonString(raw, f == fieldText)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, FieldNames[f], err)
		}
		vals[f] = v
	}
	return r.buildDoc(vals)
}

// buildDoc turns the field values of a structured record into a document;
// it is shared by the JSON Lines and CSV readers.
func (r *reader) buildDoc(vals [numFields]string) (*doc.Doc, error) {
	text := strings.TrimSpace(cleanString(vals[fieldText]))
	if text == "" {
		return nil, fmt.Errorf("%w: the record has no %s", ErrNoText, r.fields.describe(fieldText))
	}
	d := &doc.Doc{
		ID:         strings.TrimSpace(cleanString(vals[fieldID])),
		Text:       text,
		Title:      strings.TrimSpace(cleanString(vals[fieldTitle])),
		SourceName: strings.TrimSpace(cleanString(vals[fieldSource])),
	}
	d.Source.URL = strings.TrimSpace(cleanString(vals[fieldURL]))
	if ds := strings.TrimSpace(vals[fieldDate]); ds != "" {
		if t, err := parseDate(ds); err == nil {
			d.Published = t
		} else {
			d.Warn("source", -1, fmt.Sprintf("unrecognised date %q; publication date unknown", abbreviate([]byte(ds))))
		}
	}
	return d, nil
}

// lookupJSON finds the value for f: the mapped name exactly, or the first
// alias present, matched exactly and then case-insensitively.
func (r *reader) lookupJSON(m map[string]json.RawMessage, f field) (json.RawMessage, bool) {
	for _, name := range r.fields.names[f] {
		if v, ok := m[name]; ok {
			return v, true
		}
	}
	if r.fields.mapped[f] {
		return nil, false
	}
	for _, name := range r.fields.names[f] {
		for k, v := range m {
			if strings.EqualFold(k, name) {
				return v, true
			}
		}
	}
	return nil, false
}

// jsonString converts a field value to a string: strings as they are,
// numbers and booleans as written, null as empty. For the text field an
// array of strings is taken as paragraphs and joined with blank lines.
func jsonString(raw json.RawMessage, paragraphs bool) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case 'n':
		return "", nil
	case '[':
		if paragraphs {
			var ps []string
			if err := json.Unmarshal(raw, &ps); err != nil {
				return "", errors.New("want a string or an array of strings")
			}
			return strings.Join(ps, "\n\n"), nil
		}
	case '{':
	default:
		return string(raw), nil
	}
	return "", fmt.Errorf("want a string, got %q", abbreviate(raw))
}

// firstInvalid returns the offset of the first invalid UTF-8 byte in b.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// abbreviate shortens input quoted in an error message.
func abbreviate(b []byte) string {
	const max = 40
	if len(b) <= max {
		return string(b)
	}
	i := max
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	return string(b[:i]) + "..."
}
