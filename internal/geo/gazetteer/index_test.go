package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/data"
)

// The committed index is what IndexBytes makes of the committed sources:
// regenerate it (go generate ./internal/geo/gazetteer, or go run
// ./internal/geo/gazetteer/genindex -data data) after editing places.tsv.gz,
// regions.tsv or aliases.tsv.
func TestIndexFileUpToDate(t *testing.T) {
	want, err := IndexBytes(os.DirFS("../../../data"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../../data/" + indexFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("data/%s is stale (%d bytes, generator gives %d): run go generate ./internal/geo/gazetteer", indexFile, len(got), len(want))
	}
	if data.GazetteerIndex != string(got) {
		t.Fatalf("data.GazetteerIndex differs from data/%s", indexFile)
	}
}

// TestIndex_SameAsBuilder checks that the flat index answers exactly as
// the maps it was laid out from: every entry field, every key's entries in
// order, the countries and their capitals.
func TestIndex_SameAsBuilder(t *testing.T) {
	fsys := os.DirFS("../../../data")
	raw, err := readGzip(fsys, placesFile)
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{}
	src, err := b.parsePlaces(raw)
	if err != nil {
		t.Fatal(err)
	}
	centres, err := readCentres(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for i := range b.entries {
		moveToCentre(&b.entries[i], centres)
	}
	for _, read := range []func(fs.FS) error{b.readRegions, b.readAliases} {
		if err := read(fsys); err != nil {
			t.Fatal(err)
		}
	}
	ix := b.build()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := g.Len(), len(ix.entries); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	if got, want := g.Source(), src; got != want {
		t.Errorf("Source() = %q, want %q", got, want)
	}
	if got, want := g.MaxNameWords(), ix.maxWords; got != want {
		t.Errorf("MaxNameWords() = %d, want %d", got, want)
	}
	for i, want := range ix.entries {
		if got := g.Entry(int32(i)); got != want {
			t.Fatalf("Entry(%d) = %+v, want %+v", i, got, want)
		}
	}
	nKeys := 0
	for _, sh := range ix.shards {
		for k, id := range sh.keys {
			nKeys++
			s := sh.spans[id]
			want := sh.postings[s.off : s.off+s.n]
			if got := g.LookupKey([]byte(k)); !slices.Equal(got, want) {
				t.Fatalf("LookupKey(%q) = %v, want %v", k, got, want)
			}
		}
	}
	if nKeys != g.idx.nKeys {
		t.Errorf("%d keys, want %d", g.idx.nKeys, nKeys)
	}
	// The countries and capitals as the map-based loader found them.
	countries, capitalOf := map[string]int{}, map[int]string{}
	for i, e := range ix.entries {
		if _, ok := countries[e.CountryCode]; !ok && e.Feature == Country && e.CountryCode != "" {
			countries[e.CountryCode] = i
			if e.Capital != 0 {
				capitalOf[e.Capital] = e.CountryCode
			}
		}
	}
	capitals := map[string]int{}
	for i, e := range ix.entries {
		if cc, ok := capitalOf[e.ID]; ok && e.IsPopulated() {
			capitals[cc] = i
		}
	}
	for cc, i := range countries {
		if got, ok := g.Country(cc); !ok || got != ix.entries[i] {
			t.Errorf("Country(%q) = %v, %v; want %v", cc, got, ok, ix.entries[i])
		}
		got, ok := g.Capital(cc)
		if j, want := capitals[cc]; ok != want || ok && got != ix.entries[j] {
			t.Errorf("Capital(%q) = %v, %v; want %v", cc, got, ok, want)
		}
	}
	if _, ok := g.Country("ZZZ"); ok {
		t.Error("Country(ZZZ) found")
	}
}

// indexFixture is a small index file: three places, a region and an
// alias.
func indexFixture(t testing.TB) []byte {
	t.Helper()
	places := "# source: test fixture\n" + placesColumns + "\n" +
		"-100031\tPCLI\tAZE\t\t\tAZ\t40.4\t49.9\t5000000\t587084\tAzerbaijan\t\tRepublic of Azerbaijan\n" +
		"587084\tPPLC\tAZE\tAZ.09\t\t\t40.37767\t49.89201\t1116513\t\tBaku\t\tBakı|Bakou\n" +
		"147625\tPPLA\tAZE\tAZ.28\t\t\t39.64\t46.55\t2300\t\tLaçın\tLacin\tLachin|Laçın\n"
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(places))
	zw.Close()
	fsys := fstest.MapFS{
		"gazetteer/places.tsv.gz": {Data: z.Bytes()},
		"gazetteer/regions.tsv":   {Data: []byte("id\tcode\tname\tfeature\tcountry\tlat\tlon\taliases\n-1\tkarabakh\tKarabakh\tRGN\tAZE\t39.9\t46.9\tQarabağ\n")},
		"gazetteer/aliases.tsv":   {Data: []byte("target\tnames\nAZE\tAzerbaijan Republic\n")},
	}
	b, err := IndexBytes(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeIndex_Fixture(t *testing.T) {
	f, err := decodeIndex(string(indexFixture(t)))
	if err != nil {
		t.Fatal(err)
	}
	for key, id := range map[string]int{"bakou": 587084, "lacin": 147625, "qarabag": -1, "azerbaijan republic": -100031} {
		p := f.lookup([]byte(key))
		if len(p) != 1 || f.entry(p[0]).ID != id {
			t.Errorf("lookup(%q) = %v, want entry %d", key, p, id)
		}
	}
	if p := f.lookup([]byte("paris")); p != nil {
		t.Errorf("lookup(paris) = %v", p)
	}
	c, ok := f.country("AZE")
	if !ok || f.entry(c.entry).ID != -100031 || f.entry(c.capital).ID != 587084 {
		t.Errorf("country(AZE) = %v, %v", c, ok)
	}
}

// TestDecodeIndex_Corrupt checks that damage anywhere a lookup would
// follow is reported as ErrCorruptIndex.
func TestDecodeIndex_Corrupt(t *testing.T) {
	good := indexFixture(t)
	le := binary.LittleEndian
	secAt := func(b []byte, s int) (off, n int) {
		p := len(indexMagic) + 4*hdrFields + 8*s
		return int(le.Uint32(b[p:])), int(le.Uint32(b[p+4:]))
	}
	tests := []struct {
		name   string
		damage func(b []byte) []byte
	}{
		{"empty", func(b []byte) []byte { return nil }},
		{"truncated header", func(b []byte) []byte { return b[:headerSize-1] }},
		{"truncated body", func(b []byte) []byte { return b[:len(b)-1] }},
		{"bad magic", func(b []byte) []byte { b[0] = 'X'; return b }},
		{"other version", func(b []byte) []byte { le.PutUint32(b[len(indexMagic):], indexVersion+1); return b }},
		{"zero scale", func(b []byte) []byte { le.PutUint32(b[len(indexMagic)+4*hdrScale:], 0); return b }},
		{"slots not a power of two", func(b []byte) []byte { le.PutUint32(b[len(indexMagic)+4*hdrSlots:], 3); return b }},
		{"more entries", func(b []byte) []byte { le.PutUint32(b[len(indexMagic)+4*hdrEntries:], 5); return b }},
		{"section past end", func(b []byte) []byte {
			le.PutUint32(b[len(indexMagic)+4*hdrFields+8*secKeys:], uint32(len(b)))
			return b
		}},
		{"string record past end", func(b []byte) []byte {
			off, _ := secAt(b, secStrOff)
			le.PutUint32(b[off+4:], 1<<20)
			return b
		}},
		{"string length past end", func(b []byte) []byte {
			off, _ := secAt(b, secStrings)
			soff, _ := secAt(b, secStrOff)
			last := int(le.Uint32(b[soff+4*3:])) // the region, last entry
			b[off+last] = 255
			return b
		}},
		{"atom out of range", func(b []byte) []byte {
			off, _ := secAt(b, secAtomRefs)
			le.PutUint16(b[off:], 999)
			return b
		}},
		{"key offsets decrease", func(b []byte) []byte {
			off, _ := secAt(b, secKeyOff)
			le.PutUint32(b[off+4:], 1000)
			return b
		}},
		{"posting out of range", func(b []byte) []byte {
			off, _ := secAt(b, secPostings)
			le.PutUint32(b[off:], 4)
			return b
		}},
		{"slot key out of range", func(b []byte) []byte {
			off, n := secAt(b, secSlots)
			for i := off; i < off+n; i += 4 {
				if le.Uint32(b[i:]) == 0 {
					le.PutUint32(b[i:], 1<<slotKeyBits-1)
					break
				}
			}
			return b
		}},
		{"no empty slot", func(b []byte) []byte {
			off, n := secAt(b, secSlots)
			for i := off; i < off+n; i += 4 {
				if le.Uint32(b[i:]) == 0 {
					le.PutUint32(b[i:], 1)
				}
			}
			return b
		}},
		{"country out of range", func(b []byte) []byte {
			off, _ := secAt(b, secCountries)
			le.PutUint32(b[off+4:], 100)
			return b
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decodeIndex(string(tt.damage(slices.Clone(good))))
			if !errors.Is(err, ErrCorruptIndex) {
				t.Errorf("decodeIndex: %v, want ErrCorruptIndex", err)
			}
		})
	}
}

// FuzzDecodeIndex checks that no index file makes decoding or a lookup
// panic or loop: decodeIndex must refuse what the accessors cannot use.
func FuzzDecodeIndex(f *testing.F) {
	good := indexFixture(f)
	f.Add(good)
	f.Add(good[:headerSize])
	f.Add([]byte(indexMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		ix, err := decodeIndex(string(b))
		if err != nil {
			if !errors.Is(err, ErrCorruptIndex) {
				t.Fatalf("error %v does not wrap ErrCorruptIndex", err)
			}
			return
		}
		for i := range ix.n {
			e := ix.entry(int32(i))
			var buf [64]byte
			for _, id := range ix.lookup(Fold(buf[:0], e.Name)) {
				_ = ix.entry(id)
			}
			ix.country(e.CountryCode)
		}
		for _, c := range ix.countries {
			_ = ix.entry(c.entry)
		}
		for _, k := range []string{"", "baku", "lacin", "x"} {
			ix.lookup([]byte(k))
		}
	})
}
