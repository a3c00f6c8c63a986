package store_test

import (
	"errors"
	"testing"

	"github.com/dateline-project/dateline/internal/store"
)

func TestFTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"  ":                 "",
		"ceasefire":          `"ceasefire"`,
		"France aid":         `"France" "aid"`,
		"energ*":             `"energ"*`,
		`"OR" NEAR(`:         `"OR" "NEAR("`,
		`"*"`:                "",
		"a\x00b":             `"a" "b"`,
		"bad\xffutf8":        `"bad" "utf8"`,
		"tab\tseparated\nnl": `"tab" "separated" "nl"`,
	} {
		if got := store.FTSQuery(in); got != want {
			t.Errorf("FTSQuery(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestCursor_RoundTrip(t *testing.T) {
	for _, c := range []store.Cursor{{Day: "2024-03-01", Key: 42}, {Day: "", Key: 0}, {Day: "1999-12-31", Key: 1 << 40}} {
		got, ok, err := store.DecodeCursor(store.EncodeCursor(c))
		if err != nil || !ok || got != c {
			t.Errorf("round trip %+v = %+v %v %v", c, got, ok, err)
		}
	}
	if _, ok, err := store.DecodeCursor(""); ok || err != nil {
		t.Errorf("empty cursor: %v %v", ok, err)
	}
	for _, bad := range []string{"!", "YWJj", store.EncodeCursor(store.Cursor{Day: "2024-02-30", Key: 1}), "MjAyNC0wMS0wMXwtMQ"} {
		if _, _, err := store.DecodeCursor(bad); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("DecodeCursor(%q) err = %v", bad, err)
		}
	}
}

func TestClampLimit(t *testing.T) {
	for _, c := range []struct{ in, max, want int }{{0, 500, 100}, {-3, 500, 100}, {1, 500, 1}, {500, 500, 500}, {501, 500, 500}, {0, 50, 50}} {
		if got := store.ClampLimit(c.in, c.max); got != c.want {
			t.Errorf("ClampLimit(%d, %d) = %d, want %d", c.in, c.max, got, c.want)
		}
	}
}

func FuzzDecodeCursor(f *testing.F) {
	f.Add("")
	f.Add(store.EncodeCursor(store.Cursor{Day: "2024-03-01", Key: 7}))
	f.Add("MjAyNC0wMS0wMXwtMQ")
	f.Fuzz(func(t *testing.T, s string) {
		c, ok, err := store.DecodeCursor(s)
		if err != nil || !ok {
			return
		}
		// Whatever decodes must re-encode to a cursor that decodes the same.
		c2, _, err := store.DecodeCursor(store.EncodeCursor(c))
		if err != nil || c2 != c {
			t.Fatalf("%q: %+v then %+v %v", s, c, c2, err)
		}
	})
}

func TestCursor_Sorts(t *testing.T) {
	for _, c := range []store.Cursor{
		{Sort: store.SortDateDesc, Day: "2024-03-01", Key: 9}, {Sort: store.SortConfidence, Conf: 0.85, Key: 3},
		{Sort: store.SortConfidenceDesc, Conf: 1, Key: 0}, {Sort: store.SortConfidence, Conf: 0.1 + 0.2, Key: 7},
	} {
		got, ok, err := store.CursorFor(store.EncodeCursor(c), c.Sort)
		if err != nil || !ok || got != c {
			t.Errorf("round trip %+v = %+v %v %v", c, got, ok, err)
		}
		// Under another sort the cursor is refused, not misread.
		for _, other := range store.Sorts {
			if other == c.Sort {
				continue
			}
			if _, _, err := store.CursorFor(store.EncodeCursor(c), other); !errors.Is(err, store.ErrBadCursor) {
				t.Errorf("%+v under %s: err = %v", c, other, err)
			}
		}
	}
	// A day-order cursor is the same under "" and "date".
	plain := store.EncodeCursor(store.Cursor{Day: "2024-03-01", Key: 4})
	if c, ok, err := store.CursorFor(plain, store.SortDate); err != nil || !ok || c.Key != 4 {
		t.Errorf("date cursor under sort=date: %+v %v %v", c, ok, err)
	}
}

func TestOffset_RoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 500, 1 << 30} {
		if got, err := store.DecodeOffset(store.EncodeOffset(n)); err != nil || got != n {
			t.Errorf("offset %d: %d %v", n, got, err)
		}
	}
	for _, bad := range []string{"!", store.EncodeCursor(store.Cursor{Day: "2024-03-01", Key: 1}), "b2Zmc2V0fi0x"} {
		if _, err := store.DecodeOffset(bad); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("DecodeOffset(%q) err = %v", bad, err)
		}
	}
}

func FuzzDecodeOffset(f *testing.F) {
	f.Add("")
	f.Add(store.EncodeOffset(42))
	f.Add("b2Zmc2V0fi0x")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := store.DecodeOffset(s)
		if err != nil {
			return
		}
		if n < 0 {
			t.Fatalf("%q: negative offset %d", s, n)
		}
		if s != "" {
			if m, err := store.DecodeOffset(store.EncodeOffset(n)); err != nil || m != n {
				t.Fatalf("%q: %d then %d %v", s, n, m, err)
			}
		}
	})
}
