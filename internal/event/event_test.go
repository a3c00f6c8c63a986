package event_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/actortest"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/event"
	"github.com/dateline-project/dateline/internal/event/lexicon"
	"github.com/dateline-project/dateline/internal/plover"
	"github.com/dateline-project/dateline/internal/quote"
	"github.com/dateline-project/dateline/internal/text"
	"github.com/dateline-project/dateline/internal/when"
)

// testLexicon is a handful of triggers written for these tests, so the
// clause rules are tested apart from the full lexicon.
type testLexicon map[string][]*lexicon.Trigger

func (l testLexicon) Candidates(lemma string) []*lexicon.Trigger { return l[lemma] }

// Lemma knows the irregular forms the tests use.
func (l testLexicon) Lemma(w string) (string, bool) {
	switch w {
	case "held":
		return "hold", true
	case "cancelled":
		return "cancel", true
	}
	return "", false
}

func newTestLexicon(t *testing.T) testLexicon {
	l := testLexicon{}
	add := func(pattern, typ, mode string, kind lexicon.Kind, frame, negType string) {
		var frames []lexicon.Frame
		for _, spec := range strings.Split(frame, "|") {
			f, err := lexicon.ParseFrame(spec)
			if err != nil {
				t.Fatal(err)
			}
			frames = append(frames, f)
		}
		words := strings.Fields(pattern)
		l[words[0]] = append(l[words[0]], &lexicon.Trigger{Type: plover.EventType(typ), Mode: mode, Words: words, Kind: kind,
			Frames: frames, NegatedType: plover.EventType(negType), Confidence: 0.9, Rule: "test:" + pattern})
	}
	add("accuse", "ACCUSE", "allege", lexicon.KindVerb, "subj>obj", "")
	add("attack", "ASSAULT", "", lexicon.KindVerb, "subj>obj", "")
	add("shell", "ASSAULT", "heavy-weapons", lexicon.KindVerb, "subj>obj", "")
	add("discuss", "CONSULT", "", lexicon.KindVerb, "subj>prep:with", "REJECT")
	add("sign", "AGREE", "", lexicon.KindVerb, "subj>prep:with", "")
	add("urge", "REQUEST", "", lexicon.KindVerb, "subj>obj", "")
	add("call on", "REQUEST", "", lexicon.KindMWE, "subj>prep:on", "")
	add("refuse to", "REJECT", "", lexicon.KindMWE, "subj>obj", "")
	add("accept", "AGREE", "", lexicon.KindVerb, "subj>obj", "")
	add("block", "COERCE", "", lexicon.KindVerb, "subj>obj", "")
	add("opening", "RETREAT", "access", lexicon.KindNoun, "poss>prep:for", "")
	add("detain", "COERCE", "arrest", lexicon.KindVerb, "subj>obj", "")
	add("deny", "REJECT", "", lexicon.KindVerb, "subj>obj", "")
	add("meeting", "CONSULT", "", lexicon.KindNoun, "poss>prep:with", "")
	add("meet", "CONSULT", "", lexicon.KindVerb, "subj>obj", "")
	add("sexually abuse", "ASSAULT", "sexual", lexicon.KindMWE, "subj>obj", "")
	add("protest", "PROTEST", "demo", lexicon.KindVerb, "subj>prep:against", "")
	add("threaten to impose", "THREATEN", "", lexicon.KindMWE, "subj>obj", "")
	add("threaten to ban", "THREATEN", "ban", lexicon.KindMWE, "subj>none", "")
	add("evacuate", "RETREAT", "withdraw", lexicon.KindVerb, "subj>prep:from", "")
	add("sanctions", "SANCTION", "", lexicon.KindNoun, "poss>prep:on", "")
	add("riots", "PROTEST", "riot", lexicon.KindNoun, "poss>obj", "")
	add("detention", "COERCE", "arrest", lexicon.KindNoun, "poss>prep:of", "")
	add("arrest", "COERCE", "arrest", lexicon.KindNoun, "prep:by>prep:of|poss>prep:of|prep:by>poss", "")
	add("talks", "CONSULT", "", lexicon.KindNoun, "prep:between>none|poss>prep:with", "")
	add("raid", "ASSAULT", "", lexicon.KindVerb, "subj>obj", "")
	add("mobilise", "MOBILIZE", "troops", lexicon.KindVerb, "subj>obj", "")
	add("attack", "ASSAULT", "", lexicon.KindNoun, "poss>prep:on", "")
	add("evict * inspector", "SANCTION", "expel", lexicon.KindMWE, "subj>none", "")
	add("barrage", "ASSAULT", "", lexicon.KindNoun, "poss>prep:on", "")
	add("commit to", "AGREE", "", lexicon.KindMWE, "subj>prep:to", "")
	add("tank fire", "ASSAULT", "heavy-weapons", lexicon.KindMWE, "poss>prep:on", "")
	add("expect that", "REQUEST", "", lexicon.KindMWE, "subj>obj", "")
	add("seek", "REQUEST", "", lexicon.KindVerb, "subj>prep:from", "")
	add("release", "RETREAT", "release", lexicon.KindVerb, "subj>obj!", "")
	add("clash", "ASSAULT", "", lexicon.KindVerb, "subj>prep:with", "")
	// "offer" has two frames: an indirect object, else a to-phrase.
	iobj, _ := lexicon.ParseFrame("subj>iobj")
	to, _ := lexicon.ParseFrame("subj>prep:to")
	l["offer"] = append(l["offer"], &lexicon.Trigger{Type: "AGREE", Words: []string{"offer"}, Kind: lexicon.KindVerb,
		Frames: []lexicon.Frame{iobj, to}, Confidence: 0.9, Rule: "test:offer"})
	return l
}

type testOntology struct{}

// Quad knows the quads the intent rules test.
func (testOntology) Quad(typ plover.EventType) string {
	switch typ {
	case "CONSULT":
		return "verbal cooperation"
	case "RETREAT":
		return "material cooperation"
	case "COERCE":
		// Only COERCE, so that the modality tests keep their ASSAULT.
		return "material conflict"
	case "REJECT":
		return "verbal conflict"
	}
	return "q"
}
func (testOntology) CameoRoot(plover.EventType, string) string  { return "00" }
func (testOntology) Intensity(plover.EventType, string) float64 { return 1 }
func (testOntology) DefaultMode(plover.EventType) string        { return "" }

var model *text.Model

func code(t *testing.T, body string) *doc.Doc {
	t.Helper()
	return codeDoc(t, &doc.Doc{ID: "t", Text: body, Published: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)})
}

func codeDoc(t *testing.T, d *doc.Doc) *doc.Doc {
	t.Helper()
	return codeDocWith(t, d, newTestLexicon(t))
}

// codeDocWith codes d with the given trigger lexicon.
func codeDocWith(t *testing.T, d *doc.Doc, lex event.Lexicon) *doc.Doc {
	t.Helper()
	return codeDocWithCoder(t, d, event.New(lex, testOntology{}, when.ForSpan, testGovernors(t)).WithBackground(testBackground(t)).WithCyber(testCyber(t)))
}

// codeDocWithCoder codes d with the given event coder after the stages it
// requires.
func codeDocWithCoder(t *testing.T, d *doc.Doc, ec *event.Coder) *doc.Doc {
	t.Helper()
	if model == nil {
		m, err := text.LoadModel()
		if err != nil {
			t.Fatal(err)
		}
		model = m
	}
	cues, err := quote.LoadCues()
	if err != nil {
		t.Fatal(err)
	}
	times, err := when.NewResolver()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []interface {
		Process(context.Context, *doc.Doc) error
	}{
		text.NewAnnotator(model), actor.New(actortest.Dict()).WithSpeechVerbs(cues.SpeechVerb).NewStage(), quote.New(cues), times.NewStage(),
		ec.NewStage(),
	} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func codes(as []doc.EventActor) string {
	var out []string
	for _, a := range as {
		out = append(out, a.CountryCode)
	}
	return strings.Join(out, "+")
}

// describe renders an event as TYPE actor>recipient with flags.
func describe(d *doc.Doc, ev doc.Event) string {
	s := fmt.Sprintf("%s %s>%s", ev.Type, codes(ev.Actors), codes(ev.Recipients))
	if ev.Negated {
		s += " negated"
	}
	if ev.Aux != 0 {
		s += " aux=" + strings.Join(ev.Aux.Names(), ",")
	}
	if ev.ClaimedBy >= 0 {
		s += " claimed_by=" + d.Entities[ev.ClaimedBy].Name
	}
	return s
}

// checkQuoteLink checks that an event names the statement its trigger
// is in, and only that one.
func checkQuoteLink(t *testing.T, d *doc.Doc, ev doc.Event) {
	t.Helper()
	in := -1
	for qi, q := range d.Quotes {
		if q.Kind != doc.ScareQuote && q.Start <= ev.Evidence.Trigger.Start && ev.Evidence.Trigger.End <= q.End {
			in = qi
		}
	}
	if ev.Quote != in {
		t.Errorf("%s: quote = %d, want %d", ev.Type, ev.Quote, in)
	}
	if ev.ClaimedBy >= 0 && ev.Quote < 0 {
		t.Errorf("%s: claimed outside any quote", ev.Type)
	}
}

// coderCase is a sentence and the events it must code, each rendered
// by describe.
type coderCase struct {
	name string
	text string
	want []string
}

// checkCases codes each case's sentence and compares its events.
func checkCases(t *testing.T, tests []coderCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			var got []string
			for _, ev := range d.Events {
				got = append(got, describe(d, ev))
				if ev.Rule == "" || ev.Evidence.Trigger.End <= ev.Evidence.Trigger.Start {
					t.Errorf("event without rule or trigger evidence: %+v", ev)
				}
				checkQuoteLink(t, d, ev)
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCoder(t *testing.T) {
	checkCases(t, []coderCase{
		{"subject and object", "Armenia accused Azerbaijan of shelling villages.", []string{"ACCUSE ARM>AZE"}},
		{"passive with by-agent", "Armenian villages were shelled by Azerbaijani troops.", []string{"ASSAULT AZE>ARM"}},
		{"a demonym on the object names the recipient", "Azerbaijan shelled Armenian villages.", []string{"ASSAULT AZE>ARM"}},
		{"passive subject is the recipient", "Kenya was attacked by Russia.", []string{"ASSAULT RUS>KEN"}},
		{"what is offered to someone is no recipient", "Hungary offered its troops to the president of Romania.", []string{"AGREE HUN>ROU"}},
		{"an indirect object before what is offered", "Hungary offered Romania new talks.", []string{"AGREE HUN>ROU", "CONSULT HUN> aux=complement"}},
		{"a nominal pattern run into a verb takes the mention it starts in as actor",
			"Russian tanks fired on Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"negation recodes CONSULT as REJECT", "Azerbaijan will not discuss the issue with Armenia.", []string{"REJECT AZE>ARM aux=future"}},
		{"negation without a recoding marks the event", "Romania did not sign the deal with Hungary.", []string{"AGREE ROU>HUN negated"}},
		{"a negation before verbs joined by or denies each", "Romania did not attack or shell Hungary.", []string{"ASSAULT ROU>HUN negated", "ASSAULT ROU>HUN negated"}},
		{"a verb after and keeps its own polarity", "Romania did not attack Hungary and shelled Kenya.", []string{"ASSAULT ROU>HUN negated", "ASSAULT ROU>KEN"}},
		{"compound actors", "Hungary and Romania urged Russia to withdraw.", []string{"REQUEST HUN+ROU>RUS"}},
		{"an infinitive complement is marked as such", "Armenia refused to accept the proposal.", []string{"REJECT ARM>", "AGREE ARM> aux=complement"}},
		{"relative clause subject and shared subject",
			"It is the regime in Sukhumi that blocks the road, refuses to accept aid from Azerbaijan.",
			[]string{"COERCE GEO>", "REJECT GEO>AZE", "AGREE GEO>AZE aux=complement"}},
		{"nominal event with a for-phrase", "The opening of the road for the World Food Programme began on Monday.", []string{"RETREAT >UNO"}},
		{"reported speech is claimed by the speaker",
			"Leyla Karimova, the foreign minister of Azerbaijan, said that Armenia attacked Azerbaijan.",
			[]string{"ASSAULT ARM>AZE claimed_by=Leyla Karimova"}},
		{"a quote's events are claimed",
			`"Armenia attacked our border posts," Leyla Karimova said.`,
			[]string{"ASSAULT ARM> claimed_by=Leyla Karimova"}},
		{"a statement that another actor must act is a request",
			"Leyla Karimova, the foreign minister of Azerbaijan, said that Armenia must release the detainees.",
			[]string{"REQUEST AZE>ARM"}},
		{"no event from a scare-quoted term", `Officials mocked the "blockade" claims.`, nil},
		{"no event from a quoted title", `The book "Russian attacks on Kenya" sold well.`, nil},
		{"a headline verb the tagger reads as a noun", "Hungary and Romania sign peace accord", []string{"AGREE HUN>ROU"}},
		{"a noun after an actor in a sentence with a verb stays a noun", "Hungary sign language was taught in schools.", nil},
		{"an infinitive after a trigger ending in to is its complement", "Armenia refuses to accept the proposal.", []string{"REJECT ARM>", "AGREE ARM> aux=complement"}},
		{"an attack by hackers is a cyber attack", "Hackers attacked Kenya.", []string{"COERCE >KEN"}},
		{"an attack without cyber words stays an assault", "Russian troops attacked Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"a capitalised first word is read as a common noun", "Riots hit Kenya.", []string{"PROTEST >KEN"}},
		{"a raid by the police is coercion", "Kenyan police raided the offices of Russian journalists.", []string{"COERCE KEN>RUS"}},
		{"a raid by troops is an assault", "Russian troops raided a village in Kenya.", []string{"ASSAULT RUS>"}},
		{"a partitive head lets its of-phrase be the subject", "Thousands of Kenyans attacked Russia.", []string{"ASSAULT KEN>RUS"}},
		{"a passive subject's prepositional phrase names the recipient", "A camp for Armenian refugees was attacked by Azerbaijani troops.", []string{"ASSAULT AZE>ARM"}},
		{"against a state outranks an object with no country", "Russia mobilised troops against Kenya.", []string{"MOBILIZE RUS>KEN"}},
		{"the subject of a reported clause follows the verb of saying", "Romania said Russia attacked Kenya.", []string{"ASSAULT RUS>KEN claimed_by=Romania"}},
		{"a pronoun after a verb of saying stands for the reporter", "Romania said it would urge Kenya to withdraw.", []string{"REQUEST ROU>KEN aux=hypothetical"}},
		{"a conjunct clause with a subject of its own keeps it", "Russia attacked Kenya, and then Armenia attacked Hungary.", []string{"ASSAULT RUS>KEN", "ASSAULT ARM>HUN"}},
		{"a subordinate clause keeps its own subject", "Russia attacked Kenya, while Armenia attacked Hungary.", []string{"ASSAULT RUS>KEN", "ASSAULT ARM>HUN"}},
		{"a support verb's subject acts its nominal object", "Russia launched a fresh attack on Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"a verb that judges a nominal event does not act it", "Russia condemned the attack on Kenya.", []string{"ASSAULT >KEN"}},
		{"the owner of a trigger's object after it is the recipient", "Armenia evicted inspectors of the World Food Programme.", []string{"SANCTION ARM>UNO"}},
		{"the owner of a trigger's object inside it is the recipient", "Armenia evicted Russian inspectors.", []string{"SANCTION ARM>RUS"}},
		{"the recipient search does not enter a relative clause", "Russia mobilised reserves near the border, where Kenya held drills.", []string{"MOBILIZE RUS>"}},
		{"a weapon verb's subject acts its nominal object", "Russia fired a barrage on Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"a participle trigger ending in to is no passive", "Armenia is committed to Kenya.", []string{"AGREE ARM>KEN"}},
		{"a coordinated verb's subject is not the first verb's object", "A bomb attacked Armenian villages and shelled Kenya.", []string{"ASSAULT >ARM", "ASSAULT >KEN"}},
		{"conditional", "If talks fail, Russia could attack Kenya.", []string{"ASSAULT RUS>KEN aux=hypothetical,conditional"}},
		{"a support verb's subject is the nominal's actor", "Russia launched an attack on Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"a support verb's modality is the nominal's", "Russia will launch an attack on Kenya.", []string{"ASSAULT RUS>KEN aux=future"}},
		{"a negated support verb negates the nominal", "Russia did not launch an attack on Kenya.", []string{"ASSAULT RUS>KEN negated"}},
		{"a verb with a meaning of its own does not lend its subject", "Russia condemned the attack on Kenya.", []string{"ASSAULT >KEN"}},
		{"a noun modifying another noun is no event", "Kenya bought attack helicopters from Russia.", nil},
		{"a stated readiness to meet is an AGREE", "Kenya is ready to meet Russia.", []string{"AGREE KEN>RUS"}},
		{"a bare future meeting stays a CONSULT", "Kenya will meet Russia.", []string{"CONSULT KEN>RUS aux=future"}},
		{"an expression may start with an adverb", "Russian troops sexually abused Kenyan detainees.", []string{"ASSAULT RUS>KEN"}},
		{"an adverb alone triggers nothing", "Russia sexually harassed Kenya.", nil},
		{"a protest verb that closes a report is an accusation", "Kenya is failing its refugees, the Russian government protested on Monday.", []string{"ACCUSE RUS>KEN"}},
		{"a protest verb with a that-clause is an accusation", "Russia protested that Kenya had closed the border.", []string{"ACCUSE RUS>KEN"}},
		{"a street protest stays a protest", "Kenyan troops protested against Russia in Nairobi on Monday.", []string{"PROTEST KEN>RUS"}},
		{"a time expression may sit inside an expression", "Armenia refused on Monday to accept the proposal.", []string{"REJECT ARM>", "AGREE ARM> aux=complement"}},
		{"a nominal under an outer trigger's verb is its content", "Russia threatened to impose sanctions on Kenya.", []string{"THREATEN RUS>KEN", "SANCTION RUS>KEN aux=complement"}},
		{"an infinitival trigger finds its recipient in the infinitive", "Russia threatened to ban trade with Kenya.", []string{"THREATEN RUS>KEN"}},
		{"the group after a partitive head is the subject", "Thousands of Kenyan troops attacked Russia.", []string{"ASSAULT KEN>RUS"}},
		{"an object of a preposition is no subject", "In Kenya the troops attacked Russia.", []string{"ASSAULT >RUS"}},
		{"an intended withdrawal is a CONCEDE", "Russia will evacuate its troops from Kenya.", []string{"CONCEDE RUS>KEN aux=future"}},
		{"a withdrawal made conditional with unless is a THREATEN", "Russia will evacuate its troops from Kenya unless Armenia pays.", []string{"THREATEN RUS>KEN aux=future"}},
		{"the subject of a trailing report is no recipient", "Armenia accused the rebels, the Azerbaijani ministry said.", []string{"ACCUSE ARM> claimed_by=Azerbaijani ministry"}},
	})
}

// TestHeadlineNominals: a headline names its event by a noun without
// participants; a body sentence that does so only mentions it.
func TestHeadlineNominals(t *testing.T) {
	const text = "Detention of a student sparks anger"
	for _, tt := range []struct {
		headline bool
		want     int
	}{{false, 0}, {true, 1}} {
		d := codeDoc(t, &doc.Doc{ID: "h", Text: text, Headline: tt.headline})
		if len(d.Events) != tt.want {
			t.Errorf("headline=%v: %d events, want %d", tt.headline, len(d.Events), tt.want)
		}
	}
}

// TestPlaceRecipient checks which events take the place they happen in as
// recipient when no actor is named for it.
func TestPlaceRecipient(t *testing.T) {
	tests := []struct {
		name, text, place, country, want string
	}{
		{"a protest is aimed at the authorities where it is held", "Kenyans protested in Nairobi.", "Nairobi", "KEN", "PROTEST KEN>KEN"},
		{"other events in the actor's own state are not acts on it", "Kenya mobilised reserves in Nairobi.", "Nairobi", "KEN", "MOBILIZE KEN>"},
		{"unnamed victims take the country of the place", "Russian troops attacked protesters in Budapest.", "Budapest", "HUN", "ASSAULT RUS>HUN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if model == nil {
				m, err := text.LoadModel()
				if err != nil {
					t.Fatal(err)
				}
				model = m
			}
			d := &doc.Doc{ID: "t", Text: tt.text, Published: time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC)}
			for _, st := range []interface {
				Process(context.Context, *doc.Doc) error
			}{text.NewAnnotator(model), actor.New(actortest.Dict()).NewStage()} {
				if err := st.Process(context.Background(), d); err != nil {
					t.Fatal(err)
				}
			}
			at := strings.Index(tt.text, tt.place)
			d.Places = []doc.Place{{Span: doc.Span{Start: at, End: at + len(tt.place)}, Name: tt.place, CountryCode: tt.country}}
			if err := event.New(newTestLexicon(t), testOntology{}, nil, testGovernors(t)).NewStage().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range d.Events {
				got = append(got, describe(d, ev))
			}
			if strings.Join(got, " | ") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func testGovernors(t *testing.T) *event.Governors {
	t.Helper()
	g, err := event.LoadGovernors(data.FS, event.GovernorsFile)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func testCyber(t *testing.T) *event.CyberWords {
	t.Helper()
	c, err := event.LoadCyberWords(data.FS, event.CyberFile)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testBackground(t *testing.T) *event.Background {
	t.Helper()
	b, err := event.LoadBackground(data.FS, event.BackgroundFile)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHistoricalDatesDateNoEvent(t *testing.T) {
	tests := []struct {
		name, text, date string
		precision        doc.Precision
	}{
		{"a date of this year", "Armenia attacked Azerbaijan in February.", "2024-02-01", doc.PrecisionMonth},
		{"last year keeps its date", "Armenia attacked Azerbaijan in 2023.", "2023-01-01", doc.PrecisionYear},
		{"an older year is background", "Armenia attacked Azerbaijan in 1918.", "", doc.PrecisionHistorical},
		{"an older full date is background too", "Armenia attacked Azerbaijan on May 3, 2015.", "", doc.PrecisionHistorical},
		{"no date takes the document's", "Armenia attacked Azerbaijan.", "2024-03-08", doc.PrecisionPublished},
		{"a recent bound is not the event's date", "Armenia has attacked Azerbaijan since February.", "2024-03-08", doc.PrecisionPublished},
		{"an old bound makes the event background", "Armenia has attacked Azerbaijan since 1991.", "", doc.PrecisionHistorical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := code(t, tt.text)
			if len(d.Events) != 1 {
				t.Fatalf("got %d events", len(d.Events))
			}
			ev := d.Events[0]
			got := ""
			if !ev.Date.IsZero() {
				got = ev.Date.Format("2006-01-02")
			}
			if got != tt.date || ev.DatePrecision != tt.precision {
				t.Errorf("date %q (%s), want %q (%s)", got, ev.DatePrecision, tt.date, tt.precision)
			}
		})
	}
}

// typesAndTriggers gives the type and trigger of each of d's events,
// joined by " | ".
func typesAndTriggers(d *doc.Doc) string {
	var got []string
	for _, ev := range d.Events {
		got = append(got, string(ev.Type)+" "+d.SpanText(ev.Evidence.Trigger))
	}
	return strings.Join(got, " | ")
}

// codedCase is a sentence and the type and trigger of each event it
// codes, joined by " | " (see typesAndTriggers).
type codedCase struct{ name, text, want string }

// runCodedCases codes each case's sentence in a subtest of its own.
func runCodedCases(t *testing.T, cases []codedCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if g := typesAndTriggers(code(t, tt.text)); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestAttempt checks that a verb of trying with a to-infinitive is no
// event of its own (governors.tsv, role attempt): "seeks to meet" tells
// what was tried, while "seeks weapons" is a request. Every sentence was
// written for this test.
func TestAttempt(t *testing.T) {
	runCodedCases(t, []codedCase{
		{"seek with an infinitive is an attempt", "Kenya seeks to meet Russia in March.", "CONSULT meet"},
		{"seek with an object is a request", "Kenya seeks weapons from Russia.", "REQUEST seeks"},
		{"an attempt to attack is the attack tried", "The Kenyan rebels seek to attack the Ugandan border post.", "ASSAULT attack"},
	})
}

// TestRequiredObject checks a trigger whose frame requires its object
// ("subj>obj!"): a common noun there that names no actor rules the event
// out, while an actor, a pronoun or a numeral keeps it. Every sentence
// was written for this test.
func TestRequiredObject(t *testing.T) {
	runCodedCases(t, []codedCase{
		{"a thing released is no release", "The Kenyan ministry released a report on Tuesday.", ""},
		{"a thing released in the passive is no release", "A report was released by the Kenyan ministry.", ""},
		{"an actor released is a release", "Kenya released Russian sailors on Tuesday.", "RETREAT released"},
		{"a numeral may stand for people", "Kenya released three on Tuesday.", "RETREAT released"},
	})
}
