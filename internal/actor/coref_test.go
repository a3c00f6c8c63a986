package actor_test

import (
	"fmt"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
)

// clusterOf returns the name of the first mention in the cluster of the
// n-th entity (from 1) whose text is raw, or "" when there is no such
// entity.
func clusterOf(d *doc.Doc, raw string, n int) string {
	for i := range d.Entities {
		e := &d.Entities[i]
		if d.SpanText(e.Span) != raw {
			continue
		}
		if n--; n == 0 {
			return d.SpanText(d.Entities[e.Cluster].Span)
		}
	}
	return ""
}

// TestCoreference checks pronoun agreement and salience: each want maps
// a mention, written "text" or "text#n" for its n-th occurrence, to the
// first mention of its cluster ("" for a mention that must not be an
// entity, as a pronoun with nothing to agree with).
func TestCoreference(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{name: "she after a man and a woman is the woman",
			text: "Ruth Okonjo met Daniel Mwangi at the port on Friday. She said the cranes were idle.",
			want: map[string]string{"She": "Ruth Okonjo"}},
		{name: "she after a woman and a man, the man named last, is the woman",
			text: "Daniel Mwangi met Ruth Okonjo at the port on Friday. She said the cranes were idle.",
			want: map[string]string{"She": "Ruth Okonjo"}},
		{name: "he after a man and a woman is the man",
			text: "Daniel Mwangi spoke after Ruth Okonjo at the hearing. He said the cranes were idle.",
			want: map[string]string{"He": "Daniel Mwangi"}},
		{name: "he after a woman as subject is the man",
			text: "Ruth Okonjo spoke after Daniel Mwangi at the hearing. He said the cranes were idle.",
			want: map[string]string{"He": "Daniel Mwangi"}},
		{name: "he is not a mall",
			text: "Marcus Bell walked through the Lakeside Mall on Sunday. He said the roof leaked.",
			want: map[string]string{"He": "Marcus Bell", "Lakeside Mall": ""}},
		{name: "he is not a fund named as a grant programme",
			text: "Victor Anand applied to the Green Harbour Fund, a state grant programme, in March.\n\n\"We need the money,\" he said.",
			want: map[string]string{"he": "Victor Anand"}},
		{name: "he is not a ministry",
			text: "Paul Otieno wrote to the Kenyan Interior Ministry last week. He said no reply came.",
			want: map[string]string{"He": "Paul Otieno", "Kenyan Interior Ministry": "Kenyan Interior Ministry"}},
		{name: "a name inside a quotation is no antecedent",
			text: "Grace Wambui, a nurse, runs the clinic.\n\n\"I wrote to Maria Lopez three times,\" she said.",
			want: map[string]string{"she": "Grace Wambui"}},
		{name: "a name inside typographic quotation marks is no antecedent",
			text: "Grace Wambui, a nurse, runs the clinic. “Maria Lopez never answered,” she said.",
			want: map[string]string{"she": "Grace Wambui"}},
		{name: "a pronoun whose only agreeing person is quoted has none",
			text: "Tom Hale, a farmer, was angry. “Maria Lopez never came,” he said. She had promised to.",
			want: map[string]string{"he": "Tom Hale", "She": ""}},
		{name: "Ms. makes the person female",
			text: "Alex Morgan met Daniel Reyes on Monday. Ms. Morgan said the plan was late. He said it was not.",
			want: map[string]string{"Morgan": "Alex Morgan", "He": "Daniel Reyes"}},
		{name: "Mr. makes the subject male and stays out of the name",
			text: "Mr. Sam Carter met Alex Morgan on Monday. She said the plan was late.",
			want: map[string]string{"Sam Carter": "Sam Carter", "She": "Alex Morgan"}},
		{name: "a gendered title makes the subject female",
			text: "Congresswoman Sam Carter met Alex Morgan on Monday. He said the plan was late.",
			want: map[string]string{"He": "Alex Morgan"}},
		{name: "a gendered noun in apposition makes the subject male",
			text: "Sam Carter, a retired fisherman, met Alex Morgan on Monday. She said the plan was late.",
			want: map[string]string{"She": "Alex Morgan"}},
		{name: "a she chain keeps its person past another woman",
			text: "Ruth Okonjo arrived in Kisumu on Monday. She met Maria Lopez at the clinic. She said the talks went well.",
			want: map[string]string{"She#1": "Ruth Okonjo", "She#2": "Ruth Okonjo"}},
		{name: "a resolved she fixes the person's gender",
			text: "Sam Carter met Daniel Reyes on Monday. She said the plan would work. He said nothing.",
			want: map[string]string{"She": "Sam Carter", "He": "Daniel Reyes"}},
		{name: "the subject of the previous sentence before a later object",
			text: "Tom Hale thanked Peter Wu on Monday. He said the harvest was saved.",
			want: map[string]string{"He": "Tom Hale"}},
		{name: "a surname repeat shares its cluster",
			text: "Ruth Okonjo spoke first. Okonjo said the port was closed.",
			want: map[string]string{"Okonjo": "Ruth Okonjo", "Ruth Okonjo": "Ruth Okonjo"}},
		{name: "they is a group, not a person",
			text: "Kenyan police arrested Tom Hale on Monday. They said he had fled.",
			want: map[string]string{"They": "Kenyan police", "he": "Tom Hale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := annotate(t, tt.text, "")
			var got []string
			for _, e := range d.Entities {
				got = append(got, fmt.Sprintf("%s[%d]", describe(d, e), e.Cluster))
			}
			for mention, want := range tt.want {
				raw, n := mention, 1
				if _, err := fmt.Sscanf(mention[len(mention)-2:], "#%d", &n); err == nil {
					raw = mention[:len(mention)-2]
				}
				if g := clusterOf(d, raw, n); g != want {
					t.Errorf("%s is in the cluster of %q, want %q; entities %q", mention, g, want, got)
				}
			}
		})
	}
}

// TestCoreference_ClustersAreRoots checks the cluster invariants over a
// longer text: every cluster is a root that is its own cluster, and a
// mention with an antecedent shares its antecedent's cluster.
func TestCoreference_ClustersAreRoots(t *testing.T) {
	d := annotate(t, "Ruth Okonjo met Daniel Mwangi and Kenyan police in Kisumu. She said they agreed. "+
		"Mwangi said he did not. \"Okonjo is wrong,\" he said. The police said nothing.", "")
	if len(d.Entities) == 0 {
		t.Fatal("no entities")
	}
	for i, e := range d.Entities {
		if c := e.Cluster; c < 0 || c > i || d.Entities[c].Cluster != c {
			t.Errorf("entity %d (%s) has cluster %d, which is not a root before it", i, d.SpanText(e.Span), c)
		}
		if a := e.Antecedent; a >= 0 && d.Entities[a].Cluster != e.Cluster {
			t.Errorf("entity %d (%s) is in cluster %d, its antecedent %d in %d", i, d.SpanText(e.Span), e.Cluster, a, d.Entities[a].Cluster)
		}
		if e.Antecedent < 0 && e.Cluster != i {
			t.Errorf("entity %d (%s) stands alone but is in cluster %d", i, d.SpanText(e.Span), e.Cluster)
		}
	}
}
