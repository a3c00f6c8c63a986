package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"

	"github.com/dateline-project/dateline/internal/lexicon"
)

// IndexBytes builds the index file (data/gazetteer/places.idx) from the
// sources in fsys, laid out as below data/: places.tsv.gz, regions.tsv and
// aliases.tsv. Countries stay at their capital's point, as in
// places.tsv.gz: the loader moves them to country_centres.tsv's centres. go generate writes
// its result, and a test checks that the committed file equals it.
func IndexBytes(fsys fs.FS) ([]byte, error) {
	raw, err := readGzip(fsys, placesFile)
	if err != nil {
		return nil, err
	}
	b := &builder{}
	src, err := b.parsePlaces(raw)
	if err != nil {
		return nil, err
	}
	if err := b.readRegions(fsys); err != nil {
		return nil, err
	}
	if err := b.readAliases(fsys); err != nil {
		return nil, err
	}
	return encodeIndex(b.build(), src)
}

// BuildFS builds a gazetteer from the sources in fsys (see IndexBytes),
// country_centres.tsv and feature_words.tsv, without an index file. It is as slow as parsing
// 229,000 rows; tests use it to load small fixtures.
func BuildFS(fsys fs.FS) (*Gazetteer, error) {
	idx, err := IndexBytes(fsys)
	if err != nil {
		return nil, err
	}
	return load(fsys, string(idx))
}

func readGzip(fsys fs.FS, name string) (string, error) {
	z, err := fs.ReadFile(fsys, name)
	if err != nil {
		return "", fmt.Errorf("open gazetteer: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return "", fmt.Errorf("open gazetteer %s: %w", name, err)
	}
	defer zr.Close()
	var sb strings.Builder
	// The gzip trailer holds the uncompressed size (mod 4 GiB): growing
	// the buffer once avoids copying ten megabytes several times over.
	if n := len(z); n >= 4 {
		if size := binary.LittleEndian.Uint32(z[n-4:]); size < 256<<20 {
			sb.Grow(int(size) + 1)
		}
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		return "", fmt.Errorf("read gazetteer %s: %w", name, err)
	}
	return sb.String(), nil
}

// builder gathers entries and their (key, entry) pairs before the index is
// laid out. Keys that are already folded point into the decompressed file;
// others are folded into one arena, so the whole index costs a handful of
// allocations rather than one per name.
type builder struct {
	entries []Entry
	pairs   []pair
	arena   []byte
	extra   []string // keys of hand-written names, which are few
	raw     string   // the decompressed places file
	source  string
}

// pair is a key of entry e: either raw[off:off+n] of the file (src 0), the
// arena (src 1) or extra[off] (src 2).
type pair struct {
	src    uint8
	off, n int32
	e      int32
}

func (b *builder) parsePlaces(raw string) (string, error) {
	const name = placesFile
	b.raw = raw
	source := ""
	line := 0
	pos := 0
	header := false
	for pos < len(raw) && !header {
		end := strings.IndexByte(raw[pos:], '\n')
		if end < 0 {
			end = len(raw)
		} else {
			end += pos
		}
		l := raw[pos:end]
		pos = end + 1
		line++
		if l == "" {
			continue
		}
		if l[0] == '#' {
			if s, ok := strings.CutPrefix(l, "# source: "); ok {
				source = s
			}
			continue
		}
		header = true
		if l != placesColumns {
			return "", &lexicon.LineError{File: name, Line: line, Err: fmt.Errorf("%w: unexpected column line", lexicon.ErrMalformed)}
		}
	}
	if !header {
		return "", &lexicon.LineError{File: name, Line: line, Err: fmt.Errorf("%w: no column line", lexicon.ErrMalformed)}
	}
	pos = min(pos, len(raw))
	// The body is parsed in two halves at once: parsing and folding cost
	// about as much as decompressing, and Load sits on every start-up path.
	mid := pos + (len(raw)-pos)/2
	if k := strings.IndexByte(raw[mid:], '\n'); k >= 0 {
		mid += k + 1
	} else {
		mid = len(raw)
	}
	parts := [2]*builder{{raw: raw}, {raw: raw}}
	var errs [2]error
	var wg sync.WaitGroup
	bounds := [3]int{pos, mid, len(raw)}
	firstLine := [2]int{line, line + strings.Count(raw[pos:mid], "\n")}
	for k := range parts {
		wg.Go(func() { errs[k] = parts[k].parseBody(raw, bounds[k], bounds[k+1], firstLine[k]) })
	}
	wg.Wait()
	if err := errors.Join(errs[0], errs[1]); err != nil {
		return "", err
	}
	// Room for the hand-written regions: without it, appending the first
	// one copied all 229,000 entries into a slice twice as large, which
	// made readRegions, reading a 5 kB file, cost a tenth of the build.
	b.entries = make([]Entry, 0, len(parts[0].entries)+len(parts[1].entries)+1024)
	b.entries = append(b.entries, parts[0].entries...)
	b.entries = append(b.entries, parts[1].entries...)
	off := int32(len(parts[0].entries))
	aoff := int32(len(parts[0].arena))
	b.arena = append(parts[0].arena, parts[1].arena...)
	b.pairs = make([]pair, 0, len(parts[0].pairs)+len(parts[1].pairs)+1024)
	b.pairs = append(b.pairs, parts[0].pairs...)
	for _, p := range parts[1].pairs {
		p.e += off
		if p.src == 1 {
			p.off += aoff
		}
		b.pairs = append(b.pairs, p)
	}
	b.source = source
	return source, nil
}

// parseBody parses the data lines in raw[from:to]; line is the number of
// the line before from, for errors.
func (b *builder) parseBody(raw string, from, to, line int) error {
	const name = placesFile
	n := strings.Count(raw[from:to], "\n") + 1
	b.entries = make([]Entry, 0, n)
	b.pairs = make([]pair, 0, 3*n)
	b.arena = make([]byte, 0, (to-from)/3)
	for pos := from; pos < to; {
		end := strings.IndexByte(raw[pos:to], '\n')
		if end < 0 {
			end = to
		} else {
			end += pos
		}
		l := raw[pos:end]
		lstart := pos
		pos = end + 1
		line++
		if l == "" || l[0] == '#' {
			continue
		}
		var f [nPlaceFields]string
		n := 0
		rest := l
		for n < nPlaceFields-1 {
			i := strings.IndexByte(rest, '\t')
			if i < 0 {
				break
			}
			f[n] = rest[:i]
			rest = rest[i+1:]
			n++
		}
		f[n] = rest
		n++
		if n != nPlaceFields {
			return &lexicon.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %d fields, want %d", lexicon.ErrMalformed, n, nPlaceFields)}
		}
		id, err1 := strconv.Atoi(f[0])
		lat, err2 := strconv.ParseFloat(f[6], 64)
		lon, err3 := strconv.ParseFloat(f[7], 64)
		pop, err4 := strconv.Atoi(f[8])
		capital, err5 := 0, error(nil)
		if f[9] != "" {
			capital, err5 = strconv.Atoi(f[9])
		}
		if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
			return &lexicon.LineError{File: name, Line: line, Err: fmt.Errorf("%w: %v", lexicon.ErrMalformed, err)}
		}
		const nm, as, al = nPlaceFields - 3, nPlaceFields - 2, nPlaceFields - 1
		e := int32(len(b.entries))
		b.entries = append(b.entries, Entry{ID: id, Feature: f[1], CountryCode: f[2], Admin1: f[3], Admin2: f[4], Code: f[5],
			Lat: lat, Lon: lon, Population: pop, Capital: capital, Name: f[nm], ASCIIName: f[as]})
		first := len(b.pairs)
		// The name fields are substrings of l, which is a substring of
		// raw: their offsets into raw let keys share the file's memory.
		base := lstart + (len(l) - len(f[nm]) - len(f[as]) - len(f[al]) - 2)
		b.addRaw(raw, base, len(f[nm]), e, first)
		b.addRaw(raw, base+len(f[nm])+1, len(f[as]), e, first)
		off := base + len(f[nm]) + len(f[as]) + 2
		alts := f[al]
		for alts != "" {
			i := strings.IndexByte(alts, '|')
			if i < 0 {
				i = len(alts)
			}
			b.addRaw(raw, off, i, e, first)
			off += i + 1
			if i == len(alts) {
				break
			}
			alts = alts[i+1:]
		}
	}
	return nil
}

// addRaw indexes raw[off:off+n] for entry e unless the entry already has
// that key (pairs[first:] are the entry's keys so far).
func (b *builder) addRaw(raw string, off, n int, e int32, first int) {
	if n == 0 {
		return
	}
	s := raw[off : off+n]
	var p pair
	if isASCIIKey(s) {
		p = pair{src: 0, off: int32(off), n: int32(n), e: e}
	} else {
		start := len(b.arena)
		b.arena = Fold(b.arena, s)
		if len(b.arena) == start {
			return
		}
		p = pair{src: 1, off: int32(start), n: int32(len(b.arena) - start), e: e}
		// Drop a duplicate straight away so the arena does not grow.
		for _, q := range b.pairs[first:] {
			if q.src == 1 && string(b.arena[q.off:q.off+q.n]) == string(b.arena[p.off:p.off+p.n]) {
				b.arena = b.arena[:start]
				return
			}
		}
	}
	b.pairs = append(b.pairs, p)
}

// addName indexes a hand-written name of entry e.
func (b *builder) addName(name string, e int32) {
	k := FoldString(name)
	if k == "" {
		return
	}
	b.extra = append(b.extra, k)
	b.pairs = append(b.pairs, pair{src: 2, off: int32(len(b.extra) - 1), n: int32(len(k)), e: e})
}

// nameIndex is what the builder makes: the entries and the name index as
// maps, before encodeIndex lays them out flat.
type nameIndex struct {
	entries  []Entry
	shards   [2]shard
	maxWords int
}

func (b *builder) build() *nameIndex {
	ix := &nameIndex{entries: b.entries}
	arena := string(b.arena)
	keyOf := func(p pair) string {
		switch p.src {
		case 1:
			return arena[p.off : p.off+p.n]
		case 2:
			return b.extra[p.off]
		}
		return b.raw[p.off : p.off+p.n]
	}
	// Keys are split into two shards by length parity, built at once: the
	// map inserts are most of the build.
	var wg sync.WaitGroup
	for sh := range ix.shards {
		wg.Go(func() { ix.shards[sh].build(b.pairs, keyOf, sh) })
	}
	wg.Wait()
	ix.maxWords = max(ix.shards[0].maxWords, ix.shards[1].maxWords)
	return ix
}

type span struct{ off, n int32 }

// shard is the part of the name index whose keys have one length parity.
type shard struct {
	keys     map[string]int32 // folded name → index into spans
	spans    []span           // postings[off:off+n] per key
	postings []int32          // entry indices, most populous first
	maxWords int
}

func (sh *shard) build(pairs []pair, keyOf func(pair) string, parity int) {
	sh.keys = make(map[string]int32, len(pairs)/2)
	ids := make([]int32, len(pairs))
	n := 0
	for i, p := range pairs {
		if int(p.n&1) != parity {
			ids[i] = -1
			continue
		}
		n++
		k := keyOf(p)
		id, ok := sh.keys[k]
		if !ok {
			id = int32(len(sh.spans))
			sh.keys[k] = id
			sh.spans = append(sh.spans, span{})
			if w := strings.Count(k, " ") + 1; w > sh.maxWords {
				sh.maxWords = w
			}
		}
		ids[i] = id
		sh.spans[id].n++
	}
	var off int32
	for i := range sh.spans {
		sh.spans[i].off = off
		off += sh.spans[i].n
		sh.spans[i].n = 0
	}
	sh.postings = make([]int32, n)
	for i, p := range pairs {
		if ids[i] < 0 {
			continue
		}
		s := &sh.spans[ids[i]]
		list := sh.postings[s.off : s.off+s.n+1]
		// Keep each list in entry order (most populous first) and free of
		// repeats: pairs arrive in entry order except for aliases.
		j := int(s.n)
		dup := false
		for j > 0 && list[j-1] >= p.e {
			if list[j-1] == p.e {
				dup = true
				break
			}
			j--
		}
		if dup {
			continue
		}
		copy(list[j+1:], list[j:s.n])
		list[j] = p.e
		s.n++
	}
}
