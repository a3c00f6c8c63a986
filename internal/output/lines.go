package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// nextLine is U+0085 (NEXT LINE) in UTF-8. encoding/json escapes U+2028
// and U+2029 but writes U+0085 raw; line-splitting readers (Python's
// str.splitlines, many JSON Lines tools) take all three for line breaks
// and would cut a record in two.
var nextLine = []byte("\u0085")

// LineEncoder writes values as JSON Lines that every line-splitting
// reader sees as one record per line: HTML characters are left as they
// are, and U+0085, U+2028 and U+2029 inside strings are escaped.
type LineEncoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewLineEncoder returns a LineEncoder writing to w.
func NewLineEncoder(w io.Writer) *LineEncoder {
	e := &LineEncoder{w: w}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// SetIndent indents each value as json.Encoder.SetIndent does; the
// output is then JSON values, one after another, not JSON Lines.
func (e *LineEncoder) SetIndent(prefix, indent string) { e.enc.SetIndent(prefix, indent) }

// Encode writes v and a newline.
func (e *LineEncoder) Encode(v any) error {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	b := e.buf.Bytes()
	if bytes.Contains(b, nextLine) {
		// The bytes C2 85 can only be U+0085 inside a JSON string, where
		// its escape means the same.
		b = bytes.ReplaceAll(b, nextLine, []byte(`\u0085`))
	}
	if _, err := e.w.Write(b); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	return nil
}
