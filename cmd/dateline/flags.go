package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/source"
)

// parseArgs parses flags that may come before, between or after the
// positional arguments ("dateline code examples/ --pretty"), which the
// flag package alone stops at. "--" ends flag parsing.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errUsage
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// fs.Parse stops at the first non-flag; "--" is consumed by
		// Parse, so a rest that followed "--" is all positional.
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// listFlag collects a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// mapFlag collects repeatable key=value pairs (--field text=body).
type mapFlag map[string]string

func (m mapFlag) String() string {
	var parts []string
	for k, v := range m {
		parts = append(parts, k+"="+v)
	}
	return strings.Join(parts, ",")
}

func (m mapFlag) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || k == "" || val == "" {
		return fmt.Errorf("want key=value, got %q", v)
	}
	m[k] = val
	return nil
}

// inputFlags are the flags that choose how inputs are read, shared by the
// commands that read documents (code and ingest).
type inputFlags struct {
	format          *string
	fields          mapFlag
	maxDecompressed *int64
	maxDoc          *int64
}

func addInputFlags(fs *flag.FlagSet) *inputFlags {
	f := &inputFlags{
		format: fs.String("format", "", "force the input `format`: "+strings.Join(source.Formats, ", ")),
		fields: mapFlag{},
		maxDecompressed: fs.Int64("max-decompressed-bytes", source.DefaultMaxDecompressedBytes,
			"skip the rest of a compressed file past this many decompressed `bytes`"),
		maxDoc: fs.Int64("max-doc-bytes", source.DefaultMaxDocBytes,
			"skip a document whose text is longer than this many `bytes`"),
	}
	fs.Var(f.fields, "field", "map an input field: `name=input_name` (e.g. text=body); repeatable")
	return f
}

// options checks the flags and builds the reader's options; a bad value is
// printed and returned as errUsage.
func (f *inputFlags) options(cmd string, stderr io.Writer, stdin io.Reader) (source.Options, error) {
	opts := source.Options{
		Format:               *f.format,
		Fields:               f.fields,
		MaxDecompressedBytes: *f.maxDecompressed,
		MaxDocBytes:          *f.maxDoc,
		Stdin:                stdin,
	}
	if *f.maxDecompressed <= 0 || *f.maxDoc <= 0 {
		fmt.Fprintf(stderr, "dateline %s: --max-decompressed-bytes and --max-doc-bytes must be positive\n", cmd)
		return opts, errUsage
	}
	if err := opts.Validate(); err != nil {
		fmt.Fprintf(stderr, "dateline %s: %v\n", cmd, err)
		return opts, errUsage
	}
	return opts, nil
}

// dedupFlags choose near-duplicate detection (issue #18), shared by code
// and ingest. It is off by default for code, whose records otherwise
// each depend on their own document alone, and on for ingest, whose
// store is where reports from many outlets meet and are counted.
type dedupFlags struct {
	on        *bool
	threshold *float64
	minWords  *int
}

func addDedupFlags(fs *flag.FlagSet, on bool) *dedupFlags {
	return &dedupFlags{
		on: fs.Bool("dedup", on, "mark a document whose body repeats an earlier one's with duplicate_of and similarity"),
		threshold: fs.Float64("dedup-threshold", 0.8,
			"least estimated Jaccard `similarity` of 3-word shingles for a duplicate, in (0, 1]; pairs below about 0.6 are missed"),
		minWords: fs.Int("dedup-min-words", dedup.MinWords, "bodies shorter than this many `words` are never duplicates"),
	}
}

// index checks the flags and returns an empty index for one run, or nil
// when detection is off; a bad value is printed and returned as errUsage.
func (f *dedupFlags) index(cmd string, fs *flag.FlagSet, stderr io.Writer) (*dedup.Index, error) {
	if !*f.on {
		// A threshold given with detection off would silently do
		// nothing, which is more likely a forgotten --dedup than intent.
		var set []string
		fs.Visit(func(fl *flag.Flag) {
			if fl.Name == "dedup-threshold" || fl.Name == "dedup-min-words" {
				set = append(set, "--"+fl.Name)
			}
		})
		if len(set) > 0 {
			fmt.Fprintf(stderr, "dateline %s: %s given without --dedup\n", cmd, strings.Join(set, " and "))
			return nil, errUsage
		}
		return nil, nil
	}
	if t := *f.threshold; !(t > 0 && t <= 1) {
		fmt.Fprintf(stderr, "dateline %s: --dedup-threshold must be in (0, 1], got %v\n", cmd, t)
		return nil, errUsage
	}
	if *f.minWords < 1 {
		fmt.Fprintf(stderr, "dateline %s: --dedup-min-words must be positive\n", cmd)
		return nil, errUsage
	}
	ix, err := dedup.NewIndex(dedup.Options{Threshold: *f.threshold, MinWords: *f.minWords})
	if err != nil {
		fmt.Fprintf(stderr, "dateline %s: %v\n", cmd, err)
		return nil, errUsage
	}
	return ix, nil
}
