package e2e_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// builder writes an output record by naming substrings of the text, so
// that every offset in the fixtures is computed, not typed.
type builder struct {
	t    testing.TB
	text string
	rec  output.Record
}

func newDoc(t testing.TB, id, title, published, text string) *builder {
	pub := published
	return &builder{t: t, text: text, rec: output.Record{
		DocID: id, Title: title, Published: &pub, Schema: output.SchemaVersion,
		Source:   output.Source{Path: "fixtures/" + id + ".txt", Name: "Fixture Wire"},
		Agencies: []output.Agency{}, Entities: []output.Entity{}, Quotes: []output.Quote{}, Times: []output.TimeExpr{},
		Places: []output.Place{}, Events: []output.Event{}, Warnings: []output.Warning{},
	}}
}

// at finds the n-th (1-based) occurrence of sub and returns its byte span.
func (b *builder) at(sub string, n int) (int, int) {
	b.t.Helper()
	from := 0
	for i := 0; i < n; i++ {
		j := strings.Index(b.text[from:], sub)
		if j < 0 {
			b.t.Fatalf("fixture %s: %q occurrence %d not found", b.rec.DocID, sub, n)
		}
		if i == n-1 {
			return from + j, from + j + len(sub)
		}
		from += j + len(sub)
	}
	return 0, 0
}

func (b *builder) dateline(sub, place, cc, date string) {
	s, e := b.at(sub, 1)
	b.rec.Dateline = &output.Dateline{Place: place, CountryCode: cc, Date: &date, Start: s, End: e}
}

func (b *builder) ent(typ, sub string, n int, name, cc, sector string) int {
	b.t.Helper()
	s, e := b.at(sub, n)
	id := len(b.rec.Entities)
	b.rec.Entities = append(b.rec.Entities, output.Entity{ID: id, Type: typ, Rule: "fixture:" + typ, ActorBlock: output.ActorBlock{
		RawText: sub, EntityName: name, CountryCode: cc, SectorCode: sector, OtherSectorCodes: []string{}, Start: s, End: e,
	}})
	return id
}

// geonameIDs are the GeoNames ids of some fixture places; the others have
// none, as an unresolved place would, so that the map's filter by name is
// exercised too.
var geonameIDs = map[string]int{"Caracas": 3646738, "Kharkiv": 706483, "Belgorod": 578072, "Jakarta": 1642911}

func (b *builder) place(sub string, n int, name, cc string, lat, lon float64) int {
	b.t.Helper()
	s, e := b.at(sub, n)
	b.rec.Places = append(b.rec.Places, output.Place{Text: sub, Start: s, End: e, Name: name, GeonameID: geonameIDs[name], CountryCode: cc,
		Feature: "PPL", Lat: lat, Lon: lon, Confidence: 0.9, Rule: "fixture:gazetteer"})
	return len(b.rec.Places) - 1
}

func (b *builder) time(sub, value, precision string) {
	b.t.Helper()
	s, e := b.at(sub, 1)
	v := value
	b.rec.Times = append(b.rec.Times, output.TimeExpr{Text: sub, Start: s, End: e, Value: &v, Precision: precision, Rule: "fixture:time"})
}

func (b *builder) quote(kind, sub, cue string, speaker int, speakerMention string) {
	b.t.Helper()
	s, e := b.at(sub, 1)
	q := output.Quote{Kind: kind, Text: sub, Start: s, End: e, Rule: "fixture:quote"}
	if cue != "" {
		// the cue is the first one after the quote
		j := strings.Index(b.text[e:], cue)
		if j < 0 {
			b.t.Fatalf("fixture %s: cue %q not after quote", b.rec.DocID, cue)
		}
		q.Cue = &output.Span{Text: cue, Start: e + j, End: e + j + len(cue)}
	}
	if speaker >= 0 {
		blk := b.rec.Entities[speaker].ActorBlock
		if speakerMention != "" {
			blk.RawText = speakerMention
			blk.Start, blk.End = b.at(speakerMention, 1)
		}
		q.Speaker = &blk
		id := speaker
		q.SpeakerID = &id
	}
	b.rec.Quotes = append(b.rec.Quotes, q)
}

type ev struct {
	typ, mode, quad string
	sentence        string // a unique substring: the whole evidence sentence
	trigger         string
	actors, recips  []int
	place           int // index into places, -1 for the dateline
	claimedBy       int // entity, -1 for none
	date            string
	// subordinate marks an event that is not its sentence's principal
	// one; negated and aux make an event unasserted.
	subordinate, negated bool
	aux                  []string
}

func (b *builder) event(e ev) {
	b.t.Helper()
	ss, se := b.at(e.sentence, 1)
	ts := strings.Index(e.sentence, e.trigger)
	if ts < 0 {
		b.t.Fatalf("fixture %s: trigger %q not in sentence", b.rec.DocID, e.trigger)
	}
	date := e.date
	out := output.Event{
		ID: b.rec.DocID + "-e" + string(rune('0'+len(b.rec.Events))), Date: &date, DatePrecision: "day",
		Event: e.typ, Mode: e.mode, Context: []string{}, Actor: []output.ActorBlock{}, Recipient: []output.ActorBlock{},
		Aux: append([]string{}, e.aux...), Quad: e.quad, CameoRoot: "00", Intensity: 0,
		Principal: !e.subordinate, Negated: e.negated,
		Evidence: output.Evidence{SentenceStart: ss, SentenceEnd: se, TriggerStart: ss + ts, TriggerEnd: ss + ts + len(e.trigger),
			TriggerText: e.trigger, Text: e.sentence},
		Rule: "fixture:" + strings.ToLower(e.typ), Confidence: 0.8,
	}
	for _, a := range e.actors {
		out.Actor = append(out.Actor, b.rec.Entities[a].ActorBlock)
	}
	for _, a := range e.recips {
		out.Recipient = append(out.Recipient, b.rec.Entities[a].ActorBlock)
	}
	if e.claimedBy >= 0 {
		blk := b.rec.Entities[e.claimedBy].ActorBlock
		out.ClaimedBy = &blk
	}
	if e.place >= 0 {
		p := b.rec.Places[e.place]
		out.Location = &output.Location{Name: p.Name, GeonameID: p.GeonameID, CountryCode: p.CountryCode, Lat: p.Lat, Lon: p.Lon,
			Source: "attached", Precision: 1, Start: p.Start, End: p.End}
	} else if dl := b.rec.Dateline; dl != nil {
		out.Location = &output.Location{Name: dl.Place, CountryCode: dl.CountryCode, Source: "dateline", Precision: 1, Start: dl.Start, End: dl.End}
	}
	b.rec.Events = append(b.rec.Events, out)
}

func (b *builder) doc() store.Document {
	return store.Document{Record: b.rec, Text: b.text}
}

// Quad classes as the fixtures store them.
const (
	vcoop = "verbal cooperation"
	mcoop = "material cooperation"
	vconf = "verbal conflict"
	mconf = "material conflict"
)

// scriptDocID is the article whose text contains a script tag.
const scriptDocID = "geneva-0307"

// accentDocID is the article with multi-byte characters before its
// annotations, so that byte offsets differ from UTF-16 indices.
const accentDocID = "saopaulo-0310"

// alsoDocID is a second report of the Jakarta protest (jakarta-0312).
const alsoDocID = "jakarta-0313-post"

// fixtures are invented articles, written for these tests.
func fixtures(t testing.TB) []store.Document {
	var docs []store.Document

	b := newDoc(t, "kyiv-0303", "Shelling near Kharkiv as both sides trade blame", "2025-03-03",
		"KYIV, March 3 (Fixture Wire) - Ukrainian forces shelled positions held by Russian troops near Kharkiv on Monday, the defence ministry said.\n\n"+
			"\"We will answer every strike,\" said Oleksandr Marchenko, a ministry spokesman.\n\n"+
			"Russia accused Ukraine of targeting civilians in Belgorod.\n")
	b.dateline("KYIV, March 3", "Kyiv", "UKR", "2025-03-03")
	uf := b.ent("ORG", "Ukrainian forces", 1, "Ukrainian forces", "UKR", "MIL")
	rt := b.ent("ORG", "Russian troops", 1, "Russian troops", "RUS", "MIL")
	dm := b.ent("ORG", "the defence ministry", 1, "Ministry of Defence of Ukraine", "UKR", "GOV")
	om := b.ent("PERSON", "Oleksandr Marchenko", 1, "Oleksandr Marchenko", "UKR", "GOV")
	ru := b.ent("GPE", "Russia", 2, "Russia", "RUS", "")
	ua := b.ent("GPE", "Ukraine", 1, "Ukraine", "UKR", "")
	b.place("KYIV", 1, "Kyiv", "UKR", 50.45, 30.52)
	kh := b.place("Kharkiv", 1, "Kharkiv", "UKR", 49.99, 36.23)
	bg := b.place("Belgorod", 1, "Belgorod", "RUS", 50.60, 36.59)
	b.time("March 3", "2025-03-03", "day")
	b.time("Monday", "2025-03-03", "day")
	b.quote("direct", "We will answer every strike,", "said", om, "")
	b.event(ev{typ: "ASSAULT", mode: "", quad: mconf, trigger: "shelled",
		sentence: "Ukrainian forces shelled positions held by Russian troops near Kharkiv on Monday, the defence ministry said.",
		actors:   []int{uf}, recips: []int{rt}, place: kh, claimedBy: dm, date: "2025-03-03"})
	b.event(ev{typ: "ACCUSE", quad: vconf, trigger: "accused", sentence: "Russia accused Ukraine of targeting civilians in Belgorod.",
		actors: []int{ru}, recips: []int{ua}, place: bg, claimedBy: -1, date: "2025-03-03"})
	docs = append(docs, b.doc())

	b = newDoc(t, "nairobi-0305", "Kenya and Ethiopia agree to reopen Moyale crossing", "2025-03-05",
		"NAIROBI, March 5 - Kenya and Ethiopia agreed on Wednesday to reopen the border crossing at Moyale, officials said.\n\n"+
			"Kenya will also send engineers to Ethiopia to repair the road, the transport ministry said.\n")
	b.dateline("NAIROBI, March 5", "Nairobi", "KEN", "2025-03-05")
	ke := b.ent("GPE", "Kenya", 1, "Kenya", "KEN", "")
	et := b.ent("GPE", "Ethiopia", 1, "Ethiopia", "ETH", "")
	ke2 := b.ent("GPE", "Kenya", 2, "Kenya", "KEN", "")
	et2 := b.ent("GPE", "Ethiopia", 2, "Ethiopia", "ETH", "")
	tm := b.ent("ORG", "the transport ministry", 1, "Ministry of Transport of Kenya", "KEN", "GOV")
	b.place("NAIROBI", 1, "Nairobi", "KEN", -1.29, 36.82)
	my := b.place("Moyale", 1, "Moyale", "KEN", 3.52, 39.05)
	b.time("Wednesday", "2025-03-05", "day")
	b.event(ev{typ: "AGREE", quad: vcoop, trigger: "agreed",
		sentence: "Kenya and Ethiopia agreed on Wednesday to reopen the border crossing at Moyale, officials said.",
		actors:   []int{ke}, recips: []int{et}, place: my, claimedBy: -1, date: "2025-03-05"})
	b.event(ev{typ: "AID", mode: "technical", quad: mcoop, trigger: "send",
		sentence: "Kenya will also send engineers to Ethiopia to repair the road, the transport ministry said.",
		actors:   []int{ke2}, recips: []int{et2}, place: -1, claimedBy: tm, date: "2025-03-05"})
	docs = append(docs, b.doc())

	b = newDoc(t, scriptDocID, "UN council cites page that printed <b>markup</b>", "2025-03-07",
		"GENEVA, March 7 - A campaign page that printed <script>alert(1)</script> in its comments was cited by the Human Rights Council on Friday.\n\n"+
			"The Human Rights Council demanded that Venezuela release journalists detained in Caracas.\n\n"+
			"\"Press freedom is not negotiable,\" said council president Maria Lindqvist.\n")
	b.dateline("GENEVA, March 7", "Geneva", "CHE", "2025-03-07")
	hrc := b.ent("ORG", "the Human Rights Council", 1, "UN Human Rights Council", "IGO", "GOV")
	hrc2 := b.ent("ORG", "The Human Rights Council", 1, "UN Human Rights Council", "IGO", "GOV")
	ve := b.ent("GPE", "Venezuela", 1, "Venezuela", "VEN", "")
	ml := b.ent("PERSON", "Maria Lindqvist", 1, "Maria Lindqvist", "IGO", "GOV")
	b.place("GENEVA", 1, "Geneva", "CHE", 46.20, 6.14)
	cc := b.place("Caracas", 1, "Caracas", "VEN", 10.49, -66.88)
	b.time("Friday", "2025-03-07", "day")
	b.quote("direct", "Press freedom is not negotiable,", "said", ml, "")
	b.event(ev{typ: "REQUEST", mode: "demand", quad: vconf, trigger: "demanded",
		sentence: "The Human Rights Council demanded that Venezuela release journalists detained in Caracas.",
		actors:   []int{hrc2}, recips: []int{ve}, place: cc, claimedBy: -1, date: "2025-03-07"})
	_ = hrc
	docs = append(docs, b.doc())

	b = newDoc(t, accentDocID, "Brazil and Colombia hold talks in São Paulo", "2025-03-10",
		"SÃO PAULO, March 10 - Brazil’s foreign minister, Mauro Vieira, met Colombia’s envoy in São Paulo on Monday.\n\n"+
			"“Our cooperation is deepening,” Vieira said after the meeting.\n\n"+
			"In Brasília, federal police arrested 12 protesters outside the Congress building.\n")
	b.dateline("SÃO PAULO, March 10", "São Paulo", "BRA", "2025-03-10")
	mv := b.ent("PERSON", "Mauro Vieira", 1, "Mauro Vieira", "BRA", "GOV")
	ce := b.ent("PERSON", "Colombia’s envoy", 1, "Colombian envoy", "COL", "GOV")
	vi := b.ent("PERSON", "Vieira", 2, "Mauro Vieira", "BRA", "GOV")
	fp := b.ent("ORG", "federal police", 1, "Federal Police of Brazil", "BRA", "COP")
	pr := b.ent("PERSON", "12 protesters", 1, "protesters", "BRA", "CVL")
	b.place("SÃO PAULO", 1, "São Paulo", "BRA", -23.55, -46.63)
	sp := b.place("São Paulo", 1, "São Paulo", "BRA", -23.55, -46.63)
	bs := b.place("Brasília", 1, "Brasília", "BRA", -15.79, -47.88)
	b.time("Monday", "2025-03-10", "day")
	b.quote("direct", "“Our cooperation is deepening,”", "said", vi, "Vieira")
	b.event(ev{typ: "CONSULT", mode: "visit", quad: vcoop, trigger: "met",
		sentence: "Brazil’s foreign minister, Mauro Vieira, met Colombia’s envoy in São Paulo on Monday.",
		actors:   []int{mv}, recips: []int{ce}, place: sp, claimedBy: -1, date: "2025-03-10"})
	b.event(ev{typ: "COERCE", mode: "arrest", quad: mconf, trigger: "arrested",
		sentence: "In Brasília, federal police arrested 12 protesters outside the Congress building.",
		actors:   []int{fp}, recips: []int{pr}, place: bs, claimedBy: -1, date: "2025-03-10"})
	docs = append(docs, b.doc())

	b = newDoc(t, "jakarta-0312", "Students protest fuel prices in Jakarta", "2025-03-12",
		"JAKARTA, March 12 - Thousands of students protested in Jakarta on Wednesday against a rise in fuel prices.\n\n"+
			"Indonesia's government promised to review the subsidy, a spokesman said.\n")
	b.dateline("JAKARTA, March 12", "Jakarta", "IDN", "2025-03-12")
	st := b.ent("PERSON", "Thousands of students", 1, "students", "IDN", "EDU")
	ig := b.ent("ORG", "Indonesia's government", 1, "Government of Indonesia", "IDN", "GOV")
	jk := b.place("Jakarta", 1, "Jakarta", "IDN", -6.21, 106.85)
	b.time("Wednesday", "2025-03-12", "day")
	b.event(ev{typ: "PROTEST", mode: "demonstrate", quad: vconf, trigger: "protested",
		sentence: "Thousands of students protested in Jakarta on Wednesday against a rise in fuel prices.",
		actors:   []int{st}, recips: []int{ig}, place: jk, claimedBy: -1, date: "2025-03-12"})
	b.event(ev{typ: "AGREE", mode: "promise", quad: vcoop, trigger: "promised",
		sentence: "Indonesia's government promised to review the subsidy, a spokesman said.",
		actors:   []int{ig}, recips: []int{st}, place: -1, claimedBy: -1, date: "2025-03-12"})
	docs = append(docs, b.doc())

	// Another outlet's report of the Jakarta protest: one incident, two
	// reports, so that the document view has an "also reported by".
	b = newDoc(t, alsoDocID, "Fuel price rise brings students onto Jakarta streets", "2025-03-13",
		"JAKARTA, March 13 (Fixture Post) - Students marched through central Jakarta on Wednesday to protest against dearer fuel.\n")
	b.rec.Source.Name = "Fixture Post"
	b.dateline("JAKARTA, March 13", "Jakarta", "IDN", "2025-03-13")
	st2 := b.ent("PERSON", "Students", 1, "students", "IDN", "EDU")
	jk2 := b.place("Jakarta", 1, "Jakarta", "IDN", -6.21, 106.85)
	b.time("Wednesday", "2025-03-12", "day")
	b.event(ev{typ: "PROTEST", mode: "demonstrate", quad: vconf, trigger: "protest",
		sentence: "Students marched through central Jakarta on Wednesday to protest against dearer fuel.",
		actors:   []int{st2}, place: jk2, claimedBy: -1, date: "2025-03-12"})
	docs = append(docs, b.doc())

	b = newDoc(t, "moscow-0314", "Depot struck in Belgorod region", "2025-03-14",
		"MOSCOW, March 14 - Ukrainian drones attacked a fuel depot in Belgorod on Friday, Russia's defence ministry said.\n\n"+
			"Russia's defence ministry threatened a response against Ukraine.\n")
	b.dateline("MOSCOW, March 14", "Moscow", "RUS", "2025-03-14")
	ud := b.ent("ORG", "Ukrainian drones", 1, "Ukrainian forces", "UKR", "MIL")
	rdm := b.ent("ORG", "Russia's defence ministry", 1, "Ministry of Defence of Russia", "RUS", "GOV")
	rdm2 := b.ent("ORG", "Russia's defence ministry", 2, "Ministry of Defence of Russia", "RUS", "GOV")
	ua2 := b.ent("GPE", "Ukraine", 1, "Ukraine", "UKR", "")
	b.place("MOSCOW", 1, "Moscow", "RUS", 55.75, 37.62)
	bg2 := b.place("Belgorod", 1, "Belgorod", "RUS", 50.60, 36.59)
	b.time("Friday", "2025-03-14", "day")
	b.event(ev{typ: "ASSAULT", mode: "aerial", quad: mconf, trigger: "attacked",
		sentence: "Ukrainian drones attacked a fuel depot in Belgorod on Friday, Russia's defence ministry said.",
		actors:   []int{ud}, recips: []int{rdm}, place: bg2, claimedBy: rdm, date: "2025-03-14"})
	b.event(ev{typ: "THREATEN", quad: vconf, trigger: "threatened",
		sentence: "Russia's defence ministry threatened a response against Ukraine.",
		actors:   []int{rdm2}, recips: []int{ua2}, place: -1, claimedBy: -1, date: "2025-03-14"})
	docs = append(docs, b.doc())

	b = newDoc(t, "manila-0311", "Coast guard blocks ship near Scarborough Shoal", "2025-03-11",
		"MANILA, March 11 - Philippine coast guard vessels blocked a Chinese ship near Scarborough Shoal on Tuesday after it rammed a fishing boat, officials said.\n\n"+
			"China did not apologise for the collision.\n\n"+
			"The Philippines could expel the Chinese ambassador if the incidents continue, a senator warned.\n")
	b.dateline("MANILA, March 11", "Manila", "PHL", "2025-03-11")
	pcg := b.ent("ORG", "Philippine coast guard vessels", 1, "Philippine Coast Guard", "PHL", "COP")
	ship := b.ent("ORG", "a Chinese ship", 1, "Chinese vessel", "CHN", "")
	boat := b.ent("ORG", "a fishing boat", 1, "fishing boat", "PHL", "CVL")
	cn := b.ent("GPE", "China", 1, "China", "CHN", "")
	ph := b.ent("GPE", "The Philippines", 1, "Philippines", "PHL", "")
	amb := b.ent("PERSON", "the Chinese ambassador", 1, "Chinese ambassador", "CHN", "GOV")
	b.place("MANILA", 1, "Manila", "PHL", 14.60, 120.98)
	shoal := b.place("Scarborough Shoal", 1, "Scarborough Shoal", "PHL", 15.15, 117.76)
	b.time("Tuesday", "2025-03-11", "day")
	blocked := "Philippine coast guard vessels blocked a Chinese ship near Scarborough Shoal on Tuesday after it rammed a fishing boat, officials said."
	b.event(ev{typ: "COERCE", mode: "block", quad: mconf, trigger: "blocked", sentence: blocked,
		actors: []int{pcg}, recips: []int{ship}, place: shoal, claimedBy: -1, date: "2025-03-11"})
	// The ramming is background to the blocking: not the principal event.
	b.event(ev{typ: "ASSAULT", quad: mconf, trigger: "rammed", sentence: blocked, subordinate: true,
		actors: []int{ship}, recips: []int{boat}, place: shoal, claimedBy: -1, date: "2025-03-11"})
	b.event(ev{typ: "CONCEDE", quad: vcoop, trigger: "apologise", sentence: "China did not apologise for the collision.", negated: true,
		actors: []int{cn}, recips: []int{ph}, place: -1, claimedBy: -1, date: "2025-03-11"})
	b.event(ev{typ: "SANCTION", quad: mconf, trigger: "expel", aux: []string{"hypothetical"},
		sentence: "The Philippines could expel the Chinese ambassador if the incidents continue, a senator warned.",
		actors:   []int{ph}, recips: []int{amb}, place: -1, claimedBy: -1, date: "2025-03-11"})
	docs = append(docs, b.doc())

	// A long report whose event sits far below the first screen, so that
	// opening it at the event has to scroll.
	var filler strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&filler, "Paragraph %d of the council's summary lists committee business that the ministers noted without debate.\n\n", i)
	}
	b = newDoc(t, longDocID, "Ministers end a long council session with sanctions", "2025-03-18",
		"BRUSSELS, March 18 - The council's summary runs to many paragraphs.\n\n"+filler.String()+
			"The European Union imposed sanctions on three shipping firms on Tuesday.\n")
	b.dateline("BRUSSELS, March 18", "Brussels", "BEL", "2025-03-18")
	eu := b.ent("ORG", "The European Union", 1, "European Union", "IGO", "GOV")
	firms := b.ent("ORG", "three shipping firms", 1, "shipping firms", "", "BUS")
	b.place("BRUSSELS", 1, "Brussels", "BEL", 50.85, 4.35)
	b.time("Tuesday", "2025-03-18", "day")
	b.event(ev{typ: "SANCTION", quad: mconf, trigger: "imposed", sentence: "The European Union imposed sanctions on three shipping firms on Tuesday.",
		actors: []int{eu}, recips: []int{firms}, place: -1, claimedBy: -1, date: "2025-03-18"})
	docs = append(docs, b.doc())

	// Two earlier years, so that the whole store spans more than five
	// years and the timeline bins by month.
	for _, br := range []brief{
		{id: "lisbon-2019", title: "Portugal and Spain sign a river accord", date: "2019-06-12",
			dateline: "LISBON, June 12", city: "Lisbon", cc: "PRT", lat: 38.72, lon: -9.14,
			sentence: "Portugal and Spain signed an accord on sharing the water of the Tagus on Wednesday.",
			actor:    [2]string{"Portugal", "PRT"}, recip: [2]string{"Spain", "ESP"}, typ: "AGREE", quad: vcoop, trigger: "signed"},
		{id: "dakar-2021", title: "Senegal sends medical teams to fight cholera", date: "2021-11-03",
			dateline: "DAKAR, Nov 3", city: "Dakar", cc: "SEN", lat: 14.69, lon: -17.44,
			sentence: "Senegal sent medical teams to Guinea-Bissau on Wednesday to help fight a cholera outbreak.",
			actor:    [2]string{"Senegal", "SEN"}, recip: [2]string{"Guinea-Bissau", "GNB"}, typ: "AID", mode: "medical", quad: mcoop, trigger: "sent"},
	} {
		docs = append(docs, br.doc(t))
	}

	return docs
}

// brief is a one-sentence story after its dateline: one event between two
// countries, on the Wednesday of its date, at the dateline's city.
type brief struct {
	id, title, date, dateline, city, cc string
	lat, lon                            float64
	sentence                            string
	actor, recip                        [2]string // name and country code, each named in sentence
	typ, mode, quad, trigger            string
}

func (br brief) doc(t testing.TB) store.Document {
	b := newDoc(t, br.id, br.title, br.date, br.dateline+" - "+br.sentence+"\n")
	b.dateline(br.dateline, br.city, br.cc, br.date)
	a := b.ent("GPE", br.actor[0], 1, br.actor[0], br.actor[1], "")
	r := b.ent("GPE", br.recip[0], 1, br.recip[0], br.recip[1], "")
	city := b.place(strings.ToUpper(br.city), 1, br.city, br.cc, br.lat, br.lon)
	b.time("Wednesday", br.date, "day")
	b.event(ev{typ: br.typ, mode: br.mode, quad: br.quad, trigger: br.trigger, sentence: br.sentence,
		actors: []int{a}, recips: []int{r}, place: city, claimedBy: -1, date: br.date})
	return b.doc()
}

// longDocID is the article whose only event is far down the page.
const longDocID = "brussels-0318"

// shown reports whether the web app shows e with its default toggles:
// principal and asserted (store.IsAsserted) events only.
func shown(e *output.Event) bool {
	return e.Principal && store.IsAsserted(e)
}
