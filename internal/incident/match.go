package incident

import (
	"cmp"
	"fmt"
	"math"
)

// Default distances within which two places can be one incident's place,
// by the vaguer place's ACLED geo-precision (see the package
// documentation for why these numbers).
const (
	DefaultTownKm     = 25
	DefaultDistrictKm = 75
)

// DaySlack is how many days two reports that each name a single day
// (day or published precision) may differ by: news dates an event by
// "yesterday" and "on Tuesday" from different time zones and publication
// times, so the same event is often dated a day apart.
const DaySlack = 1

// Options configure a Clusterer. The zero value means the defaults.
type Options struct {
	// TownKm is the greatest distance between two places of precision 1
	// (default DefaultTownKm).
	TownKm float64
	// DistrictKm is the greatest distance when the vaguer place has
	// precision 2 (default DefaultDistrictKm).
	DistrictKm float64
}

func (o Options) withDefaults() (Options, error) {
	if o.TownKm == 0 {
		o.TownKm = DefaultTownKm
	}
	if o.DistrictKm == 0 {
		o.DistrictKm = DefaultDistrictKm
	}
	switch {
	case !(o.TownKm > 0), math.IsInf(o.TownKm, 0):
		return o, fmt.Errorf("incident: town distance %v km is not a positive number", o.TownKm)
	case !(o.DistrictKm >= o.TownKm), math.IsInf(o.DistrictKm, 0):
		return o, fmt.Errorf("incident: district distance %v km is below the town distance %v km", o.DistrictKm, o.TownKm)
	}
	return o, nil
}

// haversine returns the great-circle distance in kilometres between two
// points given in degrees.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088 // mean Earth radius, as in internal/geo/gazetteer
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp := p2 - p1
	dl := (lon2 - lon1) * math.Pi / 180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// placeDistance is the distance between two reports' places, 0 when
// either has none or both name the same GeoNames feature (two reports of
// one town may carry slightly different points for it).
func placeDistance(a, b *Place) float64 {
	if a == nil || b == nil || (a.GeonameID != 0 && a.GeonameID == b.GeonameID) {
		return 0
	}
	return haversine(a.Lat, a.Lon, b.Lat, b.Lon)
}

// placesMatch reports whether two reports' places can be one incident's:
// a missing place matches any; otherwise the vaguer precision decides. A
// first-level division or country (3) only says which country, so the
// countries must agree; a district (2) or town (1) is a point, so the
// distance must be within the precision's radius.
func (o Options) placesMatch(an, bn *node) bool {
	a, b := an.rep.Place, bn.rep.Place
	if a == nil || b == nil || (a.GeonameID != 0 && a.GeonameID == b.GeonameID) {
		return true
	}
	switch max(a.Precision, b.Precision) {
	case 3:
		return an.pcc == 0 || bn.pcc == 0 || an.pcc == bn.pcc
	case 2:
		return placeDistance(a, b) <= o.DistrictKm
	default:
		return placeDistance(a, b) <= o.TownKm
	}
}

// actorMatch reports whether two codings can name the same actor: each
// code agrees or is unknown on one side.
func actorMatch(a, b code2) bool {
	return (a.country == 0 || b.country == 0 || a.country == b.country) &&
		(a.sector == 0 || b.sector == 0 || a.sector == b.sector)
}

// sidesMatch reports whether two actor (or recipient) lists can be one
// side of an incident: an empty list matches any, and otherwise some
// member of one must match some member of the other, because reports of
// "police and soldiers" and of "soldiers" name the same side.
func sidesMatch(a, b []code2) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if actorMatch(x, y) {
				return true
			}
		}
	}
	return false
}

// dateGap is the number of days between two reports' date intervals, 0
// when they overlap.
func dateGap(a, b *node) int32 {
	return max(0, max(a.lo, b.lo)-min(a.hi, b.hi))
}

// datesMatch reports whether two reports' dates can be one incident's:
// two single days (day or published precision) within DaySlack, and
// otherwise overlapping periods: "in March" takes any day of March but
// not the 1st of April, since a month or year is already the reporter's
// own margin of error.
func datesMatch(a, b *node) bool {
	slack := int32(0)
	if a.dayLevel && b.dayLevel {
		slack = DaySlack
	}
	return dateGap(a, b) <= slack
}

// compatible reports whether two dated reports can be reports of one
// incident. The checks run cheapest first.
func (o Options) compatible(a, b *node) bool {
	if a.typ != b.typ || a.doc == b.doc || !datesMatch(a, b) {
		return false
	}
	if a.rep.Mode != "" && b.rep.Mode != "" && a.rep.Mode != b.rep.Mode {
		return false
	}
	return sidesMatch(a.actorCodes(), b.actorCodes()) &&
		sidesMatch(a.recipientCodes(), b.recipientCodes()) &&
		o.placesMatch(a, b)
}

// canonicalCmp orders reports from the best evidenced: the highest
// confidence, then the most specific date, then the most specific place,
// then as firstCmp does (the earliest publication, a missing time last,
// then the smallest event id), which makes the order total.
func canonicalCmp(a, b *node) int {
	if c := cmp.Compare(b.rep.Confidence, a.rep.Confidence); c != 0 {
		return c
	}
	if c := cmp.Compare(a.dateRank, b.dateRank); c != 0 {
		return c
	}
	if c := cmp.Compare(a.placeRank, b.placeRank); c != 0 {
		return c
	}
	return firstCmp(a, b)
}

// firstCmp orders reports by when they were published, a missing time
// last, then by event id: an incident is named after its first report,
// which later reports of a story rarely displace, so its id stays as the
// story is told (a report published earlier but stored later does
// displace it). Like canonicalCmp it depends on the reports alone, so
// the same reports give the same id in any order.
func firstCmp(a, b *node) int {
	az, bz := a.rep.Published.IsZero(), b.rep.Published.IsZero()
	switch {
	case az && !bz:
		return 1
	case !az && bz:
		return -1
	}
	if c := a.rep.Published.Compare(b.rep.Published); c != 0 {
		return c
	}
	return cmp.Compare(a.rep.EventID, b.rep.EventID)
}

// closerAnchor reports whether anchor x is a better anchor for satellite s
// than anchor y: nearer in space, then in time, then better evidenced.
// Every term depends on the three reports alone, so a satellite's anchor
// is the same whatever order the reports came in.
func closerAnchor(s, x, y *node) bool {
	if c := cmp.Compare(placeDistance(s.rep.Place, x.rep.Place), placeDistance(s.rep.Place, y.rep.Place)); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(dateGap(s, x), dateGap(s, y)); c != 0 {
		return c < 0
	}
	return canonicalCmp(x, y) < 0
}
