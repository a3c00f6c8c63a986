package eval_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dateline-project/dateline/internal/testref"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/eval"
)

// The floors sit just under what dateline reaches today, so that a
// regression fails CI; raise them as the coder improves. The issue's
// targets are higher (GSR micro F1 0.80, actor country 0.85, recipient
// country 0.75, document type 0.80).
const (
	// floorGSRMicroF1 is the principal-event score; floorGSRAllEventsF1
	// counts every asserted event of a sentence.
	//
	// The GSR floors were lowered when event arguments moved to the
	// dependency parse (principal 0.840 -> 0.805, actor country 0.859 ->
	// 0.794, recipient 0.803 -> 0.774): the word-order rules they replace
	// had been fitted to these sentences, and the fast greedy parse
	// misattaches some constructions. See the syntax issue's note.
	//
	// The all-events floor went from 0.69 to 0.68 when a promise to
	// yield became a CONCEDE, as the PLOVER manual codes it (0.694 ->
	// 0.683): the GSR, converted from CAMEO, codes "will release" and
	// "is willing to withdraw" as AGREE (CAMEO 035, "express intent to
	// yield"), so AGREE-0025, AGREE-0034 and DISAPPROVE-0008 each lose
	// an AGREE and gain a CONCEDE. The same two sentences cost the
	// principal score 0.007, which the background cues won back. The
	// principal floor went from 0.80 to 0.79 when a nominal agreed to
	// or offered ("agreed to a ceasefire", "offered concessions") became
	// a promise like an infinitive (0.808 -> 0.795): two more sentences
	// whose CAMEO-derived gold says AGREE.
	//
	// The country floors rose when a participant with a role and no
	// country took its sentence's place's country, as ACLED codes
	// unidentified actors (actor 0.790 -> 0.831, recipient 0.779 ->
	// 0.796).
	// Raised at 0.703 all events and 0.832 recipient country; the
	// country floors again at 0.846 and 0.858, when the parse repairs
	// of a comma before an attributive finite verb and of "that"
	// clauses found actors and recipients. Raised again at 0.810
	// principal, 0.716 all events, 0.872 actor and 0.870 recipient,
	// after unattributed attacks took unidentified armed forces as
	// their actors and intentions reached down purpose clauses.
	floorGSRMicroF1      = 0.80
	floorGSRAllEventsF1  = 0.70
	floorGSRActorCountry = 0.86
	floorGSRRecipient    = 0.85
	// The document floors score the story stage's main_event: 0.817
	// with titles and 0.424 from the bodies alone (eval docs
	// -no-titles) when it replaced the scorer's own model (0.810 and
	// 0.408); raised to 0.82 and 0.43 at 0.825 and 0.443.
	floorDocsAccuracy     = 0.82
	floorDocsBodyAccuracy = 0.43
	floorQuoteSpanF1      = 0.99
	// 0.940 before description speakers: this set leaves unnamed
	// speakers ("a resident said") null, while the attribution issue
	// asks for the description, which the newer set's gold gives.
	floorQuoteSpeaker = 0.91
	// The second quote set (once "held-out") was written blind; its first score was
	// span F1 0.973, speaker 0.760. Rules fixed since have seen it.
	floorSecondSpanF1  = 0.99
	floorSecondSpeaker = 0.84
	// The own place sets were written when countries and first-level
	// divisions sat at points of dateline's own making (a country at its
	// capital); the gazetteer now follows GeoNames, so their coordinates
	// for those entries are off by convention, not by error. They stay
	// regression tests, unchanged, scored by exact GeoNames id where the
	// gold has one; distance is measured on real news (places-news-dev).
	floorPlaceToponymF1 = 0.98
	floorPlaceExactID   = 0.98
	// The held-out place set was written blind and is still unseen by
	// the rules: its floors sit under its first score (F1 0.982, 0.972).
	floorHeldoutPlaceF1      = 0.97
	floorHeldoutPlaceExactID = 0.96
)

// Real-news place floors, per corpus of ../shared/eval/places-news-dev.jsonl
// (toponym F1, within 161 km). They sit just under the measured figures;
// the geoparsing issue's targets are 0.85 and 0.90.
var floorPlacesNews = map[string][2]float64{
	"GeoVirus": {0.90, 0.84},
	"TR-News":  {0.86, 0.90},
}

// Attribution floors, on testdata/eval/attribution-news.jsonl, written for
// issue 14 before the quote rules changed. They sit just under the first
// score of the rules as they were (span F1 0.795, speaker by span 0.588,
// by person 0.576, saying-verb subset 0.610 and 0.598, indirect recall by
// overlap 0.475 at precision 1.000; all 5 titles reported as quotes). The
// issue's targets are person 0.85, saying-verb span 0.90 and indirect
// recall 0.70 at precision 0.85: raise these as the rules get there.
// Raised after speakers came from the parse (span F1 0.876, by span
// 0.840, by person 0.740, saying verb 0.863 and 0.758, indirect recall
// 0.850 at precision 0.971). Raised again after two-apostrophe marks,
// titles, dash bylines and transcript labels (span F1 0.950, by span
// 0.964, by person 0.865, saying verb 0.960 and 0.851, indirect recall
// 0.900 at precision 1.000; no title reported as a quote), and the
// by-person floors once more after pronouns came to agree with their
// antecedents in gender and number (by person 0.937, saying verb by
// person 0.931).
const (
	floorAttrSpanF1          = 0.94
	floorAttrSpeakerBySpan   = 0.95
	floorAttrSpeakerByPerson = 0.92
	floorAttrSayingBySpan    = 0.95
	floorAttrSayingByPerson  = 0.92
	floorAttrIndirectRecall  = 0.89
	// Indirect precision is floored at the 0.85, not just under
	// 1.000: loosening the indirect rules, at some cost in precision, is
	// the fix the issue expects.
	floorAttrIndirectPrec = 0.85
	// ceilingAttrTitlesAsQuotes is how many of the set's titles may be
	// reported as quotes: none is, since titles got a kind of their own.
	ceilingAttrTitlesAsQuotes = 0
)

var loaded *coder.Coder

func load(t *testing.T) *coder.Coder {
	t.Helper()
	if loaded == nil {
		c, err := coder.Load(coder.Options{Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		loaded = c
	}
	return loaded
}

func atLeast(t *testing.T, name string, got, floor float64) {
	t.Helper()
	t.Logf("%s = %.3f (floor %.2f)", name, got, floor)
	if got < floor {
		t.Errorf("%s = %.3f, below the floor %.2f", name, got, floor)
	}
}

func TestFloors_PloverGSR(t *testing.T) {
	recs, err := eval.ReadGSRFile(testref.Shared(t, "eval/plover-gsr-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScoreGSR(context.Background(), load(t), recs)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "GSR micro F1 (principal event)", rep.Micro.F1, floorGSRMicroF1)
	atLeast(t, "GSR micro F1 (all events)", rep.AllEvents.Micro.F1, floorGSRAllEventsF1)
	atLeast(t, "GSR actor country accuracy", rep.ActorCountry.Value, floorGSRActorCountry)
	atLeast(t, "GSR recipient country accuracy", rep.RecipientCountry.Value, floorGSRRecipient)
}

func TestFloors_Docs(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 2,311 stories twice")
	}
	docs, err := eval.ReadLabelledCSVFile(testref.Shared(t, "eval/ngec-synthetic-dev.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		opts  eval.DocsOptions
		floor float64
	}{
		{"document-type accuracy", eval.DocsOptions{}, floorDocsAccuracy},
		{"document-type accuracy, body only", eval.DocsOptions{NoTitles: true}, floorDocsBodyAccuracy},
	} {
		rep, err := eval.ScoreDocs(context.Background(), load(t), docs, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		atLeast(t, tc.name, rep.Accuracy.Value, tc.floor)
	}
}

func TestFloors_Quotes(t *testing.T) {
	gold, err := eval.ReadQuoteGoldFile(filepath.Join(testref.RepoRoot(t), "testdata", "eval", "quotes.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScoreQuotes(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "quote-span F1", rep.Spans.F1, floorQuoteSpanF1)
	atLeast(t, "speaker accuracy", rep.Speaker.Value, floorQuoteSpeaker)
}

func TestFloors_QuotesSecond(t *testing.T) {
	gold, err := eval.ReadQuoteGoldFile(filepath.Join(testref.RepoRoot(t), "testdata", "eval", "quotes-second.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScoreQuotes(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "second set quote-span F1", rep.Spans.F1, floorSecondSpanF1)
	atLeast(t, "second set speaker accuracy", rep.Speaker.Value, floorSecondSpeaker)
}

func TestFloors_Attribution(t *testing.T) {
	gold, err := eval.ReadQuoteGoldFile(filepath.Join(testref.RepoRoot(t), "testdata", "eval", "attribution-news.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScoreQuotes(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "attribution quote-span F1", rep.Spans.F1, floorAttrSpanF1)
	atLeast(t, "attribution speaker by span", rep.SpeakerBySpan.Value, floorAttrSpeakerBySpan)
	atLeast(t, "attribution speaker by person", rep.SpeakerByPerson.Value, floorAttrSpeakerByPerson)
	atLeast(t, "attribution saying-verb speaker by span", rep.SayingVerb.BySpan.Value, floorAttrSayingBySpan)
	atLeast(t, "attribution saying-verb speaker by person", rep.SayingVerb.ByPerson.Value, floorAttrSayingByPerson)
	atLeast(t, "attribution indirect recall by overlap", rep.IndirectOverlap.Recall, floorAttrIndirectRecall)
	atLeast(t, "attribution indirect precision by overlap", rep.IndirectOverlap.Precision, floorAttrIndirectPrec)
	t.Logf("titles reported as quotes: %d of %d (ceiling %d)", rep.Titles.AsQuotes, rep.Titles.Gold, ceilingAttrTitlesAsQuotes)
	if rep.Titles.AsQuotes > ceilingAttrTitlesAsQuotes {
		t.Errorf("%d titles reported as quotes, ceiling %d", rep.Titles.AsQuotes, ceilingAttrTitlesAsQuotes)
	}
}

func TestFloors_Places(t *testing.T) {
	gold, err := eval.ReadPlaceGoldFile(filepath.Join(testref.RepoRoot(t), "testdata", "eval", "places.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScorePlaces(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "toponym F1", rep.All.Toponyms.F1, floorPlaceToponymF1)
	atLeast(t, "resolution exact id", rep.All.ExactID.Value, floorPlaceExactID)
}

func TestFloors_PlacesHeldout(t *testing.T) {
	gold, err := eval.ReadPlaceGoldFile(filepath.Join(testref.RepoRoot(t), "testdata", "eval", "places-heldout.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScorePlaces(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	atLeast(t, "held-out toponym F1", rep.All.Toponyms.F1, floorHeldoutPlaceF1)
	atLeast(t, "held-out resolution exact id", rep.All.ExactID.Value, floorHeldoutPlaceExactID)
}

func TestFloors_PlacesRealNews(t *testing.T) {
	gold, err := eval.ReadPlaceGoldFile(testref.Shared(t, "eval/places-news-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.ScorePlaces(context.Background(), load(t), gold)
	if err != nil {
		t.Fatal(err)
	}
	for corpus, floor := range floorPlacesNews {
		s := rep.Corpora[corpus]
		if s == nil {
			t.Fatalf("corpus %s missing from the report", corpus)
		}
		atLeast(t, corpus+" toponym F1", s.Toponyms.F1, floor[0])
		atLeast(t, corpus+" within 161 km", s.Within161.Value, floor[1])
	}
}
