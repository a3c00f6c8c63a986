package actor

// ruleNames builds the rule strings entities carry ("role
// actors/roles.tsv:12 +demonym actors/countries.tsv:9"). A document yields
// the same few hundred combinations over and over, so joined rules are
// interned: concatenating afresh allocated for nearly every mention. The
// table is cleared when full, which bounds a worker's memory.
type ruleNames struct {
	buf  []byte
	seen map[string]string
}

const maxInternedRules = 4096

// join returns the concatenation of parts.
func (r *ruleNames) join(parts ...string) string {
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
