package coder

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/output"
)

// Version is dateline's version as the build records it: the module
// version ("(devel)" for a build from a checkout) and, when the build
// knows it, the VCS revision, marked "+dirty" for uncommitted changes.
func Version() string {
	v := "(unknown)"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v = bi.Main.Version
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		v += " " + rev[:min(12, len(rev))] + dirty
	}
	return v
}

// Provenance returns what a coder loaded with opts would record as its
// provenance, without loading it: the version, a SHA-256 over every
// embedded data file (lexicons, dictionaries, gazetteer) and over the
// user's dictionary files in flag order, and the options that change
// coding. A missing dictionary file is an error, as it is for Load.
func Provenance(opts Options) (output.Provenance, error) {
	h := sha256.New()
	err := fs.WalkDir(data.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS, path)
		if err != nil {
			return err
		}
		// Name and length before the bytes, so that no two sets of
		// files hash alike by shifting bytes from one to the next.
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		return output.Provenance{}, fmt.Errorf("provenance: %w", err)
	}
	fmt.Fprintf(h, "gazetteer\x00%d\x00", len(data.GazetteerIndex))
	io.WriteString(h, data.GazetteerIndex)
	var o []string
	for _, l := range []struct {
		flag  string
		files []string
	}{{"dict", opts.Dicts}, {"petrarch-actors", opts.PetrarchActors}, {"petrarch-agents", opts.PetrarchAgents}} {
		for _, f := range l.files {
			b, err := os.ReadFile(f)
			if err != nil {
				return output.Provenance{}, fmt.Errorf("provenance: %w", err)
			}
			fmt.Fprintf(h, "%s\x00%d\x00", l.flag, len(b))
			h.Write(b)
			// The file's name, not its path: the same dictionary read
			// from another directory codes alike.
			o = append(o, "--"+l.flag+"="+filepath.Base(f))
		}
	}
	return output.Provenance{
		Coder:     "dateline " + Version(),
		Resources: "sha256:" + hex.EncodeToString(h.Sum(nil))[:32],
		Options:   strings.Join(o, " "),
	}, nil
}
