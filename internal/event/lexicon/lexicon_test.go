package lexicon_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	datalex "github.com/dateline-project/dateline/internal/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
)

func load(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Load(data.FS)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return l
}

func TestLoad_Counts(t *testing.T) {
	l := load(t)
	total := 0
	for _, ty := range plover.Types() {
		n := l.Rows(ty)
		total += n
		if n < 25 {
			t.Errorf("%s has %d patterns, want at least 25", ty, n)
		}
	}
	if total < 600 {
		t.Errorf("%d patterns in all, want at least 600", total)
	}
	t.Logf("%d rows, %d expanded triggers", total, l.Len())
}

// modeExceptions lists modes that may go without a trigger, with the
// reason.
var modeExceptions = map[plover.EventType]map[string]string{
	plover.Concede: {
		"withdraw": "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
		"release":  "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
		"return":   "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
		"disarm":   "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
		"access":   "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
		"resign":   "a promise to yield keeps the RETREAT mode it promises (internal/event, promise.go)",
	},
}

func TestLoad_EveryModeHasATrigger(t *testing.T) {
	l := load(t)
	have := map[plover.EventType]map[string]bool{}
	for _, tr := range l.Triggers() {
		if have[tr.Type] == nil {
			have[tr.Type] = map[string]bool{}
		}
		have[tr.Type][tr.Mode] = true
	}
	for _, ty := range plover.Types() {
		for _, m := range plover.Modes(ty) {
			if !have[ty][m] && modeExceptions[ty][m] == "" {
				t.Errorf("%s/%s has no trigger", ty, m)
			}
		}
	}
}

func TestLoad_TriggersAreWellFormed(t *testing.T) {
	l := load(t)
	for _, tr := range l.Triggers() {
		if !tr.Type.Valid() || !plover.ValidMode(tr.Type, tr.Mode) {
			t.Errorf("%s: bad type or mode %s/%s", tr.Rule, tr.Type, tr.Mode)
		}
		if len(tr.Words) == 0 || tr.Words[0] == lexicon.Opt || tr.Words[0] == lexicon.Gap {
			t.Errorf("%s: words %q", tr.Rule, tr.Words)
		}
		if len(tr.Frames) == 0 {
			t.Errorf("%s: no frame", tr.Rule)
		}
		if tr.Confidence <= 0 || tr.Confidence > 1 {
			t.Errorf("%s: confidence %v", tr.Rule, tr.Confidence)
		}
		if !strings.HasPrefix(tr.Rule, "triggers/"+strings.ToLower(string(tr.Type))+".tsv:") {
			t.Errorf("rule %q does not name its file", tr.Rule)
		}
		found := false
		for _, c := range l.Candidates(tr.Words[0]) {
			found = found || c == tr
		}
		if !found {
			t.Errorf("%s: not indexed under %q", tr.Rule, tr.Words[0])
		}
	}
}

// TestCandidates spot-checks lookups: the lemma, and a trigger with the
// given words that Candidates must return with its type and mode.
func TestCandidates(t *testing.T) {
	l := load(t)
	tests := []struct {
		lemma, words string
		ty           plover.EventType
		mode         string
		kind         lexicon.Kind
		frame        string
	}{
		{"accuse", "accuse", plover.Accuse, "allege", lexicon.KindVerb, "subj>obj"},
		{"condemn", "condemn", plover.Accuse, "disapprove", lexicon.KindVerb, "subj>obj"},
		{"condemn", "condemn * to death", plover.Sanction, "convict", lexicon.KindMWE, "subj>obj"},
		{"launch", "launch * investigation", plover.Accuse, "investigate", lexicon.KindMWE, "subj>prep:into"},
		{"call", "call on", plover.Request, "", lexicon.KindMWE, "subj>obj+to-inf"},
		{"urge", "urge", plover.Request, "", lexicon.KindVerb, "subj>obj+to-inf"},
		{"hold", "hold * talks", plover.Consult, "", lexicon.KindMWE, "subj>prep:with"},
		{"talks", "talks", plover.Consult, "", lexicon.KindNoun, "prep:between>none"},
		{"visit", "visit", plover.Consult, "visit", lexicon.KindNoun, "poss>prep:to"},
		{"mediate", "mediate", plover.Consult, "third-party", lexicon.KindVerb, "subj>prep:between"},
		{"impose", "impose * sanctions", plover.Sanction, "", lexicon.KindMWE, "subj>prep:on"},
		{"sever", "sever * ties", plover.Sanction, "discontinue", lexicon.KindMWE, "subj>prep:with"},
		{"open", "open fire", plover.Assault, "firearms", lexicon.KindMWE, "subj>prep:on"},
		{"airstrike", "airstrike", plover.Assault, "aerial", lexicon.KindNoun, "poss>prep:on"},
		{"drone", "drone strike", plover.Assault, "drone", lexicon.KindMWE, "poss>prep:on"},
		{"shelling", "shelling", plover.Assault, "heavy-weapons", lexicon.KindNoun, "poss>prep:of"},
		{"take", "take ... hostage", plover.Assault, "abduct", lexicon.KindMWE, "subj>obj"},
		{"refuse", "refuse to", plover.Reject, "", lexicon.KindMWE, "subj>none"},
		{"agree", "agree to", plover.Agree, "", lexicon.KindMWE, "subj>prep:with"},
		{"sign", "sign * agreement", plover.Support, "", lexicon.KindMWE, "subj>prep:with"},
		{"strike", "strike * deal", plover.Agree, "", lexicon.KindMWE, "subj>prep:with"},
		{"go", "go on * strike", plover.Protest, "strike", lexicon.KindMWE, "subj>none"},
		{"hunger", "hunger strike", plover.Protest, "hunger", lexicon.KindMWE, "poss>none"},
		{"arrest", "arrest", plover.Coerce, "arrest", lexicon.KindVerb, "subj>obj"},
		{"deploy", "deploy ... troops", plover.Mobilize, "troops", lexicon.KindMWE, "subj>prep:to"},
		{"withdrawal", "withdrawal", plover.Retreat, "withdraw", lexicon.KindNoun, "poss>prep:from"},
		{"reopening", "reopening of ... road", plover.Retreat, "access", lexicon.KindMWE, "poss>prep:for"},
		{"release", "release * hostages", plover.Retreat, "release", lexicon.KindMWE, "subj>none"},
		{"threaten", "threaten * to", plover.Threaten, "", lexicon.KindMWE, "subj>none"},
		{"praise", "praise", plover.Support, "", lexicon.KindVerb, "subj>obj"},
		{"apologize", "apologize", plover.Concede, "", lexicon.KindVerb, "subj>prep:to"},
		{"extradite", "extradite", plover.Cooperate, "", lexicon.KindVerb, "subj>obj"},
		{"grant", "grant * asylum", plover.Aid, "", lexicon.KindMWE, "subj>prep:to"},
		{"cyberattack", "cyberattack", plover.Coerce, "cyber", lexicon.KindNoun, "poss>prep:on"},
		{"martial", "martial law", plover.Coerce, "martial-law", lexicon.KindMWE, "poss>prep:in"},
		{"persona", "persona non grata", plover.Sanction, "expel", lexicon.KindMWE, "subj>obj"},
	}
	for _, tt := range tests {
		t.Run(tt.lemma+"/"+tt.words, func(t *testing.T) {
			cands := l.Candidates(tt.lemma)
			if tt.words == "" {
				if len(cands) != 0 {
					t.Fatalf("Candidates(%q) = %d triggers, want none", tt.lemma, len(cands))
				}
				return
			}
			for _, c := range cands {
				if strings.Join(c.Words, " ") != tt.words || c.Kind != tt.kind {
					continue
				}
				if c.Type != tt.ty || c.Mode != tt.mode {
					t.Errorf("%s %q: %s/%s, want %s/%s", c.Rule, tt.words, c.Type, c.Mode, tt.ty, tt.mode)
				}
				if got := c.Frame().String(); got != tt.frame {
					t.Errorf("%s %q: frame %s, want %s", c.Rule, tt.words, got, tt.frame)
				}
				return
			}
			t.Errorf("Candidates(%q) has no %s %q", tt.lemma, tt.kind, tt.words)
		})
	}
}

func TestCandidates_LongestFirst(t *testing.T) {
	l := load(t)
	for _, lemma := range []string{"strike", "hold", "take", "release", "refuse"} {
		cands := l.Candidates(lemma)
		for i := 1; i < len(cands); i++ {
			if cands[i].Len() > cands[i-1].Len() {
				t.Errorf("Candidates(%q): %q before longer %q", lemma, cands[i-1].Words, cands[i].Words)
			}
		}
	}
}

func TestLemma(t *testing.T) {
	l := load(t)
	for form, want := range map[string]string{"fled": "flee", "sought": "seek", "struck": "strike", "withdrew": "withdraw", "held": "hold", "met": "meet", "shot": "shoot", "threw": "throw", "took": "take", "gave": "give", "sent": "send", "led": "lead", "fought": "fight", "brought": "bring", "began": "begin", "expelled": "expel"} {
		if got, ok := l.Lemma(form); !ok || got != want {
			t.Errorf("Lemma(%q) = %q, %v; want %q", form, got, ok, want)
		}
	}
	if _, ok := l.Lemma("accused"); ok {
		t.Error("Lemma(accused) found: regular forms need no row")
	}
}

func TestTriggerHelpers(t *testing.T) {
	l := load(t)
	var tr *lexicon.Trigger
	for _, c := range l.Candidates("hold") {
		if strings.Join(c.Words, " ") == "hold * talks" {
			tr = c
		}
	}
	if tr == nil {
		t.Fatal("no hold * talks")
	}
	if got, want := tr.RecipientPrep(), "with"; got != want {
		t.Errorf("RecipientPrep = %q, want %q", got, want)
	}
	if tr.Noun() || tr.Len() != 2 {
		t.Errorf("Noun = %v, Len = %d", tr.Noun(), tr.Len())
	}
	if tr.NegatedType != plover.Reject || tr.NegatedMode != "meet" {
		t.Errorf("negated = %s/%s, want REJECT/meet", tr.NegatedType, tr.NegatedMode)
	}
}

const header = "pattern\tmode\tcontext\tkind\tframe\tnegated\tconfidence\tnote\n"

// minimal returns a file system with one valid row for every type, and
// the given body in place of the ASSAULT file.
func minimal(assault string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, ty := range plover.Types() {
		fsys["triggers/"+strings.ToLower(string(ty))+".tsv"] = &fstest.MapFile{Data: []byte(header + "x" + strings.ToLower(string(ty)) + "\n")}
	}
	fsys["triggers/assault.tsv"] = &fstest.MapFile{Data: []byte(assault)}
	return fsys
}

func TestLoad_Errors(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"bad mode", header + "attack\tarrest\n", "assault.tsv:2"},
		{"bad context", header + "attack\t\tsports\n", "unknown context"},
		{"bad kind", header + "attack\t\t\tadverb\n", "kind"},
		{"bad frame", header + "attack\t\t\tverb\tsubj-obj\n", "bad frame"},
		{"bad frame slot", header + "attack\t\t\tverb\tsubj>object\n", "unknown slot"},
		{"bad negated", header + "attack\t\t\tverb\t\tDEMAND\n", "negated type"},
		{"bad negated mode", header + "attack\t\t\tverb\t\tREJECT/visit\n", "negated mode"},
		{"bad confidence", header + "attack\t\t\tverb\t\t\t1.5\n", "confidence"},
		{"bad pattern", header + "* attack\n", "bad pattern"},
		{"upper case", header + "Attack\n", "bad pattern"},
		{"duplicate", header + "attack\nattack\n", "duplicates"},
		{"duplicate by expansion", header + "attack/assault\nassault\n", "duplicates"},
		{"missing column", "pattern\tmode\n", "lacks"},
		{"too many fields", header + "a\t\t\t\t\t\t\t\t\textra\n", "fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := lexicon.Load(minimal(tt.body))
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			var le *datalex.LineError
			if tt.name != "missing column" && !errors.As(err, &le) {
				t.Errorf("error %v is not a LineError", err)
			}
		})
	}
	fsys := minimal(header)
	delete(fsys, "triggers/aid.tsv")
	if _, err := lexicon.Load(fsys); err == nil {
		t.Error("Load without aid.tsv succeeded")
	}
	if l, err := lexicon.Load(minimal(header + "fire at\tfirearms\t\tmwe-verb-only\tsubj>obj\n")); err != nil {
		t.Errorf("mwe-verb-only: %v", err)
	} else if c := l.Candidates("fire"); len(c) != 1 || c[0].Kind != lexicon.KindMWE || !c[0].VerbOnly {
		t.Errorf("mwe-verb-only: got %+v, want one verb-only MWE", c)
	}
	if l, err := lexicon.Load(minimal(header + "shell\tfirearms\t\tverb-intransitive\tsubj>prep:at\n")); err != nil {
		t.Errorf("verb-intransitive: %v", err)
	} else if c := l.Candidates("shell"); len(c) != 1 || c[0].Kind != lexicon.KindVerb || !c[0].Intransitive {
		t.Errorf("verb-intransitive: got %+v, want one intransitive verb", c)
	}
	if l, err := lexicon.Load(minimal(header + "open fire\tfirearms\tmilitary\tmwe\tsubj>prep:on\n")); err != nil {
		t.Errorf("minimal lexicon: %v", err)
	} else if _, ok := l.Lemma("fled"); ok {
		t.Error("Lemma without inflections.tsv found a form")
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		in   string
		want []string // expansions joined by spaces
		err  bool
	}{
		{"accuse", []string{"accuse"}, false},
		{"sign * agreement/deal", []string{"sign * agreement", "sign * deal"}, false},
		{"take ... hostage", []string{"take ... hostage"}, false},
		{"call on/upon", []string{"call on", "call upon"}, false},
		{"  cease-fire  ", []string{"cease-fire"}, false},
		{"", nil, true},
		{"*", nil, true},
		{"sign *", nil, true},
		{"... sign", nil, true},
		{"sign * ... deal", nil, true},
		{"sign a//b", nil, true},
		{"sign a/a", nil, true},
		{"Sign", nil, true},
		{"-sign", nil, true},
		{"a b c d e f g h i", nil, true},
		{"a/b/c/d b/c/d/e c/d/e", nil, true},
	}
	for _, tt := range tests {
		got, err := lexicon.ParsePattern(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParsePattern(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err != nil {
			if !errors.Is(err, lexicon.ErrPattern) {
				t.Errorf("ParsePattern(%q) error %v is not ErrPattern", tt.in, err)
			}
			continue
		}
		var joined []string
		for _, e := range got {
			joined = append(joined, strings.Join(e, " "))
		}
		if strings.Join(joined, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ParsePattern(%q) = %q, want %q", tt.in, joined, tt.want)
		}
	}
}

func TestParseFrame(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{"subj>obj", "subj>obj", false},
		{"subj>prep:with", "subj>prep:with", false},
		{"subj>obj+to-inf", "subj>obj+to-inf", false},
		{"poss>prep:of", "poss>prep:of", false},
		{"prep:between>none", "prep:between>none", false},
		{"passive", "prep:by>subj", false},
		{"none>none", "none>none", false},
		{"self>none", "self>none", false},
		{"subj>self", "", true},
		{"subj", "", true},
		{"subj>subj", "", true},
		{"subj+to-inf>obj", "", true},
		{"subj>poss+to-inf", "", true},
		{"subj>prep:", "", true},
		{"subj>prep:With", "", true},
		{"agent>obj", "", true},
		{"subj>obj!", "subj>obj!", false},
		{"subj>obj+to-inf!", "subj>obj+to-inf!", false},
		{"subj>none!", "", true},
		{"subj>obj!!", "", true},
		{"subj!>subj", "", true},
	}
	for _, tt := range tests {
		f, err := lexicon.ParseFrame(tt.in)
		if (err != nil) != tt.err {
			t.Errorf("ParseFrame(%q) error = %v, want error %v", tt.in, err, tt.err)
			continue
		}
		if err == nil && f.String() != tt.want {
			t.Errorf("ParseFrame(%q) = %s, want %s", tt.in, f, tt.want)
		}
		if err != nil && !errors.Is(err, lexicon.ErrFrame) {
			t.Errorf("ParseFrame(%q) error %v is not ErrFrame", tt.in, err)
		}
	}
}
