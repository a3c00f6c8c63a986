package coder

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Invented entries in PETRARCH's actor format: one with a malformed date,
// one coded with a CAMEO region, one with a country.
const actorsWithBadLines = `FENWICK_GUARD_ [NORMIL]
DUCHY_OF_SNOW_ [NORGOV 9008223-911221]
GLORIANA_FORCE_ [MEAREB]
ORIENT_BLOC_ [SEA]
`

func TestLoadPetrarch_SkipsMalformedLinesAndRegions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.actors.txt")
	if err := os.WriteFile(path, []byte(actorsWithBadLines), 0o644); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	p, err := loadPetrarch([]string{path}, nil, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatalf("a malformed line failed the whole file: %v", err)
	}
	if log := logged.String(); !strings.Contains(log, "mine.actors.txt") || !strings.Contains(log, "line=2") {
		t.Errorf("the skipped line is not reported with its file and line: %q", log)
	}
	tests := []struct {
		phrase, country, sector string
		found                   bool
	}{
		{"fenwick guard", "NOR", "MIL", true},
		{"gloriana force", "", "REB", true}, // a region is no country
		{"orient bloc", "", "", false},      // a bare region codes no actor
	}
	for _, tt := range tests {
		c, ok := p.Phrase(tt.phrase)
		if ok != tt.found || c.Country != tt.country || c.Sector != tt.sector {
			t.Errorf("Phrase(%q) = %q/%q found %v, want %q/%q found %v", tt.phrase, c.Country, c.Sector, ok, tt.country, tt.sector, tt.found)
		}
	}
}
