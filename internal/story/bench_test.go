package story_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/coder/codertest"
)

// BenchmarkStoryStage measures the story stage alone (coding the title
// and choosing the main event) over synthetic articles of about 600
// words that the coding stages have annotated.
func BenchmarkStoryStage(b *testing.B) {
	story, docs := codertest.StageInput(b, "story", 64)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := story.Process(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}
