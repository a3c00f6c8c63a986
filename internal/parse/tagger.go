package parse

// The parser tags each sentence itself before parsing it, with an
// averaged-perceptron tagger trained on EWT's Penn tags (XPOS). Its input
// is the words and the tags the text layer's tagger gave them (prose's
// WSJ-trained tagger, which dateline uses everywhere else): it learns to
// mend that tagger's mistakes on web text and to map its conventions to
// EWT's, and the parser reads both tags. This is the "retrain the tagger"
// option of the design issue, done inside the parser so that the tags the
// other stages read do not change.

// numTagFeats is the number of tagger features.
const numTagFeats = 10

// tagFeatures writes the tagger's feature keys for word i; c.xtag holds
// the tags predicted for the words before i.
func tagFeatures(c *sentCtx, i int32, f *[numTagFeats]uint64) {
	n, xt := c.n, c.xtag
	at := func(j int32) *wordFeats {
		if j < 0 || j >= n {
			return nil
		}
		return &c.wf[j]
	}
	form := func(j int32) uint64 {
		if w := at(j); w != nil {
			return w.word
		}
		if j < 0 {
			return hashNone
		}
		return hashRoot
	}
	in := func(j int32) uint64 { // input tag
		if j < 0 || j >= n {
			return tagNone
		}
		return uint64(c.tag[j])
	}
	var t1, t2 uint64
	if i > 0 {
		t1 = uint64(xt[i-1])
	}
	if i > 1 {
		t2 = uint64(xt[i-2])
	}
	w := &c.wf[i]
	p0, p1, pm1 := in(i), in(i+1), in(i-1)
	f[0] = fk(201, w.word, 0)
	f[1] = fk(202, w.suffix, 0)
	f[2] = fk(205, form(i-1), 0)
	f[3] = fk(206, form(i+1), 0)
	f[4] = fk(210, pack(t1, t2, 0), 0)
	f[5] = fk(213, w.word, p0)
	f[6] = fk(214, pack(pm1, p0, p1), 0)
	f[7] = fk(218, pack(p0, t1, 0), 0)
	f[8] = fk(219, w.shape, p0)
	f[9] = fk(220, w.suffix, p0)
}
