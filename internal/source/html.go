package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"

	"github.com/dateline-project/dateline/internal/doc"
)

// minArticleBytes is the least extracted text that counts as an article: a
// page of navigation links or a cookie notice is not one.
const minArticleBytes = 80

// readHTML extracts the article of an HTML page with go-readability (a port
// of Mozilla's Readability, which drops menus, scripts and other
// boilerplate), after removing cookie and consent banners, which
// readability can take for article text (see consent.go). Paragraphs, headings and list blocks are separated by blank
// lines in Doc.Text. The publication date comes from the page's metadata
// (Open Graph and schema.org meta tags, JSON-LD, then <time datetime>); the
// URL from <link rel=canonical> or og:url. Source.Line is 1: the page is
// one record.
func (r *reader) readHTML(path string, in *input) error {
	b, ok, err := r.readAll(path, in)
	if !ok {
		return err
	}
	var warns []string
	if !utf8.Valid(b) {
		if dec, name := declaredCharset(b); dec != nil {
			if out, _, err := transform.Bytes(dec.NewDecoder(), b); err == nil {
				b = out
				warns = append(warns, fmt.Sprintf("decoded from the declared charset %s", name))
			}
		}
		if !utf8.Valid(b) {
			warns = append(warns, fmt.Sprintf("invalid UTF-8 at input byte %d and possibly later replaced with U+FFFD", in.base+int64(firstInvalid(b))))
		}
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		// The parser's errors carry no position (the one it returns on
		// well-read input is about nesting depth), so the error names the
		// record: the page, which starts on line 1.
		return r.fail(path, 1, 0, fmt.Errorf("%w: HTML: %s", ErrMalformed, strings.TrimPrefix(err.Error(), "html: ")))
	}
	meta := scanHTMLMeta(root)
	if _, err := dropConsentBanners(root); err != nil {
		return err
	}

	art, raw, err := extractArticle(root)
	if err != nil {
		return r.fail(path, 0, 0, err)
	}
	// The extracted text, trimmed of the blank lines rendering leaves
	// around the blocks, is what offsets index: there is no other text of
	// the article to point into.
	text, _ := cleanBytes([]byte(strings.TrimSpace(raw)), 0)
	if len(text) < minArticleBytes {
		return r.fail(path, 0, 0, fmt.Errorf("%w: only %d bytes of text", ErrNoArticle, len(text)))
	}
	d := &doc.Doc{
		Text:       text,
		Title:      strings.TrimSpace(cleanString(firstNonEmpty(art.Title(), meta.title))),
		SourceName: strings.TrimSpace(cleanString(art.SiteName())),
		Source:     doc.SourceRef{Path: path, Line: 1, URL: meta.url, Format: FormatHTML},
	}
	for _, w := range warns {
		d.Warn("source", -1, w)
	}
	switch {
	case meta.date != "":
		if t, err := parseDate(meta.date); err == nil {
			d.Published = t
			break
		}
		if t, err := art.PublishedTime(); err == nil {
			d.Published = t.UTC()
			break
		}
		d.Warn("source", -1, fmt.Sprintf("unrecognised date %q in the page metadata; publication date unknown", abbreviate([]byte(meta.date))))
	default:
		if t, err := art.PublishedTime(); err == nil {
			d.Published = t.UTC()
		}
	}
	return r.send(d)
}

// extractArticle runs readability on the parsed page and renders the
// article as text. A panic inside the library on hostile markup becomes an
// error, so that one bad page cannot end a run.
func extractArticle(root *html.Node) (art readability.Article, text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: readability failed: %v", ErrNoArticle, p)
		}
	}()
	p := readability.NewParser()
	art, err = p.ParseAndMutate(root, nil)
	if err != nil {
		return art, "", fmt.Errorf("%w: %v", ErrNoArticle, err)
	}
	if art.Node == nil {
		return art, "", ErrNoArticle
	}
	return art, render.InnerText(art.Node), nil
}

// declaredCharset returns the decoder for a charset the page declares in a
// <meta> element, when it is not UTF-8. Pages that declare nothing are read
// as UTF-8 (with replacement) rather than guessed at.
func declaredCharset(b []byte) (encoding.Encoding, string) {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return nil, ""
	}
	enc, name, _ := charset.DetermineEncoding(b, "")
	if enc == nil || name == "utf-8" {
		return nil, ""
	}
	return enc, name
}

type htmlMeta struct {
	date, url, title string
}

// dateMetaKeys are the meta names, properties and itemprops that carry a
// publication date, most specific first.
var dateMetaKeys = []string{
	"article:published_time", "og:published_time", "datepublished", "article.published",
	"publishdate", "publish-date", "pubdate", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
	"citation_publication_date", "date",
}

// scanHTMLMeta collects the metadata readability does not return.
func scanHTMLMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	dates := map[string]string{}
	var timeDate, timePub string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				content := attr(n, "content")
				for _, k := range []string{"property", "name", "itemprop"} {
					key := strings.ToLower(strings.TrimSpace(attr(n, k)))
					if key == "" {
						continue
					}
					if key == "og:url" && m.url == "" {
						m.url = strings.TrimSpace(content)
					}
					if key == "og:title" && m.title == "" {
						m.title = content
					}
					if _, seen := dates[key]; !seen && content != "" {
						dates[key] = content
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.url = strings.TrimSpace(attr(n, "href"))
				}
			case "time":
				dt := attr(n, "datetime")
				if dt != "" {
					if timeDate == "" {
						timeDate = dt
					}
					if timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datepublished")) {
						timePub = dt
					}
				}
			case "title":
				if m.title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					m.title = n.FirstChild.Data
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, k := range dateMetaKeys {
		if v := dates[k]; v != "" {
			m.date = v
			break
		}
	}
	if m.date == "" {
		m.date = firstNonEmpty(timePub, timeDate)
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
