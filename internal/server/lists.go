package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/dateline-project/dateline/internal/store"
)

// documentsPage is the answer of GET /api/documents.
type documentsPage struct {
	Documents []store.DocumentRow `json:"documents"`
	Next      *string             `json:"next"`
}

// handleDocuments lists stored documents: q (full text), from/to (the
// document's day), source (outlet name or URL), has_events, distinct,
// sort (date or -date), cursor and limit.
func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, []string{"q", "from", "to", "source", "has_events", "distinct", "sort", "cursor", "limit"}); err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.DocumentFilter{Q: q.Get("q"), From: q.Get("from"), To: q.Get("to"), Source: strings.TrimSpace(q.Get("source")), Sort: q.Get("sort")}
	hasEvents, err := boolParam(q, "has_events")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	distinct, err := boolParam(q, "distinct")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.HasEvents, f.Distinct = hasEvents, distinct != nil && *distinct
	s.listPage(w, r, f.Validate, func(ctx context.Context, cursor string, limit int) (any, error) {
		rows, next, err := s.st.Documents(ctx, f, cursor, limit)
		return documentsPage{Documents: rows, Next: nextPtr(next)}, err
	})
}

// actorsPage is the answer of GET /api/actors.
type actorsPage struct {
	Actors []store.ActorCount `json:"actors"`
	Next   *string            `json:"next"`
}

// handleActors ranks actors by the events matching the event filters
// they take part in: role (actor or recipient, else both), name (a
// substring of the actor's name), cursor and limit.
func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := s.eventRequest(q, "role", "name", "cursor", "limit")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	aq := store.ActorQuery{Events: f, Role: q.Get("role"), Name: strings.TrimSpace(q.Get("name"))}
	s.listPage(w, r, aq.Validate, func(ctx context.Context, cursor string, limit int) (any, error) {
		rows, next, err := s.st.Actors(ctx, aq, cursor, limit)
		return actorsPage{Actors: rows, Next: nextPtr(next)}, err
	})
}

// listPage answers one page of a list: the filter's own check (validate,
// a 400 naming what is wrong), the limit, then the page fetch builds
// from the cursor.
func (s *Server) listPage(w http.ResponseWriter, r *http.Request, validate func() error,
	fetch func(ctx context.Context, cursor string, limit int) (any, error)) {
	q := r.URL.Query()
	if err := validate(); err != nil {
		s.fail(w, r, invalidFilter(err))
		return
	}
	limit, err := parseLimit(q, store.DefaultLimit, store.MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := fetch(r.Context(), q.Get("cursor"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}
