package source_test

import (
	"context"
	"testing"

	"github.com/dateline-project/dateline/internal/doc"
	"github.com/dateline-project/dateline/internal/source"
)

// collect reads inputs and returns the documents and the record errors in
// emit order.
func collect(t testing.TB, opts source.Options, inputs ...string) (docs []*doc.Doc, errs []*source.RecordError) {
	t.Helper()
	err := source.Read(context.Background(), inputs, opts, func(it source.Item) error {
		if (it.Doc == nil) == (it.Err == nil) {
			t.Fatalf("item must have exactly one of Doc and Err: %+v", it)
		}
		if it.Err != nil {
			re, ok := it.Err.(*source.RecordError)
			if !ok {
				t.Fatalf("Item.Err is %T, want *source.RecordError", it.Err)
			}
			errs = append(errs, re)
			return nil
		}
		docs = append(docs, it.Doc)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return docs, errs
}
