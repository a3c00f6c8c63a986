package source

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// consentFile lists the markers of cookie and consent banners; its header
// says how they match.
const consentFile = "meta/consent.tsv"

// consentMarkers are the markers of data/meta/consent.tsv by kind.
type consentMarkers struct {
	words, names map[string]bool
	prefixes     []string
}

// loadConsent reads the markers once; they are immutable afterwards and
// shared by every reader. The file is embedded and checked by the
// lexicon tests, so an error here is a broken build.
var loadConsent = sync.OnceValues(func() (*consentMarkers, error) {
	m := &consentMarkers{words: map[string]bool{}, names: map[string]bool{}}
	err := lexicon.ReadFile(data.FS, consentFile, []string{"marker", "kind"}, func(r lexicon.Record) error {
		v := strings.ToLower(r.Get("marker"))
		switch r.Get("kind") {
		case "word":
			m.words[v] = true
		case "name":
			m.names[v] = true
		case "prefix":
			m.prefixes = append(m.prefixes, v)
		default:
			return r.Errorf("kind %q: want word, name or prefix", r.Get("kind"))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load consent markers: %w", err)
	}
	return m, nil
})

// token reports whether one id or class token marks a banner.
func (m *consentMarkers) token(t string) bool {
	t = strings.ToLower(t)
	if m.names[t] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '_' }) {
		if m.words[w] {
			return true
		}
	}
	return false
}

// banner reports whether n's id, class or aria-label marks it a banner.
func (m *consentMarkers) banner(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "id", "class":
			for _, t := range strings.Fields(a.Val) {
				if m.token(t) {
					return true
				}
			}
		case "aria-label":
			for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool {
				return !('a' <= r && r <= 'z')
			}) {
				if m.words[w] {
					return true
				}
			}
		}
	}
	return false
}

// keeps are the elements never removed as banners, whatever their class
// says: the page's frame and its article.
var keeps = map[atom.Atom]bool{atom.Html: true, atom.Head: true, atom.Body: true, atom.Main: true, atom.Article: true}

// holdsArticle reports whether n contains a main or article element.
func holdsArticle(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Main || c.DataAtom == atom.Article) || holdsArticle(c) {
			return true
		}
	}
	return false
}

// dropConsentBanners removes from the parsed page every element that the
// consent markers mark as a cookie or consent banner, so that readability,
// which scores blocks by their text, cannot take a banner's paragraphs
// for the article's. It returns how many elements it removed.
func dropConsentBanners(root *html.Node) (int, error) {
	m, err := loadConsent()
	if err != nil {
		return 0, err
	}
	removed := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && !keeps[c.DataAtom] && m.banner(c) && !holdsArticle(c) {
				n.RemoveChild(c)
				removed++
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(root)
	return removed, nil
}
