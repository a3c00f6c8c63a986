package petrarch_test

import (
	"slices"
	"testing"

	"github.com/dateline-project/dateline/internal/actor/petrarch"
)

// TestStateCodes: the codes the API accepts besides ISO alpha-3 are the
// ones SplitCode gives for former states, never a region.
func TestStateCodes(t *testing.T) {
	codes := petrarch.StateCodes()
	for _, c := range []string{"SUN", "YUG", "DDR"} {
		if !slices.Contains(codes, c) {
			t.Errorf("%s missing from %v", c, codes)
		}
	}
	for _, c := range []string{"MEA", "USA", "ROM"} {
		if slices.Contains(codes, c) {
			t.Errorf("%s in %v", c, codes)
		}
	}
	for _, cameo := range []string{"USR", "GME"} {
		if got, _ := petrarch.SplitCode(cameo); !slices.Contains(codes, got) {
			t.Errorf("SplitCode(%s) = %s, not among %v", cameo, got, codes)
		}
	}
}
