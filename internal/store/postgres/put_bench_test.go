package postgres_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/store/storetest"
)

// BenchmarkPutDocuments measures writes to PostgreSQL (see
// storetest.BenchmarkPut); most of their CPU is the server's, not this
// process's, so compare it with SQLite's by events/s, side by side.
func BenchmarkPutDocuments(b *testing.B) {
	storetest.BenchmarkPut(b, open(b))
}
