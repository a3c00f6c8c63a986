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
	"fmt"

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
	// Recode asks PutDocuments to replace a stored document with the
	// same id and text when its record's provenance differs from this
	// one's (a recode with new dictionaries or a new coder); without
	// it such a document is left as stored. Never stored.
	Recode bool `json:"-"`
}

// Stored describes what is stored under a document id.
type Stored struct {
	// DocID is the stored document's own id: the id asked for, or the
	// id of the document it is an alias of.
	DocID string
	// Hash is the stored text's ContentHash.
	Hash string
	// Provenance is the stored record's; nil for a record stored before
	// provenance was recorded.
	Provenance *output.Provenance
}

// Store keeps coded documents and answers the API's queries.
// Implementations must be safe for concurrent use.
type Store interface {
	// PutDocuments stores docs in one atomic, durable write: when it
	// returns nil every document is committed, when it returns an error
	// none is. written has one entry per doc, true where a record was
	// written. Each document, in order (so one that appears earlier in
	// docs counts as stored):
	//
	//   - whose doc_id is stored with the same text is left unchanged
	//     (false), unless Recode is set and the stored record's
	//     provenance differs, when it is replaced (true);
	//   - whose doc_id is stored with other text replaces that document
	//     and everything coded from it (true): an updated article;
	//   - whose doc_id is new (or an alias) but whose text is stored under
	//     another id becomes an alias of that document (false): Document
	//     and HasDocument resolve the alias to it;
	//   - is otherwise inserted (true).
	//
	// A replaced document keeps its place in storage order and its
	// Ingested time. Putting the same documents again changes nothing.
	PutDocuments(ctx context.Context, docs []Document) (written []bool, err error)

	// HasDocument reports whether a document with this doc_id (or an
	// alias with it) or this content hash is stored. Either may be empty
	// to match on the other.
	HasDocument(ctx context.Context, id, hash string) (bool, error)

	// Stored describes the document stored under id (an alias resolves
	// to its document), or returns ErrNotFound.
	Stored(ctx context.Context, id string) (Stored, error)

	// Stale calls fn, in storage order, with the doc_id of every stored
	// document whose record's provenance differs from p (records stored
	// without one included): those a recode with p would change. An
	// error from fn ends the walk and is returned; fn may read the store
	// but must not write to it.
	Stale(ctx context.Context, p output.Provenance, fn func(id string) error) error

	// Document returns the stored document with this doc_id, or with
	// this alias (then the record keeps its own doc_id), or ErrNotFound.
	Document(ctx context.Context, id string) (*Document, error)

	// Events returns up to limit events matching f, in f.Sort's order
	// (by day by default) then by storage order (reversed when the sort
	// is descending), starting after cursor ("" for the first page). next
	// is the cursor for the following page, "" when there is none. A
	// cursor not issued by the store, or issued for another sort, gives
	// ErrBadCursor; limit is clamped to [1, MaxLimit], 0 meaning
	// DefaultLimit.
	Events(ctx context.Context, f EventFilter, cursor string, limit int) (rows []EventRow, next string, err error)

	// CountEvents counts all the events matching f (f.Sort aside), as
	// many as Events would list page after page; it lets a client show
	// "x of N".
	CountEvents(ctx context.Context, f EventFilter) (int, error)

	// Documents pages through the stored documents matching f, by day
	// (f.Sort SortDate or SortDateDesc) then by storage order, with the
	// same cursor and limit rules as Events.
	Documents(ctx context.Context, f DocumentFilter, cursor string, limit int) (rows []DocumentRow, next string, err error)

	// Actors counts the events matching q.Events per actor (entity name
	// and country, as in Network), most events first, then by name and
	// country. Pages are limit long (clamped like Events); cursor is ""
	// or a next the store returned for the same query.
	Actors(ctx context.Context, q ActorQuery, cursor string, limit int) (rows []ActorCount, next string, err error)

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

// DocumentRow is one stored document as a list shows it: its metadata and
// how much was coded in it, without the text or the record.
type DocumentRow struct {
	DocID     string        `json:"doc_id"`
	Title     string        `json:"title"`
	Day       string        `json:"day"`
	Published *string       `json:"published"`
	Source    output.Source `json:"source"`
	// DuplicateOf is the record's duplicate_of: the document this one
	// repeats, nil for a first report.
	DuplicateOf *string `json:"duplicate_of"`
	Events      int     `json:"events"`
	Quotes      int     `json:"quotes"`
	Ingested    string  `json:"ingested"`
}

// DocumentFilter selects documents. Zero fields do not filter.
type DocumentFilter struct {
	// Q is a full-text query over title and text (see EventFilter.Q).
	Q string
	// From and To bound the document's day (its dateline's date, else
	// its publication date), inclusive, YYYY-MM-DD.
	From, To string
	// Source matches a substring of the outlet's name or of the URL,
	// case-insensitively.
	Source string
	// HasEvents keeps documents with (true) or without (false) coded
	// events; nil does not filter.
	HasEvents *bool
	// Distinct leaves out documents that repeat an earlier one.
	Distinct bool
	// Sort is SortDate (or "") or SortDateDesc.
	Sort string
}

// Validate checks f's value sizes, days and sort.
func (f *DocumentFilter) Validate() error {
	ef := EventFilter{Q: f.Q, From: f.From, To: f.To}
	if err := ef.Validate(); err != nil {
		return err
	}
	if err := checkText("source", f.Source); err != nil {
		return err
	}
	if f.Sort != "" && f.Sort != SortDate && f.Sort != SortDateDesc {
		return fmt.Errorf("%w: sort %q: want %s or %s", ErrBadFilter, f.Sort, SortDate, SortDateDesc)
	}
	return nil
}

// ActorQuery selects what Actors counts.
type ActorQuery struct {
	// Events are the events counted.
	Events EventFilter
	// Role is "actor" or "recipient" to count only the events where the
	// actor has that role; "" counts both.
	Role string
	// Name matches a substring of the actor's entity name,
	// case-insensitively.
	Name string
}

// Validate checks q's event filter, role and name.
func (q *ActorQuery) Validate() error {
	if err := q.Events.Validate(); err != nil {
		return err
	}
	if q.Role != "" && q.Role != RoleActor && q.Role != RoleRecipient {
		return fmt.Errorf("%w: role %q: want %s or %s", ErrBadFilter, q.Role, RoleActor, RoleRecipient)
	}
	return checkText("name", q.Name)
}

// Actor roles for ActorQuery.Role.
const (
	RoleActor     = "actor"
	RoleRecipient = "recipient"
)

// ActorCount is one actor and the number of events it takes part in.
type ActorCount struct {
	Node
	// Events counts the events in either role; AsActor and AsRecipient
	// count them by role (an event where the actor has both roles
	// counts in each).
	Events      int `json:"events"`
	AsActor     int `json:"as_actor"`
	AsRecipient int `json:"as_recipient"`
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
