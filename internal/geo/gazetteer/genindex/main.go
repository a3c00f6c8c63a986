// Command genindex writes data/gazetteer/places.idx, the flat index that
// gazetteer.Load slices at start-up, from the gazetteer's TSV sources
// (places.tsv.gz, country_centres.tsv, regions.tsv, aliases.tsv). It is
// the second step of go generate ./internal/geo/gazetteer and needs
// nothing but the repository, so after editing a hand-written file run
// just
//
//	go run ./internal/geo/gazetteer/genindex -data data
//
// or the whole go generate if the npm and Debian sources are installed.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

func main() {
	dataDir := flag.String("data", "../../../data", "the repository's data directory")
	flag.Parse()
	if err := run(*dataDir); err != nil {
		slog.Error("gazetteer genindex", "err", err)
		os.Exit(1)
	}
}

func run(dataDir string) error {
	b, err := gazetteer.IndexBytes(os.DirFS(dataDir))
	if err != nil {
		return err
	}
	out := filepath.Join(dataDir, "gazetteer", "places.idx")
	// Write then rename, so that a failed run leaves the old index whole.
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}
