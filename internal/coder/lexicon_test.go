package coder_test

import (
	"context"
	"strings"
	"testing"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// TestShippedTriggerFrames codes sentences with the shipped lexicons and
// checks what the frames of data/triggers and the cue tables say about
// them: a trigger whose object must be an actor ("subj>obj!") codes no
// event when its object is a thing, a verb of asking used for a
// question is no request, and a natural hazard, a disease or an accident
// is no party to an event. Every sentence was written for this test.
func TestShippedTriggerFrames(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text string
		want       string // "TYPE/mode", or "" for none of that trigger
		trigger    string
	}{
		// A nominal committed to is promised (promise.go): a truce
		// agreed to is a concession, aid pledged an agreement.
		{"agreeing to a truce concedes", "The Ugandan rebels agreed to a truce on Sunday.", "CONCEDE/ceasefire", "agreed to"},
		{"two sides agreeing to a truce concede", "Kenya and Uganda agreed to a truce on Sunday.", "CONCEDE/ceasefire", "agreed to"},
		{"pledged aid is promised", "Kenya pledged $5 million in aid to the flood victims.", "AGREE/", "aid"},
		// Fighting that stops is a ceasefire observed (RETREAT), told
		// from the fighting's side; an end fought for is none.
		// A verb the parse read as its object's adjective still
		// hangs where its object does.
		{"sanctions weighed through a gerund", "Kenya is considering imposing sanctions on Uganda.", "THREATEN/", "imposing sanctions"},
		{"fighting that resumes goes on", "Fighting resumed in the Kenyan border town of Mandera on Monday.", "ASSAULT/", "Fighting"},
		{"fighting only mentioned", "The fighting was mentioned in a Kenyan report on Monday.", "", "fighting"},
		{"a conjoined gerund is an accusation's content", "Kenya accused Uganda of arming rebels and shelling border villages.", "", "shelling"},
		// Only civilians protest by obstruction; armed forces that
		// block passage restrict movement.
		{"police blocking roads restrict movement", "Kenyan police blocked the roads to the stadium.", "COERCE/restrict", "blocked the roads"},
		{"farmers blocking roads protest", "Kenyan farmers blocked the roads with tractors.", "PROTEST/obstruct", "blocked the roads"},
		{"students holding a building protest", "Kenyan students occupied the university administration building.", "PROTEST/obstruct", "occupied the university administration building"},
		{"a broadcaster suspended is censored", "The Kenyan government suspended the broadcaster over its coverage.", "COERCE/censor", "suspended the broadcaster"},
		{"a participle after a number is attributive", "The Kenyan rebels released the two kidnapped aid workers.", "", "kidnapped"},
		// A protest or a show of force held over the other side's
		// conduct is a threat; one offered on request is not.
		{"a strike held over a condition is a threat", "Kenyan nurses will go on strike unless their pay is raised.", "THREATEN/", "go on strike"},
		{"a strike on an unmet demand is a threat", "Kenyan teachers plan to strike if the government does not raise their pay.", "THREATEN/", "strike"},
		{"a strike announced is a protest", "Kenyan nurses will go on strike on Monday.", "PROTEST/strike", "go on strike"},
		{"troops offered on request", "Kenya is ready to send troops if the African Union asks it to.", "MOBILIZE/troops", "send troops"},
		{"live bullets fired", "Kenyan police fired live bullets at protesters in Kisumu.", "ASSAULT/firearms", "live bullets"},
		{"support lent is support", "Kenya lent its support to the Ugandan bid.", "SUPPORT/", "lent its support"},
		{"lending suspended is a sanction", "The World Bank suspended lending to Uganda on Friday.", "SANCTION/discontinue", "suspended lending"},
		{"demands accepted under a long name", "The Kenyan government accepted the union's latest demands.", "CONCEDE/", "accepted the union's latest demands"},
		{"a possessive apostrophe inside a gap", "The Kenyan government met the strikers' demands on Friday.", "CONCEDE/", "met the strikers' demands"},
		{"an assembly dissolved", "The Kenyan junta dissolved the national assembly on Monday.", "COERCE/ban", "dissolved the national assembly"},
		{"a constitution suspended", "The Kenyan junta suspended the constitution on Monday.", "COERCE/martial-law", "suspended the constitution"},
		// An expression that ends in a verb holds that verb's subject.
		{"a weapon and its verb are one expression", "Kenyan rockets struck a Ugandan base on Monday.", "ASSAULT/heavy-weapons", "rockets struck"},
		{"the subject's of-phrase may open an expression", "A group of Kenyan protesters gathered outside the Ugandan embassy.", "PROTEST/demo", "protesters gathered"},
		{"rules relaxed are eased", "The Kenyan government will relax its strict visa regulations for Ugandans.", "CONCEDE/", "relax its strict visa regulations"},
		{"a bill withdrawn is a concession", "The Kenyan government withdrew the new finance bill after protests.", "CONCEDE/", "withdrew the new finance bill"},
		{"a military operation launched", "Kenya launched a military operation in Somalia on Tuesday.", "ASSAULT/", "military operation"},
		{"fighting that breaks out", "Fighting broke out near the Kenyan town of Busia on Monday.", "ASSAULT/", "Fighting broke out"},
		{"clashes that erupt", "Clashes erupted overnight in the Ugandan town of Arua.", "ASSAULT/", "Clashes erupted"},
		{"fighting stopped", "Fighting stopped in the Kenyan border town on Monday.", "RETREAT/ceasefire", "Fighting stopped"},
		{"a noun's whole phrase before its verb", "Hostilities between the Kenyan army and the Ugandan rebels ceased on Monday.", "RETREAT/ceasefire", "Hostilities between the Kenyan army and the Ugandan rebels ceased"},
		{"an end fought for", "Ugandan rebels have fought for years for an end to the war.", "", "fought for years for an end"},
		// Troops sent to keep the peace are aid (CAMEO 074), other
		// troops sent a show of force.
		{"peacekeeping troops sent are aid", "Kenya sent peacekeeping troops to Somalia.", "AID/", "sent peacekeeping troops"},
		{"peacekeepers sent are aid", "Kenya sent 500 peacekeepers to Somalia.", "AID/", "sent 500 peacekeepers"},
		{"peacekeepers withdrawn end a presence", "The African Union withdrew its peacekeepers from Somalia.", "SANCTION/withdraw", "withdrew its peacekeepers"},
		{"fighting troops withdrawn retreat", "Uganda withdrew its troops from Kenya.", "RETREAT/withdraw", "withdrew its troops"},
		{"foreign troops ordered out are expelled", "The Kenyan junta ordered Ugandan troops to leave the country.", "SANCTION/expel", "ordered Ugandan troops to leave"},
		{"troops sent are a mobilisation", "Kenya sent troops to Somalia.", "MOBILIZE/troops", "sent troops"},
		// People are captured and arrested; a town captured is
		// territory taken.
		{"a captured town is occupied", "Ugandan rebels captured Kisumu on Friday.", "ASSAULT/", "captured"},
		{"a captured suspect is arrested", "Kenyan police captured the Ugandan suspect near Kisumu.", "COERCE/arrest", "captured"},
		// An intention reaches down the purpose clauses of what is
		// intended; a thing sent controls no purpose.
		{"a defence intended through a purpose clause", "Kenya is willing to send equipment to help defend Uganda.", "AGREE/", "defend"},
		{"a defence made", "Kenya sent equipment to help defend Uganda.", "SUPPORT/", "defend"},
		{"demands met are no meeting", "The Kenyan rebels said they would free the hostages once their demands were met.", "", "met"},
		{"retaking a town is an assault", "Kenyan troops retook the town from the rebels on Monday.", "ASSAULT/", "retook the town"},
		{"a strike announced is a protest", "Kenyan teachers will strike next week over pay.", "PROTEST/strike", "strike"},
		{"a strike in solidarity is a walkout", "Kenyan nurses went on a strike in solidarity with Ugandan doctors.", "PROTEST/strike", "went on a strike"},
		{"a strike on a place is an attack", "Ugandan rebels will strike the border post tonight.", "THREATEN/", "strike"},
		{"armed with rifles is a state", "The Ugandan gunmen were armed with rifles and machetes.", "", "armed"},
		{"arming a militia is aid", "Kenya armed a Ugandan militia during the war.", "AID/", "armed"},
		{"an ordered release is the orderer's", "A Kenyan court ordered the release of two Ugandan traders.", "RETREAT/release", "release"},
		{"slaughtering livestock is no massacre", "Kenyan herders slaughtered their cattle before the drought.", "", "slaughtered"},
		{"slaughtering villagers is", "Ugandan rebels slaughtered dozens of Kenyan villagers.", "ASSAULT/massacre", "slaughtered"},
		// A phrasal verb is a word of its own: a trigger verb with a
		// particle its pattern lacks names no event, and the lexicon
		// lists the phrasal verbs that do.
		{"kicking off a season beats no one", "The Kenyan league will kick off its season in Kampala.", "", "kick"},
		{"hanging out executes no one", "The Ugandan envoy hung out with Kenyan students.", "", "hung"},
		{"burning down a village destroys it", "Ugandan rebels burned down a Kenyan village.", "ASSAULT/destroy", "burned down"},
		{"fighting off attackers is an assault", "Kenyan guards fought off the Ugandan raiders.", "ASSAULT/", "fought off"},
		{"hanging a banner executes no one", "Ugandan students hung a banner from a bridge in Nairobi.", "", "hung"},
		{"hanging prisoners executes them", "The Ugandan authorities hanged two Kenyan prisoners.", "ASSAULT/execute", "hanged"},
		// Agreeing that something is so commits to nothing; agreeing
		// on what will be done does.
		{"agreeing with a view is no agreement", "The Kenyan minister agreed that the Ugandan vote was fair.", "", "agreed"},
		{"agreeing in the present on a view is none either", "The Kenyan police chief agrees that raids by Ugandan herders are a problem.", "", "agrees"},
		{"agreeing on what will be done is", "Kenya and Uganda agreed that their troops would leave the island by June.", "AGREE/", "agreed"},
		// A halt to attacks may name them with a determiner and
		// adjectives; removing a measure eases it.
		{"suspending all attacks is a ceasefire", "The Ugandan rebels agreed to suspend all their ongoing attacks on Kenya.", "CONCEDE/ceasefire", "agreed to"},
		{"removing a measure is a concession", "Kenya agreed to remove a security measure imposed on Ugandan traders.", "CONCEDE/", "agreed to"},
		{"fighting the spread of a disease is no assault", "Kenyan health workers joined the fight against the spread of cholera in Uganda.", "", "fight"},
		{"a ban on moving livestock is still a ban", "Any movement of Ugandan livestock into Kenya has been banned.", "COERCE/ban", "banned"},
		{"a gerund modifying a noun names no event", "The Ugandan bill angered the shooting lobby in Kenya.", "", "shooting"},
		{"a gerund modifying an occurrence names it", "Kenyan police logged a stabbing incident near the Ugandan border.", "ASSAULT/primitive", "stabbing"},
		{"pressing a thing asks nothing", "The Kenyan guard pressed the alarm button twice.", "", "pressed"},
		{"pressing a state to act is a request", "Kenya pressed Uganda to pull its soldiers off the island.", "REQUEST/", "pressed"},
		{"a present-tense verb with a copula is an adjective", "Are you free for lunch with the Kenyan envoy today?", "", "free"},
		// A place taken by force may be named with a determiner and
		// adjectives; "take" alone keeps a one-word gap.
		{"capturing a strategic town is an assault", "Ugandan rebels captured the strategic border town of Kasese.", "ASSAULT/", "captured the strategic border town"},
		{"taking place in a city is no capture", "The Kenyan ceremony took place in the city of Mombasa.", "", "took place in the city"},
		{"placing someone under house arrest arrests them", "Ugandan police placed the Kenyan opposition leader under house arrest.", "COERCE/arrest", "placed the Kenyan opposition leader under house arrest"},
		{"suspending a state's membership is a sanction", "The African Union suspended Uganda's membership after the coup.", "SANCTION/withdraw", "suspended Uganda's membership"},
		{"a split phrasal verb is listed whole", "Uganda disputed the Kenyan claim, but Tanzania backed it up.", "SUPPORT/", "backed it up"},
		{"backing out supports nothing", "The Ugandan donor backed out after a dispute with Kenya.", "", "backed"},
		{"hitting back in words is disapproval", "Uganda hit back at Kenya over the ban.", "ACCUSE/disapprove", "hit back at"},
		// A shared object in right node raising is each verb's.
		{"slaughtering shared livestock is no massacre", "Kenyan officials began slaughtering and burying 300 goats near Eldoret.", "", "slaughtering"},
		{"declining to comment rejects nothing", "The Kenyan ministry declined to comment on the Ugandan report.", "", "declined to"},
		{"refusing to withdraw is a rejection", "Kenya refused to withdraw the soldiers it had sent into Uganda.", "REJECT/yield", "refused to withdraw"},
		{"live ammunition is gunfire", "Kenyan soldiers fired live ammunition at Ugandan traders.", "ASSAULT/firearms", "live ammunition"},
		{"an expression may open with an adjective", "Kenyan and Ugandan troops held joint military exercises near Lake Victoria.", "COOPERATE/", "joint military exercises"},
		{"an announced deployment is a mobilization", "Kenya will send 1,000 police officers to Uganda next month.", "MOBILIZE/police", "send 1,000 police"},
		{"an announced strike on a place is a threat", "Kenyan jets will strike Ugandan rebel camps tonight.", "THREATEN/", "strike"},
		{"tear gas whatever the tagger makes of tear", "The Kenyan army used tear gas against Ugandan students.", "ASSAULT/crowd-control", "tear gas"},
		{"an agreement to patrol is an agreement", "Kenya and Uganda agreed to patrol the shared border together.", "AGREE/", "agreed to"},
		{"regaining control of a town is an assault", "Kenyan troops regained control of the town after a week.", "ASSAULT/", "regained control of the town"},
		{"taking control of a company is none", "A Kenyan investor took control of the company in May.", "", "took control of the company"},
		{"asked once how is a question", "Asked once how the talks had gone, the Kenyan envoy laughed.", "", "Asked"},
		{"a training no one undergoes is none", "The Kenyan doctor completed her residency training in Kampala.", "", "training"},
		{"training soldiers is cooperation", "Kenya trained Ugandan soldiers near Lake Victoria.", "COOPERATE/", "trained"},
		{"a participle inside a noun phrase is no event", "The Kenyan army said it freed 20 kidnapped schoolgirls.", "", "kidnapped"},
		{"a participle after a verb is no second verb", "The Kenyan Red Cross evacuated wounded civilians from Garissa.", "", "wounded"},
		{"meeting a counterpart is consulting", "Kenya's foreign minister met his Ugandan counterpart on Tuesday.", "CONSULT/", "met"},
		{"a month after a lower-case word is no march", "Kenyan rebels freed two Ugandan hostages held since March.", "", "held since March"},
		{"receiving an envoy is hosting", "The Kenyan president received the Ugandan envoy on Monday.", "CONSULT/host", "received"},
		{"receiving a letter is not", "The Kenyan ministry received the letter on Monday.", "", "received"},
		{"receiving treatment is not", "Three Ugandan soldiers are receiving treatment in Nairobi.", "", "receiving"},
		{"hosting a leader is hosting", "Kenya hosted the Ugandan president in March.", "CONSULT/host", "hosted"},
		{"hosting a tournament is not", "Kenya hosted the regional football tournament in March.", "", "hosted"},
		{"admitting a mistake is a concession", "The Kenyan ministry admitted its mistake on Monday.", "CONCEDE/", "admitted its mistake"},
		{"being admitted to hospital is none", "Two Kenyan soldiers were admitted to a hospital in Kisumu.", "", "admitted"},
		{"evacuating people is aid", "Kenyan troops evacuated two hundred Ugandan students from Juba.", "AID/", "evacuated"},
		{"evacuating a building is not", "Kenyan police evacuated the ministry building on Monday.", "", "evacuated"},
		// A warning is a threat only for the act it announces
		// (governors.tsv, role content).
		{"a warning of the warner's own act", "Kenya warned that it would retaliate against Uganda.", "THREATEN/", "warned"},
		{"a warning not to act", "Kenya warned Uganda not to cross the border.", "THREATEN/", "warned"},
		{"a warning against a course of action", "Kenya warned the Ugandan press against publishing the photographs.", "THREATEN/", "warned"},
		// Hazards are no actors (data/cues/nonactors.tsv).
		{"a named storm is no actor", "Typhoon Kalinda struck the Kenyan coast on Sunday.", "", "struck"},
		{"rain is no actor", "Heavy rains destroyed two hundred homes in Kisumu.", "", "destroyed"},
		{"flood water is no actor", "Two hundred homes in Kisumu were destroyed by floodwaters.", "", "destroyed"},
		// An act only weighed is hypothetical; a conflict weighed is a
		// threat (governors.tsv, role contemplate).
		{"weighing sanctions threatens them", "Kenya is considering sanctions against Uganda.", "THREATEN/", "sanctions"},
		{"weighing another's offer weighs no act of one's own", "Kenya considered the Ugandan offer on Monday.", "AGREE/", "offer"},
		{"ordering an envoy to leave is an expulsion", "Kenya ordered the Ugandan ambassador to leave within 72 hours.", "SANCTION/expel", "ordered the Ugandan ambassador to leave"},
		{"ordering an envoy to attend is not", "The Kenyan court ordered the Ugandan ambassador to attend the hearing.", "", "ordered"},
		{"a threat's condition is no threat of its own", "Kenya will close the border if the rebels attack the town.", "ASSAULT/", "attack"},
		{"a warning of a danger is no threat", "Kenyan health officials warned that the toll may rise.", "", "warned"},
		{"advice is no threat", "Kenyan officials warned residents to boil water.", "", "warned"},
		{"a warning that a danger cannot be stopped is no threat", "Kenyan health officials warned that the outbreak can not be contained.", "", "warned"},
		{"a warning that floods may hit is no threat", "The Kenyan ministry warned that thousands of people could be hit by floods.", "", "warned"},
		{"pleading guilty asks nothing", "The Ugandan soldier pleaded guilty on Monday.", "", "pleaded"},
		{"pleading with someone is a request", "The Kenyan minister pleaded with Uganda to reopen the border.", "REQUEST/", "pleaded with"},
		{"an extraposed it is not the warner", "Kenyan officials warned that it would take weeks to reopen the road.", "", "warned"},
		// Protesters who gather are protesting (protest.tsv); mourners are not.
		{"protesters who converge protest", "Protesters converged on the Kenyan ministry on Monday.", "PROTEST/demo", "Protesters converged"},
		{"mourners who gather do not", "Mourners gathered at the Kenyan ministry on Monday.", "", "gathered"},
		// A visit or a reception is a consultation between political
		// actors (event.diplomatic).
		{"a president's visit is a consultation", "The Kenyan president visited Uganda in March.", "CONSULT/visit", "visited"},
		{"a minister's arrival in a country is a visit", "The Kenyan foreign minister arrived in Haiti on Monday.", "CONSULT/visit", "arrived in"},
		{"a minister's arrival at a hospital is not", "The Kenyan foreign minister arrived at the hospital on Monday.", "", "arrived at"},
		{"tourists' visits are not", "Three Kenyan tourists visited Uganda in March.", "", "visited"},
		{"a patient's visit to a doctor is not", "The Kenyan minister told the patient to visit a doctor.", "", "visit"},
		{"receiving tourists is no hosting", "Kenya received thousands of tourists from Uganda last year.", "", "received"},
		// A request asks for what is not yet done (event.statesFact,
		// impersonalPassive) and is a verb (event.isVerbal).
		{"a demand with a subjunctive is a request", "Kenya demanded that Uganda withdraw its troops.", "REQUEST/", "demanded"},
		{"an insistence on a past fact asks nothing", "The Kenyan lawyer insisted that his client had no role in the attack.", "", "insisted"},
		{"an impersonal expectation asks nothing", "It is expected that Kenyan maize prices will rise.", "", "expected that"},
		{"a noun under a preposition is no verb", "The Kenyan minister has been under pressure to resign.", "", "pressure"},
		{"capturing smugglers is an arrest", "Kenyan police captured two Ugandan smugglers near Busia.", "COERCE/arrest", "captured"},
		{"capturing medals is not", "The Kenyan swimmer captured four medals in Durban.", "", "captured"},
		{"pardoning prisoners releases them", "The Kenyan president pardoned three Ugandan prisoners on Wednesday.", "RETREAT/release", "pardoned"},
		{"pardoning a turkey releases no one", "The Kenyan president pardoned a turkey on Wednesday.", "", "pardoned"},
		{"rescuing hostages is aid", "Kenyan soldiers rescued twenty Ugandan hostages.", "AID/", "rescued"},
		{"rescuing an economy is not", "The Kenyan minister rescued the struggling economy.", "", "rescued"},
		// A release frees people, not documents (Slot.Required on verbs
		// and nominals: thingUndergoes, thingNominal).
		{"releasing prisoners is a release", "Uganda released Kenyan prisoners on Monday.", "RETREAT/release", "released Kenyan prisoners"},
		{"the release of a journalist is a release", "Kenya welcomed the release of the Ugandan journalist.", "RETREAT/release", "release"},
		{"a press release frees no one", "The Kenyan ministry issued a press release on Friday.", "", "release"},
		{"figures released by a country free no one", "The ministry spoke about the Kenyan figures released recently.", "", "released"},
		{"evacuating hundreds of people is aid", "Kenyan troops evacuated hundreds of thousands of people from Garissa.", "AID/", "evacuated"},
		// A verb-only trigger's noun names no event; its gerund does.
		{"allying is cooperation", "Kenya allied with Uganda against the rebels.", "COOPERATE/", "allied"},
		{"allies are no cooperation", "Kenya and its allies rejected the Ugandan plan.", "", "allies"},
		{"the press presses no one", "The Kenyan press criticised Uganda.", "", "press"},
		{"a gerund names its verb's event", "The targeting of Kenyan hospitals by Ugandan aircraft continued.", "ASSAULT/", "targeting"},
		{"meeting a minister is a consultation", "The Kenyan president met the Ugandan minister on Monday.", "CONSULT/", "met"},
		{"meeting standards is not", "Kenyan officials said the Ugandan plan meets international standards.", "", "meets"},
		{"recognizing a state is support", "Kenya recognized Kosovo in March.", "SUPPORT/", "recognized"},
		{"recognizing a fact is not", "Kenyan officials recognize that the Ugandan vote was fair.", "", "recognize"},
		// Workers who strike stop work (event.labourStrike).
		{"teachers who strike walk out", "Thousands of Kenyan teachers are preparing to strike next week.", "PROTEST/strike", "strike"},
		{"rebels who strike a post attack it", "Ugandan rebels struck a Kenyan army post.", "ASSAULT/", "struck"},
		// An acronym has no lemma but itself.
		{"distributing aid is aid", "Kenyan officials distributed aid to students in Nairobi.", "AID/", "distributed aid"},
		{"AIDS is no plural of aid", "Kenyan officials distributed AIDS leaflets to students in Nairobi.", "", "distributed AIDS"},
		{"a treaty signed in the passive", "The border treaty was signed by Kenya and Uganda in Arusha.", "SUPPORT/", "treaty was signed"},
		// An expression ending in "to" takes that infinitive, wherever
		// the parse hung it.
		{"an intention to disarm is a promise to yield", "The Ugandan rebels announced their intention to disband and lay down their arms.", "CONCEDE/disarm", "announced their intention to"},
		{"removing checkpoints is a withdrawal", "The Kenyan army agreed to remove the checkpoints near Busia.", "CONCEDE/withdraw", "agreed to"},
		{"a blaze at a camp is no shooting", "A fire at a Kenyan refugee camp destroyed forty tents.", "", "fire at"},
		{"ordering a mission out is an expulsion", "Uganda ordered the UN observer mission to leave the country.", "SANCTION/expel", "ordered the UN observer mission to leave"},
		// Leaving a treaty ends cooperation; leaving a town is a retreat.
		{"leaving a treaty", "Kenya withdrew from the regional trade treaty on Monday.", "SANCTION/discontinue", "withdrew from the regional trade treaty"},
		{"leaving a town", "Ugandan troops withdrew from the Kenyan border town on Monday.", "RETREAT/withdraw", "withdrew"},
		// Hazards and accidents are no actors, named by a relative
		// pronoun or a gerund of cause too.
		{"a quake that killed is no assault", "The earthquake which struck western Kenya has killed 40 people.", "", "killed"},
		{"a crash as a gerund of cause", "A Kenyan trader was killed after crashing his truck near Busia.", "", "killed"},
		{"an ambush as a clause of cause is still an attack", "Two Kenyan soldiers were killed after Ugandan rebels ambushed their convoy.", "ASSAULT/", "killed"},
		// "As if" compares; it sets no condition.
		{"'as if' makes no threat", "Ugandan troops shelled the town as if there was no truce.", "ASSAULT/heavy-weapons", "shelled"},
		// Property burnt by a protest crowd is the riot's violence.
		{"protesters burning a station riot", "Ugandan protesters set fire to a police station in Kampala.", "PROTEST/riot", "set fire to"},
		{"rebels burning houses attack", "Ugandan rebels set fire to houses in a village near Kasese.", "ASSAULT/destroy", "set fire to"},
		// So is property burnt by no one named where the sentence tells
		// of the protest.
		{"a station burnt in a riot is the riot's", "Ugandan students rioted in Kampala, and a police station was burned down.", "PROTEST/riot", "burned down"},
		{"a station burnt by no one named is destroyed", "A Ugandan police station was burned down on Monday.", "ASSAULT/destroy", "burned down"},
		// "Provide X with Y" supplies X.
		{"providing a state with a loan is aid", "Kenya provided Uganda with a loan of two million dollars.", "AID/", "provided Uganda with a loan"},
		{"supplying a militia with weapons is aid", "Uganda supplied the Kenyan rebels with rifles.", "AID/", "supplied the Kenyan rebels with rifles"},
		{"an alert with its level is a mobilization", "Kenya put its border police on high alert.", "MOBILIZE/troops", "put its border police on high alert"},
		// An attributive participle names a property, not an event.
		{"poisoning as a verb is an assault", "Ugandan rebels poisoned the wells near Garissa.", "ASSAULT/assassinate", "poisoned"},
		{"the poisoned food is no assault", "The Kenyan police seized the poisoned food on Monday.", "", "poisoned"},
		{"a declining trend declines nothing", "Kenyan officials reported a declining trend in attacks.", "", "declining"},
		{"the alleged leader is no allegation", "Kenyan police arrested the alleged leader of the Ugandan gang.", "", "alleged"},
		{"armed men are no aid", "Kenyan police found armed men near the Ugandan border.", "", "armed"},
		{"a participle after an auxiliary is a verb", "The Kenyan government has banned exports of maize to Uganda.", "SANCTION/", "banned exports"},
		{"a participle after a conjunction is a verb", "The Kenyan president toured the camp and met refugees from Uganda.", "CONSULT/", "met"},
		// A question asks for no act.
		{"asking for an act is a request", "Kenya asked Uganda to reopen the border.", "REQUEST/", "asked"},
		{"asking for help on a condition is a request", "Kenya asked Uganda for help if the talks fail.", "REQUEST/", "asked"},
		{"asked about is a question", "When asked about the border, the Kenyan minister said nothing.", "", "asked"},
		{"asked why is a question", "Kenya asked Uganda why the border was closed.", "", "asked"},
		{"a quoted question after the one asked", "The Kenyan senator asked the minister, \"Why was the border closed?\"", "", "asked"},
		{"a quoted demand after the one asked", "The Kenyan senator asked the minister, \"Reopen the border now.\"", "REQUEST/", "asked"},
		{"a quoted question", "\"Why now?\" asked the Kenyan minister.", "", "asked"},
		// Causes that are no actors (data/cues/nonactors.tsv).
		{"rebels who kill are actors", "Rebels killed forty people near Kisumu on Sunday.", "ASSAULT/", "killed"},
		{"a disease that kills is none", "A cholera outbreak has killed forty people near Kisumu.", "", "killed"},
		{"an earthquake that strikes is none", "A strong earthquake struck northern Kenya on Sunday.", "", "struck"},
		{"a disease before a verb the parse left subjectless", "Kenyan officials issued an alert Thursday after an outbreak of cholera killed sixty people.", "", "killed"},
		{"a hazard right before the verb", "More than 600 people have died after a tsunami hit the Kenyan coast on Monday.", "", "hit"},
		{"animals right before a participle", "Inspectors in which Kenyan officials trust are removed from all cattle slaughtered in Garissa for export.", "", "slaughtered"},
		{"a kind of disease that kills", "Kenya reported a new type of flu that has killed forty people near Nairobi.", "", "killed"},
		{"a restriction acts on goods and animals", "Kenyan officials restricted the transport of poultry near Nairobi.", "COERCE/restrict", "restricted"},
		{"a drone that strikes a vehicle is an actor's", "A Kenyan drone struck a vehicle near the border.", "ASSAULT/drone", "drone struck"},
		{"an accusation of spreading a disease is an accusation", "Kenya accused Uganda of spreading cholera.", "ACCUSE/allege", "accused"},
		{"killed in a landslide is no assault", "Two Kenyan villagers were killed in a landslide on Monday.", "", "killed"},
		{"killed after an outbreak is no assault", "Nine Kenyan villagers were killed after an outbreak of cholera.", "", "killed"},
		{"killed after an attack is", "Nine Kenyan villagers were killed after a rebel attack.", "ASSAULT/", "killed"},
		{"killed in an attack is", "Two Kenyan villagers were killed in a rebel attack on Monday.", "ASSAULT/", "killed"},
		{"culling birds is no assault", "Kenyan officials killed ten thousand chickens near Kisumu.", "", "killed"},
		{"a ban on animals acts on their traders", "Kenya banned Ugandan cattle on Monday.", "COERCE/ban", "banned"},
		{"rates are no rats", "Kenyan banks offered lower rates to Ugandan traders.", "AGREE/", "offered"},
		{"fighting a disease is no assault", "The Kenyan ministry pledged funds to fight malaria.", "", "fight"},
		{"investigating an outbreak is no investigation of anyone", "Kenyan officials are investigating an outbreak of measles.", "", "investigating"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			if ev := eventAt(t, w, tc.text, tc.trigger); ev != nil {
				got = string(ev.Type) + "/" + ev.Mode
			}
			if got != tc.want {
				t.Errorf("%q: %q coded %q, want %q", tc.text, tc.trigger, got, tc.want)
			}
		})
	}
}

// TestShippedNominalRoles checks who acts and who undergoes in nominal
// triggers of the shipped lexicon: a noun pattern wins on a noun, frames
// are tried in order, and the lexicon's prep:by>poss frames mark nouns
// whose bare possessor undergoes them. Every sentence was written for
// this test.
func TestShippedNominalRoles(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text, trigger string
		want                string // "actors>recipients" by raw text, "-" for no event
	}{
		// A reduced relative with a prepositional phrase before the
		// predicate (parse.repairReducedRelatives).
		{"a reduced relative before the predicate", "Kenyan soldiers equipped with armoured vehicles attacked Ugandan rebels near the border.", "attacked", "Kenyan soldiers>Ugandan rebels"},
		{"the reduced relative is no predicate", "Kenyan soldiers armed with rifles attacked Ugandan rebels near the border.", "attacked", "Kenyan soldiers>Ugandan rebels"},
		{"a verb with a subject of its own ends no expression", "Kenyan helicopters armed with rockets attacked Ugandan rebels near the border.", "attacked", "Kenyan helicopters>Ugandan rebels"},
		{"the reduced relative codes no arming", "Kenyan soldiers armed with rifles attacked Ugandan rebels near the border.", "armed", "-"},
		// A source's terms are no request (governors.tsv, role anonymity).
		{"asking not to be named is no request", "A Kenyan official, who asked not to be named, said the talks had failed.", "asked", "-"},
		{"requesting anonymity is no request", "A Kenyan diplomat who requested anonymity said Uganda had closed the border.", "requested", "-"},
		{"asking to remain anonymous is no request", "A Ugandan officer who asked to remain anonymous said the troops had withdrawn.", "asked", "-"},
		{"asking another to name someone is a request", "Kenya asked Uganda to name an envoy.", "asked", "Kenya>Uganda"},
		// An idiom's own noun is no one's ("forces", "troops").
		{"joining forces is mutual", "Kenya and Uganda joined forces against the rebels.", "joined forces", "Kenya>Uganda"},
		{"troops contributed are the contributor's own", "Kenya contributed troops to the African Union mission.", "contributed troops", "Kenya>African Union"},
		{"troops pulled back are the actor's own", "Kenya will pull troops back from the Ugandan border.", "pull troops", "Kenya>Ugandan"},
		// A capital before an event noun says where, not who; a protest
		// is aimed at the authorities of the place it is held in.
		{"a capital before a protest is its place", "The Nairobi protests continued on Monday.", "protests", ">Nairobi"},
		{"a capital before an attack is no attacker", "Kenyan police arrested two men after the Nairobi attacks.", "attacks", "-"},
		// A verb of protest with an object names another sense:
		// "demonstrate" is also "show".
		{"demonstrating that something is so is no protest", "The report demonstrated that Kenyan exports had grown.", "demonstrated", "-"},
		{"demonstrating a quality is no protest", "Kenyan athletes demonstrated great skill at the games.", "demonstrated", "-"},
		{"compromising something is no concession", "The leak compromised Kenyan security.", "compromised", "-"},
		{"a distance marched is no object", "Kenyan teachers marched 20 kilometres to the ministry on Monday.", "marched", "Kenyan teachers>the ministry"},
		{"a day marched is no object", "Kenyan nurses marched Saturday in Nairobi against the new levy.", "marched", "Kenyan nurses>Nairobi"},
		// A dictionary name may hold a possessive clitic.
		{"a name with a possessive inside", "The People's Republic of China accused Kenya of fraud.", "accused", "People's Republic of China>Kenya"},
		// Who attends, joins or organises an event takes part in it
		// (governors.tsv, support).
		{"attending a rally is protesting", "Kenyan teachers attended a rally in Nairobi on Monday.", "rally", "Kenyan teachers>Nairobi"},
		{"a march's organisers are its actor", "The march was organised by the Kenyan opposition.", "march", "the Kenyan opposition>"},
		{"joining a boycott is boycotting", "Kenyan nurses joined the boycott on Monday.", "boycott", "Kenyan nurses>"},
		{"supporters are a role of their own", "Opposition supporters clashed with Ugandan police on Monday.", "clashed", "Opposition supporters>Ugandan police"},
		{"a bare possessor is arrested", "Kenya condemned the Ugandan journalist's arrest on Monday.", "arrest", ">the Ugandan journalist"},
		// An object that names no actor stands for its maker.
		{"a rejected truce is its maker's", "Kenya rejected a truce declared by the Ugandan rebels.", "rejected", "Kenya>the Ugandan rebels"},
		// An "in protest" phrase names what a protest is against.
		{"a blockade in protest against a decision", "Kenyan farmers blocked roads in protest against the Ugandan government's decision.", "blocked roads", "Kenyan farmers>the Ugandan government"},
		{"a walkout in protest over a tax", "Kenyan workers walked out in protest over the Ugandan government's new levy.", "walked out", "Kenyan workers>the Ugandan government"},
		{"a banned march is its stagers'", "Kenyan police banned a march staged by the Ugandan opposition.", "banned a march", "Kenyan police>the Ugandan opposition"},
		// "Take" is a light verb: its object is its subject's act.
		{"strike action taken is the takers'", "Kenyan nurses took strike action on Monday.", "strike action", "Kenyan nurses>"},
		{"an investigation taken charge of is the police's", "The Kenyan police took charge of the investigation into the Ugandan bank.", "investigation", "The Kenyan police>the Ugandan bank"},
		{"a participle with its own complement is no maker of the event", "Kenya demanded the release of its soldiers taken hostage by the Ugandan rebels.", "release", "-"},
		// A noun phrase between a verb and its infinitive is its
		// object and controls the infinitive, whatever the parse
		// labelled it.
		{"a linking verb's noun phrase controls nothing", "Kenya became the first African country to recognise the new Ugandan government.", "recognise", "Kenya>the new Ugandan government"},
		// A gap after a noun may hold its whole phrase, and the noun's
		// phrase names the parties when the noun is the subject.
		{"hostilities between two states ended", "Hostilities between Kenya and Uganda ended on Monday.", "Hostilities between Kenya and Uganda ended", "Kenya>Uganda"},
		{"forces moved are their mover's own", "Kenya sent troops into Uganda on Monday.", "sent troops", "Kenya>Uganda"},
		{"an arrest warrant is for the one to be arrested", "A Kenyan court issued an arrest warrant for the Ugandan opposition leader.", "arrest warrant", "A Kenyan court>the Ugandan opposition leader"},
		{"schoolgirls abducted", "Gunmen abducted 40 schoolgirls near the Kenyan border.", "abducted", "Gunmen>40 schoolgirls"},
		{"a thing sent controls no purpose", "Kenya sent equipment to help defend Uganda.", "defend", "Kenya>Uganda"},
		{"an object read as a complement controls", "\"I urge Uganda to withdraw its troops,\" the Kenyan minister said.", "withdraw its troops", "Uganda>"},
		// An amount of aid: the parse may hang "in aid" on the amount
		// as an apposition; the support verb's subject still gives it.
		{"an amount in aid is the provider's", "Kenya provided $20 million in humanitarian aid to Uganda.", "humanitarian aid", "Kenya>Uganda"},
		// A resultative small clause: the object undergoes the
		// participle's event, which the verb's subject brought about.
		{"a raid leaving soldiers wounded", "The Ugandan raid left two Kenyan soldiers wounded.", "wounded", "Ugandan>two Kenyan soldiers"},
		{"leaving before another clause is no resultative", "Ugandan troops will also leave, and Kenya suspended development aid to Uganda.", "suspended development aid", "Kenya>Uganda"},
		// Right node raising: one object follows both verbs.
		{"a shared object is each verb's", "Kenyan soldiers attacked and looted two Ugandan villages.", "attacked", "Kenyan soldiers>Ugandan"},
		{"an earlier verb's own phrase shares nothing", "The Kenyan police fled to the hills and shelled a Ugandan village.", "fled", "-"},
		{"a possessor with an object arrests", "Uganda's arrest of two Kenyan reporters angered Nairobi.", "arrest", "Uganda>two Kenyan reporters"},
		{"a bare possessor is released", "Kenya welcomed the Ugandan envoy's release on Friday.", "release", ">the Ugandan envoy"},
		{"a possessor meets", "The Kenyan president's meeting with the Ugandan envoy lasted an hour.", "meeting", "The Kenyan president>the Ugandan envoy"},
		{"aides are no aid", "Kenyan health aides arrived in Kampala on Monday.", "aides arrived", "-"},
		// An undertaking noun carries its modifier's event
		// (governors.tsv, role undertaking), in the plural too.
		{"a mediation mission is the envoy's", "The Kenyan envoy undertook a mediation mission between Uganda and Rwanda.", "mediation mission", "The Kenyan envoy>Uganda+Rwanda"},
		{"mediation efforts are mediation", "The Kenyan envoy led mediation efforts between Uganda and Rwanda.", "mediation efforts", "The Kenyan envoy>Uganda+Rwanda"},
		// A nominal phrase names the event and holds no object; a
		// demonym on it is its actor, whatever its tag.
		{"a demonym on a nominal phrase acts", "American air strikes on Somalia continued for a week.", "air strikes", "American>Somalia"},
		{"a nominal phrase's modifier is not its target", "Recent Ugandan air strikes have killed six rebel commanders.", "air strikes", "Ugandan>"},
		// A noun that names the doers is its own actor (frame self).
		{"hunger strikers strike", "The Kenyan hunger strikers refused food for a month.", "hunger strikers", "The Kenyan hunger strikers>"},
		// A mutual action with a coordinated subject and no other side
		// is done by the first party to the others.
		{"coordinated sides of a clash", "Kenyan and Ugandan police clashed near the border on Sunday.", "clashed", "Kenyan and Ugandan police>Ugandan police"},
		{"coordinated countries meet", "Kenya and Uganda held talks in Arusha about the disputed island.", "held talks", "Kenya>Uganda"},
		{"an agreement between two states", "A trade agreement between Kenya and Uganda took effect on Monday.", "agreement", "Kenya>Uganda"},
		// The agent of a participle on the event: a support verb's
		// makes the event, another's (a broker's) takes no part.
		{"an offer made by a state is its own", "The offer made by Kenya angered the Ugandan delegation.", "offer", "Kenya>"},
		{"a broker is no party", "Kenya signed a deal mediated by Tanzania on Monday.", "signed a deal", "Kenya>"},
		{"a truce's broker is no party", "Kenya agreed to a truce, brokered by Tanzania, on Monday.", "agreed to", "Kenya>"},
		{"the pledger gives the aid", "Kenya pledged $5 million in aid on Monday.", "aid", "Kenya>"},
		// A bare number names a crowd; before "of" it is a quantity.
		{"thousands march", "Thousands marched through Nairobi on Monday.", "marched", "Thousands>Nairobi"},
		{"thousands of soldiers attack", "Thousands of Kenyan soldiers attacked the rebels.", "attacked", "Kenyan soldiers>the rebels"},
		{"the orderer of a release releases", "A Kenyan court ordered the release of two Ugandan traders.", "release", "A Kenyan court>two Ugandan traders"},
		// A participle controlled by an object is passive.
		{"had him arrested", "The Kenyan general had the Ugandan journalist arrested.", "arrested", ">the Ugandan journalist"},
		{"saw them beaten by police", "Witnesses saw the Kenyan students beaten by Ugandan police.", "beaten", "Ugandan police>the Kenyan students"},
		{"rubber bullets fired at a crowd", "Kenyan police fired rubber bullets at Ugandan traders.", "rubber bullets", "Kenyan police>Ugandan traders"},
		{"a purpose after a weapon is the firer's", "Kenyan police fired rubber bullets to disperse the Ugandan traders.", "disperse", "Kenyan police>the Ugandan traders"},
		{"a conjoined participle shares the passive", "Two Kenyan traders were arrested and charged with smuggling.", "charged with", ">Two Kenyan traders"},
		// In "for X to V", X is the infinitive's subject.
		{"calling for a minister to resign", "Kenyan students called for the Ugandan minister to resign.", "resign", "the Ugandan minister>"},
		{"the call is made to the one who should resign", "Kenyan students called for the Ugandan minister to resign.", "called for", "Kenyan students>the Ugandan minister"},
		// A claim of an act is its claimant's.
		{"claiming responsibility for an attack", "Ugandan rebels claimed responsibility for the attack on Monday.", "attack", "Ugandan rebels>"},
		{"claiming a bombing", "A Ugandan militia claimed the bombing in Kampala.", "bombing", "A Ugandan militia>"},
		{"taking part owns nothing", "Kenyan nurses took part in the fight against malaria.", "fight", "-"},
		{"two sides trading accusations", "Kenya and Uganda traded accusations over the shooting.", "traded accusations", "Kenya>Uganda"},
		// A role of two countries is each country's.
		{"leaders of two states", "The leaders of Kenya and Uganda condemned the bombing in Kampala.", "condemned", "The leaders+Uganda>"},
		{"ministers of two states meet", "The trade ministers of Kenya and Uganda met in Arusha on Friday.", "met", "The trade ministers>Uganda"},
		{"an origin is no recipient", "Food donations from Kenya and Tanzania are being held at the port.", "donations", "-"},
		{"nor is a mediator's", "Mediators from Kenya and Tanzania arrived in Kampala.", "Mediators", "-"},
		{"a mutual act's other side is its subject's conjunct", "Kenya and Uganda signed a deal to share intelligence on the rebels.", "signed a deal", "Kenya>Uganda"},
		{"a stated other side stays", "Kenya and Tanzania held talks with Uganda in Arusha.", "held talks", "Kenya+Tanzania>Uganda"},
		// A conditional threat is aimed at the one its condition names.
		{"a threat's condition names its target", "Kenya threatened to close its airspace if Uganda sent more troops.", "threatened to close", "Kenya>Uganda"},
		{"so does a warning's", "Kenya warned that it would retaliate unless Uganda withdrew its troops.", "warned", "Kenya>Uganda"},
		// "Accused X of doing Y": X is accused, whatever the parse first
		// made of "X of doing Y".
		// An indirect object with no direct object is the only object.
		{"coordinated objects the parse called indirect", "The Kenyan envoy urged Uganda and Rwanda to end the border dispute.", "urged", "The Kenyan envoy>Uganda+Rwanda"},
		{"a prepositional verb's coordinated objects", "The Kenyan envoy called on Uganda and Rwanda to halt the shelling.", "called on", "The Kenyan envoy>Uganda+Rwanda"},
		{"a call for a truce is made to its two sides", "The Kenyan envoy called for a ceasefire between Uganda and Rwanda.", "called for a ceasefire", "The Kenyan envoy>Uganda+Rwanda"},
		{"an event noun's agent after its object", "The arrest of two Kenyan journalists by Ugandan police angered Nairobi.", "arrest", "Ugandan police>two Kenyan journalists"},
		{"a noun's possessor controls its infinitive", "Kenya condemned Uganda's decision to close the border crossing.", "close the border", "Uganda>"},
		{"the accused before a gerund clause", "Uganda accused Kenya of supporting rebels in the north.", "accused", "Uganda>Kenya"},
		// A name with an apposition before its verb is the verb's subject,
		// however the parse labelled it.
		{"a subject with an apposition", "Juma Otieno, the foreign minister of Chad, accused Sudan of arming rebels.", "accused", "Juma Otieno>Sudan"},
		// A role with no country takes its apposition's.
		{"an apposition gives a role its country", "The envoy, a former Nigerian president, met the rebels in Goma.", "met", "a former Nigerian president>the rebels"},
		{"a rebel leader is a rebel", "The Kenyan envoy met rebel leaders in Goma.", "met", "The Kenyan envoy>rebel leaders"},
		{"the one who weighs an act would do it", "Kenya is weighing talks with Uganda.", "talks", "Kenya>Uganda"},
		// A protest is aimed at what its purpose clause demands of or
		// protests against (purpose.go).
		{"a hunger strike's target is its demand's", "Kenyan teachers began a hunger strike to demand better pay from the ministry.", "hunger strike", "Kenyan teachers>the ministry"},
		{"a march's target is its protest's", "Kenyan students marched in Nairobi to protest against Uganda's decision.", "marched", "Kenyan students>Uganda"},
		// A request for an event is made of its parties (purpose.go).
		{"a call for a truce asks its parties", "The African Union called for an immediate truce between Kenya and Uganda.", "called for", "African Union>Kenya+Uganda"},
		// What a meeting is about takes no part in it.
		{"a topic is no participant", "Kenyan officials held a meeting about Somalia in Nairobi.", "held a meeting", "Kenyan officials>"},
		// An amount as the object, and what it is of after "in".
		{"an amount in aid", "Japan will provide $500 million in aid to Kenya.", "aid", "Japan>Kenya"},
		// "use" is a support verb: the user of tear gas fires it.
		{"the user of tear gas", "Kenyan police used tear gas on Monday.", "tear gas", "Kenyan police>"},
		// A participle after a role noun opens a reduced relative; the
		// role is still an actor, and the relative's subject.
		{"a role before a reduced relative", "Students protesting the new levy marched in Kampala.", "protesting", "Students>Kampala"},
		// An active perfect's subject acts (the parse repairs the label).
		{"has plus participle is active", "Ugandan militias have abducted six Kenyan traders near the border.", "abducted", "Ugandan militias>six Kenyan traders"},
		// A conjunct the parse took for a compound (event.argument).
		{"a name before and is a conjunct", "Japan and South Korea signed an agreement on Monday.", "signed an agreement", "Japan>South Korea"},
		// A non-restrictive relative's antecedent stands before its
		// comma, whatever clause the parse made of it.
		{"a relative after a comma", "Students in Lima clashed with police, who fired tear gas.", "fired tear gas", "police>"},
		// A recipient found by word order stays in its own clause.
		{"a recipient is not sought past a comma and a subordinator", "Kenya eased export restrictions on three chemicals on Thursday, as the leaders of Kenya and Uganda held talks in Nairobi.", "eased export restrictions", "Kenya>"},
		// Only a verb with an object has a passive.
		{"an intransitive participle on a noun is active", "Up to 300 students demonstrated on Friday in Ghana, where two people died in clashes last year.", "demonstrated", "300 students>Ghana"},
		// A gap in a pattern holds a quantity, not another clause.
		{"a quantity of rockets", "Rebel fighters fired dozens of rockets at the Kenyan town.", "fired dozens of rockets", "Rebel fighters>Kenyan"},
		{"a gap stops at a new clause", "The firm fired its manager after rockets hit the depot.", "fired its manager after rockets", "-"},
		// The tagger's participle with a direct object is an active
		// verb (event.participleForm).
		{"a participle with an object releases", "In Mombasa, where ten fishermen were missing the same week, the rebels released five people after holding them for a day.", "released", "the rebels>five people"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Doc{ID: "roles", Text: tc.text}
			if err := w.Code(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got := "-"
			for _, ev := range d.Events {
				if !strings.EqualFold(d.SpanText(ev.Evidence.Trigger), tc.trigger) {
					continue
				}
				var a, r []string
				for _, x := range ev.Actors {
					a = append(a, x.RawText)
				}
				for _, x := range ev.Recipients {
					r = append(r, x.RawText)
				}
				got = strings.Join(a, "+") + ">" + strings.Join(r, "+")
			}
			if got != tc.want {
				t.Errorf("%q: %q coded %q, want %q", tc.text, tc.trigger, got, tc.want)
			}
		})
	}
}

// TestTextEndingInCaseMarker codes a text whose last token is a case
// marker (a possessive cut off), which the argument searches look past.
func TestTextEndingInCaseMarker(t *testing.T) {
	w := newWorker(t)
	if d := codeText(t, w, "Kenya sent troops to fight Uganda's"); len(d.Events) == 0 {
		t.Error("no event coded")
	}
}

// TestShippedAuxFlags checks the flags that keep an event from being
// coded as a fact: what a statement only reports, denies or demands is
// its content (aux complement), and a word of hearsay (governors.tsv, role
// hearsay) makes an event alleged rather than vouched for.
func TestShippedAuxFlags(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text, trigger string
		flag                doc.Aux
		want                bool
	}{
		{"what a denial of reports denies", "The Kenyan army denied reports that its soldiers had killed ten Ugandan traders.", "killed", doc.AuxComplement, true},
		{"whatever label the parse gives the clause", "The government denied reports that soldiers had killed civilians.", "killed", doc.AuxComplement, true},
		{"a killing stated outright", "Kenyan soldiers killed ten Ugandan traders near the border.", "killed", doc.AuxComplement, false},
		{"the second of two things promised", "Kenya agreed to reopen the border and release the Ugandan fishermen.", "release", doc.AuxComplement, true},
		{"an adverb of hearsay", "Ugandan rebels allegedly torched two Kenyan trucks near Busia.", "torched", doc.AuxAlleged, true},
		{"a report passed on", "Kenyan police reportedly detained six Ugandan traders.", "detained", doc.AuxAlleged, true},
		{"an adjective of hearsay on the event", "Kenya denied the alleged shelling of Ugandan villages.", "shelling", doc.AuxAlleged, true},
		{"an adjective on the actor alleges no event", "Kenyan police detained the suspected smugglers on Friday.", "detained", doc.AuxAlleged, false},
		{"a plain report", "Kenyan police detained six Ugandan traders.", "detained", doc.AuxAlleged, false},
		{"a deployment planned is future", "Kenya plans to deploy troops along the Ugandan border.", "deploy troops", doc.AuxFuture, true},
		{"a deployment made is not", "Kenya deployed troops along the Ugandan border.", "deployed troops", doc.AuxFuture, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := eventAt(t, w, tc.text, tc.trigger)
			if ev == nil {
				t.Fatalf("%q: no event at %q", tc.text, tc.trigger)
			}
			if got := ev.Aux.Has(tc.flag); got != tc.want {
				t.Errorf("%q: %q has %v = %v, want %v", tc.text, tc.trigger, tc.flag.Names(), got, tc.want)
			}
		})
	}
}

// TestShippedProspects checks that an event only expected or scheduled
// keeps its type and is flagged future, and that a forecast attack is no
// threat of the attacker's.
func TestShippedProspects(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text, trigger, want string
		future                    bool
	}{
		{"a scheduled visit", "The Kenyan president is due to visit Kampala on Friday.", "visit", "CONSULT/visit", true},
		{"an expected signing", "Uganda is expected to sign the border treaty with Kenya next week.", "sign the border treaty", "SUPPORT/", true},
		{"a forecast attack stays an attack", "Ugandan rebels are expected to attack the town before the rains.", "attack", "ASSAULT/", true},
		{"a likely signing", "Uganda is likely to sign the border treaty with Kenya soon.", "sign the border treaty", "SUPPORT/", true},
		{"a visit that happened", "The Kenyan president visited Kampala on Friday.", "visited", "CONSULT/visit", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, future := "", false
			if ev := eventAt(t, w, tc.text, tc.trigger); ev != nil {
				got, future = string(ev.Type)+"/"+ev.Mode, ev.Aux.Has(doc.AuxFuture)
			}
			if got != tc.want || future != tc.future {
				t.Errorf("%q: %q coded %q future=%v, want %q future=%v", tc.text, tc.trigger, got, future, tc.want, tc.future)
			}
		})
	}
}

// eventAt codes text with w and returns its last event whose trigger is
// trigger (in any case), or nil.
func eventAt(t *testing.T, w *coder.Worker, text, trigger string) *doc.Event {
	t.Helper()
	d := codeText(t, w, text)
	var found *doc.Event
	for i := range d.Events {
		if strings.EqualFold(d.SpanText(d.Events[i].Evidence.Trigger), trigger) {
			found = &d.Events[i]
		}
	}
	return found
}

// TestShippedParticipantCountries checks the country a participant with a
// role and no country of its own takes from the place its sentence puts
// the event in (ACLED's convention for unidentified actors), and where it
// must not.
func TestShippedParticipantCountries(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text, trigger string
		want                string // actor countries ">" recipient countries, "+"-joined
	}{
		{"protesters belong where they march", "Angry protesters marched in Nairobi on Monday.", "marched", "KEN>KEN"},
		{"a visitor does not belong where it arrives", "The envoy arrived in Nairobi on Monday for talks.", "arrived in", ">KEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := eventAt(t, w, tc.text, tc.trigger)
			if ev == nil {
				t.Fatalf("%q: no event at %q", tc.text, tc.trigger)
			}
			var a, r []string
			for _, x := range ev.Actors {
				a = append(a, x.CountryCode)
			}
			for _, x := range ev.Recipients {
				r = append(r, x.CountryCode)
			}
			if got := strings.Join(a, "+") + ">" + strings.Join(r, "+"); got != tc.want {
				t.Errorf("%q: %q coded %q, want %q", tc.text, tc.trigger, got, tc.want)
			}
		})
	}
}

// TestShippedUnattributedAttacks: an attack whose subject or agent is an
// attack or a device whose user the text names is that user's; one with
// no one named is an unidentified armed force's (UAF),
// of the country the sentence puts it in; an explosion that may be an
// accident, a crime's weapon and a controller reached through another verb
// are no such actor.
func TestShippedUnattributedAttacks(t *testing.T) {
	w := newWorker(t)
	for _, tc := range []struct {
		name, text, trigger string
		want                string // actor raw text <country/sector>, "" for none
	}{
		{"a bomb as subject", "A car bomb killed seven shoppers at a market in Mosul on Friday.", "killed", "A car bomb<IRQ/UAF>"},
		{"a bomb planted by named militants is theirs", "Two Kenyan soldiers were killed by a bomb planted by al-Shabaab militants near Mandera.", "killed", "al-Shabaab militants<SOM/REB>"},
		{"an attack whose actor is named", "The attack by Ugandan rebels killed nine Kenyan herders.", "killed", "Ugandan rebels<UGA/REB>"},
		{"a device spelt with its participle", "An improvised explosive device killed two herders near the Somali town of Kismayo.", "killed", "An improvised explosive device<SOM/UAF>"},
		{"a mine as passive agent", "Two herders were killed by a landmine near the Angolan town of Cuito.", "killed", "a landmine<AGO/UAF>"},
		{"shared by a coordinated verb", "Mortar fire hit a school in Aleppo and wounded nine pupils.", "wounded", "Mortar fire<SYR/UAF>"},
		{"no place, no country", "A roadside bomb wounded four soldiers on Tuesday.", "wounded", "A roadside bomb</UAF>"},
		{"the target's country is whose, not where", "A roadside bomb killed a US soldier on Tuesday.", "killed", "A roadside bomb</UAF>"},
		{"an explosion may be an accident", "An explosion at a chemical plant in Tianjin killed eleven workers.", "killed", ""},
		{"a knife is anyone's", "A stabbing outside a bar in Leeds killed a teenager.", "killed", ""},
		{"a named attacker stays", "Rebels killed three villagers with a bomb in Borno.", "killed", "Rebels<NGA/REB>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := eventAt(t, w, tc.text, tc.trigger)
			if ev == nil {
				t.Fatalf("%q: no event at %q", tc.text, tc.trigger)
			}
			var a []string
			for _, x := range ev.Actors {
				a = append(a, x.RawText+"<"+x.CountryCode+"/"+x.SectorCode+">")
			}
			if got := strings.Join(a, " "); got != tc.want {
				t.Errorf("%q: %q coded actor %q, want %q", tc.text, tc.trigger, got, tc.want)
			}
		})
	}
}

// TestDatelineCountryDefaults checks which unqualified roles take the
// dateline's country: a state's own people and forces do, several states
// taken together do not (roles.tsv relation "states").
func TestDatelineCountryDefaults(t *testing.T) {
	w := newWorker(t)
	d := codeText(t, w, "NAIROBI (Reuters) — Western countries pressed Uganda on Monday, and police said the international community had been told.")
	want := map[string]string{"Western countries": "", "police": "KEN", "the international community": ""}
	for _, e := range d.Entities {
		raw := d.SpanText(e.Span)
		if cc, ok := want[raw]; ok {
			if e.CountryCode != cc {
				t.Errorf("%q: country %q, want %q (rule %s)", raw, e.CountryCode, cc, e.Rule)
			}
			delete(want, raw)
		}
	}
	for raw := range want {
		t.Errorf("no entity %q", raw)
	}
}

// TestSeveralStatesTakeNoEventPlaceCountry checks that the place of an
// event gives no country to a participant that names several states.
func TestSeveralStatesTakeNoEventPlaceCountry(t *testing.T) {
	w := newWorker(t)
	d := codeText(t, w, "Western countries met Ugandan officials in Kampala on Monday.")
	if len(d.Events) == 0 || len(d.Events[0].Actors) == 0 {
		t.Fatalf("no event with an actor: %+v", d.Events)
	}
	if a := d.Events[0].Actors[0]; a.RawText != "Western countries" || a.CountryCode != "" {
		t.Errorf("actor %q country %q, want Western countries with none", a.RawText, a.CountryCode)
	}
}
