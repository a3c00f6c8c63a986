package server

import (
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
	if err := f.Validate(); err != nil {
		s.fail(w, r, invalidFilter(err))
		return
	}
	limit, err := parseLimit(q, store.DefaultLimit, store.MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, next, err := s.st.Documents(r.Context(), f, q.Get("cursor"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, documentsPage{Documents: rows, Next: nextPtr(next)})
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
	if err := checkParams(q, eventParams, []string{"role", "name", "cursor", "limit"}); err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := s.eventFilter(q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	aq := store.ActorQuery{Events: f, Role: q.Get("role"), Name: strings.TrimSpace(q.Get("name"))}
	if err := aq.Validate(); err != nil {
		s.fail(w, r, invalidFilter(err))
		return
	}
	limit, err := parseLimit(q, store.DefaultLimit, store.MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows, next, err := s.st.Actors(r.Context(), aq, q.Get("cursor"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, actorsPage{Actors: rows, Next: nextPtr(next)})
}
