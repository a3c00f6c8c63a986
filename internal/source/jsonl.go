package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/doc"
)

// readJSONL reads one JSON object per line. Blank lines are skipped. A line
// holding a JSON array of objects on its own is read as one document per
// element, all with that line number. A malformed or oversized line is
// reported with its number and reading goes on with the next line. A
// pretty-printed JSON file (see isJSONDocument) is read whole instead.
func (r *reader) readJSONL(path string, in *input) error {
	if head, _ := in.br.Peek(sniffLen); isJSONDocument(head) {
		return r.readJSONDocument(path, in)
	}
	lr := newLineReader(in.br, r.opts.MaxRecordBytes, in.base)
	records := 0
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		lr.skipBlank()
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
	badUTF8 := ""
	if !utf8.Valid(line) {
		badUTF8 = fmt.Sprintf("invalid UTF-8 at input byte %d (line %d) replaced with U+FFFD", start+int64(firstInvalid(line)), lineNo)
		// encoding/json would replace the bytes silently; cleaning first
		// gives the same text and lets the document say so.
		s, _ := cleanBytes(line, 0)
		line = []byte(s)
	}
	// A Decoder (not Unmarshal) because it scans the input once before
	// decoding rather than validating it separately first; UseNumber keeps
	// long numeric ids exact.
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.InputOffset() != int64(len(line)) {
		err = fmt.Errorf("unexpected data after the JSON value at column %d", dec.InputOffset()+1)
	}
	if err != nil {
		return r.fail(path, lineNo, start, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, err))
	}
	return r.emitJSON(path, lineNo, start, v, true, badUTF8)
}

// emitJSON emits the documents of one decoded record: an object, or when
// arrays is true an array of objects.
func (r *reader) emitJSON(path string, lineNo int, start int64, v any, arrays bool, warn string) error {
	var objs []map[string]any
	switch v := v.(type) {
	case map[string]any:
		objs = append(objs, v)
	case []any:
		if !arrays {
			return r.fail(path, lineNo, start, fmt.Errorf("%w: a record must be a JSON object, got an array", ErrMalformed))
		}
		for _, e := range v {
			m, ok := e.(map[string]any)
			if !ok {
				return r.fail(path, lineNo, start, fmt.Errorf("%w: a JSON array record must hold only objects", ErrMalformed))
			}
			objs = append(objs, m)
		}
	default:
		return r.fail(path, lineNo, start, fmt.Errorf("%w: a record must be a JSON object, got %s", ErrMalformed, jsonKind(v)))
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
		if warn != "" {
			d.Warn("source", -1, warn)
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	return nil
}

// isJSONDocument reports whether the input is one pretty-printed JSON value
// (a .json export) rather than JSON Lines: its first line is just "[", "{"
// or "[{". The test is strict so that a JSON Lines file whose first line
// is broken is still read line by line.
func isJSONDocument(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	nl := bytes.IndexByte(head, '\n')
	if nl < 0 {
		return false
	}
	first := string(bytes.TrimSpace(head[:nl]))
	return first == "[" || first == "{" || first == "[{"
}

// readJSONDocument reads a whole-file JSON value: an array of objects, or
// one or more objects one after another. Each object is a document whose
// Source.Line is the line where it starts. A syntax error ends the file,
// since JSON cannot be resynchronised, but documents before it are kept.
func (r *reader) readJSONDocument(path string, in *input) error {
	b, ok, err := r.readAll(path, in)
	if !ok {
		return err
	}
	warn := ""
	if !utf8.Valid(b) {
		warn = fmt.Sprintf("invalid UTF-8 in the file (first at input byte %d) replaced with U+FFFD", in.base+int64(firstInvalid(b)))
		s, _ := cleanBytes(b, 0)
		b = []byte(s)
	}
	lines := lineCounter{b: b, line: 1}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	inArray := false
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return r.fail(path, 1, 0, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, err))
		}
		inArray = true
	}
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		if inArray && !dec.More() {
			if _, err := dec.Token(); err != nil {
				off := dec.InputOffset()
				return r.fail(path, lines.at(off), in.base+off, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, err))
			}
			inArray = false
			continue
		}
		off := valueStart(b, dec.InputOffset())
		var v any
		err := dec.Decode(&v)
		if err == io.EOF && !inArray {
			return nil
		}
		line := lines.at(off)
		if err != nil {
			return r.fail(path, line, in.base+off, fmt.Errorf("%w: invalid JSON: %v", ErrMalformed, err))
		}
		if err := r.emitJSON(path, line, in.base+off, v, false, warn); err != nil {
			return err
		}
	}
}

// valueStart skips the white space and separating comma before the value
// a Decoder will read next from offset off.
func valueStart(b []byte, off int64) int64 {
	for off < int64(len(b)) && (isSpace(b[off]) || b[off] == ',') {
		off++
	}
	return off
}

// lineCounter maps increasing byte offsets to 1-based line numbers.
type lineCounter struct {
	b    []byte
	off  int64
	line int
}

func (c *lineCounter) at(off int64) int {
	if off > int64(len(c.b)) {
		off = int64(len(c.b))
	}
	if off > c.off {
		c.line += bytes.Count(c.b[c.off:off], []byte{'\n'})
		c.off = off
	}
	return c.line
}

// jsonDoc builds a document from one decoded object.
func (r *reader) jsonDoc(m map[string]any) (*doc.Doc, error) {
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
// it is shared by the JSON Lines and CSV readers. Doc.Text is the text
// field's value as it is, white space around it included, because offsets
// index it: a user checks them against the field, not against a trimmed
// copy of it.
func (r *reader) buildDoc(vals [numFields]string) (*doc.Doc, error) {
	text := cleanString(vals[fieldText])
	if strings.TrimSpace(text) == "" {
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
func (r *reader) lookupJSON(m map[string]any, f field) (any, bool) {
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
func jsonString(v any, paragraphs bool) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case nil:
		return "", nil
	case json.Number:
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	case []any:
		if !paragraphs {
			break
		}
		ps := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return "", errors.New("want a string or an array of strings")
			}
			ps = append(ps, s)
		}
		return strings.Join(ps, "\n\n"), nil
	}
	return "", fmt.Errorf("want a string, got a %s", jsonKind(v))
}

func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "JSON object"
	case []any:
		return "JSON array"
	}
	return fmt.Sprintf("%T", v)
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
