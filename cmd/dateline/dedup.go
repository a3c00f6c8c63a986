package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/dateline-project/dateline/internal/dedup"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
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

// loadIndex files the signature of every stored document in ix, in the
// order the documents were stored, which is the order earlier runs filed
// them in: a run after others, or after a crash, then decides
// duplicate_of as one run over all their inputs would have. A document
// stored without a signature (before schema 3, through the API, or with
// --dedup=false) or with one this build cannot read is signed from its
// text, and the signature written back so that the next run need not
// sign it again.
func loadIndex(ctx context.Context, st store.Store, ix *dedup.Index, log *slog.Logger) error {
	// Written back in batches from inside the walk: a database migrated
	// from schema 2 may have millions of unsigned rows, whose signatures
	// should not all wait in memory.
	const writeEvery = 1024
	start := time.Now()
	fresh := make(map[string][]byte, writeEvery)
	n, signed := 0, 0
	err := st.Signatures(ctx, func(id string, b []byte, text string) error {
		n++
		if b != nil {
			sig, err := dedup.Unmarshal(b)
			if err == nil {
				ix.Add(id, sig)
				return nil
			}
			// Signed by a build with another signature format (see
			// dedup.ErrFormat): the text is read separately, since the
			// walk does not load it for a signed row.
			d, err := st.Document(ctx, id)
			if err != nil {
				return fmt.Errorf("re-sign %q: %w", id, err)
			}
			text = d.Text
		}
		sig := dedup.Sign(text)
		ix.Add(id, sig)
		fresh[id] = sig.Marshal()
		signed++
		if len(fresh) >= writeEvery {
			if err := st.SetSignatures(ctx, fresh); err != nil {
				return err
			}
			clear(fresh)
		}
		return nil
	})
	if err == nil {
		err = st.SetSignatures(ctx, fresh)
	}
	if err != nil {
		return fmt.Errorf("load near-duplicate index: %w", err)
	}
	if n > 0 {
		log.Info("near-duplicate index loaded", "documents", n, "signed", signed, "indexed", ix.Len(),
			"seconds", fmt.Sprintf("%.1f", time.Since(start).Seconds()))
	}
	return nil
}
