package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/dateline-project/dateline/internal/doc"
)

// readFeed reads an RSS, Atom or RDF feed with gofeed; each item is one
// document. Doc.Text is the item's content, or else its description, with
// HTML reduced to text paragraphs separated by blank lines (see
// htmlToText); offsets index that extracted text. Source.Line is
// the line of the item's opening <item> or <entry> tag; when the tags
// cannot be matched one to one with the parsed items (unusual markup), it
// is the 1-based index of the item in the feed instead.
func (r *reader) readFeed(path string, in *input) error {
	b, ok, err := r.readAll(path, in)
	if !ok {
		return err
	}
	feed, err := parseFeed(b)
	if err != nil {
		line, msg := feedErrorAt(b, err)
		return r.fail(path, line, 0, fmt.Errorf("%w: feed: %s", ErrMalformed, msg))
	}
	if len(feed.Items) == 0 {
		return r.fail(path, 0, 0, fmt.Errorf("%w: the feed has no items", ErrEmpty))
	}
	lines := itemLines(b, len(feed.Items))
	sourceName := strings.TrimSpace(cleanString(feed.Title))
	for i, it := range feed.Items {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line := i + 1
		if lines != nil {
			line = lines[i]
		}
		text := htmlToText(firstNonEmpty(it.Content, it.Description))
		if strings.TrimSpace(text) == "" {
			if err := r.fail(path, line, 0, fmt.Errorf("%w: feed item %d has no content or description", ErrNoText, i+1)); err != nil {
				return err
			}
			continue
		}
		d := &doc.Doc{
			ID:         strings.TrimSpace(cleanString(it.GUID)),
			Text:       text,
			Title:      strings.Join(strings.Fields(htmlToText(it.Title)), " "),
			SourceName: sourceName,
			Source:     doc.SourceRef{Path: path, Line: line, URL: strings.TrimSpace(cleanString(it.Link)), Format: FormatRSS},
		}
		switch {
		case it.PublishedParsed != nil:
			d.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			d.Published = it.UpdatedParsed.UTC()
		case strings.TrimSpace(it.Published) != "":
			d.Warn("source", -1, fmt.Sprintf("unrecognised date %q; publication date unknown", abbreviate([]byte(it.Published))))
		}
		if err := r.send(d); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed runs gofeed, turning a panic on hostile input into an error so
// that one bad file cannot end a run.
func parseFeed(b []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().Parse(bytes.NewReader(b))
}

// feedErrorAt places a feed parse error: at the line of an XML syntax
// error (gofeed passes encoding/xml's through), else at the line of the
// root element, which is what gofeed judges the feed type by, else at line
// 1. It returns the line and the message without a position in it.
func feedErrorAt(b []byte, err error) (int, string) {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return se.Line, "XML syntax error: " + se.Msg
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	// As lenient as gofeed, so that the scan gets as far as it did.
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	for {
		tok, terr := d.RawToken()
		if terr != nil {
			return 1, err.Error()
		}
		if st, ok := tok.(xml.StartElement); ok {
			line, _ := d.InputPos()
			name := st.Name.Local
			if st.Name.Space != "" {
				name = st.Name.Space + ":" + name
			}
			return line, fmt.Sprintf("%v (root element <%s>)", err, name)
		}
	}
}

// itemLines returns the line of each <item> or <entry> start tag, or nil
// when their number differs from want.
func itemLines(b []byte, want int) []int {
	lines := make([]int, 0, want)
	line, last := 1, 0
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		rest := b[i:]
		var n int
		switch {
		case bytes.HasPrefix(rest, []byte("item")):
			n = 4
		case bytes.HasPrefix(rest, []byte("entry")):
			n = 5
		default:
			continue
		}
		if len(rest) > n && (rest[n] == '>' || rest[n] == ' ' || rest[n] == '\t' || rest[n] == '\n' || rest[n] == '\r' || rest[n] == '/') {
			line += bytes.Count(b[last:i], []byte{'\n'})
			last = i
			lines = append(lines, line)
		}
	}
	if len(lines) != want {
		return nil
	}
	return lines
}

// htmlToText reduces an HTML fragment (or plain text with entities) to
// clean text with blank lines between blocks, trimmed of the blank lines
// rendering leaves around them. Text with no markup or entities is the
// item's text as the feed parser gives it (gofeed trims it), not
// normalised, so that offsets into it are offsets into the item's value.
func htmlToText(s string) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return cleanString(s)
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return cleanString(s)
	}
	return strings.TrimSpace(cleanString(render.InnerText(root)))
}
