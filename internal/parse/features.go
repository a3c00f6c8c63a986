package parse

// Feature templates. A feature is a template number mixed with one to
// three atoms (word hashes, packed tag, label, distance and valency
// numbers) into a 64-bit key; its weights row is key's top bits. The
// templates follow Zhang and Nivre (2011), with the arc-hybrid positions:
// s0, s1, s2 on the stack, b0, b1, b2 in the buffer, the two outermost
// children on each side of s0 and s1 and the two leftmost children of b0
// (b0 has no right children yet in arc-hybrid).

// Tag ids: 0 is no word, 1 the ROOT pseudo-word; tags seen in training
// follow, and the last id is any tag not seen in training.
const (
	tagNone = 0
	tagRoot = 1
)

// fk mixes template t with atoms a and b into a feature key.
func fk(t int, a, b uint64) uint64 {
	h := (uint64(t)+1)*0x9e3779b97f4a7c15 ^ a
	h *= 0xbf58476d1ce4e5b9
	h ^= h>>31 ^ b
	h *= 0x94d049bb133111eb
	return h ^ h>>29
}

// pack combines small atoms (tags, labels, counts; each below 256) into
// one.
func pack(a, b, c uint64) uint64 { return a | b<<8 | c<<16 }

// numTransFeats is the number of transition features; numLabelFeats the
// number of label features.
const (
	numTransFeats = 44
	numLabelFeats = 12
)

// sentCtx is what the features read about one sentence: the hashed views
// and tag of each word, with the ROOT pseudo-word at index n.
type sentCtx struct {
	n    int32
	wf   []wordFeats
	tag  []uint8 // input tag ids (the text layer's tags)
	xtag []uint8 // the parser's own tags (EWT XPOS) ids
}

func (c *sentCtx) w(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return c.wf[i].word
}

// pw returns the word-pair atom of word i.
func (c *sentCtx) pw(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return c.wf[i].pair
}

// t returns the parser's own tag of word i.
func (c *sentCtx) t(i int32) uint64 {
	if i < 0 {
		return tagNone
	}
	return uint64(c.xtag[i])
}

func (s *state) lab(i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(s.label[i])
}

func (s *state) child(tab []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return tab[i]
}

// dist buckets a distance between two words.
func dist(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func val(v []uint8, i int32) uint64 {
	if i < 0 {
		return 15
	}
	return uint64(min(v[i], 6))
}

func set(v []uint64, i int32) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return v[i]
}

// transFeatures writes the keys of the transition features of s.
func transFeatures(c *sentCtx, s *state, f *[numTransFeats]uint64) {
	n := s.n
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	b0, b1, b2 := s.b, s.b+1, s.b+2
	if b1 > n {
		b1 = -1
	}
	if b2 > n {
		b2 = -1
	}
	s0L, s0L2 := s.child(s.lc1, s0), s.child(s.lc2, s0)
	s0R, s0R2 := s.child(s.rc1, s0), s.child(s.rc2, s0)
	s1R := s.child(s.rc1, s1)
	b0L, b0L2 := s.child(s.lc1, b0), s.child(s.lc2, b0)

	ws0, ws1 := c.w(s0), c.w(s1)
	wb0, wb1 := c.w(b0), c.w(b1)
	ts0, ts1, ts2 := c.t(s0), c.t(s1), c.t(s2)
	tb0, tb1, tb2 := c.t(b0), c.t(b1), c.t(b2)
	ts0L, ts0R := c.t(s0L), c.t(s0R)
	ts1R := c.t(s1R)
	tb0L := c.t(b0L)
	ls0L, ls0L2, ls0R, ls0R2 := s.lab(s0L), s.lab(s0L2), s.lab(s0R), s.lab(s0R2)
	ls1R := s.lab(s1R)
	lb0L, lb0L2 := s.lab(b0L), s.lab(b0L2)
	d := dist(s0, b0)
	d1 := dist(s1, s0)
	vls0, vrs0, vlb0 := val(s.nl, s0), val(s.nr, s0), val(s.nl, b0)
	vls1, vrs1 := val(s.nl, s1), val(s.nr, s1)

	// Unigrams.
	f[0] = fk(0, ws0, 0)
	f[1] = fk(1, ts0, 0)
	f[2] = fk(2, ws0, ts0)
	f[3] = fk(3, ws1, 0)
	f[4] = fk(4, ts1, 0)
	f[5] = fk(8, wb0, 0)
	f[6] = fk(9, tb0, 0)
	f[7] = fk(10, wb0, tb0)
	f[8] = fk(11, wb1, 0)
	f[9] = fk(12, tb1, 0)
	// Pairs of s0 and b0.
	f[10] = fk(20, ws0, pack(ts0, tb0, 0))
	f[11] = fk(21, wb0, pack(ts0, tb0, 0))
	f[12] = fk(22, c.pw(s0), c.pw(b0))
	f[13] = fk(23, pack(ts0, tb0, 0), 0)
	// Pairs of s1 and s0 (RIGHT joins them).
	f[14] = fk(25, c.pw(s1), c.pw(s0))
	f[15] = fk(26, pack(ts1, ts0, 0), 0)
	f[16] = fk(28, ws0, pack(ts1, ts0, 0))
	// Tag trigrams.
	f[17] = fk(30, pack(tb0, tb1, tb2), 0)
	f[18] = fk(31, pack(ts0, tb0, tb1), 0)
	f[19] = fk(32, pack(ts1, ts0, tb0), 0)
	f[20] = fk(33, pack(ts0, ts0L, tb0), 0)
	f[21] = fk(34, pack(ts0, ts0R, tb0), 0)
	f[22] = fk(35, pack(ts0, tb0, tb0L), 0)
	f[23] = fk(36, pack(ts1, ts0, ts0R), 0)
	f[24] = fk(38, pack(ts1, ts1R, ts0), 0)
	// Distance.
	f[25] = fk(44, ws0, d)
	f[26] = fk(46, wb0, d)
	f[27] = fk(49, pack(ts0, tb0, d), 0)
	f[28] = fk(50, pack(ts1, ts0, d1), 0)
	// Valency.
	f[29] = fk(53, pack(ts0, vrs0, vls0), 0)
	f[30] = fk(57, pack(tb0, vlb0, 0), 0)
	f[31] = fk(59, pack(ts1, vrs1, vls1), 0)
	// Children.
	f[32] = fk(61, pack(ts0L, ls0L, ts0), 0)
	f[33] = fk(64, pack(ts0R, ls0R, ts0), 0)
	f[34] = fk(67, pack(tb0L, lb0L, tb0), 0)
	f[35] = fk(76, pack(ts1R, ls1R, ts1), 0)
	f[36] = fk(77, pack(ts0, ls0L, ls0L2), 0)
	f[37] = fk(78, pack(ts0, ls0R, ls0R2), 0)
	f[38] = fk(79, pack(tb0, lb0L, lb0L2), 0)
	// Label sets.
	f[39] = fk(81, ts0, set(s.rset, s0))
	// Suffixes for words the tagger may have got wrong.
	f[40] = fk(86, c.suf(s0), ts0)
	f[41] = fk(87, c.suf(b0), tb0)
	f[42] = fk(90, 0, 0) // bias
	f[43] = fk(37, pack(ts2, ts1, ts0), 0)
}

func (c *sentCtx) suf(i int32) uint64 {
	if i < 0 {
		return hashNone
	}
	return c.wf[i].suffix
}

// labelFeatures writes the keys of the label features of the arc h → d
// that transition act builds.
func labelFeatures(c *sentCtx, s *state, act int, h, d int32, f *[numLabelFeats]uint64) {
	dir := uint64(act) << 60
	wh, wd := c.w(h), c.w(d)
	th, td := c.t(h), c.t(d)
	dd := dist(h, d)
	// The word on the other side: for LEFT (h = b0) the word under d on
	// the stack, for RIGHT (h = s1) the buffer front.
	var o int32 = -1
	if act == actLeft {
		if k := len(s.stack); k > 1 {
			o = s.stack[k-2]
		}
	} else {
		o = s.b
	}
	to := c.t(o)
	dL, dR := s.lc1[d], s.rc1[d]
	f[0] = fk(100, dir, 0)
	f[1] = fk(101, dir^wd, 0)
	f[2] = fk(102, dir^td, 0)
	f[3] = fk(104, dir^wh, 0)
	f[4] = fk(105, dir^th, 0)
	f[5] = fk(107, dir^pack(th, td, 0), 0)
	f[6] = fk(108, dir^wh, td)
	f[7] = fk(109, dir^wd, th)
	f[8] = fk(111, dir^pack(th, td, dd), 0)
	f[9] = fk(114, dir^pack(td, c.t(dL), s.lab(dL)), 0)
	f[10] = fk(120, dir^pack(th, td, to), 0)
	f[11] = fk(115, dir^pack(td, c.t(dR), s.lab(dR)), 0)
}
