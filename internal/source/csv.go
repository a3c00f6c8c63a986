package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// A hand-written scanner instead of encoding/csv: it reads physical lines
// through lineReader, so an oversized record is skipped without being
// buffered and the scan resynchronises at the next record, and it knows the
// exact line each record starts on even after a bad one.

// csvScanner splits delimited records. CSV follows RFC 4180 strictly: a
// quote inside an unquoted field, or a closing quote followed by anything
// but a separator or line end, makes the record malformed. TSV is lenient,
// because TSV in the wild is both "quote nothing" (IANA) and "quote like
// CSV" (spreadsheet and pandas exports): a field is taken as quoted only
// while it looks like one, else its quotes are kept as text.
type csvScanner struct {
	lr      *lineReader
	sep     byte
	lenient bool

	// Per-record state.
	fields     []string
	field      []byte
	inQuote    bool
	fieldStart bool
	err        error
}

// record is one logical record.
type record struct {
	fields  []string // valid until the next call
	line    int
	off     int64
	tooLong bool
	badUTF8 int64 // input offset of the first invalid UTF-8 byte, or -1
	err     error // malformed record
}

// next returns the next non-blank record, or io.EOF, or a read error.
func (s *csvScanner) next() (record, error) {
	for {
		rec, blank, err := s.scan()
		if err != nil || !blank {
			return rec, err
		}
	}
}

func (s *csvScanner) scan() (rec record, blank bool, err error) {
	s.fields, s.field, s.inQuote, s.fieldStart, s.err = s.fields[:0], s.field[:0], false, true, nil
	rec.badUTF8 = -1
	size := int64(0)
	first := true
	for {
		line, start, tooLong, err := s.lr.next()
		if err == io.EOF && !first {
			// End of input inside a quoted field.
			rec.fields = s.fields
			if !rec.tooLong {
				rec.err = errors.New(`unterminated quoted field at end of input`)
			}
			return rec, false, nil
		}
		if err != nil {
			return rec, false, err
		}
		if first {
			rec.line, rec.off, first = s.lr.line, start, false
			if !tooLong && len(bytes.TrimSpace(line)) == 0 {
				return rec, true, nil
			}
		}
		size += int64(len(line)) + 1
		if tooLong || size > s.lr.max {
			rec.tooLong = true
		}
		if rec.tooLong {
			// Nothing more is kept; follow the quotes only to find where
			// the record ends.
			if s.lr.quotes%2 == 1 {
				s.inQuote = !s.inQuote
			}
			if !s.inQuote {
				return rec, false, nil
			}
			continue
		}
		if rec.badUTF8 < 0 && !utf8.Valid(line) {
			rec.badUTF8 = start + int64(firstInvalid(line))
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if s.parseLine(line) {
			rec.fields, rec.err = s.fields, s.err
			return rec, false, nil
		}
	}
}

// parseLine parses one physical line into the current record and reports
// whether the record is complete (false: a quoted field goes on).
func (s *csvScanner) parseLine(line []byte) bool {
	i := 0
	for {
		if !s.inQuote {
			if s.fieldStart && i < len(line) && line[i] == '"' {
				s.inQuote, s.fieldStart = true, false
				i++
				continue
			}
			s.fieldStart = false
			end := len(line)
			j := bytes.IndexByte(line[i:], s.sep)
			if j >= 0 {
				end = i + j
			}
			seg := line[i:end]
			if !s.lenient && s.err == nil && bytes.IndexByte(seg, '"') >= 0 {
				s.err = errors.New(`bare " in a field that is not quoted`)
			}
			s.field = append(s.field, seg...)
			s.endField()
			if j < 0 {
				return true
			}
			i, s.fieldStart = end+1, true
			continue
		}
		j := bytes.IndexByte(line[i:], '"')
		if j < 0 {
			s.field = append(s.field, line[i:]...)
			s.field = append(s.field, '\n')
			return false
		}
		s.field = append(s.field, line[i:i+j]...)
		i += j + 1
		switch {
		case i < len(line) && line[i] == '"':
			s.field = append(s.field, '"')
			i++
		case i == len(line):
			s.inQuote = false
			s.endField()
			return true
		case line[i] == s.sep:
			s.inQuote = false
			s.endField()
			i, s.fieldStart = i+1, true
		default:
			if !s.lenient {
				if s.err == nil {
					s.err = fmt.Errorf(`unexpected %q after a closing quote`, line[i])
				}
				s.field = append(s.field, '"')
				continue
			}
			// Not a quoted field after all: give the quotes back and
			// read the rest as an unquoted field.
			s.field = append(append([]byte{'"'}, s.field...), '"')
			s.inQuote = false
		}
	}
}

func (s *csvScanner) endField() {
	s.fields = append(s.fields, string(s.field))
	s.field = s.field[:0]
}

// readCSV reads comma-separated records with a header row.
func (r *reader) readCSV(path string, in *input) error {
	return r.readDelimited(path, in, ',', false, FormatCSV)
}

// readTSV reads tab-separated records with a header row.
func (r *reader) readTSV(path string, in *input) error {
	return r.readDelimited(path, in, '\t', true, FormatTSV)
}

// readDelimited reads a header row and then one document per record. A
// record whose field count differs from the header's, or that is malformed
// or too large, is reported with its line and skipped.
func (r *reader) readDelimited(path string, in *input, sep byte, lenient bool, format string) error {
	lr := newLineReader(in.br, r.opts.MaxRecordBytes, in.base)
	lr.countQuotes = true
	sc := &csvScanner{lr: lr, sep: sep, lenient: lenient}

	hrec, err := sc.next()
	if err == io.EOF {
		return r.fail(path, 0, 0, fmt.Errorf("%w: no header row", ErrEmpty))
	}
	if err != nil {
		return r.fail(path, lr.line+1, in.errOffset(), in.wrapErr(err))
	}
	if hrec.tooLong {
		return r.fail(path, hrec.line, hrec.off, fmt.Errorf("%w: header row exceeds %d bytes; file skipped", ErrTooLarge, r.opts.MaxRecordBytes))
	}
	if hrec.err != nil {
		return r.fail(path, hrec.line, hrec.off, fmt.Errorf("%w: header row: %v; file skipped", ErrMalformed, hrec.err))
	}
	header := append([]string(nil), hrec.fields...)
	cols := r.fields.columns(header)
	if cols[fieldText] < 0 {
		return r.fail(path, hrec.line, hrec.off, fmt.Errorf("%w: the header has no %s; columns are %s; file skipped",
			ErrNoText, r.fields.describe(fieldText), strings.Join(header, ", ")))
	}

	rows := 0
	for {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		rec, err := sc.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.fail(path, lr.line+1, in.errOffset(), in.wrapErr(err))
		}
		rows++
		var bad error
		switch {
		case rec.tooLong:
			bad = fmt.Errorf("%w: record exceeds %d bytes; skipped", ErrTooLarge, r.opts.MaxRecordBytes)
		case rec.err != nil:
			bad = fmt.Errorf("%w: %v; skipped", ErrMalformed, rec.err)
		case len(rec.fields) != len(header):
			bad = fmt.Errorf("%w: %d fields, but the header has %d; skipped", ErrMalformed, len(rec.fields), len(header))
		}
		if bad != nil {
			if err := r.fail(path, rec.line, rec.off, bad); err != nil {
				return err
			}
			continue
		}
		var vals [numFields]string
		for f, c := range cols {
			if c >= 0 {
				vals[f] = rec.fields[c]
			}
		}
		d, derr := r.buildDoc(vals)
		if derr != nil {
			if err := r.fail(path, rec.line, rec.off, derr); err != nil {
				return err
			}
			continue
		}
		d.Source.Path, d.Source.Line, d.Source.Format = path, rec.line, format
		if rec.badUTF8 >= 0 {
			d.Warn("source", -1, fmt.Sprintf("invalid UTF-8 at input byte %d (line %d) replaced with U+FFFD", rec.badUTF8, rec.line))
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	if rows == 0 {
		return r.fail(path, 0, 0, fmt.Errorf("%w: a header row but no records", ErrEmpty))
	}
	return nil
}
