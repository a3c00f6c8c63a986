package incident

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestDayArithmetic checks epochDay, dayDate and parseDay, which do by
// arithmetic what the time package does, against it: every day from
// 1600 to 2400, and dates as news and broken inputs write them.
func TestDayArithmetic(t *testing.T) {
	start := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	for day := start; day.Year() < 2400; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		n := int32(day.Unix() / 86400)
		if got := epochDay(y, m, d); got != n {
			t.Fatalf("epochDay(%d, %d, %d) = %d, want %d", y, m, d, got, n)
		}
		if gy, gm, gd := dayDate(n); gy != y || gm != m || gd != d {
			t.Fatalf("dayDate(%d) = %d-%d-%d, want %d-%d-%d", n, gy, gm, gd, y, m, d)
		}
		if d == 1 {
			if got, want := epochDay(y, m+1, 1), int32(day.AddDate(0, 1, 0).Unix()/86400); got != want {
				t.Fatalf("epochDay(%d, %d+1, 1) = %d, want %d", y, m, got, want)
			}
		}
	}
	inputs := []string{"2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "2024-04-31", "2024-13-01",
		"2024-00-10", "2024-01-00", "0001-01-01", "0000-03-01", "9999-12-31", "2024-1-01", "2024/01/01",
		"+024-01-01", "2024-01-1x", " 2024-01-01", "2024-01-01T00:00:00Z", "", "2024-06-3", "２０２４-01-01"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		inputs = append(inputs, fmt.Sprintf("%04d-%02d-%02d", rng.IntN(3000), rng.IntN(14), rng.IntN(33)))
	}
	for _, s := range inputs {
		want, err := time.Parse("2006-01-02", s)
		y, m, d, ok := parseDay(s)
		if ok != (err == nil) {
			t.Fatalf("parseDay(%q) ok %v, time.Parse error %v", s, ok, err)
		}
		if wy, wm, wd := want.Date(); ok && (y != wy || m != wm || d != wd) {
			t.Fatalf("parseDay(%q) = %d-%d-%d, want %d-%d-%d", s, y, m, d, wy, wm, wd)
		}
	}
}

// TestEventIndexClash checks that two event ids whose hashes collide are
// both found, each as itself, as a collision forced on the index shows.
func TestEventIndexClash(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a-e1", "b-e1"} {
		c.nodes.push(node{rep: Report{EventID: id}})
		c.byEvent.putHashed(c, 42, id, int32(c.nodes.len()-1))
	}
	for want, id := range []string{"a-e1", "b-e1"} {
		if got, ok := c.byEvent.get(c, 42, id); !ok || got != int32(want) {
			t.Errorf("get(%q) = %d, %v, want %d", id, got, ok, want)
		}
	}
	if _, ok := c.byEvent.get(c, 42, "c-e1"); ok {
		t.Error("an id never filed is found")
	}
}
