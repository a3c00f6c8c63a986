package incident

import "math"

// placeIndex files the entries of one type and year by where they are, so
// that a report of a vague date (a month, a year) scans only the entries
// whose place its own can match, rather than every entry of its period:
// at a million incidents a year report of the commonest type otherwise
// scans some tens of thousands. It follows placesMatch exactly:
//
//   - an entry without a place matches every report (none);
//   - a place of precision 3 says which country, and matches any place of
//     the same country or of an unknown one (countries, by interned
//     country, 0 for unknown);
//   - two points (precision 1 or 2) match within the radius of the vaguer
//     one, at most DistrictKm, so a report with a point scans the cells
//     of cellDeg degrees that a circle of that radius touches (cells);
//     a report that names only a country scans the points of its country
//     and of unknown ones (pointCountries, the same entries by country).
//
// A report without a place, or whose country is unknown, matches
// everything and scans every list once. Two places with the same
// GeoNames id always match; the index relies on what GeoNames guarantees,
// that one id names one place of one country, whose points in two reports
// lie within a district's radius of each other.
//
// Most of a year's buckets stay short, and a scan of a short list costs
// less than the map lookups of a place query, so entries are kept in one
// list (flat) until there are more than placeIndexMin of them, and only
// then filed by place.
type placeIndex struct {
	flat           []entry
	none           []entry
	countries      map[uint32][]entry
	pointCountries map[uint32][]entry
	cells          map[uint32][]entry
	byPlace        bool
}

// placeIndexMin is the length past which a bucket is filed by place: a
// scan rejects an entry in a few nanoseconds, a place query costs some
// ten map lookups.
const placeIndexMin = 256

// cellDeg is the side of a cell in degrees: about 111 km of latitude, so
// that a circle of a district's radius (75 km by default) touches four
// to nine cells away from the poles.
const cellDeg = 1.0

// lonCells is the number of cells around a parallel.
const lonCells = int(360 / cellDeg)

// latCell and lonCell return the cell row and column of a point.
func latCell(lat float64) int {
	return min(int(math.Floor((lat+90)/cellDeg)), int(180/cellDeg)-1)
}

func lonCell(lon float64) int {
	c := int(math.Floor((lon + 180) / cellDeg))
	return ((c % lonCells) + lonCells) % lonCells
}

func cellKey(row, col int) uint32 { return uint32(row*lonCells + col) }

// add files e, the entry of c's node n.
func (x *placeIndex) add(c *Clusterer, e entry, n *node) {
	if !x.byPlace {
		x.flat = append(x.flat, e)
		if len(x.flat) <= c.placeMin {
			return
		}
		x.byPlace = true
		x.countries = make(map[uint32][]entry)
		x.pointCountries = make(map[uint32][]entry)
		x.cells = make(map[uint32][]entry)
		for _, e := range x.flat {
			x.file(e, c.nodes.at(e.id))
		}
		x.flat = nil
		return
	}
	x.file(e, n)
}

func (x *placeIndex) file(e entry, n *node) {
	p := n.rep.Place
	switch {
	case p == nil:
		x.none = append(x.none, e)
	case p.Precision == 3:
		x.countries[n.pcc] = append(x.countries[n.pcc], e)
	default:
		x.pointCountries[n.pcc] = append(x.pointCountries[n.pcc], e)
		k := cellKey(latCell(p.Lat), lonCell(p.Lon))
		x.cells[k] = append(x.cells[k], e)
	}
}

// each calls scan with every list of x that may hold an entry whose place
// matches n's, and each entry at most once.
func (x *placeIndex) each(n *node, radiusKm float64, scan func([]entry)) {
	if !x.byPlace {
		scan(x.flat)
		return
	}
	scan(x.none)
	p := n.rep.Place
	if p == nil || n.pcc == 0 {
		for _, l := range x.countries {
			scan(l)
		}
		if p == nil || p.Precision == 3 {
			for _, l := range x.pointCountries {
				scan(l)
			}
		} else {
			x.eachCell(p.Lat, p.Lon, radiusKm, scan)
		}
		return
	}
	scan(x.countries[n.pcc])
	scan(x.countries[0])
	if p.Precision == 3 {
		scan(x.pointCountries[n.pcc])
		scan(x.pointCountries[0])
		return
	}
	x.eachCell(p.Lat, p.Lon, radiusKm, scan)
}

// eachCell calls scan with the cells that hold every point within
// radiusKm of lat, lon (and maybe others). The longitude span follows
// from haversine: two points whose latitudes are at most φ from the
// equator and whose longitudes differ by Δλ are at least d apart where
// sin(Δλ/2)·cos φ = sin(d/2R), so points within radiusKm differ in
// longitude by at most 2·asin(sin(radiusKm/2R)/cos φ); near a pole that
// is every longitude.
func (x *placeIndex) eachCell(lat, lon, radiusKm float64, scan func([]entry)) {
	if len(x.cells) == 0 {
		return
	}
	const earthKm = 6371.0088
	dLat := radiusKm / degreeKm
	lat0, lat1 := max(-90, lat-dLat), min(90, lat+dLat)
	phi := max(math.Abs(lat0), math.Abs(lat1)) * math.Pi / 180
	first, cols := 0, lonCells
	if s := math.Sin(radiusKm/(2*earthKm)) / math.Cos(phi); s < 1 {
		if dLon := 2 * math.Asin(s) * 180 / math.Pi; 2*dLon < 360-2*cellDeg {
			first = lonCell(lon - dLon)
			cols = (lonCell(lon+dLon)-first+lonCells)%lonCells + 1
		}
	}
	for row := latCell(lat0); row <= latCell(lat1); row++ {
		for k := range cols {
			scan(x.cells[cellKey(row, (first+k)%lonCells)])
		}
	}
}
