package geo

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/geo/gazetteer"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// AbbreviationsFile is the table of subdivision abbreviations, below
// data/.
const AbbreviationsFile = "gazetteer/abbreviations.tsv"

// Abbreviations maps the short forms that news writes after a place name
// ("Tampa, Fla.", "London, Ont.") to their subdivision. Most forms are
// ordinary words elsewhere ("Miss.", "Man.", "IN"), so the geoparser
// reads them only in that position; the few that are not ("NSW",
// "Calif.") it reads anywhere. It is immutable once loaded.
type Abbreviations struct {
	// forms maps a form as written, and the all-capital spelling of a
	// mixed-case form, to the gazetteer indices of its subdivisions: a
	// few forms serve two countries ("WA" is Washington and Western
	// Australia), and the place before them decides.
	forms map[string][]int32
	// anywhere are the forms read as their subdivision in any position
	// (the table's anywhere column), exactly as written.
	anywhere map[string]bool
}

// LoadAbbreviations reads the table from fsys (laid out as below data/)
// and ties each row to its subdivision in g by ISO 3166-2 code.
func LoadAbbreviations(fsys fs.FS, g *gazetteer.Gazetteer) (*Abbreviations, error) {
	byCode := map[string]int32{}
	for i := range int32(g.Len()) {
		if e := g.Entry(i); e.Feature == gazetteer.Admin1 && e.Code != "" {
			byCode[e.Code] = i
		}
	}
	a := &Abbreviations{forms: map[string][]int32{}, anywhere: map[string]bool{}}
	err := lexicon.ReadFile(fsys, AbbreviationsFile, []string{"target", "forms"}, func(r lexicon.Record) error {
		target, ok := byCode[r.Get("target")]
		if !ok {
			return r.Errorf("no subdivision has ISO 3166-2 code %q", r.Get("target"))
		}
		forms := r.List("forms")
		for _, f := range forms {
			for _, form := range []string{f, strings.ToUpper(f)} {
				if !slices.Contains(a.forms[form], target) {
					a.forms[form] = append(a.forms[form], target)
				}
			}
		}
		for _, f := range r.List("anywhere") {
			if !slices.Contains(forms, f) {
				return r.Errorf("%q is read anywhere but is none of the forms", f)
			}
			a.anywhere[f] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load subdivision abbreviations: %w", err)
	}
	return a, nil
}

// lookupAnywhere returns the subdivisions a form names in any position,
// exactly as written.
func (a *Abbreviations) lookupAnywhere(form string) []int32 {
	if a == nil || !a.anywhere[form] {
		return nil
	}
	return a.forms[form]
}

// lookup returns the subdivisions a form names, exactly as written.
func (a *Abbreviations) lookup(form string) []int32 {
	if a == nil {
		return nil
	}
	return a.forms[form]
}
