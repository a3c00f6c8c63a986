package event_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/coder/codertest"
	"github.com/dateline-project/dateline/internal/doc"
)

// BenchmarkEventStage measures the event stage alone over synthetic
// articles of about 600 words that the earlier stages have annotated.
func BenchmarkEventStage(b *testing.B) {
	codertest.BenchStage(b, "event", func(d *doc.Doc) { d.Events = nil })
}
