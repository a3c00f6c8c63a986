package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/dateline-project/dateline/internal/metrics"
	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/source"
	"github.com/dateline-project/dateline/internal/store"
)

// writeJSON encodes v with encoding/json's HTML escaping left on, so that
// "<script>" in an article leaves as "\u003cscript\u003e" and stays data
// even if a client were to misuse it as markup.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// fail maps an error to a status: bad input is the client's (400), a
// missing document 404, anything else is logged and reported as 500
// without internal detail.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.msg)
	case errors.Is(err, store.ErrBadCursor):
		writeError(w, http.StatusBadRequest, "invalid cursor")
	case errors.Is(err, store.ErrBadFilter):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer.
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

// eventsPage is the answer of GET /api/events.
type eventsPage struct {
	Events []store.EventRow `json:"events"`
	// Next is the cursor of the following page, null on the last.
	Next *string `json:"next"`
	// Total counts every matching event, with total=1 only: counting
	// reads every match, which a client paging on needs but once.
	Total *int `json:"total,omitempty"`
}

func nextPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	f, rows, next, err := s.eventRows(r, false, "total")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	wantTotal, err := boolParam(r.URL.Query(), "total")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := eventsPage{Events: rows, Next: nextPtr(next)}
	if wantTotal != nil && *wantTotal {
		n, err := s.st.CountEvents(r.Context(), f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		page.Total = &n
	}
	writeJSON(w, http.StatusOK, page)
}

// eventRows answers a listing of events (incidents: a listing of
// incidents, whose filter is always on) from the request's filters,
// sort, cursor and limit; extra are the endpoint's own parameters. It
// returns the filter it used, for a count of the same events.
func (s *Server) eventRows(r *http.Request, incidents bool, extra ...string) (store.EventFilter, []store.EventRow, string, error) {
	q := r.URL.Query()
	f, err := s.incidentsRequest(q, incidents, append([]string{"cursor", "limit", "sort"}, extra...)...)
	if err != nil {
		return f, nil, "", err
	}
	limit, err := parseLimit(q, store.DefaultLimit, store.MaxLimit)
	if err != nil {
		return f, nil, "", err
	}
	rows, next, err := s.st.Events(r.Context(), f, q.Get("cursor"), limit)
	return f, rows, next, err
}

// IncidentRow is one incident of GET /api/incidents: its id, its
// canonical event (the best-evidenced report, which stands for it), how
// many reports from how many independent outlets tell it, the earliest
// report's publication and the ids of every report.
type IncidentRow struct {
	ID          string          `json:"id"`
	Canonical   *store.EventRow `json:"canonical"`
	NReports    int             `json:"n_reports"`
	NSources    int             `json:"n_sources"`
	FirstReport string          `json:"first_report"`
	Reports     []string        `json:"reports"`
}

// incidentRow reshapes a canonical event row into an IncidentRow; the
// counts move out of the event.
func incidentRow(row store.EventRow) IncidentRow {
	inc := IncidentRow{ID: row.IncidentID, NReports: row.NReports, NSources: row.NSources,
		FirstReport: row.FirstReport, Reports: row.Reports}
	if inc.Reports == nil {
		inc.Reports = []string{}
	}
	row.NReports, row.NSources, row.FirstReport, row.Reports = 0, 0, "", nil
	inc.Canonical = &row
	return inc
}

func (s *Server) handleIncidents(w http.ResponseWriter, r *http.Request) {
	_, rows, next, err := s.eventRows(r, true)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := make([]IncidentRow, len(rows))
	for i, row := range rows {
		out[i] = incidentRow(row)
	}
	writeJSON(w, http.StatusOK, struct {
		Incidents []IncidentRow `json:"incidents"`
		Next      *string       `json:"next"`
	}{out, nextPtr(next)})
}

// documentID is the id in /api/documents/{id}, decoded. chi routes on
// r.URL.RawPath when it is set, that is when the client escaped characters
// that Go's own encoding of the decoded path would not (a slash sent as
// %2F, a plus as %2B), and on the decoded r.URL.Path otherwise; so the
// wildcard holds an escaped id exactly when RawPath is set, and must not be
// unescaped twice otherwise (an id "100%" arrives decoded as "100%").
func documentID(r *http.Request) (string, error) {
	id := chi.URLParam(r, "*")
	if r.URL.RawPath == "" {
		return id, nil
	}
	dec, err := url.PathUnescape(id)
	if err != nil {
		return "", badParam("document id %q: %v", id, err)
	}
	return dec, nil
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id, err := documentID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if id == "" {
		writeError(w, http.StatusNotFound, "no document id")
		return
	}
	d, err := s.st.Document(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	also, err := s.st.AlsoReportedBy(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, documentPage{Document: d, AlsoReportedBy: also})
}

// documentPage is the answer of GET /api/documents/{id}: the stored
// document, and the other documents that report an incident one of its
// events is in, for the document view's "also reported by".
type documentPage struct {
	*store.Document
	AlsoReportedBy []store.DocRef `json:"also_reported_by"`
}

type quotesPage struct {
	Quotes []store.QuoteRow `json:"quotes"`
	Next   *string          `json:"next"`
}

func (s *Server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if err := checkParams(q, []string{"speaker", "country", "q", "cursor", "limit"}); err != nil {
		s.fail(w, r, err)
		return
	}
	limit, err := parseLimit(q, store.DefaultLimit, store.MaxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := store.QuoteFilter{Speaker: strings.TrimSpace(q.Get("speaker")), Country: list(q, "country", true), Q: q.Get("q")}
	rows, next, err := s.st.Quotes(r.Context(), f, q.Get("cursor"), limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, quotesPage{Quotes: rows, Next: nextPtr(next)})
}

func (s *Server) handleStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

type timeline struct {
	By   string                `json:"by"`
	Days []store.TimelinePoint `json:"days"`
}

func (s *Server) handleTimeline(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := s.countRequest(q, "by")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	by := q.Get("by")
	if by == "" {
		by = "type"
	}
	if by != "type" && by != "quad" {
		s.fail(w, r, badParam("by: want type or quad, got %q", by))
		return
	}
	days, err := s.st.Timeline(r.Context(), f, by)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, timeline{By: by, Days: days})
}

// filteredQuery reads the event filters and a limit (default def, at most
// max) of an aggregate endpoint, rejecting unknown parameters.
func (s *Server) filteredQuery(q url.Values, def, max int) (store.EventFilter, int, error) {
	f, err := s.countRequest(q, "limit")
	if err != nil {
		return store.EventFilter{}, 0, err
	}
	limit, err := parseLimit(q, def, max)
	return f, limit, err
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	f, limit, err := s.filteredQuery(r.URL.Query(), 200, store.MaxEdges)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	edges, err := s.st.Network(r.Context(), f, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Edges []store.Edge `json:"edges"`
	}{edges})
}

func (s *Server) handlePlaces(w http.ResponseWriter, r *http.Request) {
	f, limit, err := s.filteredQuery(r.URL.Query(), 1000, store.MaxPlaces)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	places, err := s.st.Places(r.Context(), f, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Places []store.PlaceCount `json:"places"`
	}{places})
}

// postResult is the answer of POST /api/documents.
type postResult struct {
	Inserted int `json:"inserted"`
	// Replaced counts stored documents written again: new text under
	// their id, or recoded (recode=1).
	Replaced int `json:"replaced"`
	// Aliased counts new ids whose text was stored under another id;
	// they now resolve to that document.
	Aliased   int             `json:"aliased"`
	Unchanged int             `json:"unchanged"`
	Records   []output.Record `json:"records"`
	// Skipped lists records that could not be read or coded.
	Skipped []string `json:"skipped"`
}

// handlePostDocuments codes and stores posted articles: with a JSON
// Content-Type, a JSON object ({id?, date?, title?, text, url?}), an array
// of them, or JSON Lines; with text/plain (which requireJSON lets through
// only with a token), one plain-text article. ?format= (txt, html, csv...)
// overrides either.
func (s *Server) handlePostDocuments(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if s.opts.Coder == nil {
		writeError(w, http.StatusServiceUnavailable, "this server was started without a coder")
		return
	}
	if err := checkParams(r.URL.Query(), []string{"format", "recode"}); err != nil {
		s.fail(w, r, err)
		return
	}
	recode, err := boolParam(r.URL.Query(), "recode")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body too large")
			return
		}
		writeError(w, http.StatusBadRequest, "read body: "+err.Error())
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && !slices.Contains(source.Formats, format) {
		s.fail(w, r, badParam("format: want one of %s", strings.Join(source.Formats, ", ")))
		return
	}
	if format == "" {
		// The declared type decides, never a sniff of the body: text/plain
		// that looks like JSON is still text.
		format = source.FormatText
		if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); jsonTypes[ct] {
			format = source.FormatJSONL
		}
	}
	ctx := r.Context()
	res := postResult{Records: []output.Record{}, Skipped: []string{}}
	var docs []store.Document
	tooLarge := false
	err = source.Read(ctx, []string{"-"}, source.Options{Format: format, Stdin: bytes.NewReader(body), MaxRecordBytes: s.opts.MaxBodyBytes},
		func(it source.Item) error {
			if it.Err != nil {
				tooLarge = tooLarge || errors.Is(it.Err, source.ErrTooLarge)
				res.Skipped = append(res.Skipped, it.Err.Error())
				return nil
			}
			d := it.Doc
			d.Source.Path = "api"
			if err := s.opts.Coder.Code(ctx, d); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				s.opts.Metrics.Error(metrics.ErrCode)
				res.Skipped = append(res.Skipped, err.Error())
				return nil
			}
			rec := output.FromDoc(d, output.Options{})
			if p := s.opts.Provenance; p != nil {
				prov := *p
				rec.Provenance = &prov
			}
			docs = append(docs, store.Document{Record: rec, Text: d.Text, Recode: recode != nil && *recode})
			res.Records = append(res.Records, rec)
			return nil
		})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(docs) == 0 {
		// Nothing to store: an oversized document (beyond the document
		// budget) is the client's to split, the rest is a bad request.
		status := http.StatusBadRequest
		if tooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		writeJSON(w, status, res)
		return
	}
	// What was stored under each id tells a write that replaces from
	// one that inserts, and no write that leaves alone from an alias. An
	// id earlier in the same post counts as stored.
	stored := make([]bool, len(docs))
	posted := map[string]bool{}
	for i := range docs {
		id := docs[i].Record.DocID
		_, err := s.st.Stored(ctx, id)
		switch {
		case err == nil || posted[id]:
			stored[i] = true
		case !errors.Is(err, store.ErrNotFound):
			s.fail(w, r, err)
			return
		}
		posted[id] = true
	}
	writeStart := time.Now()
	ins, err := s.st.PutDocuments(ctx, docs)
	s.opts.Metrics.ObserveWrite(writeStart)
	if err != nil {
		s.opts.Metrics.Error(metrics.ErrStore)
		s.fail(w, r, err)
		return
	}
	s.opts.Metrics.AddCoded(len(docs))
	s.opts.Metrics.ObserveBatch(start)
	for i, ok := range ins {
		switch {
		case ok && stored[i]:
			res.Replaced++
		case ok:
			res.Inserted++
		case stored[i]:
			res.Unchanged++
		default:
			res.Aliased++
		}
	}
	status := http.StatusOK
	if res.Inserted > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}
