// Package incidenttest generates reports of synthetic incidents for the
// benchmarks of internal/incident and of the stores that cluster, so that
// they measure the same world: a Clusterer of a million incidents in
// internal/incident and a SQLite store of as many in
// internal/store/sqlite.
package incidenttest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/dateline-project/dateline/internal/incident"
)

// World generates reports of synthetic incidents standing in for a
// news archive: 60 countries of 80 towns each, incidents spread evenly
// over five years with PLOVER's types in skewed shares (a third ASSAULT,
// a fifth PROTEST), and reports that tell an incident at every date and
// place precision in about the shares dateline's output has them: day
// 65%, published 20%, month 10%, year 4%, historical 1%; a town 60%, a
// district 15%, a province or country 15%, no place 10%. Everything
// derives from the seed and the incident's number, so an incident's
// reports can be regenerated without keeping them.
type World struct {
	// Seed chooses the world: the same seed gives the same reports.
	Seed uint64
}

// The world's size: its countries, the towns of each, and the days its
// incidents spread over from 2020-01-01.
const (
	Countries = 60
	Towns     = 80
	Days      = 5 * 365
)

var types = []struct {
	name  string
	share int
}{
	{"ASSAULT", 33}, {"PROTEST", 20}, {"COERCE", 10}, {"ACCUSE", 9}, {"CONSULT", 8},
	{"REQUEST", 4}, {"MOBILIZE", 3}, {"THREATEN", 3}, {"SANCTION", 2}, {"AID", 2},
	{"AGREE", 2}, {"SUPPORT", 1}, {"REJECT", 1}, {"COOPERATE", 1}, {"RETREAT", 1},
}

var sectors = []string{"GOV", "MIL", "COP", "REB", "CVL", "OPP", "JRN", "EDU", "LAB", "BUS"}

// Incident returns the attributes every report of incident i shares.
func (w World) Incident(i int) (typ string, country, town, day int, actor, recipient incident.Actor) {
	rng := rand.New(rand.NewPCG(w.Seed, uint64(i)))
	k := rng.IntN(100)
	for _, t := range types {
		if k < t.share {
			typ = t.name
			break
		}
		k -= t.share
	}
	if typ == "" {
		typ = "ASSAULT"
	}
	country, town, day = rng.IntN(Countries), rng.IntN(Towns), rng.IntN(Days)
	cc := fmt.Sprintf("C%02d", country)
	actor = incident.Actor{Country: cc, Sector: sectors[rng.IntN(len(sectors))]}
	recipient = incident.Actor{Country: cc, Sector: sectors[rng.IntN(len(sectors))]}
	return
}

// countryCentre and townPoint place countries on a grid over the land
// between 30°S and 50°N, and towns within 3° of their country's centre.
func countryCentre(c int) (lat, lon float64) {
	return -30 + float64(c/10)*13, -20 + float64(c%10)*15
}

func (w World) townPoint(c, t int) (lat, lon float64) {
	rng := rand.New(rand.NewPCG(w.Seed^0xfeed, uint64(c*Towns+t)))
	la, lo := countryCentre(c)
	return la + rng.Float64()*6 - 3, lo + rng.Float64()*6 - 3
}

// Report returns report r of incident i.
func (w World) Report(i, r int) incident.Report {
	typ, country, town, day, actor, recipient := w.Incident(i)
	rng := rand.New(rand.NewPCG(w.Seed+1, uint64(i)<<8|uint64(r)))
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := fmt.Sprintf("doc-%d-%d", i, r)
	rep := incident.Report{
		EventID: doc + "-e1", DocID: doc, Source: fmt.Sprintf("outlet-%d", rng.IntN(500)),
		Type: typ, Actors: []incident.Actor{actor}, Recipients: []incident.Actor{recipient},
		Published:  base.AddDate(0, 0, day+rng.IntN(3)).Add(time.Duration(rng.IntN(24)) * time.Hour),
		Confidence: float64(50+rng.IntN(50)) / 100,
	}
	if rng.IntN(5) == 0 {
		rep.Actors = nil // "gunmen", "protesters": no actor coded
	}
	date := base.AddDate(0, 0, day)
	switch k := rng.IntN(100); {
	case k < 65:
		rep.DatePrecision, rep.Date = incident.PrecisionDay, date.Format("2006-01-02")
	case k < 85:
		rep.DatePrecision, rep.Date = incident.PrecisionPublished, date.AddDate(0, 0, 1).Format("2006-01-02")
	case k < 95:
		rep.DatePrecision, rep.Date = incident.PrecisionMonth, date.Format("2006-01-02")
	case k < 99:
		rep.DatePrecision, rep.Date = incident.PrecisionYear, date.Format("2006-01-02")
	default:
		rep.DatePrecision = incident.PrecisionHistorical
	}
	cc := fmt.Sprintf("C%02d", country)
	lat, lon := w.townPoint(country, town)
	switch k := rng.IntN(100); {
	case k < 60:
		rep.Place = &incident.Place{GeonameID: 1 + country*Towns + town, CountryCode: cc, Lat: lat, Lon: lon, Precision: 1}
	case k < 75:
		rep.Place = &incident.Place{CountryCode: cc, Lat: lat + rng.Float64()*0.3 - 0.15, Lon: lon + rng.Float64()*0.3 - 0.15, Precision: 2}
	case k < 90:
		la, lo := countryCentre(country)
		rep.Place = &incident.Place{GeonameID: -1 - country, CountryCode: cc, Lat: la, Lon: lo, Precision: 3}
	}
	return rep
}
