package store

import (
	"encoding/json"
	"strings"

	"github.com/dateline-project/dateline/internal/output"
)

// ProvenanceKey is a record's provenance as both stores keep it in a
// column: its JSON, "" for a record without one (stored before
// provenance was recorded), so that Stale and a recode compare strings.
func ProvenanceKey(p *output.Provenance) string {
	if p == nil {
		return ""
	}
	b, _ := json.Marshal(p) // three strings: cannot fail
	return string(b)
}

// PutLookup is what a backend found stored for a document about to be
// put: the input of PlanPut. Keys are the backend's row ids, 0 for none.
type PutLookup struct {
	// IDKey is the document stored under the doc_id, with its hash and
	// provenance key.
	IDKey          int64
	IDHash, IDProv string
	// TextKey is the document stored with the text (its hash).
	TextKey int64
	// AliasOf is the document the doc_id is an alias of.
	AliasOf int64
}

// PutPlan is what PutDocuments does with one document (see
// Store.PutDocuments), in this order: delete Remove, drop the doc_id's
// alias, replace Replace, file the doc_id as an alias of AliasTo, or
// insert the document.
type PutPlan struct {
	// Written is the document's entry in PutDocuments' answer.
	Written bool
	// Replace is the document to put the new one in place of (same row).
	Replace int64
	// Remove is a document to delete with everything coded from it.
	Remove int64
	// DropAlias deletes the doc_id's alias, which becomes a document.
	DropAlias bool
	// AliasTo is the document the doc_id becomes an alias of.
	AliasTo int64
	// Insert inserts the document.
	Insert bool
}

// PlanPut decides what putting a document with this hash and provenance
// key does, given what is stored; both backends follow it, so that they
// replace, alias and leave alone alike.
func PlanPut(l PutLookup, hash, prov string, recode bool) PutPlan {
	switch {
	case l.IDKey != 0 && l.IDHash == hash:
		// The same document again: left alone, unless recoding asks to
		// replace what another coder wrote.
		if !recode || l.IDProv == prov {
			return PutPlan{}
		}
		return PutPlan{Written: true, Replace: l.IDKey}
	case l.IDKey != 0 && l.TextKey != 0:
		// Its new text is another document's: it becomes that one's
		// alias, as a new id with known text would.
		return PutPlan{Remove: l.IDKey, AliasTo: l.TextKey}
	case l.IDKey != 0:
		// New text under a stored id: an update of the article.
		return PutPlan{Written: true, Replace: l.IDKey}
	}
	var p PutPlan
	switch {
	case l.AliasOf != 0 && l.AliasOf == l.TextKey:
		return p // the alias again, text and all
	case l.AliasOf != 0:
		// An alias whose text now differs from its original's is a
		// document of its own.
		p.DropAlias = true
	}
	if l.TextKey != 0 {
		// Known text under a new id: the same article filed twice. Its
		// id resolves to the stored document.
		p.AliasTo = l.TextKey
		return p
	}
	p.Insert, p.Written = true, true
	return p
}

// Order is how an event or document listing pages (EventFilter.Sort):
// by confidence or by day, either way, ties by storage order in the same
// direction.
type Order struct {
	Conf bool // by confidence, else by day
	Desc bool
}

// OrderOf returns sort's Order ("" is SortDate).
func OrderOf(sort string) Order {
	return Order{Conf: sort == SortConfidence || sort == SortConfidenceDesc,
		Desc: sort == SortDateDesc || sort == SortConfidenceDesc}
}

// By writes SQL ORDER BY terms for key's columns ("a, b") in o's
// direction.
func (o Order) By(key string) string {
	if !o.Desc {
		return key
	}
	return strings.ReplaceAll(key, ",", " DESC,") + " DESC"
}

// After is the SQL comparison of a row's key, a (value, id) row value,
// with a cursor's that keeps the rows after the cursor: ">" ascending,
// "<" descending.
func (o Order) After() string {
	if o.Desc {
		return "<"
	}
	return ">"
}
