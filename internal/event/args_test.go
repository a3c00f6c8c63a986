package event_test

import "testing"

// TestArgumentPaths exercises each way the parse hands a trigger its
// arguments. Every sentence was written for this test.
func TestArgumentPaths(t *testing.T) {
	checkCases(t, []coderCase{
		// Control: an infinitive's subject is its governor's subject, or
		// its governor's object when it has one.
		{"subject control (an agreed meeting is an AGREE)", "Hungary agreed to meet Romania in March.", []string{"AGREE HUN>ROU"}},
		{"object control", "Kenya urged Armenia to detain the smugglers.", []string{"REQUEST KEN>ARM", "COERCE ARM> aux=complement"}},
		{"control through two verbs", "Romania wants to try to meet Hungary.", []string{"CONSULT ROU>HUN"}},
		// Passive: the subject undergoes, the by-phrase acts.
		{"passive agent", "Two Kenyan villages were attacked by Armenian rebels on Sunday.", []string{"ASSAULT ARM>KEN"}},
		{"reduced passive relative", "A convoy of Romanian trucks attacked by Russian troops burned.", []string{"ASSAULT RUS>ROU"}},
		// Relative clauses are about the noun they modify.
		{"subject relative clause", "The Russian troops who shelled Kenya withdrew.", []string{"ASSAULT RUS>KEN"}},
		{"object relative clause keeps its own subject", "Kenya rebuilt the villages that Russian troops had shelled.", []string{"ASSAULT RUS>"}},
		// Coordination.
		{"coordinated subjects", "Kenya, Armenia and Romania accused Russia.", []string{"ACCUSE KEN+ARM+ROU>RUS"}},
		{"coordinated verbs share a subject", "Russia shelled Kenya and attacked Armenia.", []string{"ASSAULT RUS>KEN", "ASSAULT RUS>ARM"}},
		{"coordinated objects", "Russia accused Kenya and Armenia.", []string{"ACCUSE RUS>KEN+ARM"}},
		{"coordinated demonyms on one role", "Hungarian and Romanian officials accused Kenya.", []string{"ACCUSE HUN+ROU>KEN"}},
		// A nominal takes the subject of the support verb that governs it.
		{"noun under a support verb", "Hungary held a meeting with Romania.", []string{"CONSULT HUN>ROU"}},
		{"noun under a passive support verb", "A meeting with Romania was held by Hungary.", []string{"CONSULT HUN>ROU"}},
		{"noun under a verb of its own meaning", "Hungary welcomed the meeting with Romania.", []string{"CONSULT >ROU"}},
		// Modifiers that name a country.
		{"demonym modifier of an event noun", "Russian sanctions on Kenya began in May.", []string{"SANCTION RUS>KEN"}},
		{"a verb's prepositional phrase completes its nominal object", "Russia imposed new sanctions on Kenya.", []string{"SANCTION RUS>KEN"}},
		{"possessor of an event noun", "Russia's sanctions on Kenya began in May.", []string{"SANCTION RUS>KEN"}},
		// A nominal's frames are tried in order for its actor, as for its
		// recipient; a nominal marked prep:by>poss has a bare possessor
		// that undergoes it.
		{"a later frame's possessor acts", "Russia's talks with Kenya lasted an hour.", []string{"CONSULT RUS>KEN"}},
		{"the preferred frame first, its two sides split (mutualParties)", "Talks between Russia and Kenya lasted an hour.", []string{"CONSULT RUS>KEN"}},
		{"a possessor acts beside the object it acts on", "Russia's arrest of Kenyan sailors angered Nairobi.", []string{"COERCE RUS>KEN"}},
		{"a bare possessor undergoes", "Armenia's arrest in May angered Kenya.", []string{"COERCE >ARM"}},
		// Control by a prepositional verb's object.
		{"the object of call on controls", "Kenya called on Armenia to detain the smugglers.", []string{"REQUEST KEN>ARM", "COERCE ARM> aux=complement"}},
		{"a passive's subject controls, not its destination", "Kenyan envoys were sent to Armenia to meet Romania.", []string{"CONSULT KEN>ROU"}},
		// A passive has no direct object: the label yields to it.
		{"a subject, no auxiliary and an object make an active verb", "Russian troops attacked at least 12 Kenyan positions near the border.", []string{"ASSAULT RUS>KEN"}},
		// A that-clause is the content of a verbal event, not a fact.
		{"what is denied is content", "Kenya denied that Armenian rebels had attacked Romania.", []string{"REJECT KEN>", "ASSAULT ARM>ROU aux=complement"}},
		{"what a denied report says is content", "Kenya denied reports that Armenian rebels had attacked Romania.", []string{"REJECT KEN>", "ASSAULT ARM>ROU aux=complement"}},
		// A thing that acts for its source: its "from" phrase.
		{"a document acts for its source", "A letter from the Kenyan government urged Armenia to reopen the border.", []string{"REQUEST KEN>ARM"}},
		{"X-led modifier of an event noun", "A Russian-led attack on Kenya failed.", []string{"ASSAULT RUS>KEN"}},
		// A complement clause names who is asked or accused.
		{"the subject of a that-clause is the one asked", "Kenya expects that Armenia will reopen the border.", []string{"REQUEST KEN>ARM"}},
		// The actor's own possessions are no recipient.
		{"what the actor moves is its own", "Kenya mobilised its reserves.", []string{"MOBILIZE KEN>"}},
		// Negation and modality from the tree.
		{"a negative governor negates its complement", "Hungary failed to meet Romania.", []string{"CONSULT HUN>ROU negated"}},
		{"a reversal verb negates the nominal it governs", "Hungary cancelled the meeting with Romania.", []string{"CONSULT HUN>ROU negated"}},
		{"a negative copular predicate negates its subject", "Talks with Romania are out of the question.", []string{"CONSULT >ROU negated"}},
		{"so does one off the table", "A meeting with Romania is off the table.", []string{"CONSULT >ROU negated"}},
		{"a negative quantifier as subject negates", "No Kenyan soldiers attacked Armenia.", []string{"ASSAULT KEN>ARM negated"}},
		{"a negative quantifier as object negates", "Russia attacked nobody in Kenya.", []string{"ASSAULT RUS> negated"}},
		{"a support verb's negative object is another noun", "Hungary made no mention of its meeting with Romania.", []string{"CONSULT >ROU"}},
		{"an intention is read from the governing word (a pledge to withdraw is a concession)", "Kenya pledged to evacuate its troops from Armenia.", []string{"CONCEDE KEN>ARM"}},
		{"a denied intention announces nothing", "Kenya does not plan to evacuate its troops from Armenia.", []string{"RETREAT KEN>ARM negated"}},
		{"so does a negated intention noun", "Kenya has no plans to evacuate its troops from Armenia.", []string{"RETREAT KEN>ARM negated"}},
		{"going to is future", "Russia is going to attack Kenya.", []string{"ASSAULT RUS>KEN aux=future"}},
		{"a modal with a perfect is a past possibility, no threat", "Russian troops may have attacked Kenya.", []string{"ASSAULT RUS>KEN aux=speculative"}},
		{"a modal alone is a possibility to come", "Russian troops could attack Kenya.", []string{"ASSAULT RUS>KEN aux=hypothetical"}},
		{"if on a complement asks a question", "It is not clear if Russia attacked Kenya.", []string{"ASSAULT RUS>KEN"}},
		{"if on an adverbial clause sets a condition", "If Russia attacks Kenya, the talks will end.", []string{"ASSAULT RUS>KEN aux=conditional"}},
	})
}
