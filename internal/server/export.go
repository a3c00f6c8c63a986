package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dateline-project/dateline/internal/output"
	"github.com/dateline-project/dateline/internal/store"
)

// exportPage is how many events an export reads per store query.
const exportPage = store.MaxLimit

// export streams every event matching the request's filters to write,
// page by page, so that memory stays flat whatever the result size. The
// write deadline is pushed forward before each page: a live client may
// take as long as the export needs, a stalled one still times out.
//
// The report-level exports take incidents=1 for one row per incident;
// the incident-level one (incidents) always has it.
func (s *Server) export(w http.ResponseWriter, r *http.Request, contentType, filename string, incidents bool,
	begin func(bw *bufio.Writer) error, write func(bw *bufio.Writer, row *store.EventRow, first bool) error, end func(bw *bufio.Writer) error) {
	f, err := s.incidentsRequest(r.URL.Query(), incidents, "sort")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	// The first page is fetched before any byte is written, so that a
	// store error can still become a proper error response.
	rows, next, err := s.st.Events(ctx, f, "", exportPage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	rc := http.NewResponseController(w)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := begin(bw); err != nil {
		return
	}
	first := true
	for {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		for i := range rows {
			if err := write(bw, &rows[i], first); err != nil {
				return // the client went away
			}
			first = false
		}
		if next == "" {
			break
		}
		rows, next, err = s.st.Events(ctx, f, next, exportPage)
		if err != nil {
			// Headers are gone; all that is left is to cut the stream
			// short, which clients see as a truncated download.
			s.log.Error("export failed mid-stream", "path", r.URL.Path, "err", err)
			return
		}
	}
	if err := end(bw); err != nil {
		return
	}
	_ = bw.Flush()
}

func noop(*bufio.Writer) error { return nil }

func (s *Server) handleExportJSONL(w http.ResponseWriter, r *http.Request) {
	var enc *output.LineEncoder
	s.export(w, r, "application/x-ndjson; charset=utf-8", "events.jsonl", false,
		func(bw *bufio.Writer) error { enc = output.NewLineEncoder(bw); return nil },
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error { return enc.Encode(row) },
		noop)
}

// CSVHeader names the CSV export's columns: one row per event, in the
// spirit of GDELT's event table. A cell that holds several values (the
// actors and recipients, in the same order in their country, sector and
// name columns, and the contexts) joins them with '|', as dateline's data
// files do. day is the date the event is filed under and date_precision
// says how it is known ("published": the text gives no date, so it is the
// dateline's or the publication's).
var CSVHeader = []string{
	"day", "date_precision", "actor_country", "actor_sector", "actor_name", "recipient_country", "recipient_sector", "recipient_name",
	"event", "mode", "context", "quad", "cameo_root", "intensity", "negated", "principal", "claimed_by",
	"location_name", "location_country", "geonameid", "location_precision", "lat", "lon",
	"source_url", "source_path", "doc_id", "event_id", "trigger", "evidence", "confidence",
	"incident_id",
}

func joinActors(bs []output.ActorBlock, field func(output.ActorBlock) string) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = field(b)
	}
	return strings.Join(parts, "|")
}

// csvText makes a text cell safe to open in a spreadsheet (OWASP's CSV
// injection guidance): a cell that begins with = + - @, a tab or a carriage
// return may run as a formula (=HYPERLINK(...) can leak data), so it gets a
// leading single quote, which spreadsheets read as "this is text". Article
// text is attacker-controlled, so every text column goes through here.
//
// A text cell that is a plain decimal number ("-5", "+1.5e3") is left
// alone: a spreadsheet reads it as that number, not a formula, and quoting
// it would turn a number into text. The numeric columns (lat, lon,
// intensity, confidence) are formatted by strconv and never pass through
// here, so a longitude of -33.9 stays a number.
func csvText(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || isDecimal(s) {
		return s
	}
	return "'" + s
}

// isDecimal reports whether s is a plain decimal number: an optional sign,
// digits with at most one point, and an optional exponent. Unlike
// strconv.ParseFloat it refuses Inf, NaN and hex floats, which spreadsheets
// do not read as numbers.
func isDecimal(s string) bool {
	unsigned := func(s string) string {
		if s != "" && (s[0] == '+' || s[0] == '-') {
			return s[1:]
		}
		return s
	}
	digits := func(s string) bool {
		return s != "" && strings.Trim(s, "0123456789") == ""
	}
	mant, exp, hasExp := strings.Cut(unsigned(s), "e")
	if !hasExp {
		mant, exp, hasExp = strings.Cut(mant, "E")
	}
	if hasExp && !digits(unsigned(exp)) {
		return false
	}
	whole, frac, _ := strings.Cut(mant, ".")
	return (whole == "" || digits(whole)) && (frac == "" || digits(frac)) && (whole != "" || frac != "")
}

func csvRow(row *store.EventRow) []string {
	ev := &row.Event
	country := func(b output.ActorBlock) string { return b.CountryCode }
	sector := func(b output.ActorBlock) string { return b.SectorCode }
	name := func(b output.ActorBlock) string {
		if b.EntityName != "" {
			return b.EntityName
		}
		return b.RawText
	}
	claimed := ""
	if ev.ClaimedBy != nil {
		claimed = name(*ev.ClaimedBy)
	}
	// Numeric cells of a location are empty without one, as lat and lon
	// are without coordinates.
	var locName, locCountry, geonameID, precision, lat, lon string
	if l := ev.Location; l != nil {
		locName, locCountry = l.Name, l.CountryCode
		if l.GeonameID != 0 {
			geonameID = strconv.Itoa(l.GeonameID)
		}
		if l.Precision != 0 {
			precision = strconv.Itoa(l.Precision)
		}
		if l.Lat != 0 || l.Lon != 0 {
			lat, lon = strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64)
		}
	}
	t := csvText
	return []string{
		t(row.Day), t(ev.DatePrecision),
		t(joinActors(ev.Actor, country)), t(joinActors(ev.Actor, sector)), t(joinActors(ev.Actor, name)),
		t(joinActors(ev.Recipient, country)), t(joinActors(ev.Recipient, sector)), t(joinActors(ev.Recipient, name)),
		t(ev.Event), t(ev.Mode), t(strings.Join(ev.Context, "|")), t(ev.Quad), t(ev.CameoRoot), strconv.FormatFloat(ev.Intensity, 'f', -1, 64),
		strconv.FormatBool(ev.Negated), strconv.FormatBool(ev.Principal), t(claimed),
		t(locName), t(locCountry), geonameID, precision, lat, lon,
		t(row.Source.URL), t(row.Source.Path), t(row.DocID), t(ev.ID), t(ev.Evidence.TriggerText), t(ev.Evidence.Text),
		strconv.FormatFloat(ev.Confidence, 'f', -1, 64),
		t(ev.IncidentID),
	}
}

// IncidentCSVHeader names the incident-level CSV's columns: one row per
// incident, its id and counts first, then its canonical event's columns
// as in CSVHeader (whose incident_id the id repeats, so it is left out).
var IncidentCSVHeader = append([]string{"incident_id", "n_reports", "n_sources", "first_report", "reports"},
	CSVHeader[:len(CSVHeader)-1]...)

// incidentCSVRow is row's line of the incident-level CSV; row is an
// incident's canonical event, read with the incidents filter. The report
// ids are joined with '|', as actors are.
func incidentCSVRow(row *store.EventRow) []string {
	ev := csvRow(row)
	return append([]string{csvText(row.IncidentID), strconv.Itoa(row.NReports), strconv.Itoa(row.NSources),
		csvText(row.FirstReport), csvText(strings.Join(row.Reports, "|"))}, ev[:len(ev)-1]...)
}

func (s *Server) handleExportIncidentsCSV(w http.ResponseWriter, r *http.Request) {
	var cw *csv.Writer
	s.export(w, r, "text/csv; charset=utf-8", "incidents.csv", true,
		func(bw *bufio.Writer) error { cw = csv.NewWriter(bw); return cw.Write(IncidentCSVHeader) },
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error { return cw.Write(incidentCSVRow(row)) },
		func(bw *bufio.Writer) error { cw.Flush(); return cw.Error() })
}

func (s *Server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	var cw *csv.Writer
	s.export(w, r, "text/csv; charset=utf-8", "events.csv", false,
		func(bw *bufio.Writer) error { cw = csv.NewWriter(bw); return cw.Write(CSVHeader) },
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error { return cw.Write(csvRow(row)) },
		func(bw *bufio.Writer) error { cw.Flush(); return cw.Error() })
}

type geoFeature struct {
	Type       string        `json:"type"`
	Geometry   *geoPoint     `json:"geometry"`
	Properties geoProperties `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// geoProperties are a feature's properties. They were a map, which
// encoding/json writes in key order; the fields keep that order, and the
// location's are pointers, omitted with the location as the map's keys
// were, so that the bytes are the same at a fraction of the cost (no
// sorting and boxing for every row).
type geoProperties struct {
	Actor             []output.ActorBlock `json:"actor"`
	CameoRoot         string              `json:"cameo_root"`
	Date              *string             `json:"date"`
	Day               string              `json:"day"`
	DocID             string              `json:"doc_id"`
	Event             string              `json:"event"`
	EventID           string              `json:"event_id"`
	GeonameID         *int                `json:"geonameid,omitempty"`
	IncidentID        string              `json:"incident_id"`
	Intensity         float64             `json:"intensity"`
	LocationCountry   *string             `json:"location_country,omitempty"`
	LocationName      *string             `json:"location_name,omitempty"`
	LocationPrecision *int                `json:"location_precision,omitempty"`
	Mode              string              `json:"mode"`
	Quad              string              `json:"quad"`
	Recipient         []output.ActorBlock `json:"recipient"`
	SourceURL         string              `json:"source_url"`
	Title             string              `json:"title"`
}

// feature is row's GeoJSON feature; ok is false for an event without
// coordinates, which the export leaves out.
func feature(row *store.EventRow) (f geoFeature, ok bool) {
	ev := &row.Event
	l := ev.Location
	if l == nil || l.Lat == 0 && l.Lon == 0 {
		return f, false
	}
	return geoFeature{
		Type: "Feature",
		// GeoJSON orders coordinates longitude first (RFC 7946).
		Geometry: &geoPoint{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}},
		Properties: geoProperties{
			Actor: ev.Actor, CameoRoot: ev.CameoRoot, Date: ev.Date, Day: row.Day, DocID: row.DocID, Event: ev.Event, EventID: ev.ID,
			GeonameID: &l.GeonameID, IncidentID: ev.IncidentID, Intensity: ev.Intensity,
			LocationCountry: &l.CountryCode, LocationName: &l.Name, LocationPrecision: &l.Precision,
			Mode: ev.Mode, Quad: ev.Quad, Recipient: ev.Recipient, SourceURL: row.Source.URL, Title: row.Title,
		},
	}, true
}

// The GeoJSON export holds located events only: a feature without a
// geometry is valid GeoJSON, but map tools drop it or fail on it, and
// three in four events have no coordinates. How many matched the filters
// but were left out is the collection's "omitted" member, written last
// since it is known only when the stream ends.

func (s *Server) handleExportGeoJSON(w http.ResponseWriter, r *http.Request) {
	written, omitted := 0, 0
	s.export(w, r, "application/geo+json; charset=utf-8", "events.geojson", false,
		func(bw *bufio.Writer) error {
			_, err := bw.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
			return err
		},
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error {
			f, ok := feature(row)
			if !ok {
				omitted++
				return nil
			}
			if written > 0 {
				if _, err := bw.WriteString(",\n"); err != nil {
					return err
				}
			}
			written++
			b, err := json.Marshal(f)
			if err != nil {
				return err
			}
			_, err = bw.Write(b)
			return err
		},
		func(bw *bufio.Writer) error {
			_, err := fmt.Fprintf(bw, "\n],\"omitted\":%d}\n", omitted)
			return err
		})
}
