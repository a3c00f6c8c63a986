package server

import (
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/store"
)

// Vocabulary lists the codes the coder can write into the fields the
// open-ended filters test: countries and sectors, which user and PETRARCH
// dictionaries extend, so the server learns them from whoever loaded the
// dictionaries (cmd/dateline) instead of from a list of its own.
type Vocabulary struct {
	// Countries maps every country code (ISO 3166-1 alpha-3, the
	// international codes IGO, UNO…, and the former states the
	// dictionaries know) to its alpha-2 code, "" when it has none; nil
	// checks only the shape of a code (three letters).
	Countries map[string]string
	// Sectors lists every sector code; nil checks only the shape.
	Sectors []string
}

// codes holds the valid filter values, built once per Server from the
// closed sets of the ontology and the store and Options.Vocabulary.
type codes struct {
	types, modes, quads []string
	countries           map[string]string
	sectors             []string
	// alpha2 maps an alpha-2 country code to its alpha-3 one, so that
	// the error for "US" can say "USA".
	alpha2 map[string]string
}

func newCodes(v *Vocabulary) *codes {
	c := &codes{quads: []string{plover.VerbalCooperation, plover.MaterialCooperation, plover.VerbalConflict, plover.MaterialConflict}}
	modes := map[string]bool{}
	for _, t := range plover.Types() {
		c.types = append(c.types, string(t))
		for _, m := range plover.Modes(t) {
			modes[m] = true
		}
	}
	c.modes = slices.Sorted(maps.Keys(modes))
	if v != nil {
		c.countries, c.sectors = v.Countries, v.Sectors
		c.alpha2 = map[string]string{}
		for a3, a2 := range v.Countries {
			if a2 != "" {
				c.alpha2[a2] = a3
			}
		}
	}
	return c
}

var code3 = regexp.MustCompile(`^[A-Z]{3}$`)

// check answers 400 for a filter value that names no code, listing the
// valid ones, so that a typo or a code from another scheme ("US" for
// USA, "BOMBING" for ASSAULT) is not answered with an empty page that
// looks like "nothing happened".
func (c *codes) check(f *store.EventFilter) error {
	for _, l := range []struct {
		param string
		vals  []string
		valid []string
	}{{"type", f.Type, c.types}, {"mode", f.Mode, c.modes}, {"quad", f.Quad, c.quads}, {"date_precision", f.DatePrecision, store.DatePrecisions}} {
		for _, v := range l.vals {
			if !slices.Contains(l.valid, v) {
				return badParam("%s: unknown value %q; valid values: %s", l.param, v, strings.Join(l.valid, ", "))
			}
		}
	}
	for _, a := range []struct {
		role string
		f    *store.ActorFilter
	}{{"actor", &f.Actor}, {"recipient", &f.Recipient}} {
		for _, v := range a.f.Countries {
			if err := c.country(a.role+"_country", v); err != nil {
				return err
			}
		}
		for _, v := range a.f.Sectors {
			if !code3.MatchString(v) || (c.sectors != nil && !slices.Contains(c.sectors, v)) {
				valid := "three-letter sector codes"
				if c.sectors != nil {
					valid = strings.Join(c.sectors, ", ")
				}
				return badParam("%s_sector: unknown value %q; valid values: %s", a.role, v, valid)
			}
		}
	}
	return nil
}

func (c *codes) country(param, v string) error {
	if _, known := c.countries[v]; code3.MatchString(v) && (c.countries == nil || known) {
		return nil
	}
	if a3, ok := c.alpha2[v]; ok {
		return badParam("%s: unknown value %q: country codes are ISO 3166-1 alpha-3, so %s is %s", param, v, v, a3)
	}
	valid := "ISO 3166-1 alpha-3 codes such as USA, or IGO, UNO, EUR, NGO, ISM, IMG, MNC"
	if c.countries != nil {
		valid = strings.Join(slices.Sorted(maps.Keys(c.countries)), ", ")
	}
	return badParam("%s: unknown value %q; valid values: %s", param, v, valid)
}
