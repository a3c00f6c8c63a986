package actor

// ruleNames builds the rule strings entities carry ("role
// actors/roles.tsv:12 +demonym actors/countries.tsv:9"). A document yields
// the same few hundred combinations over and over, so joined rules are
// interned: concatenating afresh allocated for nearly every mention. The
// table is cleared when full, which bounds a worker's memory.
//
// In front of the table sits a small direct-mapped cache of recent joins,
// keyed by the parts themselves. The parts are dictionary rules and
// constants, so a hit is usually a few pointer comparisons, where the
// table must hash the whole joined string and probe memory the tagger
// has evicted.
type ruleNames struct {
	buf    []byte
	seen   map[string]string
	recent [256]recentJoin
}

// maxRuleParts is the most parts a join may have to be cached.
const maxRuleParts = 8

type recentJoin struct {
	parts  [maxRuleParts]string
	n      int
	joined string
}

const maxInternedRules = 4096

// join returns the concatenation of parts.
func (r *ruleNames) join(parts ...string) string {
	if len(parts) > maxRuleParts {
		return r.build(parts)
	}
	// The slot is chosen by each part's length and last bytes: rules
	// end in distinct line numbers, so these tell them apart cheaply.
	h := uint32(len(parts))
	for _, p := range parts {
		h = h*31 + uint32(len(p))
		if n := len(p); n >= 2 {
			h = h*31 + uint32(p[n-1]) + uint32(p[n-2])<<8
		}
	}
	h ^= h >> 9
	e := &r.recent[h%uint32(len(r.recent))]
	if e.n == len(parts) && e.joined != "" {
		hit := true
		for i, p := range parts {
			if e.parts[i] != p {
				hit = false
				break
			}
		}
		if hit {
			return e.joined
		}
	}
	s := r.build(parts)
	e.n = copy(e.parts[:], parts)
	e.joined = s
	return s
}

func (r *ruleNames) build(parts []string) string {
	b := r.buf[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	r.buf = b
	return r.intern(b)
}

// intern returns b as a string, shared with earlier equal ones.
func (r *ruleNames) intern(b []byte) string {
	if s, ok := r.seen[string(b)]; ok {
		return s
	}
	if r.seen == nil || len(r.seen) >= maxInternedRules {
		r.seen = make(map[string]string, 256)
	}
	s := string(b)
	r.seen[s] = s
	return s
}
