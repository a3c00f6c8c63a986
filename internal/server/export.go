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
func (s *Server) export(w http.ResponseWriter, r *http.Request, contentType, filename string,
	begin func(bw *bufio.Writer) error, write func(bw *bufio.Writer, row *store.EventRow, first bool) error, end func(bw *bufio.Writer) error) {
	f, err := s.eventRequest(r.URL.Query(), "sort")
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
	s.export(w, r, "application/x-ndjson; charset=utf-8", "events.jsonl",
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
	}
}

func (s *Server) handleExportCSV(w http.ResponseWriter, r *http.Request) {
	var cw *csv.Writer
	s.export(w, r, "text/csv; charset=utf-8", "events.csv",
		func(bw *bufio.Writer) error { cw = csv.NewWriter(bw); return cw.Write(CSVHeader) },
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error { return cw.Write(csvRow(row)) },
		func(bw *bufio.Writer) error { cw.Flush(); return cw.Error() })
}

type geoFeature struct {
	Type       string         `json:"type"`
	Geometry   *geoPoint      `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

func feature(row *store.EventRow) geoFeature {
	ev := &row.Event
	f := geoFeature{Type: "Feature", Properties: map[string]any{
		"doc_id": row.DocID, "event_id": ev.ID, "day": row.Day, "date": ev.Date, "event": ev.Event, "mode": ev.Mode,
		"quad": ev.Quad, "cameo_root": ev.CameoRoot, "intensity": ev.Intensity, "actor": ev.Actor, "recipient": ev.Recipient,
		"source_url": row.Source.URL, "title": row.Title,
	}}
	if l := ev.Location; l != nil {
		f.Properties["location_name"] = l.Name
		f.Properties["location_country"] = l.CountryCode
		f.Properties["geonameid"] = l.GeonameID
		f.Properties["location_precision"] = l.Precision
		if l.Lat != 0 || l.Lon != 0 {
			// GeoJSON orders coordinates longitude first (RFC 7946).
			f.Geometry = &geoPoint{Type: "Point", Coordinates: [2]float64{l.Lon, l.Lat}}
		}
	}
	return f
}

// The GeoJSON export holds located events only: a feature without a
// geometry is valid GeoJSON, but map tools drop it or fail on it, and
// three in four events have no coordinates. How many matched the filters
// but were left out is the collection's "omitted" member, written last
// since it is known only when the stream ends.

func (s *Server) handleExportGeoJSON(w http.ResponseWriter, r *http.Request) {
	written, omitted := 0, 0
	s.export(w, r, "application/geo+json; charset=utf-8", "events.geojson",
		func(bw *bufio.Writer) error {
			_, err := bw.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
			return err
		},
		func(bw *bufio.Writer, row *store.EventRow, _ bool) error {
			f := feature(row)
			if f.Geometry == nil {
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
