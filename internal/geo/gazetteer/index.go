package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// The index file (data/gazetteer/places.idx) is the whole gazetteer laid
// out flat, so that Load slices it instead of parsing 229,000 rows and
// building maps: start-up then costs a validation pass, not seconds of CPU.
// It is written by IndexBytes from the TSV sources and is not compressed:
// the Go linker stores it as read-only data, so Load neither decompresses
// it nor copies it to the heap, and the kernel pages in only what lookups
// touch. All integers are little-endian.
//
//	header   magic "dlgazidx", then the uint32s of the header fields
//	         (version, counts, scale) and one (offset, length) pair of
//	         uint32 per section, offsets from the start of the file
//	sections in secSource … secCountries order, as described at their
//	         constants below
//
// A reader must check the version: any change of layout bumps it.
const (
	indexMagic   = "dlgazidx"
	indexVersion = 1
	// coordScale is what coordinates are multiplied by to be stored as
	// int32. GeoNames and the hand-written files give at most five
	// decimals, and float64(v)/1e5 is then exactly the float64 that
	// strconv.ParseFloat gives for the decimal (division is correctly
	// rounded), so no coordinate changes; IndexBytes refuses values that
	// would.
	coordScale = 1e5
	// slotKeyBits is the width of the key-id part of a hash slot; the
	// rest holds hash bits, so that most probes of names the index lacks
	// end without comparing keys.
	slotKeyBits = 22
	maxKeys     = 1<<slotKeyBits - 2
)

// Header fields, after the magic, in order.
const (
	hdrVersion = iota
	hdrEntries
	hdrKeys
	hdrSlots
	hdrMaxWords
	hdrScale
	hdrFields
)

// Sections, in file order.
const (
	secSource    = iota // the source line of places.tsv.gz
	secID               // int32 per entry
	secLat              // int32 per entry, degrees × coordScale
	secLon              // int32 per entry
	secPop              // uint32 per entry
	secCapital          // int32 per entry (GeoNames id)
	secStrOff           // uint32 per entry: its record in secStrings
	secStrings          // per entry: 4 length bytes, then Name, ASCIIName, Admin2, Code
	secAtomRefs         // 3 uint16 per entry: Feature, CountryCode, Admin1 as atoms
	secAtomOff          // uint32 per atom, plus one: bounds in secAtoms
	secAtoms            // the short strings many entries share
	secKeyOff           // uint32 per key, plus one: bounds in secKeys
	secKeys             // folded names, in byte order
	secPostOff          // uint32 per key, plus one: bounds in secPostings
	secPostings         // int32 entry indices, each key's most populous first
	secSlots            // uint32 per hash slot: tag<<slotKeyBits | key id+1, 0 empty
	secCountries        // per country by alpha-3: uint32 entry, int32 capital entry or -1
	numSections
)

const headerSize = len(indexMagic) + 4*hdrFields + 8*numSections

// ErrCorruptIndex is wrapped by the errors of an index file that fails
// validation.
var ErrCorruptIndex = errors.New("corrupt gazetteer index")

// hashKey is FNV-1a, 64 bits: the slots are laid out by the generator, so
// the hash must not change between builds or machines (maphash would).
func hashKey[S string | []byte](k S) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return h
}

// slotOf returns the first slot to probe and the tag bits of hash h.
func slotOf(h uint64, mask uint32) (uint32, uint32) {
	return uint32(h^h>>29) & mask, uint32(h>>(64-(32-slotKeyBits))) << slotKeyBits
}

func le32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le16(s string, i int) uint16 {
	s = s[i : i+2]
	return uint16(s[0]) | uint16(s[1])<<8
}

// encodeIndex lays out ix as an index file.
func encodeIndex(ix *nameIndex, source string) ([]byte, error) {
	n := len(ix.entries)
	if n >= math.MaxInt32 {
		return nil, fmt.Errorf("encode gazetteer index: %d entries", n)
	}
	le := binary.LittleEndian
	var sec [numSections][]byte
	sec[secSource] = []byte(source)

	atomID := map[string]uint16{}
	var atomOff, atoms []byte
	atom := func(s string) (uint16, error) {
		if id, ok := atomID[s]; ok {
			return id, nil
		}
		if len(atomID) >= math.MaxUint16 {
			return 0, fmt.Errorf("encode gazetteer index: more than %d distinct features, countries and admin-1 keys", math.MaxUint16)
		}
		id := uint16(len(atomID))
		atomID[s] = id
		atomOff = le.AppendUint32(atomOff, uint32(len(atoms)))
		atoms = append(atoms, s...)
		return id, nil
	}
	coord := func(e Entry, v float64) (uint32, error) {
		r := math.Round(v * coordScale)
		if r < math.MinInt32 || r > math.MaxInt32 || float64(int32(r))/coordScale != v {
			return 0, fmt.Errorf("encode gazetteer index: %s: coordinate %v has more than five decimals", Describe(e), v)
		}
		return uint32(int32(r)), nil
	}
	for _, e := range ix.entries {
		if e.ID < math.MinInt32 || e.ID > math.MaxInt32 || e.Capital < math.MinInt32 || e.Capital > math.MaxInt32 {
			return nil, fmt.Errorf("encode gazetteer index: %s: id or capital out of int32 range", Describe(e))
		}
		if e.Population < 0 || e.Population > math.MaxUint32 {
			return nil, fmt.Errorf("encode gazetteer index: %s: population %d out of uint32 range", Describe(e), e.Population)
		}
		lat, err1 := coord(e, e.Lat)
		lon, err2 := coord(e, e.Lon)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		sec[secID] = le.AppendUint32(sec[secID], uint32(int32(e.ID)))
		sec[secLat] = le.AppendUint32(sec[secLat], lat)
		sec[secLon] = le.AppendUint32(sec[secLon], lon)
		sec[secPop] = le.AppendUint32(sec[secPop], uint32(e.Population))
		sec[secCapital] = le.AppendUint32(sec[secCapital], uint32(int32(e.Capital)))
		sec[secStrOff] = le.AppendUint32(sec[secStrOff], uint32(len(sec[secStrings])))
		strs := [4]string{e.Name, e.ASCIIName, e.Admin2, e.Code}
		for _, s := range strs {
			if len(s) > math.MaxUint8 {
				return nil, fmt.Errorf("encode gazetteer index: %s: %q longer than 255 bytes", Describe(e), s)
			}
			sec[secStrings] = append(sec[secStrings], byte(len(s)))
		}
		for _, s := range strs {
			sec[secStrings] = append(sec[secStrings], s...)
		}
		for _, s := range [3]string{e.Feature, e.CountryCode, e.Admin1} {
			id, err := atom(s)
			if err != nil {
				return nil, err
			}
			sec[secAtomRefs] = le.AppendUint16(sec[secAtomRefs], id)
		}
	}
	sec[secAtomOff] = le.AppendUint32(atomOff, uint32(len(atoms)))
	sec[secAtoms] = atoms

	// Keys in byte order, so that the file does not depend on map order.
	type posting struct {
		key  string
		list []int32
	}
	var keys []posting
	for _, sh := range ix.shards {
		for k, id := range sh.keys {
			s := sh.spans[id]
			keys = append(keys, posting{k, sh.postings[s.off : s.off+s.n]})
		}
	}
	if len(keys) > maxKeys {
		return nil, fmt.Errorf("encode gazetteer index: %d keys, at most %d", len(keys), maxKeys)
	}
	slices.SortFunc(keys, func(a, b posting) int { return strings.Compare(a.key, b.key) })
	var nPost uint32
	for _, p := range keys {
		sec[secKeyOff] = le.AppendUint32(sec[secKeyOff], uint32(len(sec[secKeys])))
		sec[secKeys] = append(sec[secKeys], p.key...)
		sec[secPostOff] = le.AppendUint32(sec[secPostOff], nPost)
		for _, e := range p.list {
			sec[secPostings] = le.AppendUint32(sec[secPostings], uint32(e))
		}
		nPost += uint32(len(p.list))
	}
	sec[secKeyOff] = le.AppendUint32(sec[secKeyOff], uint32(len(sec[secKeys])))
	sec[secPostOff] = le.AppendUint32(sec[secPostOff], nPost)

	// At most half the slots are used, so probes stay short, and at least
	// one is always empty, so that every probe sequence ends.
	nSlots := uint32(1) << bits.Len32(uint32(2*len(keys)))
	slots := make([]uint32, nSlots)
	for id, p := range keys {
		i, tag := slotOf(hashKey(p.key), nSlots-1)
		for slots[i] != 0 {
			i = (i + 1) & (nSlots - 1)
		}
		slots[i] = tag | uint32(id+1)
	}
	for _, s := range slots {
		sec[secSlots] = le.AppendUint32(sec[secSlots], s)
	}

	for _, c := range countriesOf(ix.entries) {
		sec[secCountries] = le.AppendUint32(sec[secCountries], uint32(c.entry))
		sec[secCountries] = le.AppendUint32(sec[secCountries], uint32(c.capital))
	}

	var hdr [hdrFields]uint32
	hdr[hdrVersion] = indexVersion
	hdr[hdrEntries] = uint32(n)
	hdr[hdrKeys] = uint32(len(keys))
	hdr[hdrSlots] = nSlots
	hdr[hdrMaxWords] = uint32(ix.maxWords)
	hdr[hdrScale] = coordScale
	out := []byte(indexMagic)
	for _, v := range hdr {
		out = le.AppendUint32(out, v)
	}
	off := headerSize
	for _, s := range sec {
		out = le.AppendUint32(out, uint32(off))
		out = le.AppendUint32(out, uint32(len(s)))
		off += len(s)
	}
	if off > math.MaxUint32 {
		return nil, fmt.Errorf("encode gazetteer index: %d bytes", off)
	}
	for _, s := range sec {
		out = append(out, s...)
	}
	return out, nil
}

type countryRef struct{ entry, capital int32 }

// countriesOf returns each country's first entry and its capital's entry
// (-1 if none), sorted by alpha-3 code. The capital is the last populated
// entry with the country's capital id, as the map-based loader had it.
func countriesOf(entries []Entry) []countryRef {
	byCode := map[string]int{}
	var refs []countryRef
	capitalOf := map[int]int{} // capital's id → index in refs
	for i, e := range entries {
		if e.Feature == Country && e.CountryCode != "" {
			if _, ok := byCode[e.CountryCode]; !ok {
				byCode[e.CountryCode] = len(refs)
				refs = append(refs, countryRef{int32(i), -1})
				if e.Capital != 0 {
					capitalOf[e.Capital] = len(refs) - 1
				}
			}
		}
	}
	for i, e := range entries {
		if r, ok := capitalOf[e.ID]; ok && e.IsPopulated() {
			refs[r].capital = int32(i)
		}
	}
	slices.SortFunc(refs, func(a, b countryRef) int {
		return strings.Compare(entries[a.entry].CountryCode, entries[b.entry].CountryCode)
	})
	return refs
}

// flat is a validated index file: each field is a section of it.
type flat struct {
	n, nKeys  int
	mask      uint32
	maxWords  int
	scale     float64
	source    string
	sec       [numSections]string
	atoms     []string // views into secAtoms
	postings  []int32  // decoded: LookupKey returns slices of it
	countries []countryRef
	// centres are country_centres.tsv, applied by entry (see
	// readCentres); nil moves nothing.
	centres map[string]point
	// pcli is the atom of feature PCLI, -1 if no entry has it, so that
	// entry tests one integer before looking for a centre.
	pcli int
}

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorruptIndex, fmt.Sprintf(format, args...))
}

// decodeIndex validates data and returns views into it. Every offset and
// index that a lookup or Entry follows is checked here, so that a
// corrupt file gives an error, never a panic or an endless probe.
func decodeIndex(data string) (*flat, error) {
	if len(data) < headerSize || data[:len(indexMagic)] != indexMagic {
		return nil, corrupt("no index header")
	}
	var hdr [hdrFields]uint32
	for i := range hdr {
		hdr[i] = le32(data, len(indexMagic)+4*i)
	}
	if hdr[hdrVersion] != indexVersion {
		return nil, corrupt("version %d, want %d: regenerate with go generate ./internal/geo/gazetteer", hdr[hdrVersion], indexVersion)
	}
	f := &flat{n: int(hdr[hdrEntries]), nKeys: int(hdr[hdrKeys]), maxWords: int(hdr[hdrMaxWords]), scale: float64(hdr[hdrScale])}
	nSlots := hdr[hdrSlots]
	if f.n >= math.MaxInt32 || f.nKeys > maxKeys || nSlots == 0 || nSlots&(nSlots-1) != 0 || f.scale == 0 {
		return nil, corrupt("bad header counts")
	}
	f.mask = nSlots - 1
	secStart := len(indexMagic) + 4*hdrFields
	for i := range f.sec {
		off, n := uint64(le32(data, secStart+8*i)), uint64(le32(data, secStart+8*i+4))
		if off+n > uint64(len(data)) {
			return nil, corrupt("section %d at %d+%d past the end (%d bytes)", i, off, n, len(data))
		}
		f.sec[i] = data[off : off+n]
	}
	f.source = f.sec[secSource]
	n := f.n
	want := map[int]int{secID: 4 * n, secLat: 4 * n, secLon: 4 * n, secPop: 4 * n, secCapital: 4 * n, secStrOff: 4 * n,
		secAtomRefs: 6 * n, secKeyOff: 4 * (f.nKeys + 1), secPostOff: 4 * (f.nKeys + 1), secSlots: 4 * int(nSlots)}
	for s, size := range want {
		if len(f.sec[s]) != size {
			return nil, corrupt("section %d holds %d bytes, want %d", s, len(f.sec[s]), size)
		}
	}
	if len(f.sec[secAtomOff])%4 != 0 || len(f.sec[secAtomOff]) == 0 || len(f.sec[secPostings])%4 != 0 || len(f.sec[secCountries])%8 != 0 {
		return nil, corrupt("section sizes")
	}

	strs := f.sec[secStrings]
	for i := range n {
		off := int(le32(f.sec[secStrOff], 4*i))
		if off > len(strs)-4 {
			return nil, corrupt("entry %d: strings at %d past %d", i, off, len(strs))
		}
		end := off + 4 + int(strs[off]) + int(strs[off+1]) + int(strs[off+2]) + int(strs[off+3])
		if end > len(strs) {
			return nil, corrupt("entry %d: strings end at %d past %d", i, end, len(strs))
		}
	}
	atomOff := f.sec[secAtomOff]
	if err := checkBounds(atomOff, len(f.sec[secAtoms]), "atom"); err != nil {
		return nil, err
	}
	f.atoms = make([]string, len(atomOff)/4-1)
	f.pcli = -1
	for i := range f.atoms {
		f.atoms[i] = f.sec[secAtoms][le32(atomOff, 4*i):le32(atomOff, 4*i+4)]
		if f.atoms[i] == Country && f.pcli < 0 {
			f.pcli = i
		}
	}
	refs := f.sec[secAtomRefs]
	for i := 0; i < len(refs); i += 2 {
		if int(le16(refs, i)) >= len(f.atoms) {
			return nil, corrupt("entry %d: atom %d of %d", i/6, le16(refs, i), len(f.atoms))
		}
	}
	if err := checkBounds(f.sec[secKeyOff], len(f.sec[secKeys]), "key"); err != nil {
		return nil, err
	}
	post := f.sec[secPostings]
	if err := checkBounds(f.sec[secPostOff], len(post)/4, "postings"); err != nil {
		return nil, err
	}
	f.postings = make([]int32, len(post)/4)
	for i := range f.postings {
		e := le32(post, 4*i)
		if e >= uint32(n) {
			return nil, corrupt("posting %d: entry %d of %d", i, e, n)
		}
		f.postings[i] = int32(e)
	}
	slots := f.sec[secSlots]
	empty := false
	for i := 0; i < len(slots); i += 4 {
		id := le32(slots, i) & (1<<slotKeyBits - 1)
		empty = empty || id == 0
		if int(id) > f.nKeys {
			return nil, corrupt("slot %d: key %d of %d", i/4, id, f.nKeys)
		}
	}
	if !empty {
		return nil, corrupt("no empty hash slot")
	}
	cs := f.sec[secCountries]
	f.countries = make([]countryRef, len(cs)/8)
	for i := range f.countries {
		c := countryRef{int32(le32(cs, 8*i)), int32(le32(cs, 8*i+4))}
		if c.entry < 0 || int(c.entry) >= n || c.capital < -1 || int(c.capital) >= n {
			return nil, corrupt("country %d: entry %d, capital %d of %d", i, c.entry, c.capital, n)
		}
		f.countries[i] = c
	}
	return f, nil
}

// checkBounds checks that sec holds non-decreasing uint32 offsets from 0
// to size.
func checkBounds(sec string, size int, what string) error {
	n := len(sec) / 4
	if n == 0 || le32(sec, 0) != 0 || int(le32(sec, 4*(n-1))) != size {
		return corrupt("%s offsets do not span 0 to %d", what, size)
	}
	for i := 1; i < n; i++ {
		if le32(sec, 4*i) < le32(sec, 4*(i-1)) {
			return corrupt("%s %d: offsets decrease", what, i)
		}
	}
	return nil
}

// entry decodes entry i; i must be in range.
func (f *flat) entry(i int32) Entry {
	k := int(i)
	e := Entry{
		ID:         int(int32(le32(f.sec[secID], 4*k))),
		Lat:        float64(int32(le32(f.sec[secLat], 4*k))) / f.scale,
		Lon:        float64(int32(le32(f.sec[secLon], 4*k))) / f.scale,
		Population: int(le32(f.sec[secPop], 4*k)),
		Capital:    int(int32(le32(f.sec[secCapital], 4*k))),
	}
	refs := f.sec[secAtomRefs][6*k : 6*k+6]
	e.Feature = f.atoms[le16(refs, 0)]
	e.CountryCode = f.atoms[le16(refs, 2)]
	e.Admin1 = f.atoms[le16(refs, 4)]
	strs := f.sec[secStrings]
	off := int(le32(f.sec[secStrOff], 4*k))
	l := strs[off : off+4]
	p := off + 4
	e.Name, p = strs[p:p+int(l[0])], p+int(l[0])
	e.ASCIIName, p = strs[p:p+int(l[1])], p+int(l[1])
	e.Admin2, p = strs[p:p+int(l[2])], p+int(l[2])
	e.Code = strs[p : p+int(l[3])]
	if int(le16(refs, 0)) == f.pcli {
		moveToCentre(&e, f.centres)
	}
	return e
}

// lookup returns the postings of key, or nil.
func (f *flat) lookup(key []byte) []int32 {
	i, tag := slotOf(hashKey(key), f.mask)
	slots, keyOff, keys := f.sec[secSlots], f.sec[secKeyOff], f.sec[secKeys]
	for {
		s := le32(slots, 4*int(i))
		if s&(1<<slotKeyBits-1) == 0 {
			return nil
		}
		if s&^(1<<slotKeyBits-1) == tag {
			id := int(s&(1<<slotKeyBits-1)) - 1
			lo, hi := le32(keyOff, 4*id), le32(keyOff, 4*id+4)
			if keys[lo:hi] == string(key) {
				a, b := le32(f.sec[secPostOff], 4*id), le32(f.sec[secPostOff], 4*id+4)
				return f.postings[a:b:b]
			}
		}
		i = (i + 1) & f.mask
	}
}

// country returns the countryRef of alpha3.
func (f *flat) country(alpha3 string) (countryRef, bool) {
	i, ok := slices.BinarySearchFunc(f.countries, alpha3, func(c countryRef, code string) int {
		return strings.Compare(f.atoms[le16(f.sec[secAtomRefs], 6*int(c.entry)+2)], code)
	})
	if !ok {
		return countryRef{}, false
	}
	return f.countries[i], true
}
