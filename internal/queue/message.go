package queue

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/doc"
)

// Message is a document as it travels on the queue: the fields a reader
// fills in a doc.Doc, which are everything the coder needs. The text is
// the reader's decoded text, so the offsets a worker writes index the
// same bytes as those `dateline ingest` writes for the same input.
type Message struct {
	ID         string        `json:"id"`
	Text       string        `json:"text"`
	Title      string        `json:"title,omitempty"`
	Published  *time.Time    `json:"published,omitempty"`
	SourceName string        `json:"source_name,omitempty"`
	Source     messageSource `json:"source"`
	// Warnings are the reader's (an unrecognised date, replaced bytes),
	// carried so that the stored record has them as ingest's would.
	Warnings []doc.Warning `json:"warnings,omitempty"`
}

// messageSource is doc.SourceRef with its format, which SourceRef keeps
// out of JSON.
type messageSource struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	URL    string `json:"url,omitempty"`
	Format string `json:"format,omitempty"`
}

// ErrBadMessage is wrapped by Decode's errors: the message is not a
// document, and redelivering it cannot change that.
var ErrBadMessage = errors.New("queue: malformed message")

// Encode turns a document fresh from a reader into a message body.
func Encode(d *doc.Doc) ([]byte, error) {
	m := Message{
		ID: d.ID, Text: d.Text, Title: d.Title, SourceName: d.SourceName, Warnings: d.Warnings,
		Source: messageSource{Path: d.Source.Path, Line: d.Source.Line, URL: d.Source.URL, Format: d.Source.Format},
	}
	if !d.Published.IsZero() {
		t := d.Published
		m.Published = &t
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encode document %s: %w", d.ID, err)
	}
	return b, nil
}

// Decode turns a message body back into a document ready for coding. A
// body that is not a message, or whose document has no id or no text, or
// a warning offset outside the text, gives an error wrapping
// ErrBadMessage. (Invalid UTF-8 in a body is replaced with U+FFFD by the
// JSON decoder, so the text the worker codes and stores is always UTF-8
// and the offsets index it.)
func Decode(b []byte) (*doc.Doc, error) {
	var m Message
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadMessage, err)
	}
	switch {
	case strings.TrimSpace(m.ID) == "":
		return nil, fmt.Errorf("%w: no id", ErrBadMessage)
	case strings.TrimSpace(m.Text) == "":
		return nil, fmt.Errorf("%w: document %s has no text", ErrBadMessage, m.ID)
	}
	for _, w := range m.Warnings {
		if w.Offset < -1 || w.Offset > len(m.Text) {
			return nil, fmt.Errorf("%w: document %s: warning offset %d outside the text", ErrBadMessage, m.ID, w.Offset)
		}
	}
	d := &doc.Doc{
		ID: m.ID, Text: m.Text, Title: m.Title, SourceName: m.SourceName, Warnings: m.Warnings,
		Source: doc.SourceRef{Path: m.Source.Path, Line: m.Source.Line, URL: m.Source.URL, Format: m.Source.Format},
	}
	if m.Published != nil {
		d.Published = m.Published.UTC()
	}
	return d, nil
}
