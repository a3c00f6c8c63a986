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
}

// aggParams are the parameters of the aggregate endpoints (timeline,
// network, places) besides the event filters: count=incidents (the
// default) counts each incident once, through its canonical event;
// count=reports counts every stored event.
var aggParams = []string{"count"}

// listParams are the parameters that take comma-separated lists (see
// list); each item counts against store.MaxFilterValues.
var listParams = map[string]bool{
	"type": true, "mode": true, "quad": true,
	"actor_country": true, "actor_sector": true, "recipient_country": true, "recipient_sector": true,
	"country": true,
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
	switch c := q.Get("claimed"); c {
	case "":
	case "true", "1":
		t := true
		f.Claimed = &t
	case "false", "0":
		t := false
		f.Claimed = &t
	default:
		return f, badParam("claimed: want true or false, got %q", c)
	}
	switch d := q.Get("distinct"); d {
	case "", "false", "0":
	case "true", "1":
		f.Distinct = true
	default:
		return f, badParam("distinct: want true or false, got %q", d)
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
	if err := f.Validate(); err != nil {
		return f, badParam("%s", strings.TrimPrefix(err.Error(), "store: invalid filter: "))
	}
	return f, nil
}

// parseIncidents reads incidents=1 (one row per incident, its canonical
// event) of the event listings and exports.
func parseIncidents(q url.Values, f *store.EventFilter) error {
	switch v := q.Get("incidents"); v {
	case "", "false", "0":
	case "true", "1":
		f.Incidents = true
	default:
		return badParam("incidents: want true or false, got %q", v)
	}
	return nil
}

// parseCount reads count= of the aggregate endpoints: incidents unless
// count=reports.
func parseCount(q url.Values, f *store.EventFilter) error {
	switch v := q.Get("count"); v {
	case "", "incidents":
		f.Incidents = true
	case "reports":
		f.Incidents = false
	default:
		return badParam("count: want incidents or reports, got %q", v)
	}
	return nil
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
