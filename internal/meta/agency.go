package meta

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// agency is one entry of data/meta/agencies.tsv.
type agency struct {
	name string
	wire bool
	rule string // "meta/agencies.tsv:LINE"
}

// agencyTable maps each spelling, split into words, to its agency. Keys
// are keyed by first word so that matching over tokens is one map probe
// per capitalised token.
type agencyTable struct {
	byFirst map[string][]agencyName
}

type agencyName struct {
	words []string
	a     *agency
}

func loadAgencies(fsys fs.FS, path string) (*agencyTable, error) {
	t := &agencyTable{byFirst: make(map[string][]agencyName)}
	err := lexicon.ReadFile(fsys, path, []string{"name", "aliases", "country", "wire"}, func(r lexicon.Record) error {
		a := &agency{name: r.Get("name"), wire: r.Get("wire") == "yes", rule: fmt.Sprintf("%s:%d", path, r.Line)}
		if a.name == "" {
			return r.Errorf("empty name")
		}
		if w := r.Get("wire"); w != "yes" && w != "no" {
			return r.Errorf("wire must be yes or no, not %q", w)
		}
		for _, n := range append([]string{a.name}, r.List("aliases")...) {
			words := strings.Fields(n)
			t.byFirst[words[0]] = append(t.byFirst[words[0]], agencyName{words: words, a: a})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load agencies: %w", err)
	}
	return t, nil
}

// creditBefore are words that make the next name a source being credited:
// "told TASS", "in an interview with TASS", "according to Xinhua".
var creditBefore = map[string]string{
	"told": "told_agency", "with": "interview_with_agency", "to": "to_agency",
	"by": "by_agency", "reports": "reports_agency", "cited": "cited_agency",
}

// creditAfter are words that make the previous name the reporting source:
// "Trend reports", "Xinhua reported".
var creditAfter = map[string]bool{
	"reports": true, "reported": true, "reporting": true, "says": true, "said": true,
	"quoted": true, "cited": true, "learned": true, "learnt": true, "writes": true, "wrote": true,
	"correspondent": true, "reporter": true,
}

// findAgencies scans the token layer for agency names and keeps those in a
// credit position, or any mention of a wire acronym. Each agency is listed
// once, at its first credited mention.
func (t *agencyTable) findAgencies(d *doc.Doc) []doc.Agency {
	var out []doc.Agency
	seen := map[*agency]bool{}
	toks := d.Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != doc.Word {
			continue
		}
		first := d.Text[toks[i].Start:toks[i].End]
		cands := t.byFirst[first]
		if len(cands) == 0 {
			continue
		}
		var match *agencyName
		for k := range cands {
			c := &cands[k]
			if i+len(c.words) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(c.words); j++ {
				if d.Text[toks[i+j].Start:toks[i+j].End] != c.words[j] {
					ok = false
					break
				}
			}
			if ok && (match == nil || len(c.words) > len(match.words)) {
				match = c
			}
		}
		if match == nil || seen[match.a] {
			continue
		}
		end := i + len(match.words) // token index after the name
		rule := ""
		switch {
		case i > 0 && end < len(toks) && tokText(d, i-1) == "(" && tokText(d, end) == ")":
			rule = "paren_credit"
		case end < len(toks) && creditAfter[tokText(d, end)]:
			rule = "agency_reports"
		case i > 0 && creditBefore[tokText(d, i-1)] != "":
			rule = creditBefore[tokText(d, i-1)]
		case i > 1 && (tokText(d, i-1) == "the") && creditBefore[tokText(d, i-2)] != "":
			rule = creditBefore[tokText(d, i-2)]
		case i > 0 && isDash(tokText(d, i-1)) && len(d.Text)-toks[end-1].End < 8:
			rule = "trailing_credit"
		case match.a.wire:
			rule = "wire_mention"
		default:
			continue
		}
		seen[match.a] = true
		out = append(out, doc.Agency{
			Span: doc.Span{Start: toks[i].Start, End: toks[end-1].End},
			Name: match.a.name,
			Rule: rule + " " + match.a.rule,
		})
		i = end - 1
	}
	return out
}

func tokText(d *doc.Doc, i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

func isDash(s string) bool { return s == "-" || s == "—" || s == "–" || s == "--" }
