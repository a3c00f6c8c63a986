package sqlite_test

import (
	"testing"

	"github.com/dateline-project/dateline/internal/store/storetest"
)

// FuzzPutDocuments runs the shared write-path fuzz target (see
// storetest.FuzzPutDocuments) on a SQLite store.
func FuzzPutDocuments(f *testing.F) {
	storetest.FuzzPutDocuments(f, open(f))
}
