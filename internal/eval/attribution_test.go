package eval

import "testing"

func TestSamePerson(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"Ana Ruiz", "Ana Ruiz", true},
		{"Ana Ruiz", "Rep. Ana Ruiz", true}, // a title the coder kept
		{"Ana Ruiz", "Ruiz", true},          // an unresolved surname
		{"Tom Hale", "Mary Hale", false},    // same surname, other person
		{"Ifeoma Okoro", "Daniel Okoro", false},
		{"Kevin O'Neill", "Kevin O’Neill", true}, // apostrophe forms
		{"José Peña Ibáñez", "jose pena ibanez", true},
		{"Rachel Stein", "Peter Hurd", false},
		{"Marcus Bell", "Riverside Galleria", false},
		{"the announcer", "Announcer", true}, // description: head noun
		{"a police spokesman", "police spokesman", true},
		{"one resident of Birch Street", "resident", true}, // head before "of"
		{"one resident of Birch Street", "Birch Street", false},
		{"foreign policy analysts", "analyst", true}, // number-insensitive
		{"the announcer", "Tom Hale", false},
		{"Ana Ruiz", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.gold+"/"+tt.pred, func(t *testing.T) {
			if got := samePerson(tt.gold, tt.pred); got != tt.want {
				t.Errorf("samePerson(%q, %q) = %v, want %v", tt.gold, tt.pred, got, tt.want)
			}
		})
	}
}

func TestLocateGold_Mentions(t *testing.T) {
	ptr := func(i int) *int { return &i }
	str := func(s string) *string { return &s }
	tests := []struct {
		name   string
		text   string
		quotes []GoldQuote
		want   []int // where each located mention starts
	}{
		{
			// "he" must not be found inside "the" or "The".
			name:   "whole words only",
			text:   `The chef, Ivo Marr, cooked. "Then the oven broke," he said.`,
			quotes: []GoldQuote{{Kind: "direct", Text: "Then the oven broke,", Speaker: str("Ivo Marr"), SpeakerMention: "he"}},
			want:   []int{51},
		},
		{
			// The nearest "Soto" is inside the quote, the speaker's own
			// words; the mention is the one after it.
			name:   "never inside the direct quote",
			text:   `"Soto knows," Soto said.`,
			quotes: []GoldQuote{{Kind: "direct", Text: "Soto knows,", Speaker: str("Ana Soto"), SpeakerMention: "Soto"}},
			want:   []int{14},
		},
		{
			// The second half points at the first half's "she", not at
			// the nearer one after it.
			name: "a continuation takes its first half's mention",
			text: `"A," she said. "B," she added later, she said.`,
			quotes: []GoldQuote{
				{Kind: "direct", Text: "A,", Speaker: str("X"), SpeakerMention: "she"},
				{Kind: "direct", Text: "B,", Speaker: str("X"), SpeakerMention: "she", Continues: ptr(0)},
			},
			want: []int{5, 5},
		},
		{
			name:   "indirect with the cue inside the clause",
			text:   `The river, Joan Pell said, had not crested.`,
			quotes: []GoldQuote{{Kind: "indirect", Text: "The river, Joan Pell said, had not crested", Speaker: str("Joan Pell"), SpeakerMention: "Joan Pell"}},
			want:   []int{11},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := QuoteGold{ID: "t", Text: tt.text, Quotes: tt.quotes}
			sp, err := locateGold(&g)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.want {
				if got := sp.mentions[i].Start; got != want {
					t.Errorf("mention %d starts at %d (%q), want %d", i, got, tt.text[got:sp.mentions[i].End], want)
				}
			}
		})
	}
}
