package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// PlaceGold is one passage of a place gold file (JSON Lines):
//
//	{"id": "p01", "date": "2024-05-01", "text": "...", "places": [
//	  {"text": "Paris", "start": 10, "end": 15, "geonameid": 2988507,
//	   "country_code": "FRA", "lat": 48.85, "lon": 2.35}]}
//
// start and end are byte offsets of the toponym in text; geonameid is the
// GeoNames id, or dateline's negative id for a hand-written region.
type PlaceGold struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	Places []struct {
		Text        string  `json:"text"`
		Start       int     `json:"start"`
		End         int     `json:"end"`
		GeonameID   int     `json:"geonameid"`
		CountryCode string  `json:"country_code"`
		Lat         float64 `json:"lat"`
		Lon         float64 `json:"lon"`
	} `json:"places"`
}

// ReadPlaceGold reads a place gold file and checks every offset.
func ReadPlaceGold(r io.Reader, name string) ([]PlaceGold, error) {
	return readJSONL(r, name, func(g *PlaceGold) error {
		for _, p := range g.Places {
			if p.Start < 0 || p.End > len(g.Text) || p.Start >= p.End || g.Text[p.Start:p.End] != p.Text {
				return fmt.Errorf("place %q does not match its offsets %d-%d", p.Text, p.Start, p.End)
			}
		}
		return nil
	})
}

// PlacesReport scores toponym finding and resolution.
type PlacesReport struct {
	Passages  int     `json:"passages"`
	Toponyms  PRF     `json:"toponyms"`
	ExactID   Ratio   `json:"resolution_exact_id"`
	Within161 Ratio   `json:"resolution_within_161km"`
	Misses    []Miss  `json:"misses"`
	Seconds   float64 `json:"seconds"`
}

// haversineKm is the great-circle distance in kilometres.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// ScorePlaces codes each passage and matches places by span overlap;
// resolution is scored over the matched toponyms.
func ScorePlaces(ctx context.Context, c *coder.Coder, gold []PlaceGold) (*PlacesReport, error) {
	w, err := c.NewWorker()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &PlacesReport{Passages: len(gold)}
	for _, g := range gold {
		d := &doc.Doc{ID: g.ID, Text: g.Text}
		if t, err := time.Parse("2006-01-02", g.Date); err == nil {
			d.Published = t
		}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", g.ID, err)
		}
		used := make([]bool, len(d.Places))
		for _, gp := range g.Places {
			gs := doc.Span{Start: gp.Start, End: gp.End}
			match := -1
			for i, p := range d.Places {
				if !used[i] && overlapEnough(gs, p.Span) {
					match = i
					break
				}
			}
			if match < 0 {
				rep.Toponyms.FN++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gp.Text, Kind: "missed toponym"})
				continue
			}
			used[match] = true
			rep.Toponyms.TP++
			p := d.Places[match]
			rep.ExactID.add(p.GeonameID == gp.GeonameID)
			near := haversineKm(p.Lat, p.Lon, gp.Lat, gp.Lon) <= 161
			rep.Within161.add(near)
			if !near {
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gp.Text, Gold: fmt.Sprintf("%d %s", gp.GeonameID, gp.CountryCode),
					Pred: []string{fmt.Sprintf("%d %s %s", p.GeonameID, p.CountryCode, p.Name)}, Kind: "resolved far away"})
			}
		}
		for i, p := range d.Places {
			if !used[i] {
				rep.Toponyms.FP++
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: d.SpanText(p.Span), Kind: "spurious toponym"})
			}
		}
	}
	rep.Toponyms.finish()
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// Write prints the report.
func (r *PlacesReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "places: %d passages, %.1f s\n", r.Passages, r.Seconds)
	fmt.Fprintf(w, "toponyms  P %.3f  R %.3f  F1 %.3f (tp %d, fp %d, fn %d)\n", r.Toponyms.Precision, r.Toponyms.Recall, r.Toponyms.F1, r.Toponyms.TP, r.Toponyms.FP, r.Toponyms.FN)
	fmt.Fprintf(w, "resolution: exact id %.3f (%d/%d), within 161 km %.3f (%d/%d)\n", r.ExactID.Value, r.ExactID.Correct, r.ExactID.Total, r.Within161.Value, r.Within161.Correct, r.Within161.Total)
	writeMisses(w, r.Misses, errors)
}

// ReadPlaceGoldFile opens and reads a place gold file.
func ReadPlaceGoldFile(path string) ([]PlaceGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open place gold: %w", err)
	}
	defer f.Close()
	return ReadPlaceGold(f, path)
}
