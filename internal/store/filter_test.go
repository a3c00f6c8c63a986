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
