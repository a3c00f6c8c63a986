package postgres_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/store/storetest"
)

// FuzzPutDocuments runs the shared write-path fuzz target (see
// storetest.FuzzPutDocuments) on a PostgreSQL store, where NUL bytes and
// invalid UTF-8, which PostgreSQL text refuses, are the cases to watch.
func FuzzPutDocuments(f *testing.F) {
	storetest.FuzzPutDocuments(f, open(f))
}
