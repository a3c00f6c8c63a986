package story_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/coder/codertest"
)

// BenchmarkStoryStage measures the story stage alone (coding the title
// and choosing the main event) over synthetic articles of about 600
// words that the coding stages have annotated.
func BenchmarkStoryStage(b *testing.B) {
	codertest.BenchStage(b, "story", nil)
}
