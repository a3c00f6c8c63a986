package incident

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred map[string]string
		want       Scores
	}{
		{
			name: "same grouping under other names",
			gold: map[string]string{"a": "1", "b": "1", "c": "2"},
			pred: map[string]string{"a": "x", "b": "x", "c": "y"},
			want: Scores{3, 1, 1, 1, 1, 1, 1},
		},
		{
			name: "all split: no predicted pairs, a third of each gold incident",
			gold: map[string]string{"a": "1", "b": "1", "c": "1"},
			pred: map[string]string{"a": "x", "b": "y", "c": "z"},
			want: Scores{3, 1, 0, 0, 1, 1.0 / 3, 0.5},
		},
		{
			name: "all merged: one right pair of three; B-cubed precision (2/3+2/3+1/3)/3",
			gold: map[string]string{"a": "1", "b": "1", "c": "2"},
			pred: map[string]string{"a": "x", "b": "x", "c": "x"},
			want: Scores{3, 1.0 / 3, 1, 0.5, 5.0 / 9, 1, 2 * (5.0 / 9) / (5.0/9 + 1)},
		},
		{
			name: "singletons everywhere: nothing to get wrong",
			gold: map[string]string{"a": "1", "b": "2"},
			pred: map[string]string{"a": "x", "b": "y"},
			want: Scores{2, 1, 1, 1, 1, 1, 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Score(tt.gold, tt.pred)
			if err != nil {
				t.Fatal(err)
			}
			g := []float64{got.PairPrecision, got.PairRecall, got.PairF1, got.B3Precision, got.B3Recall, got.B3F1}
			w := []float64{tt.want.PairPrecision, tt.want.PairRecall, tt.want.PairF1, tt.want.B3Precision, tt.want.B3Recall, tt.want.B3F1}
			for i := range g {
				if math.Abs(g[i]-w[i]) > 1e-12 {
					t.Fatalf("got %+v, want %+v", got, tt.want)
				}
			}
			if got.Reports != tt.want.Reports {
				t.Fatalf("%d reports, want %d", got.Reports, tt.want.Reports)
			}
		})
	}
}

func TestScoreErrors(t *testing.T) {
	if _, err := Score(map[string]string{"a": "1"}, map[string]string{}); err == nil {
		t.Error("no error when the maps differ in size")
	}
	if _, err := Score(map[string]string{"a": "1"}, map[string]string{"b": "1"}); err == nil {
		t.Error("no error for a report missing from the predictions")
	}
}
