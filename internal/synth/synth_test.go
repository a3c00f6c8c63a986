package synth_test

import (
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/synth"
)

func TestGenerator_ReproducibleAndSized(t *testing.T) {
	a, b := synth.New(7, 600), synth.New(7, 600)
	for range 20 {
		x, y := a.Next(), b.Next()
		if x != y {
			t.Fatalf("same seed gave different articles:\n%q\n%q", x.Text, y.Text)
		}
		n := len(strings.Fields(x.Text))
		if n < 550 || n > 750 {
			t.Errorf("article %s has %d words, want about 600", x.ID, n)
		}
	}
	if synth.New(8, 600).Next().Text == synth.New(7, 600).Next().Text {
		t.Error("different seeds gave the same article")
	}
}
