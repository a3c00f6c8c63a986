package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store/sqlite"
)

// runVersion prints the provenance a coder with the given flags stamps on
// the records it stores (what `ingest --recode` compares), so that a user
// can tell which stored records a recode would change.
func runVersion(_ context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dateline version [--json] [coder flags]\n\nPrints the version and the provenance (coder version, hash of the dictionaries and\ngazetteer, options) that 'ingest' and 'serve' record on the documents they store.\n\nflags:")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print JSON")
	coderFl := addCoderFlags(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "dateline version: unexpected argument %q\n", rest[0])
		return errUsage
	}
	p, err := coder.Provenance(coderFl.options(e.log))
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(struct {
			Version  string `json:"version"`
			Schema   string `json:"schema"`
			Database int    `json:"database_schema"`
			output.Provenance
		}{coder.Version(), output.SchemaVersion, sqlite.SchemaVersion, p})
	}
	fmt.Fprintf(e.stdout, "dateline %s\nschema: %s\ndatabase schema: %d\ncoder: %s\nresources: %s\noptions: %s\n",
		coder.Version(), output.SchemaVersion, sqlite.SchemaVersion, p.Coder, p.Resources, p.Options)
	return nil
}
