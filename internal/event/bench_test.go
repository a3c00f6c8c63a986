package event_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/coder/codertest"
)

// BenchmarkEventStage measures the event stage alone over synthetic
// articles of about 600 words that the earlier stages have annotated.
func BenchmarkEventStage(b *testing.B) {
	ev, docs := codertest.StageInput(b, "event", 64)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		d.Events = nil
		if err := ev.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}
