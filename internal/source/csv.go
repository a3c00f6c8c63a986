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
//
// Resynchronising after bad quoting: a quote that opens a field is only a
// claim that the field runs to the matching closing quote, possibly lines
// later. When the claim fails (a closing quote followed by text, or no
// closing quote before the end of input), the lines it swallowed are more
// likely records of their own than parts of one huge field. So the record
// is reported at its first line and the lines after that one are read
// again as records: each good one is still coded and each bad one gets an
// error naming its own line, instead of one error standing for all of
// them. A record already over the size limit cannot be read again, since
// its lines were not kept; its error names the lines it covered.
//
// A line is read again at most once. Without that bound, lines such as
// x","y (which keep a record open whether or not they start inside a
// quote) would be re-read once per line before them, quadratic in the
// file. A broken record whose later lines were already read again loses
// them, and its error names them.

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

	// replay holds physical lines to read again before reading on from lr.
	replay lineRun
	// kept holds copies of the current record's lines after its first
	// that come from the file, while the record is within the size limit,
	// so that they can be replayed if its quoting turns out malformed.
	// Lines read again already are only counted, in again.
	kept lineRun
	// again is the first and last line of the current record, after its
	// first, that came from the replay queue (zero when none).
	againFirst, againLast int

	// Per-record state.
	fields     []string
	field      []byte
	inQuote    bool
	fieldStart bool
	err        error
	// broken is set with err when a quoted field is malformed: the
	// field's extent is unknown, so the record ends with the line.
	broken bool
}

// lineRun is a run of consecutive physical lines held in one buffer, each
// followed by '\n'. Line numbers and offsets follow from the first line's,
// so nothing is stored per line.
//
// The replay queue is always one run: a record that breaks re-queues only
// lines from the file, which it reads only once the queue is empty.
type lineRun struct {
	buf  []byte
	line int   // number of the first line in buf
	off  int64 // input offset of the first line in buf
}

func (r *lineRun) empty() bool { return len(r.buf) == 0 }

// add appends a line, which must follow the last one in the input.
func (r *lineRun) add(b []byte, line int, off int64, limit int64) {
	if r.empty() {
		r.line, r.off = line, off
	}
	r.buf = appendGrow(r.buf, b, limit)
	r.buf = append(r.buf, '\n')
}

// last is the number of the last line in the run.
func (r *lineRun) last() int { return r.line + bytes.Count(r.buf, []byte{'\n'}) - 1 }

// pop removes the first line. The slice stays valid until the run is
// refilled, which happens only after it is empty.
func (r *lineRun) pop() (b []byte, line int, off int64) {
	i := bytes.IndexByte(r.buf, '\n')
	b, line, off = r.buf[:i], r.line, r.off
	r.buf = r.buf[i+1:]
	r.line++
	r.off += int64(i + 1)
	if len(r.buf) == 0 {
		r.buf = nil // let the drained run's array go
	}
	return b, line, off
}

// appendGrow appends b to dst, doubling the capacity when it must grow
// (but not past what limit needs): append grows large slices by a quarter
// at a time, which for a record of many megabytes allocates about five
// times its size.
func appendGrow(dst, b []byte, limit int64) []byte {
	need := len(dst) + len(b)
	if need > cap(dst) {
		c := max(2*cap(dst), need, 64)
		if l := int(min(limit+1, 1<<40)); c > l && need <= l {
			c = l
		}
		nd := make([]byte, len(dst), c)
		copy(nd, dst)
		dst = nd
	}
	return append(dst, b...)
}

// record is one logical record.
type record struct {
	fields   []string // valid until the next call
	line     int
	lastLine int // the line the record ends on
	off      int64
	tooLong  bool
	// openAtEOF is set on a too-long record that was still inside a
	// quoted field at the end of input.
	openAtEOF bool
	badUTF8   int64 // input offset of the first invalid UTF-8 byte, or -1
	err       error // malformed record
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

// nextLine returns the next physical line, from the replay queue first.
// quotes is the number of '"' in the line.
func (s *csvScanner) nextLine() (b []byte, line int, start int64, again, tooLong bool, quotes int, err error) {
	if !s.replay.empty() {
		b, line, start = s.replay.pop()
		return b, line, start, true, false, bytes.Count(b, []byte{'"'}), nil
	}
	b, start, tooLong, err = s.lr.next()
	return b, s.lr.line, start, false, tooLong, s.lr.quotes, err
}

// requeue puts the kept lines of a malformed record back in front of the
// replay queue, except those read again once already, and describes what
// became of them for the record's error.
func (s *csvScanner) requeue() string {
	var msgs []string
	if s.againFirst > 0 {
		msgs = append(msgs, fmt.Sprintf("lines %d-%d, already read again once, are skipped", s.againFirst, s.againLast))
	}
	if !s.kept.empty() {
		msgs = append(msgs, fmt.Sprintf("lines %d-%d are read again as records", s.kept.line, s.kept.last()))
		// Lines from the file are read only once the queue is empty.
		s.replay, s.kept = s.kept, lineRun{}
	}
	return strings.Join(msgs, "; ")
}

func (s *csvScanner) scan() (rec record, blank bool, err error) {
	s.fields, s.field, s.inQuote, s.fieldStart, s.err, s.broken = s.fields[:0], s.field[:0], false, true, nil, false
	s.kept, s.againFirst, s.againLast = lineRun{}, 0, 0
	if cap(s.field) > 1<<20 {
		// Do not pin a buffer grown by one huge field for the rest of
		// the file.
		s.field = nil
	}
	rec.badUTF8 = -1
	if s.replay.empty() {
		// Between records blank lines are nothing; inside a quoted field
		// they are text, so this is the only place to skip them.
		s.lr.skipBlank()
	}
	size := int64(0)
	first := true
	for {
		line, lineNo, start, again, tooLong, quotes, err := s.nextLine()
		if err == io.EOF && !first {
			// End of input inside a quoted field.
			rec.fields = s.fields
			if rec.tooLong {
				rec.openAtEOF = true
				return rec, false, nil
			}
			msg := "quoted field not closed before the end of input"
			if again := s.requeue(); again != "" {
				msg += "; " + again
			}
			rec.err = errors.New(msg)
			return rec, false, nil
		}
		if err != nil {
			return rec, false, err
		}
		rec.lastLine = lineNo
		if first {
			rec.line, rec.off, first = lineNo, start, false
			if !tooLong && len(bytes.TrimSpace(line)) == 0 {
				return rec, true, nil
			}
		}
		size += int64(len(line)) + 1
		if tooLong || size > s.lr.max {
			rec.tooLong = true
			s.kept = lineRun{}
		}
		if rec.tooLong {
			// Nothing more is kept; follow the quotes only to find where
			// the record ends.
			if quotes%2 == 1 {
				s.inQuote = !s.inQuote
			}
			if !s.inQuote {
				return rec, false, nil
			}
			continue
		}
		switch {
		case lineNo == rec.line:
		case again:
			if s.againFirst == 0 {
				s.againFirst = lineNo
			}
			s.againLast = lineNo
		default:
			s.kept.add(line, lineNo, start, s.lr.max)
		}
		if rec.badUTF8 < 0 && !utf8.Valid(line) {
			rec.badUTF8 = start + int64(firstInvalid(line))
		}
		// A CRLF ends the record, or belongs to the value of a quoted field
		// that runs on, where it is kept as written (RFC 4180): offsets
		// index the value, and a user checks them against it.
		eol := "\n"
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line, eol = line[:n-1], "\r\n"
		}
		if s.parseLine(line, eol) {
			rec.fields, rec.err = s.fields, s.err
			if s.broken && lineNo != rec.line {
				rec.err = fmt.Errorf("the quoted field opened on this line breaks on line %d (%v); %s", lineNo, s.err, s.requeue())
			}
			s.kept = lineRun{}
			return rec, false, nil
		}
	}
}

// parseLine parses one physical line, which ended with eol, into the
// current record and reports whether the record is complete (false: a
// quoted field goes on).
func (s *csvScanner) parseLine(line []byte, eol string) bool {
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
			s.field = appendGrow(s.field, line[i:], s.lr.max)
			s.field = append(s.field, eol...)
			return false
		}
		s.field = appendGrow(s.field, line[i:i+j], s.lr.max)
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
				// The field's extent is unknown from here: end the record
				// with this line (see the comment at the top of the file).
				s.err = fmt.Errorf(`unexpected %q after a closing quote`, line[i])
				s.broken, s.inQuote = true, false
				s.endField()
				return true
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
		case rec.tooLong && rec.openAtEOF:
			bad = fmt.Errorf("%w: record exceeds %d bytes inside a quoted field that is not closed before the end of input; lines %d-%d skipped",
				ErrTooLarge, r.opts.MaxRecordBytes, rec.line, rec.lastLine)
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
