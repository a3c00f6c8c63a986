// Package lexicon reads dateline's data files: UTF-8 TSV with a documented
// header comment and a column line.
//
// The format is deliberately plain so that a reviewer can read a lexicon
// diff line by line:
//
//	# countries.tsv: every ISO 3166-1 country ...
//	# columns: code, name, ...
//	# example: AZE	Azerbaijan	...
//	code	name	aliases
//	AZE	Azerbaijan	Republic of Azerbaijan|Azerbaijan Republic
//
// Lines that start with '#' and blank lines are skipped. The first other
// line names the columns; every later line must have exactly that many
// tab-separated fields (trailing empty fields may be omitted). Multi-valued
// fields separate values with '|'. Errors name the file and line.
package lexicon

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// ErrMalformed is wrapped by every error about a bad line.
var ErrMalformed = errors.New("malformed data line")

// LineError reports a bad line in a data file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// Record is one data line, read by column name.
type Record struct {
	File   string
	Line   int
	header map[string]int
	fields []string
}

// Get returns the named column's trimmed value, or "" when the line omitted
// a trailing field. It panics on a column name the file does not have,
// because that is a programming error caught by the loader's tests.
func (r Record) Get(column string) string {
	i, ok := r.header[column]
	if !ok {
		panic(fmt.Sprintf("lexicon: %s has no column %q", r.File, column))
	}
	if i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// List splits a multi-valued column on '|' and drops empty values.
func (r Record) List(column string) []string {
	v := r.Get(column)
	if v == "" {
		return nil
	}
	parts := strings.Split(v, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Errorf returns a LineError for this record.
func (r Record) Errorf(format string, args ...any) error {
	return &LineError{File: r.File, Line: r.Line, Err: fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, args...)...)}
}

// ReadFile reads a data file from fsys, checks that its column line has at
// least the required columns, and calls fn for each record in order. An
// error from fn that is not already a LineError is wrapped with the file and
// line.
func ReadFile(fsys fs.FS, name string, required []string, fn func(Record) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("open lexicon: %w", err)
	}
	defer f.Close()
	return Read(f, name, required, fn)
}

// Read is ReadFile over an open reader; name is used in errors.
func Read(r io.Reader, name string, required []string, fn func(Record) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var header map[string]int
	var ncols int
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if header == nil {
			header = make(map[string]int, len(fields))
			for i, h := range fields {
				header[strings.TrimSpace(h)] = i
			}
			ncols = len(fields)
			for _, c := range required {
				if _, ok := header[c]; !ok {
					return &LineError{File: name, Line: line, Err: fmt.Errorf("%w: column line lacks %q", ErrMalformed, c)}
				}
			}
			continue
		}
		if len(fields) > ncols {
			return &LineError{File: name, Line: line, Err: fmt.Errorf("%w: %d fields, the column line has %d", ErrMalformed, len(fields), ncols)}
		}
		rec := Record{File: name, Line: line, header: header, fields: fields}
		if err := fn(rec); err != nil {
			var le *LineError
			if errors.As(err, &le) {
				return err
			}
			return &LineError{File: name, Line: line, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return &LineError{File: name, Line: line + 1, Err: fmt.Errorf("read: %w", err)}
	}
	if header == nil {
		return &LineError{File: name, Line: line, Err: fmt.Errorf("%w: no column line", ErrMalformed)}
	}
	return nil
}
