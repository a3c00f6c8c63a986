package actor_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/actor/actortest"
	"github.com/dateline-project/dateline/internal/actor/gender"
	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/quote"
	"github.com/dateline-project/dateline/internal/text"
)

var (
	model   *text.Model
	cues    *quote.Cues
	genders *gender.Lexicon
)

func annotate(t *testing.T, body string, datelineCountry string) *doc.Doc {
	t.Helper()
	if model == nil {
		m, err := text.LoadModel()
		if err != nil {
			t.Fatal(err)
		}
		model = m
	}
	if cues == nil {
		c, err := quote.LoadCues()
		if err != nil {
			t.Fatal(err)
		}
		cues = c
	}
	if genders == nil {
		g, err := gender.Load(data.FS)
		if err != nil {
			t.Fatal(err)
		}
		genders = g
	}
	d := &doc.Doc{Text: body, Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)}
	if datelineCountry != "" {
		d.Dateline = &doc.Dateline{CountryCode: datelineCountry}
	}
	if err := text.NewAnnotator(model).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := actor.New(actortest.Dict()).WithGender(genders).WithSpeechVerbs(cues.SpeechVerb).NewStage().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// describe renders an entity as "raw=TYPE:COUNTRY/SECTOR" with "->name"
// when it refers back.
func describe(d *doc.Doc, e doc.Entity) string {
	s := fmt.Sprintf("%s=%s:%s/%s", d.SpanText(e.Span), e.Type, e.CountryCode, e.SectorCode)
	if e.Antecedent >= 0 {
		s += "->" + d.Entities[e.Antecedent].Name
	}
	return s
}

func TestRecognizer(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		dateline string
		want     []string // each must be among the described entities
		absent   []string // raw texts that must not be entities
	}{
		{name: "apposition codes a person",
			text: "Tural Mammadli, assistant to the president of Azerbaijan, said the talks would continue.",
			want: []string{"Tural Mammadli=PERSON:AZE/GOV"}},
		{name: "apposition naming an organisation's office",
			text: "Marta Varga, the Alpine Relief League coordinator for Kenya, said convoys were delayed.",
			want: []string{"Marta Varga=PERSON:NGO/MED"}},
		{name: "apposition naming an organisation without a sector keeps the role's",
			text: "Marta Varga, the World Food Programme coordinator, said convoys were delayed.",
			want: []string{"Marta Varga=PERSON:UNO/GOV"}},
		{name: "a capital before a common noun is a place",
			text:   "Thousands joined a Baku rally after the Yerevan talks.",
			absent: []string{"Baku", "Yerevan"}},
		{name: "a capital before a role names its state",
			text: "Baku officials met the Yerevan government.",
			want: []string{"Baku officials=ROLE:AZE/GOV", "the Yerevan government=ROLE:ARM/GOV"}},
		{name: "a titled name with its state after it",
			text: "President Tural Mammadli of Azerbaijan met officials in Yerevan.",
			want: []string{"Tural Mammadli=PERSON:AZE/GOV"}},
		{name: "apposition with a possessive country",
			text: "Pal Horvath, Hungary's ambassador to Armenia, met officials in Yerevan.",
			want: []string{"Pal Horvath=PERSON:HUN/GOV"}},
		{name: "apposition takes the head of adjacent roles",
			text: "Marta Varga, the Alpine Relief League's chief economist, said prices rose.",
			want: []string{"Marta Varga=PERSON:NGO/MED"}},
		// A name two organisations share is the one whose state the
		// document names.
		{name: "a shared acronym in a story about its state",
			text: "ARL rebels shelled a village near Yerevan. Armenia denied it.",
			want: []string{"ARL=ORG:ARM/UAF", "ARL rebels=ROLE:ARM/UAF"}},
		{name: "a shared acronym elsewhere keeps its first entry",
			text: "ARL opened a clinic in the north of Kenya.",
			want: []string{"ARL=ORG:NGO/MED"}},
		{name: "a shared acronym under a dateline of its state",
			text: "ARL said a convoy was stopped.", dateline: "ARM",
			want: []string{"ARL=ORG:ARM/UAF"}},
		{name: "a counterpart's country is not the sentence's",
			text: "President Amina Odhiambo held talks with her Armenian counterpart on Monday.",
			want: []string{"Amina Odhiambo=PERSON:/GOV"}},
		{name: "a surname with a lower-case Arabic article",
			text: "Armenia's foreign minister Karim Aziz al-Hadi met officials in Yerevan.",
			want: []string{"Karim Aziz al-Hadi=PERSON:ARM/GOV"}},
		{name: "a surname alias before another name is someone else",
			text:   "Wambui Kariuki, a farmer, said the rains had failed.",
			absent: []string{"Wambui"}},
		{name: "people from a country are its",
			text: "Sailors from Armenia crossed the border on Monday.",
			want: []string{"Sailors=ROLE:ARM/MIL"}},
		{name: "a country's name that a name goes on with is not the seat",
			text:   "Sailors in the Armenia Valley rested on Monday.",
			want:   []string{"Sailors=ROLE:/MIL"},
			absent: []string{"Sailors in the Armenia"}},
		{name: "a date after the seat is no part of its name",
			text: "Sailors in Armenia Monday rested.",
			want: []string{"Sailors in Armenia=ROLE:ARM/MIL"}},
		{name: "an owner's country on a thing",
			text: "Sailors boarded an Armenian-flagged tanker on Monday.",
			want: []string{"Armenian-flagged=GPE:ARM/"}},
		{name: "a sponsor's country is not the militia's",
			text:   "An Armenian-backed militia crossed the border.",
			absent: []string{"Armenian-backed"}},
		{name: "a capitalised office after the article is a role, not a name",
			text:   "The Regional Aid Coordinator visited Nairobi.",
			want:   []string{"The Regional Aid Coordinator=ROLE:/GOV"},
			absent: []string{"Regional Aid Coordinator"}},
		{name: "a plural possessive inside a known name",
			text: "The Highland Farmers' League rejected the plan, and the Highland Farmers’ League said so again.",
			want: []string{"Highland Farmers' League=ORG:KEN/LAB", "Highland Farmers’ League=ORG:KEN/LAB->Highland Farmers' League"}},
		{name: "a plural possessive inside an unknown organisation",
			text:   "The Dockers' Union called a strike in Nairobi.",
			want:   []string{"Dockers' Union=ORG:/LAB"},
			absent: []string{"The Dockers", "Dockers"}},
		{name: "another first name makes another person than the dictionary's",
			text:   "Grace Wambui, a farmer, spoke to Ruth Wambui.",
			want:   []string{"Grace Wambui=PERSON:/", "Ruth Wambui=PERSON:KEN/GOV"},
			absent: []string{"Wambui"}},
		{name: "a verb of saying after a bare name makes it a person (cues/speech.tsv)",
			text: "Everything is ready, Tamsin Okoro stressed on Monday.",
			want: []string{"Tamsin Okoro=PERSON:/"}},
		{name: "it said is the body named before",
			text: "The Kenyan ministry banned the march. It said order came first.",
			want: []string{"It=ROLE:KEN/GOV->Kenyan ministry"}},
		{name: "it said is the organisation",
			text: "The Alpine Relief League sent trucks. It said more would follow.",
			want: []string{"It=ORG:NGO/MED->Alpine Relief League"}},
		{name: "a body named by words that are no body alone",
			text: "The Kenya Coast Guard seized a boat.",
			want: []string{"Kenya Coast Guard=ORG:KEN/MIL"}},
		{name: "a name after a person's role takes its coding",
			text:   "A senior South Korean official, Han Mi-rae, said the talks went well.",
			want:   []string{"A senior South Korean official=ROLE:KOR/GOV", "Han Mi-rae=PERSON:KOR/GOV"},
			absent: []string{"South Korean"}},
		{name: "a demonym modifier after a capitalised opening adjective",
			text: "Recent Kenyan airstrikes destroyed two bridges.",
			want: []string{"Kenyan=GPE:KEN/"}},
		{name: "a place before a reporting clause is no person",
			text:   "Shells hit the market in Kisumu, a spokesperson said.",
			absent: []string{"Kisumu"}},
		{name: "a plural role describes no one person",
			text: "Ruth Akinyi, protesters said, left the square.",
			want: []string{"Ruth Akinyi=PERSON:/"}},
		{name: "no person's name after a locative preposition",
			text:   "A clinic in the Tana Delta ran out of insulin.",
			absent: []string{"Tana Delta"}},
		{name: "a state body given to another state",
			text: "Kenya's Federal Foreign Office summoned the envoy, and the Hungarian Foreign Office did too.",
			want: []string{"Federal Foreign Office=ORG:KEN/GOV", "Foreign Office=ORG:HUN/GOV"}},
		{name: "a capitalised body's name after a possessive country",
			text: "Hungary's Water Management Authority closed the dam.",
			want: []string{"Water Management Authority=ORG:HUN/GOV"}},
		{name: "a name-only body noun is no actor in lower case",
			text:   "The council has the authority to close the dam.",
			absent: []string{"the authority"}},
		{name: "a generic description refers to the last organisation",
			text: "The Alpine Relief League sent trucks. The agency said more would follow.",
			want: []string{"The agency=ORG:NGO/MED->Alpine Relief League"}},
		{name: "an unknown state body takes the dateline's country",
			text: "The Grain Reserve Authority released stocks on Monday.", dateline: "KEN",
			want: []string{"Grain Reserve Authority=ORG:KEN/GOV"}},
		{name: "an unknown state body takes the one state its sentence names",
			text: "Farmers in Budapest marched to the Grain Reserve Authority.", dateline: "KEN",
			want: []string{"Grain Reserve Authority=ORG:HUN/GOV"}},
		{name: "an unknown state body stays uncoded between two states",
			text: "Armenia and Hungary wrote to the Grain Reserve Authority.", dateline: "KEN",
			want: []string{"Grain Reserve Authority=ORG:/GOV"}},
		{name: "possessive organisation",
			text: "The Alpine Relief League's coordinator visited Nairobi.",
			want: []string{"Alpine Relief League's coordinator=ROLE:NGO/MED"}},
		{name: "an organisation's partners are not the organisation",
			text: "The Alpine Relief League's partners met on Friday.",
			want: []string{"Alpine Relief League's partners=ROLE:/GOV"}},
		{name: "title before the name",
			text: "Armenian Foreign Minister Aram Sargsyan met his counterpart on Monday.",
			want: []string{"Aram Sargsyan=PERSON:ARM/GOV"}, absent: []string{"Monday"}},
		{name: "possessive country codes a role",
			text: "Armenia's prime minister rejected the plan.",
			want: []string{"Armenia=GPE:ARM/GOV", "Armenia's prime minister=ROLE:ARM/GOV"}},
		{name: "metonymy",
			text: "Yerevan coordinated the campaign, while the Kremlin stayed silent.",
			want: []string{"Yerevan=GPE:ARM/GOV", "Kremlin=GPE:RUS/GOV"}},
		{name: "an international role without a state takes its code",
			text: "A rights group criticised the ruling, and a Kenyan rights group backed it.",
			want: []string{"A rights group=ROLE:NGO/SOC", "a Kenyan rights group=ROLE:KEN/SOC"}},
		{name: "place as location is not an actor",
			text:   "Talks were held in Baku last week.",
			absent: []string{"Baku"}},
		{name: "role with a demonym",
			text: "The Armenian political leadership blocked the deal and Azerbaijani troops withdrew.",
			want: []string{"The Armenian political leadership=ROLE:ARM/GOV", "Azerbaijani troops=ROLE:AZE/MIL"}},
		{name: "role without a country takes the dateline country",
			text: "Police detained dozens of protesters.", dateline: "KEN",
			want: []string{"Police=ROLE:KEN/COP", "protesters=ROLE:KEN/CVL"}},
		{name: "role without a country or dateline",
			text: "Police detained dozens of protesters.",
			want: []string{"Police=ROLE:/COP"}},
		{name: "compound actors",
			text: "Hungarian and Romanian officials signed the accord.",
			want: []string{"Hungarian and Romanian officials=ROLE:HUN/GOV", "Romanian officials=ROLE:ROU/GOV"}},
		{name: "organisation run with a demonym",
			text: "The Kenyan Red Cross Society delivered tents.",
			want: []string{"Kenyan Red Cross Society=ORG:KEN/NGO"}},
		{name: "dictionary organisation",
			text: "The World Food Programme appealed for funds.",
			want: []string{"World Food Programme=ORG:UNO/"}},
		{name: "partially recognised seat",
			text: "Sukhumi rejected the proposal.",
			want: []string{"Sukhumi=ORG:GEO/PRE"}},
		{name: "coreference: surname, pronoun, definite description",
			text: "Leyla Karimova, the foreign minister of Azerbaijan, spoke first. Karimova said talks would go on. He added nothing; she left. \"We are ready,\" said the official.",
			want: []string{"Leyla Karimova=PERSON:AZE/GOV", "Karimova=PERSON:AZE/GOV->Leyla Karimova", "she=PERSON:AZE/GOV->Leyla Karimova", "the official=PERSON:AZE/GOV->Leyla Karimova"}},
		{name: "the ministry refers to a named ministry",
			text: "The Kenyan Interior Ministry issued a warning. The ministry later withdrew it.",
			want: []string{"Kenyan Interior Ministry=ORG:KEN/GOV", "The ministry=ORG:KEN/GOV->Kenyan Interior Ministry"}},
		{name: "a role in a seat takes the seat's authority",
			text: "The illegal regime in Sukhumi refused to talk, and the government in Baku waited.",
			want: []string{"The illegal regime in Sukhumi=ROLE:GEO/PRE", "the government in Baku=ROLE:AZE/GOV"}},
		{name: "relational roles are not the possessor's",
			text: "Armenia's partners backed the plan.",
			want: []string{"Armenia's partners=ROLE:/GOV"}},
		{name: "a title before a known name is not a separate role",
			text: "Armenian Foreign Minister Aram Sargsyan met the press.",
			want: []string{"Aram Sargsyan=PERSON:ARM/GOV"}, absent: []string{"Armenian Foreign Minister"}},
		{name: "a title after the name of its body is a title",
			text: "Harlow County Council President Nadia Ferro said the case was closed.",
			want: []string{"Nadia Ferro=PERSON:/GOV"}, absent: []string{"Harlow County Council President Nadia Ferro"}},
		{name: "one word after a title is its portfolio, not a name",
			text:   "The Federal Minister Interior said the rally could go ahead.",
			absent: []string{"Interior"}},
		{name: "a body of a named organisation",
			text: "The World Food Programme office in Baku reopened.",
			want: []string{"World Food Programme=ORG:UNO/", "The World Food Programme office=ROLE:UNO/"}},
		{name: "a group in a country takes that country",
			text: "Rebels in the Kenya hills attacked. Officials in northern Kenya met.",
			want: []string{"Officials in northern Kenya=ROLE:KEN/GOV"}},
		{name: "a time word is not the head of a role phrase",
			text: "The Kenyan government today welcomed the plan.",
			want: []string{"The Kenyan government=ROLE:KEN/GOV"}},
		{name: "a titled official takes the one country the sentence names",
			text: "President Amos Otieno visited Nairobi.",
			want: []string{"Amos Otieno=PERSON:KEN/GOV"}},
		{name: "two countries named: the official stays uncoded",
			text: "President Amos Otieno flew from Nairobi to Moscow.",
			want: []string{"Amos Otieno=PERSON:/GOV"}},
		{name: "a country's name as a noun modifier codes a role",
			text: "Kenya police arrested two men, and Russia troops left.",
			want: []string{"Kenya police=ROLE:KEN/COP", "Russia troops=ROLE:RUS/MIL"}},
		{name: "a demonym before an organisation run the tagger left out",
			text: "Later the Armenian Constitutional Court annulled the decree.",
			want: []string{"Constitutional Court=ORG:ARM/JUD"}},
		{name: "a member of a national body takes the body's country",
			text: "Police questioned staff of the Nairobi Water Ministry.",
			want: []string{"staff=ROLE:KEN/GOV"}},
		{name: "a role coded from its demonym names the sentence's state",
			text: "Kenyan rebels said they would free President Amos Otieno.",
			want: []string{"Amos Otieno=PERSON:KEN/GOV"}},
		{name: "his before a role points to the person just named",
			text: "Kenyan Minister Wanjiru Kamau and his aides left for Moscow.",
			want: []string{"his aides=ROLE:KEN/GOV"}},
		{name: "a demonym modifying an object is the country acted on",
			text: "Armenia rejected the Azerbaijani proposal and shelled Russian positions.",
			want: []string{"Azerbaijani=GPE:AZE/", "Russian=GPE:RUS/"}},
		{name: "a demonym in a subject or a titled name is not split off",
			text:   "A Kenyan court freed Armenian Foreign Minister Aram Sargsyan.",
			absent: []string{"Kenyan", "Armenian"}},
		{name: "its points back, not forward",
			text: "Kenya said it would pull its troops out of Russia.",
			want: []string{"its troops=ROLE:KEN/MIL"}},
		{name: "a known office holder's name codes a role",
			text: "The Wambui government rejected the plan.",
			want: []string{"The Wambui government=ROLE:KEN/GOV"}},
		{name: "its skips a country governed by a preposition",
			text: "Armenia said it would expel envoys from Russia and Kenya and recall its ambassadors.",
			want: []string{"its ambassadors=ROLE:ARM/GOV"}},
		{name: "a name opened by a lower-case Arabic article",
			text: "Police said al-Nasr Front claimed the attack.",
			want: []string{"al-Nasr Front=ORG:KEN/REB"}},
		{name: "a two-word title before a known name is not a person",
			text: "Prime Minister Wambui resigned on Friday.",
			want: []string{"Wambui=PERSON:KEN/GOV"}, absent: []string{"Prime Minister"}},
		{name: "an ethnic group belongs to the state it lives in",
			text: "Ethnic Armenians in southern Russia protested. On Sunday ethnic Hungarians rallied.",
			want: []string{"Armenians in southern Russia=ROLE:RUS/CVL", "Hungarians=ROLE:/CVL"}},
		{name: "an ethnic demonym does not code a role",
			text: "The ethnic Armenian protesters dispersed.",
			want: []string{"The ethnic Armenian protesters=ROLE:/CVL"}},
		{name: "an unqualified group takes the sentence's one state",
			text: "Kenyan police detained protesters in the capital.",
			want: []string{"protesters=ROLE:KEN/CVL"}},
		{name: "not when only armed forces name the state",
			text: "Kenyan troops detained protesters near the border.",
			want: []string{"protesters=ROLE:/CVL"}},
		{name: "a state named only as a place still makes the sentence ambiguous",
			text: "Kenyan police detained protesters after the talks in Russia.",
			want: []string{"protesters=ROLE:/CVL"}},
		{name: "people from a body belong to it",
			text: "Officials from the World Food Programme arrived in Baku.",
			want: []string{"Officials=ROLE:UNO/GOV"}},
		{name: "the government of a known office holder",
			text: "The government of President Wambui resigned.",
			want: []string{"The government=ROLE:KEN/GOV"}},
		{name: "an organisation before a title codes the person",
			text: "World Food Programme Head Jane Atieno spoke on Monday.",
			want: []string{"Jane Atieno=PERSON:UNO/GOV"}},
		{name: "a plural definite description is not the last person",
			text: "Kenyan Minister Ruth Otieno spoke. The officials left.", dateline: "ARM",
			want: []string{"The officials=ROLE:ARM/GOV"}},
		{name: "a people of a land lives there; in a land they may be visitors",
			text: "The Armenians of southern Russia voted, and Kenyans in Russia left.",
			want: []string{"Armenians of southern Russia=ROLE:RUS/CVL", "Kenyans=ROLE:KEN/CVL"}},
		{name: "discard list",
			text: "On Monday Armenia said nothing.",
			want: []string{"Armenia=GPE:ARM/GOV"}, absent: []string{"Monday"}},
		{name: "pronoun with no antecedent is dropped",
			text:   "He said nothing.",
			absent: []string{"He"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text, tt.dateline)
			var got []string
			raws := map[string]bool{}
			for _, e := range d.Entities {
				got = append(got, describe(d, e))
				raws[d.SpanText(e.Span)] = true
				if e.Rule == "" {
					t.Errorf("entity %q has no rule", d.SpanText(e.Span))
				}
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					if g == w {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %q; got %q", w, got)
				}
			}
			for _, a := range tt.absent {
				if raws[a] {
					t.Errorf("%q should not be an entity; got %q", a, got)
				}
			}
		})
	}
}
