package main

import (
	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/output"
)

// markDuplicate signs a document's body (never its headline, which
// outlets rewrite), looks it up in ix and files it there, and sets rec's
// duplicate fields when it repeats an earlier document. It must be called
// in input order, so that the earliest report wins whatever the number of
// workers. It returns the signature, for the store.
func markDuplicate(ix *dedup.Index, rec *output.Record, text string) dedup.Signature {
	sig := dedup.Sign(text)
	if of, ok := ix.Dedup(rec.DocID, sig); ok {
		id, sim := of.ID, of.Similarity
		rec.DuplicateOf, rec.Similarity = &id, &sim
	}
	return sig
}
