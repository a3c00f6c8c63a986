// Package store defines where coded documents live once they leave the
// pipeline: the Store interface that `dateline ingest` writes to and
// `dateline serve` reads from, the filters the API accepts, and the rows it
// returns.
//
// The interface is deliberately small and backend-neutral, in the manner of
// litestream's ReplicaClient: every method takes a context first and states
// its contract in its doc comment, and logic that any backend can share
// (filter validation, cursors, hashing) lives here as free functions. The
// embedded backend is store/sqlite; a PostgreSQL backend can be added as
// store/postgres without touching the server or the ingest command.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"github.com/dateline-project/dateline/internal/output"
)

// Errors returned by every backend, for errors.Is.
var (
	// ErrNotFound is returned when a requested document does not exist.
	ErrNotFound = errors.New("store: not found")
	// ErrBadCursor is returned for a cursor that the store did not issue.
	ErrBadCursor = errors.New("store: invalid cursor")
	// ErrBadFilter is returned for a filter that cannot be applied (an
	// unknown grouping, a malformed date or bounding box).
	ErrBadFilter = errors.New("store: invalid filter")
	// ErrSchema is returned when a database was written by a newer
	// dateline than the one opening it.
	ErrSchema = errors.New("store: unsupported schema version")
	// ErrNoDatabase is returned by an open that was told not to create
	// the database when it does not exist (or holds no dateline tables).
	ErrNoDatabase = errors.New("store: database does not exist")
)

// MaxLimit bounds one page of results, so that one request cannot ask a
// backend for an unbounded result set.
const MaxLimit = 500

// DefaultLimit is the page size used when a caller passes 0.
const DefaultLimit = 100

// Document is one coded document as stored: the output record (all
// annotation layers) and the text its offsets address.
type Document struct {
	Record output.Record `json:"record"`
	Text   string        `json:"text"`
	// Hash is ContentHash(Text); backends fill it on write when empty.
	Hash string `json:"hash"`
	// Ingested is the RFC 3339 time the document was first stored; it is
	// set by the backend and ignored on write.
	Ingested string `json:"ingested,omitempty"`
	// Signature is Text's near-duplicate signature (package dedup, in its
	// binary encoding), kept so that a later run can rebuild its index
	// without signing every stored text again. The store treats it as
	// opaque bytes; nil when none was computed. Never sent to clients.
	Signature []byte `json:"-"`
}

// Store keeps coded documents and answers the API's queries.
// Implementations must be safe for concurrent use.
type Store interface {
	// PutDocuments stores docs in one atomic, durable write: when it
	// returns nil every document is committed, when it returns an error
	// none is. It is idempotent: a document whose doc_id or content hash
	// is already stored (or appears earlier in docs) is left unchanged and
	// reported false in inserted, which has one entry per doc.
	PutDocuments(ctx context.Context, docs []Document) (inserted []bool, err error)

	// HasDocument reports whether a document with this doc_id or this
	// content hash is stored. Either may be empty to match on the other.
	HasDocument(ctx context.Context, id, hash string) (bool, error)

	// Document returns the stored document with this doc_id, or
	// ErrNotFound.
	Document(ctx context.Context, id string) (*Document, error)

	// Events returns up to limit events matching f, ordered by day then by
	// storage order, starting after cursor ("" for the first page). next
	// is the cursor for the following page, "" when there is none. A
	// cursor not issued by the store gives ErrBadCursor; limit is clamped
	// to [1, MaxLimit], 0 meaning DefaultLimit.
	Events(ctx context.Context, f EventFilter, cursor string, limit int) (rows []EventRow, next string, err error)

	// Quotes pages through quotes matching f, with the same cursor and
	// limit rules as Events.
	Quotes(ctx context.Context, f QuoteFilter, cursor string, limit int) (rows []QuoteRow, next string, err error)

	// Timeline counts events matching f per day, split by event type
	// (by = "type") or by quad class (by = "quad"); another by gives
	// ErrBadFilter. Days without events are omitted; days are ascending.
	Timeline(ctx context.Context, f EventFilter, by string) ([]TimelinePoint, error)

	// Network returns weighted actor -> recipient edges over events
	// matching f, heaviest first, at most limit (clamped like Events but
	// up to MaxEdges).
	Network(ctx context.Context, f EventFilter, limit int) ([]Edge, error)

	// Places counts events matching f per location, most events first, at
	// most limit (up to MaxPlaces).
	Places(ctx context.Context, f EventFilter, limit int) ([]PlaceCount, error)

	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	// Signatures calls fn for every stored document in storage order (the
	// order PutDocuments committed them in) with its doc_id and stored
	// Signature. For a document stored without one, sig is nil and text
	// is the document's text, so that the caller can sign it; otherwise
	// text is "". An error from fn ends the walk and is returned.
	Signatures(ctx context.Context, fn func(id string, sig []byte, text string) error) error

	// SetSignatures stores signatures, keyed by doc_id, in place of the
	// documents' current ones, in one atomic write; ids that are not
	// stored are ignored. It may be called from inside Signatures' fn.
	SetSignatures(ctx context.Context, sigs map[string][]byte) error

	// Close releases the store; pending writes have already committed.
	Close() error
}

// MaxEdges and MaxPlaces bound aggregate results.
const (
	MaxEdges  = 5000
	MaxPlaces = 5000
)

// ContentHash is the hash that makes ingestion idempotent for documents
// that arrive again under a different id.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// ClampLimit applies the page-size rules shared by every backend.
func ClampLimit(limit, max int) int {
	switch {
	case limit <= 0:
		return min(DefaultLimit, max)
	case limit > max:
		return max
	}
	return limit
}

// EventRow is one stored event: the PLOVER event as coded, plus where it
// came from. Day is the date the event is filed under: the event's own
// date, else the dateline's, else the publication date ("" when none).
type EventRow struct {
	output.Event
	DocID  string        `json:"doc_id"`
	Day    string        `json:"day"`
	Source output.Source `json:"source"`
	Title  string        `json:"title"`
}

// QuoteRow is one stored quote and its document.
type QuoteRow struct {
	output.Quote
	DocID string `json:"doc_id"`
	Day   string `json:"day"`
	Title string `json:"title"`
}

// TimelinePoint is one day's event counts, keyed by type or quad.
type TimelinePoint struct {
	Date   string         `json:"date"`
	Total  int            `json:"total"`
	Counts map[string]int `json:"counts"`
}

// Node is an actor in the network: the entity name when coded, else the
// country code.
type Node struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// Edge is a weighted actor -> recipient relation.
type Edge struct {
	Actor     Node `json:"actor"`
	Recipient Node `json:"recipient"`
	// Weight is the number of events.
	Weight int `json:"weight"`
	// Quads counts the events per quad class.
	Quads map[string]int `json:"quads"`
	// MeanIntensity is the mean Goldstein-like intensity of the events.
	MeanIntensity float64 `json:"mean_intensity"`
}

// PlaceCount is the number of events at one location. Lat and Lon are
// nil when the location has no coordinates (a dateline place that was not
// geocoded).
type PlaceCount struct {
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	// GeonameID is the location's GeoNames id, 0 when it has none (an
	// unresolved dateline); namesakes are counted apart by it.
	GeonameID int      `json:"geonameid"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	Count     int      `json:"count"`
}

// Stats counts stored rows.
type Stats struct {
	Documents int `json:"documents"`
	Events    int `json:"events"`
	Quotes    int `json:"quotes"`
	Places    int `json:"places"`
}
