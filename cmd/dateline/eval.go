package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/eval"
	"github.com/dateline-project/dateline/internal/text"
)

// evalReport is what every scorer returns: printable for people, and
// encodable as JSON for machines.
type evalReport interface {
	Write(w io.Writer, errors int)
}

func runEval(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, `usage: dateline eval [flags] KIND FILE

Scores dateline against a gold file. KIND is one of:
  plover  PLOVER gold-standard sentences (JSON array): event type P/R/F1,
          actor and recipient country accuracy, confusion table
  docs    labelled stories (CSV: id,title,text,label[,mode]): main event
          type accuracy and macro F1 (-no-titles: of the bodies alone)
  quotes  dateline quote gold (JSON Lines): quote-span F1, speaker accuracy;
          with speaker_mention/saying_verb gold, speaker by span and by
          person overall and with a verb of saying, indirect speech by
          overlap, titles taken for quotes, and a table per passage class
  places  dateline place gold (JSON Lines): toponym P/R, resolution accuracy

flags:`)
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print the report as JSON")
	errorsN := fs.Int("errors", 0, "print `N` misses with their evidence")
	noTitles := fs.Bool("no-titles", false, "docs: code the bodies alone, leaving the titles out")
	args, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(args) != 2 {
		fs.Usage()
		return errUsage
	}
	kind, path := args[0], args[1]
	if kind == "parse" {
		// The parser needs the text layer only, not the whole coder.
		gold, err := eval.ReadCoNLLUFile(path)
		if err != nil {
			return err
		}
		m, err := text.LoadModel()
		if err != nil {
			return err
		}
		r, err := eval.ScoreParse(m, gold)
		if err != nil {
			return err
		}
		return writeReport(e, r, *asJSON, *errorsN)
	}
	c, err := coder.Load(coder.Options{Workers: 1})
	if err != nil {
		return err
	}
	var rep evalReport
	switch kind {
	case "plover":
		recs, err := eval.ReadGSRFile(path)
		if err != nil {
			return err
		}
		r, err := eval.ScoreGSR(ctx, c, recs)
		if err != nil {
			return err
		}
		rep = r
	case "docs":
		docs, err := eval.ReadLabelledCSVFile(path)
		if err != nil {
			return err
		}
		r, err := eval.ScoreDocs(ctx, c, docs, eval.DocsOptions{NoTitles: *noTitles})
		if err != nil {
			return err
		}
		rep = r
	case "quotes":
		gold, err := eval.ReadQuoteGoldFile(path)
		if err != nil {
			return err
		}
		r, err := eval.ScoreQuotes(ctx, c, gold)
		if err != nil {
			return err
		}
		rep = r
	case "places":
		gold, err := eval.ReadPlaceGoldFile(path)
		if err != nil {
			return err
		}
		r, err := eval.ScorePlaces(ctx, c, gold)
		if err != nil {
			return err
		}
		rep = r
	default:
		fmt.Fprintf(e.stderr, "dateline eval: unknown kind %q\n", kind)
		fs.Usage()
		return errUsage
	}
	return writeReport(e, rep, *asJSON, *errorsN)
}

func writeReport(e *env, rep evalReport, asJSON bool, errorsN int) error {
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.Write(e.stdout, errorsN)
	return nil
}
