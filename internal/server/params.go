package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
)

// eventParams are the query parameters that build a store.EventFilter.
var eventParams = []string{
	"type", "mode", "quad",
	"actor_country", "actor_sector", "actor_name",
	"recipient_country", "recipient_sector", "recipient_name",
	"claimed", "from", "to", "place", "geonameid", "bbox", "q", "distinct",
	"principal", "negated", "asserted", "min_confidence", "date_precision", "main_event",
}

// listParams are the parameters that take comma-separated lists (see
// list); each item counts against store.MaxFilterValues.
var listParams = map[string]bool{
	"type": true, "mode": true, "quad": true,
	"actor_country": true, "actor_sector": true, "recipient_country": true, "recipient_sector": true,
	"country": true, "date_precision": true,
}

// paramError is a bad query parameter; handlers answer 400 with it.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func badParam(format string, args ...any) error { return &paramError{fmt.Sprintf(format, args...)} }

// checkParams rejects parameters the endpoint does not know, so that a
// typo (actor_contry) fails loudly instead of silently not filtering, and
// values beyond the store's bounds (store.MaxFilterBytes per value,
// store.MaxFilterValues per parameter), so that the answer names the
// parameter instead of the store's internal field.
func checkParams(q url.Values, allowed ...[]string) error {
	for k, vs := range q {
		ok := false
		for _, list := range allowed {
			for _, a := range list {
				if k == a {
					ok = true
				}
			}
		}
		if !ok {
			return badParam("unknown parameter %q", k)
		}
		n := 0
		for _, v := range vs {
			if len(v) > store.MaxFilterBytes {
				return badParam("%s: value is %d bytes, longer than the limit of %d", k, len(v), store.MaxFilterBytes)
			}
			n++
			if listParams[k] {
				n += strings.Count(v, ",")
			}
		}
		if n > store.MaxFilterValues {
			return badParam("%s: %d values, more than the limit of %d", k, n, store.MaxFilterValues)
		}
	}
	return nil
}

// list reads a parameter given as repeated values and/or comma-separated
// values; codes are upper-cased since PLOVER and ISO codes are.
func list(q url.Values, key string, upper bool) []string {
	var out []string
	for _, v := range q[key] {
		for _, p := range strings.Split(v, ",") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if upper {
				p = strings.ToUpper(p)
			}
			out = append(out, p)
		}
	}
	return out
}

// quads normalises quad filter values to the coder's spelling ("material
// conflict"), accepting any case and "material_conflict".
func quads(vs []string) []string {
	for i, v := range vs {
		vs[i] = strings.ReplaceAll(strings.ToLower(v), "_", " ")
	}
	return vs
}

// parseEventFilter reads the event filters of q; see Server.eventFilter
// for the checks.
func parseEventFilter(q url.Values) (store.EventFilter, error) {
	f := store.EventFilter{
		Type: list(q, "type", true),
		Mode: list(q, "mode", false),
		Quad: quads(list(q, "quad", false)),
		Actor: store.ActorFilter{
			Countries: list(q, "actor_country", true), Sectors: list(q, "actor_sector", true),
			Name: strings.TrimSpace(q.Get("actor_name")),
		},
		Recipient: store.ActorFilter{
			Countries: list(q, "recipient_country", true), Sectors: list(q, "recipient_sector", true),
			Name: strings.TrimSpace(q.Get("recipient_name")),
		},
		From:  q.Get("from"),
		To:    q.Get("to"),
		Place: strings.TrimSpace(q.Get("place")),
		Q:     q.Get("q"),
	}
	f.DatePrecision = list(q, "date_precision", false)
	f.Sort = q.Get("sort")
	for _, b := range []struct {
		key string
		dst **bool
	}{{"claimed", &f.Claimed}, {"principal", &f.Principal}, {"negated", &f.Negated}, {"asserted", &f.Asserted}, {"main_event", &f.MainEvent}} {
		v, err := boolParam(q, b.key)
		if err != nil {
			return f, err
		}
		*b.dst = v
	}
	distinct, err := boolParam(q, "distinct")
	if err != nil {
		return f, err
	}
	f.Distinct = distinct != nil && *distinct
	if c := strings.TrimSpace(q.Get("min_confidence")); c != "" {
		v, err := strconv.ParseFloat(c, 64)
		if err != nil || v < 0 || v > 1 {
			return f, badParam("min_confidence: want a number from 0 to 1, got %q", c)
		}
		f.MinConfidence = v
	}
	if g := strings.TrimSpace(q.Get("geonameid")); g != "" {
		// GeoNames ids are positive; the gazetteer's own entries (regions
		// it made up) carry negative ones, which filter the same way.
		id, err := strconv.Atoi(g)
		if err != nil || id == 0 {
			return f, badParam("geonameid: want a nonzero integer GeoNames id, got %q", g)
		}
		f.GeonameID = id
	}
	if b := q.Get("bbox"); b != "" {
		parts := strings.Split(b, ",")
		if len(parts) != 4 {
			return f, badParam("bbox: want minlon,minlat,maxlon,maxlat")
		}
		var box [4]float64
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				return f, badParam("bbox: %q is not a number", p)
			}
			box[i] = v
		}
		f.BBox = &box
	}
	return f, nil
}

// invalidFilter turns a store.ErrBadFilter into a 400 whose message
// names the parameter, without the store's prefix.
func invalidFilter(err error) error {
	return badParam("%s", strings.TrimPrefix(err.Error(), "store: invalid filter: "))
}

// boolParam reads a true/false parameter (1/0 too); nil when absent.
func boolParam(q url.Values, key string) (*bool, error) {
	var v bool
	switch s := q.Get(key); s {
	case "":
		return nil, nil
	case "true", "1":
		v = true
	case "false", "0":
	default:
		return nil, badParam("%s: want true or false, got %q", key, s)
	}
	return &v, nil
}

// eventRequest checks that q holds only the event filters and extra
// parameters, then reads the filters (see eventFilter).
func (s *Server) eventRequest(q url.Values, extra ...string) (store.EventFilter, error) {
	if err := checkParams(q, eventParams, extra); err != nil {
		return store.EventFilter{}, err
	}
	return s.eventFilter(q)
}

// eventFilter reads the event filters of q and checks them: the codes
// they name against the server's vocabulary first, so that the error
// names the parameter and its valid values, then the store's bounds.
func (s *Server) eventFilter(q url.Values) (store.EventFilter, error) {
	f, err := parseEventFilter(q)
	if err != nil {
		return f, err
	}
	if err := s.codes.check(&f); err != nil {
		return f, err
	}
	if err := f.Validate(); err != nil {
		return f, invalidFilter(err)
	}
	return f, nil
}

// parseLimit reads limit: absent means def; present must be 1..max.
func parseLimit(q url.Values, def, max int) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0, badParam("limit: want an integer from 1 to %d, got %q", max, s)
	}
	return n, nil
}
