package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"time"

	"github.com/dateline-project/dateline/internal/coder"
	"github.com/dateline-project/dateline/internal/doc"
)

// PlaceGold is one passage of a place gold file (JSON Lines):
//
//	{"id": "p01", "corpus": "local", "date": "2024-05-01", "text": "...", "places": [
//	  {"text": "Paris", "start": 10, "end": 15, "geonameid": 2988507,
//	   "feature": "PPLC", "country_code": "FRA", "lat": 48.85, "lon": 2.35}]}
//
// start and end are byte offsets of the toponym in text. geonameid is the
// GeoNames id when the gold has one (0 when it gives only coordinates);
// corpus groups passages for the per-corpus figures and may be empty.
type PlaceGold struct {
	ID     string `json:"id"`
	Corpus string `json:"corpus"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	Places []struct {
		Text        string  `json:"text"`
		Start       int     `json:"start"`
		End         int     `json:"end"`
		GeonameID   int     `json:"geonameid"`
		Feature     string  `json:"feature"`
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

// PlaceScores are the figures of the geoparsing literature (Gritta et al.,
// "A pragmatic guide to geoparsing evaluation", 2019) for one set of
// passages: toponym recognition by span, and resolution of the found
// toponyms by distance and, where the gold has one, by GeoNames id.
type PlaceScores struct {
	Passages  int   `json:"passages"`
	Toponyms  PRF   `json:"toponyms"`
	Within161 Ratio `json:"resolution_within_161km"`
	// ExactID counts only gold toponyms that carry a GeoNames id.
	ExactID  Ratio   `json:"resolution_exact_id"`
	MeanKm   float64 `json:"mean_error_km"`
	MedianKm float64 `json:"median_error_km"`
	// AUC is the area under the curve of sorted log errors, scaled so that
	// 0 is perfect and 1 is every toponym on the far side of the Earth.
	AUC float64 `json:"auc_log_error"`
	// TopDecile and BottomDecile are the within-161-km accuracy of the
	// tenth of found toponyms with the highest and the lowest confidence:
	// a confidence that ranks puts the first well above the second.
	TopDecile    Ratio `json:"top_confidence_decile_within_161km"`
	BottomDecile Ratio `json:"bottom_confidence_decile_within_161km"`
	// UnscoredDemonyms counts demonym places that the gold does not
	// mark; they are not counted against precision.
	UnscoredDemonyms int `json:"unscored_demonyms"`

	resolved []resolvedPlace
}

type resolvedPlace struct {
	km, confidence float64
}

// PlacesReport scores toponym finding and resolution overall and per
// corpus.
type PlacesReport struct {
	All     PlaceScores             `json:"all"`
	Corpora map[string]*PlaceScores `json:"corpora,omitempty"`
	Misses  []Miss                  `json:"misses"`
	Seconds float64                 `json:"seconds"`
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
	rep := &PlacesReport{Corpora: map[string]*PlaceScores{}}
	for _, g := range gold {
		d := &doc.Doc{ID: g.ID, Text: g.Text}
		if t, err := time.Parse("2006-01-02", g.Date); err == nil {
			d.Published = t
		}
		if err := w.Code(ctx, d); err != nil {
			return nil, fmt.Errorf("code %s: %w", g.ID, err)
		}
		scores := []*PlaceScores{&rep.All}
		if g.Corpus != "" {
			if rep.Corpora[g.Corpus] == nil {
				rep.Corpora[g.Corpus] = &PlaceScores{}
			}
			scores = append(scores, rep.Corpora[g.Corpus])
		}
		for _, s := range scores {
			s.Passages++
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
				for _, s := range scores {
					s.Toponyms.FN++
				}
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gp.Text, Gold: gp.Feature, Kind: "missed toponym"})
				continue
			}
			used[match] = true
			p := d.Places[match]
			km := haversineKm(p.Lat, p.Lon, gp.Lat, gp.Lon)
			for _, s := range scores {
				s.Toponyms.TP++
				s.Within161.add(km <= 161)
				if gp.GeonameID > 0 {
					s.ExactID.add(p.GeonameID == gp.GeonameID)
				}
				s.resolved = append(s.resolved, resolvedPlace{km: km, confidence: p.Confidence})
			}
			if km > 161 {
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: gp.Text,
					Gold: fmt.Sprintf("%d %s (%.2f,%.2f)", gp.GeonameID, gp.Feature, gp.Lat, gp.Lon),
					Pred: []string{fmt.Sprintf("%d %s %s %s (%.2f,%.2f) %.0f km", p.GeonameID, p.Feature, p.CountryCode, p.Name, p.Lat, p.Lon, km)},
					Kind: "resolved far away"})
			}
		}
		for i, p := range d.Places {
			if !used[i] && p.Kind == doc.PlaceDemonym {
				// Corpora differ on demonyms: TR-News marks "Turkish"
				// as Turkey, GeoVirus marks none. A demonym the gold
				// marks counts as found; one it does not is left out
				// of precision, since the kind lets users keep them
				// apart, and counted on its own.
				for _, s := range scores {
					s.UnscoredDemonyms++
				}
				continue
			}
			if !used[i] {
				for _, s := range scores {
					s.Toponyms.FP++
				}
				rep.Misses = append(rep.Misses, Miss{ID: g.ID, Text: d.SpanText(p.Span), Pred: []string{p.Feature + " " + p.Rule}, Kind: "spurious toponym"})
			}
		}
	}
	rep.All.finish()
	for _, s := range rep.Corpora {
		s.finish()
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// maxErrorKm is half the Earth's circumference: the largest possible
// error, which scales the AUC.
const maxErrorKm = 20039

func (s *PlaceScores) finish() {
	s.Toponyms.finish()
	n := len(s.resolved)
	if n == 0 {
		return
	}
	kms := make([]float64, n)
	sum := 0.0
	for i, r := range s.resolved {
		kms[i] = r.km
		sum += r.km
	}
	sort.Float64s(kms)
	s.MeanKm = sum / float64(n)
	s.MedianKm = kms[n/2]
	if n%2 == 0 {
		s.MedianKm = (kms[n/2-1] + kms[n/2]) / 2
	}
	// The trapezoid rule over the sorted, log-scaled errors, as in the
	// reference implementation of the AUC.
	if n == 1 {
		s.AUC = math.Log1p(kms[0]) / math.Log(maxErrorKm)
	} else {
		area := 0.0
		for i := 1; i < n; i++ {
			area += (math.Log1p(kms[i-1]) + math.Log1p(kms[i])) / 2
		}
		s.AUC = area / (float64(n-1) * math.Log(maxErrorKm))
	}
	byConf := slices.Clone(s.resolved)
	slices.SortStableFunc(byConf, func(a, b resolvedPlace) int {
		switch {
		case a.confidence > b.confidence:
			return -1
		case a.confidence < b.confidence:
			return 1
		}
		return 0
	})
	tenth := max(1, n/10)
	for _, r := range byConf[:tenth] {
		s.TopDecile.add(r.km <= 161)
	}
	for _, r := range byConf[n-tenth:] {
		s.BottomDecile.add(r.km <= 161)
	}
}

// Write prints the report: overall, then each corpus by name.
func (r *PlacesReport) Write(w io.Writer, errors int) {
	fmt.Fprintf(w, "places: %d passages, %.1f s\n", r.All.Passages, r.Seconds)
	names := make([]string, 0, len(r.Corpora))
	for name := range r.Corpora {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) > 1 || len(names) == 1 && r.Corpora[names[0]].Passages != r.All.Passages {
		for _, name := range names {
			r.Corpora[name].write(w, name)
		}
	}
	r.All.write(w, "all")
	writeMisses(w, r.Misses, errors)
}

func (s *PlaceScores) write(w io.Writer, name string) {
	fmt.Fprintf(w, "%s (%d passages)\n", name, s.Passages)
	fmt.Fprintf(w, "  toponyms     P %.3f  R %.3f  F1 %.3f (tp %d, fp %d, fn %d; %d demonyms not in the gold, unscored)\n", s.Toponyms.Precision, s.Toponyms.Recall, s.Toponyms.F1, s.Toponyms.TP, s.Toponyms.FP, s.Toponyms.FN, s.UnscoredDemonyms)
	fmt.Fprintf(w, "  resolution   within 161 km %.3f (%d/%d)  mean %.0f km  median %.0f km  AUC %.3f\n", s.Within161.Value, s.Within161.Correct, s.Within161.Total, s.MeanKm, s.MedianKm, s.AUC)
	if s.ExactID.Total > 0 {
		fmt.Fprintf(w, "  exact id     %.3f (%d/%d gold toponyms with a GeoNames id)\n", s.ExactID.Value, s.ExactID.Correct, s.ExactID.Total)
	}
	fmt.Fprintf(w, "  confidence   top decile %.3f, bottom decile %.3f within 161 km\n", s.TopDecile.Value, s.BottomDecile.Value)
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
