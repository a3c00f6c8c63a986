// Command train trains dateline's dependency parser on UD English EWT and
// writes data/parse/en_ewt.model. Run it from the repository root:
//
//	go run ./internal/parse/train
//
// It reads ../shared/ud/en_ewt-ud-train.conllu, tags it with the text
// layer's tagger (the tags the parser sees at run time), trains for a fixed
// number of epochs in a fixed order, writes the model, reloads it and
// prints its scores on EWT dev and test and on PUD. The same treebank and
// flags always give the same model file, byte for byte.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dateline-project/dateline/internal/parse"
	"github.com/dateline-project/dateline/internal/text"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	ud := fs.String("ud", "", "directory of the UD treebanks (default: ../shared/ud beside the repository root)")
	outPath := fs.String("o", "", "model file to write (default: data/parse/en_ewt.model under the repository root)")
	epochs := fs.Int("epochs", 12, "training epochs")
	tbits := fs.Uint("bits", 18, "log2 rows of the transition table")
	lbits := fs.Uint("label-bits", 16, "log2 rows of the label table")
	xbits := fs.Uint("tag-bits", 16, "log2 rows of the tagger table")
	tagEpochs := fs.Int("tag-epochs", 8, "tagger training epochs")
	folds := fs.Int("folds", 10, "jackknifing folds for the training set's tags")
	ownTagger := fs.Bool("own-tagger", false, "train a tagger of the parser's own for EWT's tags on top of the text layer's (more accurate on EWT, about 10% slower pipeline; the shipped model has none)")
	seed := fs.Uint64("seed", 1, "shuffling and exploration seed")
	exploreFrom := fs.Int("explore-from", 2, "first epoch in which the parser follows its own mistakes")
	exploreProb := fs.Float64("explore-prob", 0.9, "how often it follows them from then on")
	devLog := fs.Bool("dev", false, "score the averaged model on EWT dev after every epoch (slower)")
	goldTags := fs.Bool("gold-tags", false, "train and score with the treebank's XPOS tags instead of predicted ones (to measure what tagging errors cost; never for the shipped model)")
	report := fs.Bool("report", true, "after writing the model, reload it and score EWT dev, EWT test and PUD")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if *ud == "" {
		*ud = filepath.Join(root, "..", "shared", "ud")
	}
	if *outPath == "" {
		*outPath = filepath.Join(root, "data", "parse", "en_ewt.model")
	}

	tm, err := text.LoadTagger()
	if err != nil {
		return err
	}
	wt := tm.NewWordTagger()
	tagger := parse.Tagger(wt.Tag)
	if *goldTags {
		tagger = nil
	}

	train, err := parse.ReadCoNLLUFile(filepath.Join(*ud, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	dev, err := parse.ReadCoNLLUFile(filepath.Join(*ud, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	trainEx, trainAcc := parse.Examples(train, tagger)
	devEx, devAcc := parse.Examples(dev, tagger)
	fmt.Fprintf(out, "EWT train: %d sentences, tagger accuracy %.4f; dev: %d sentences, tagger accuracy %.4f\n",
		len(trainEx), trainAcc, len(devEx), devAcc)

	opt := parse.TrainOptions{
		Epochs: *epochs, TableBits: uint8(*tbits), LabelBits: uint8(*lbits), TagBits: uint8(*xbits),
		TagEpochs: *tagEpochs, TagFolds: *folds, NoTagger: !*ownTagger, Seed: *seed, Log: out,
		ExploreFrom: *exploreFrom, ExploreProb: *exploreProb,
	}
	if *devLog {
		opt.Dev = devEx
	}
	start := time.Now()
	m, err := parse.Train(trainEx, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "trained in %s\n", time.Since(start).Round(time.Second))

	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(out, "wrote %s (%.1f MB)\n", *outPath, float64(buf.Len())/(1<<20))
	if !*report {
		return nil
	}

	start = time.Now()
	loaded, err := parse.Load(buf.Bytes())
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "reloaded in %s\n", time.Since(start).Round(time.Millisecond))
	for _, f := range []struct{ name, file string }{
		{"EWT dev", "en_ewt-ud-dev.conllu"},
		{"EWT test", "en_ewt-ud-test.conllu"},
		{"PUD test", "en_pud-ud-test.conllu"},
	} {
		gold, err := parse.ReadCoNLLUFile(filepath.Join(*ud, f.file))
		if err != nil {
			return err
		}
		r := parse.Evaluate(loaded, gold, tagger)
		fmt.Fprintf(out, "%-9s UAS %.4f  LAS %.4f  (subtypes %.4f)  text tagger %.4f  parser tagger %.4f  %d sentences  %.0f sentences/s\n",
			f.name, r.UAS, r.LAS, r.LASFull, r.TagAccuracy, r.ParserTagAccuracy, r.Sentences, r.SentencesPerSec)
	}
	return nil
}

// repoRoot returns the directory holding go.mod at or above the working
// directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod at or above the working directory; run from the repository")
		}
		dir = parent
	}
}
