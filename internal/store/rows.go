package store

// Rows is what the aggregate readers below need of a backend's result
// set; database/sql's *Rows and pgx's Rows both have it.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ReadTimeline reads (day, key, count) rows in day order into timeline
// points, adding up the counts of a day's rows that share a key.
func ReadTimeline(rows Rows) ([]TimelinePoint, error) {
	out := []TimelinePoint{}
	for rows.Next() {
		var day, key string
		var n int
		if err := rows.Scan(&day, &key, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Date != day {
			out = append(out, TimelinePoint{Date: day, Counts: map[string]int{}})
		}
		p := &out[len(out)-1]
		p.Counts[key] += n
		p.Total += n
	}
	return out, rows.Err()
}

// ReadEdges reads network rows (actor name, actor country, recipient
// name, recipient country, quad, count, intensity sum in IntensityScale
// units) into the limit heaviest edges (see EdgeSet).
func ReadEdges(rows Rows, limit int) ([]Edge, error) {
	var set EdgeSet
	for rows.Next() {
		var a, r Node
		var quad string
		var n, sum int64
		if err := rows.Scan(&a.Name, &a.Country, &r.Name, &r.Country, &quad, &n, &sum); err != nil {
			return nil, err
		}
		set.Add(a, r, quad, int(n), sum)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return set.Edges(limit), nil
}

// ReadPlaces reads (name, country, geonameid, located, lat, lon, count)
// rows; lat and lon are kept only for a located place.
func ReadPlaces(rows Rows) ([]PlaceCount, error) {
	out := []PlaceCount{}
	for rows.Next() {
		var p PlaceCount
		var located bool
		var lat, lon float64
		if err := rows.Scan(&p.Name, &p.CountryCode, &p.GeonameID, &located, &lat, &lon, &p.Count); err != nil {
			return nil, err
		}
		if located {
			p.Lat, p.Lon = &lat, &lon
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
