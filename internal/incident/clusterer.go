package incident

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"time"
)

// IDPrefix starts every incident id; the rest is the event id of the
// incident's first report (see firstCmp), so that an id stays while
// later reports join, as they do when news comes in.
const IDPrefix = "inc-"

// Incident is a group of reports of one event.
type Incident struct {
	ID string `json:"id"`
	// Recanonical is true when the canonical report may differ from the
	// one last handed out under this id (a better report joined, the
	// canonical one left, or the id passed to a merged incident), so
	// that a store rewrites the canonical event of an existing row only
	// then.
	Recanonical bool `json:"-"`
	// Was is the id this incident was last handed out under when it was
	// renamed (an earlier-published report joined, or its first report
	// left) and nothing else about its row's keys changed: the canonical
	// report is the one handed out under Was, no incident of this batch
	// takes Was, and no row under ID can exist. A store may then move
	// the row Was to ID in place, its canonical event left marked, and
	// skip Was among Removed; one that ignores Was deletes Was and writes
	// ID anew, with the same result. ("" otherwise. Renaming a row in
	// place saves unmarking and marking the same event, which in a large
	// store reads the old event's cold pages and updates every aggregate
	// it counts in twice.)
	Was string `json:"-"`
	// Canonical is the best-evidenced report (see the package
	// documentation), whose coding stands for the incident. Its Actors,
	// Recipients and Place are the Clusterer's own, not copies (an
	// incident is built for every change TakeChanges reports, and stores
	// read only the canonical's event id): callers must not modify them.
	Canonical Report `json:"canonical"`
	// Reports are the event ids of every report, sorted.
	Reports  []string `json:"reports"`
	NReports int      `json:"n_reports"`
	// NSources counts independent outlets: a near-duplicate document
	// counts as the outlet of the document it copies.
	NSources int `json:"n_sources"`
	// FirstReport is the earliest publication time among the reports;
	// zero when none has one.
	FirstReport time.Time `json:"first_report"`
}

// Changes are what changed since the last TakeChanges: a store upserts
// Updated and Members and deletes Removed, in one transaction, so that
// its rows always hold a state Restore accepts. The arrays of Updated,
// of their Reports and of Members are the Clusterer's, reused by the
// next TakeChanges: a caller applies or copies them first. (Built anew
// for every batch, they were a fifth of what clustering allocated.)
type Changes struct {
	Updated []Incident
	// Removed are ids that no longer name an incident: merged into
	// another, or renamed because their first report changed.
	Removed []string
	// Members are the reports whose incident or anchor changed (new
	// reports included), sorted by event id.
	Members []Membership
}

// Membership is where one report stands: its incident and, for a
// satellite that joined an anchor, that anchor.
type Membership struct {
	EventID  string `json:"event_id"`
	Incident string `json:"incident"`
	// Anchor is the event id of the anchor a satellite joined, "" for
	// anchors, undated reports and satellites that found no anchor. It is
	// kept because a satellite's anchor decides where it moves when a
	// closer anchor arrives later.
	Anchor string `json:"anchor,omitempty"`
	// AnchorOnly is true when the report's incident is the one last
	// handed out for it and only its anchor changed, so that a store
	// need not rewrite what it files by incident. (A new anchor takes
	// the satellites nearer to it than their anchor; in a large store
	// most of them are already in its incident.)
	AnchorOnly bool `json:"-"`
}

// cluster is one incident under construction.
type cluster struct {
	members []int32
	// one holds the members of a cluster of one report, which most are,
	// saving them an allocation.
	one   [1]int32
	canon int32
	// first is the report the incident is named after (see firstCmp).
	first int32
	// publishedCanon is the canonical report when TakeChanges last
	// handed the incident out (or it was restored), -1 before.
	publishedCanon int32
	// anchored is true when the cluster holds an anchor; unanchored
	// clusters are groups of satellites (or a single report).
	anchored bool
	dead     bool
	dirty    bool
	// published is the id last handed out by TakeChanges (or restored),
	// "" when the store has never seen the cluster.
	published string
	// id is IDPrefix and the event id of report idFor, kept so that
	// asking for the id of an incident whose first report has not
	// changed does not build the string again.
	id    string
	idFor int32
}

// Index levels: anchors and day-level satellites are filed by day, and
// satellites of a month or a year by place (see eachNear).
const (
	lvlAnchor uint8 = iota
	lvlSatDay
	lvlSatPeriod
)

// yearIndex files one type's reports of one year. A report that names a
// day looks in the day buckets around its date (arrays rather than a map
// per day: a query is one map lookup and a walk over adjacent slices). A
// report of a month or a year would walk every day of its period, so it
// looks instead in the anchors and day-level satellites of each month of
// its period filed by place (see placeIndex). Satellites of a month or a
// year are filed only so, by their month or in the year's list, being
// few and matched by place by everyone.
type yearIndex struct {
	anchors      [366][]entry // by day of the year
	satDays      [366][]entry
	anchorMonths [12]placeIndex
	satDayMonths [12]placeIndex
	satMonths    [12]placeIndex
	satYear      placeIndex
}

type yearKey struct {
	typ  uint32
	year int32
}

// entry is a node as an index bucket files it: its id and the fields
// that rule most candidates out, inline so that a scan reads one
// contiguous run of memory rather than a node per candidate.
type entry struct {
	id, doc, lo, hi int32
	gid             int32 // the place's GeoNames id folded to 32 bits, 0 for none
	pcc             uint32
	lat             float32
	actSig, recSig  uint32 // see sideSig
	mode            uint16 // interned, 0 for none
	prec            uint8  // place precision, 0 for no place
	dayLevel        bool
}

// sideSig summarises an actor list for the prefilter: bits 0-14 hash the
// known country codes, bit 15 says some actor's country is unknown, bits
// 16-30 and 31 do the same for sectors; an empty list, which matches any,
// is all ones. Two sides whose signatures share no country bit, and
// neither of which has an unknown country, cannot match (likewise for
// sectors).
func sideSig(as []code2) uint32 {
	if len(as) == 0 {
		return math.MaxUint32
	}
	var sig uint32
	for _, a := range as {
		if a.country == 0 {
			sig |= 1 << 15
		} else {
			sig |= 1 << (a.country % 15)
		}
		if a.sector == 0 {
			sig |= 1 << 31
		} else {
			sig |= 1 << (16 + a.sector%15)
		}
	}
	return sig
}

// sigsMayMatch reports whether two sides with these signatures may match.
func sigsMayMatch(a, b uint32) bool {
	const countries, sectors = 0x7fff, 0x7fff << 16
	return (a&b&countries != 0 || (a|b)&(1<<15) != 0) &&
		(a&b&sectors != 0 || (a|b)&(1<<31) != 0)
}

// degreeKm is the length of a degree of latitude on the sphere haversine
// uses: no two points whose latitudes differ by d degrees are closer than
// d·degreeKm.
const degreeKm = 6371.0088 * math.Pi / 180

// gid32 folds a GeoNames id to 32 bits: equal ids stay equal, which is all
// the prefilter needs.
func gid32(id int) int32 { return int32(id ^ id>>32) }

// newEntry returns node n's index entry.
func newEntry(i int32, n *node) entry {
	e := entry{id: i, doc: n.doc, lo: n.lo, hi: n.hi, pcc: n.pcc, dayLevel: n.dayLevel,
		actSig: n.actSig, recSig: n.recSig, mode: n.mode}
	if p := n.rep.Place; p != nil {
		e.gid, e.lat, e.prec = gid32(p.GeonameID), float32(p.Lat), uint8(p.Precision)
	}
	return e
}

// mayMatch reports whether n can match e's node, from the entry alone: it
// never rules out a pair that compatible accepts, and it rules out most
// of a bucket for a report with a place, by the latitude bound on the
// distance. It is scan's test, for one entry.
func (o *Options) mayMatch(n *node, e *entry) bool {
	ok := false
	o.scan(n, []entry{*e}, func(int32) { ok = true })
	return ok
}

// scan calls f with the id of every entry of bucket that may match n
// (see mayMatch). The test of everything but the place is written out in
// the loop, with n's fields read once: at a million incidents a report's
// scan runs over tens of thousands of entries and rejects most of them
// there, where a call per entry cost more than the test.
func (o *Options) scan(n *node, bucket []entry, f func(int32)) {
	doc, lo, hi, mode, actSig, recSig := n.doc, n.lo, n.hi, n.mode, n.actSig, n.recSig
	daySlack := int32(0)
	if n.dayLevel {
		daySlack = DaySlack
	}
	for k := range bucket {
		e := &bucket[k]
		slack := int32(0)
		if e.dayLevel {
			slack = daySlack
		}
		if e.doc == doc || max(lo, e.lo)-min(hi, e.hi) > slack || (mode != 0 && e.mode != 0 && mode != e.mode) ||
			!sigsMayMatch(actSig, e.actSig) || !sigsMayMatch(recSig, e.recSig) || !o.placeMayMatch(n, e) {
			continue
		}
		f(e.id)
	}
}

// placeMayMatch is mayMatch's test of the place.
func (o *Options) placeMayMatch(n *node, e *entry) bool {
	p := n.rep.Place
	if p == nil || e.prec == 0 || (p.GeonameID != 0 && gid32(p.GeonameID) == e.gid) {
		return true
	}
	limit := o.TownKm
	switch max(uint8(p.Precision), e.prec) {
	case 3:
		return n.pcc == 0 || e.pcc == 0 || n.pcc == e.pcc
	case 2:
		limit = o.DistrictKm
	}
	// float32 latitudes are within 1e-5 degrees of the truth; the margin
	// keeps the bound from ruling out a pair just inside the limit.
	return math.Abs(p.Lat-float64(e.lat))*degreeKm <= limit+1
}

// docInfo is what source counting knows of a document.
type docInfo struct {
	id     int32  // interned, for matching
	name   string // the document's id
	outlet string // folded outlet name, "" when unknown
	// outletID is outlet interned (Clusterer.outlets), 0 when unknown, so
	// that counting sources compares integers.
	outletID int32
	// source is the last Report.Source seen for the document, so that a
	// document's reports, which share it, fold it once.
	source   string
	dupOf    *docInfo // the document this one copies, nil for an original
	reports  []int32
	children []*docInfo // documents that name this one as their original
}

// Clusterer groups reports into incidents as they arrive. It keeps what
// changed until TakeChanges takes it, so a caller with no store should
// still call TakeChanges now and then to let it go. It is not safe for
// concurrent use.
type Clusterer struct {
	opt     Options
	nodes   nodeList
	byEvent eventIndex
	types   map[string]uint32
	codes   map[string]uint32
	index   map[yearKey]*yearIndex
	docs    map[string]*docInfo
	// docList holds the documents by their interned id.
	docList []*docInfo
	outlets map[string]int32
	dirty   []*cluster
	// moved lists the reports whose incident or anchor changed since the
	// last TakeChanges (node.moved marks them).
	moved []int32
	live  int
	// The arenas hold the reports' actors and places (see own).
	actorArena arena[Actor]
	placeArena arena[Place]
	// codeArena holds the nodes' interned actor codes (see internActors).
	codeArena arena[code2]
	// clusters holds every cluster ever made, dead ones too (a few tens
	// of bytes each), allocated in blocks rather than one by one.
	clusters arena[cluster]
	// spare holds the arrays of the last Changes, for the next.
	spare changeArrays
	// placeMin is the length past which an index bucket is filed by
	// place: placeIndexMin, and less in tests of the filing.
	placeMin int
}

// New returns an empty Clusterer.
func New(opt Options) (*Clusterer, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Clusterer{
		opt:      o,
		byEvent:  newEventIndex(),
		types:    make(map[string]uint32),
		codes:    make(map[string]uint32),
		index:    make(map[yearKey]*yearIndex),
		docs:     make(map[string]*docInfo),
		outlets:  make(map[string]int32),
		placeMin: placeIndexMin,
	}, nil
}

// Len returns the number of incidents.
func (c *Clusterer) Len() int { return c.live }

// Reports returns the number of reports added.
func (c *Clusterer) Reports() int { return c.nodes.len() }

// Add files r and returns the id of the incident it now belongs to. It
// touches only the incidents whose reports can match r: the index finds
// them by type and date. Adding a report again is a no-op, so that a run
// repeated over the same input converges; adding another report under
// an event id already used is an error.
func (c *Clusterer) Add(r Report) (string, error) {
	if j, ok := c.event(r.EventID); ok {
		// Compared, not kept: no copy needed.
		n, err := newNode(r)
		if err != nil {
			return "", err
		}
		if !sameReport(&n.rep, &c.nodes.at(j).rep) {
			return "", fmt.Errorf("incident: event %s was already added with other content", r.EventID)
		}
		return c.idOf(c.nodes.at(j).cl), nil
	}
	i, err := c.push(r)
	if err != nil {
		return "", err
	}
	switch c.nodes.at(i).kind {
	case single:
		c.newCluster(i, false)
	case anchor:
		c.addAnchor(i)
	case satellite:
		c.addSatellite(i)
	}
	c.file(i)
	return c.idOf(c.nodes.at(i).cl), nil
}

// push validates r and appends its node, without clustering it. The
// caller has checked that r's event id is new.
func (c *Clusterer) push(r Report) (int32, error) {
	n, err := newNode(c.own(r))
	if err != nil {
		return 0, err
	}
	if c.nodes.len() >= 1<<31-1 {
		return 0, fmt.Errorf("incident: more than %d reports", 1<<31-1)
	}
	t, ok := c.types[r.Type]
	if !ok {
		t = uint32(len(c.types))
		c.types[r.Type] = t
	}
	n.typ = t
	n.doc = c.doc(r.DocID).id
	n.codes, n.nActors = c.internActors(n.rep.Actors, n.rep.Recipients), uint32(len(n.rep.Actors))
	n.actSig, n.recSig = sideSig(n.actorCodes()), sideSig(n.recipientCodes())
	if m := c.code(n.rep.Mode); m <= math.MaxUint16 {
		n.mode = uint16(m)
	}
	if n.rep.Place != nil {
		n.pcc = c.code(n.rep.Place.CountryCode)
	}
	i := int32(c.nodes.len())
	c.nodes.push(n)
	c.byEvent.put(c, r.EventID, i)
	c.noteDoc(i)
	return i, nil
}

// own copies r's actors and place into the Clusterer's arenas, as
// cloneReport does into fresh allocations: the Clusterer keeps every
// report it is given, and one allocation per arena block costs less than
// three per report.
func (c *Clusterer) own(r Report) Report {
	r.Actors, r.Recipients = c.actorArena.clone(r.Actors), c.actorArena.clone(r.Recipients)
	if r.Place != nil {
		r.Place = c.placeArena.add(*r.Place)
	}
	return r
}

// code interns an actor or country code; unknown codes are 0.
func (c *Clusterer) code(s string) uint32 {
	if !known(s) {
		return 0
	}
	k, ok := c.codes[s]
	if !ok {
		k = uint32(len(c.codes) + 1)
		c.codes[s] = k
	}
	return k
}

// internActors returns the interned codes of actors then recipients,
// in the code arena: two small allocations per report, most of a few
// bytes, cost more than the codes (allocation and a fresh page to fault
// in for each few hundred reports), and they are kept as long as the
// Clusterer.
func (c *Clusterer) internActors(actors, recipients []Actor) []code2 {
	if len(actors)+len(recipients) == 0 {
		return nil
	}
	var buf [8]code2
	out := buf[:0]
	for _, as := range [2][]Actor{actors, recipients} {
		for _, a := range as {
			out = append(out, code2{c.code(a.Country), c.code(a.Sector)})
		}
	}
	return c.codeArena.clone(out)
}

// addAnchor links anchor i to every compatible anchor, merging their
// incidents, then takes every satellite to which i is now the closest
// compatible anchor.
func (c *Clusterer) addAnchor(i int32) {
	c.newCluster(i, true)
	a := c.nodes.at(i)
	c.eachNear(a, lvlAnchor, func(j int32) {
		if c.opt.compatible(a, c.nodes.at(j)) {
			c.merge(a.cl, c.nodes.at(j).cl)
		}
	})
	var regroup []*cluster
	for _, lvl := range []uint8{lvlSatDay, lvlSatPeriod} {
		c.eachNear(a, lvl, func(j int32) {
			s := c.nodes.at(j)
			if !c.opt.compatible(a, s) || (s.best >= 0 && !closerAnchor(s, a, c.nodes.at(s.best))) {
				return
			}
			s.best = i
			c.mark(j)
			if old := s.cl; old != a.cl {
				c.remove(old, j)
				c.insert(a.cl, j)
				if !old.anchored {
					regroup = append(regroup, old)
				}
			}
		})
	}
	// A satellite that left an unanchored group may have been what held
	// the group together.
	for _, g := range regroup {
		c.regroup(g)
	}
}

// addSatellite joins satellite i to its closest compatible anchor's
// incident or, when it has none, links it with every compatible
// unanchored satellite.
func (c *Clusterer) addSatellite(i int32) {
	s := c.nodes.at(i)
	c.eachNear(s, lvlAnchor, func(j int32) {
		a := c.nodes.at(j)
		if c.opt.compatible(s, a) && (s.best < 0 || closerAnchor(s, a, c.nodes.at(s.best))) {
			s.best = j
		}
	})
	if s.best >= 0 {
		c.insert(c.nodes.at(s.best).cl, i)
		return
	}
	c.newCluster(i, false)
	for _, lvl := range []uint8{lvlSatDay, lvlSatPeriod} {
		c.eachNear(s, lvl, func(j int32) {
			t := c.nodes.at(j)
			if t.best < 0 && c.opt.compatible(s, t) {
				c.merge(s.cl, t.cl)
			}
		})
	}
}

// file puts node i in the index.
func (c *Clusterer) file(i int32) {
	n := c.nodes.at(i)
	if n.kind == single {
		return
	}
	y, m, _ := dayDate(n.lo)
	k := yearKey{n.typ, int32(y)}
	ix := c.index[k]
	if ix == nil {
		ix = new(yearIndex)
		c.index[k] = ix
	}
	e := newEntry(i, n)
	day := n.lo - epochDay(y, 1, 1)
	switch {
	case n.kind == anchor:
		ix.anchors[day] = append(ix.anchors[day], e)
		ix.anchorMonths[m-1].add(c, e, n)
	case n.dayLevel:
		ix.satDays[day] = append(ix.satDays[day], e)
		ix.satDayMonths[m-1].add(c, e, n)
	case n.rep.DatePrecision == PrecisionMonth:
		ix.satMonths[m-1].add(c, e, n)
	default:
		ix.satYear.add(c, e, n)
	}
}

// eachNear calls f with every filed node of level lvl that may match n:
// it scans the buckets of lvl that overlap n's date, widened by DaySlack
// when both sides name single days, and passes on what mayMatch lets
// through. A report that names a day scans the day buckets; one of a
// month or a year, and everyone for satellites of a month or year, scans
// the entries of each month of its period (and the year's) filed near
// its place (placeIndex), whose dates the scan then checks. It never
// calls f with n itself when n is not yet filed.
func (c *Clusterer) eachNear(n *node, lvl uint8, f func(int32)) {
	lo, hi := n.lo, n.hi
	byDay := n.dayLevel && lvl != lvlSatPeriod
	if byDay {
		lo, hi = lo-DaySlack, hi+DaySlack
	}
	scan := func(bucket []entry) { c.opt.scan(n, bucket, f) }
	radius := c.opt.DistrictKm + 1
	y0, _, _ := dayDate(lo)
	y1, _, _ := dayDate(hi)
	for y := y0; y <= y1; y++ {
		ix := c.index[yearKey{n.typ, int32(y)}]
		if ix == nil {
			continue
		}
		start := epochDay(y, 1, 1)
		from, to := max(lo, start)-start, min(hi, epochDay(y+1, 1, 1)-1)-start
		if byDay {
			days := &ix.anchors
			if lvl == lvlSatDay {
				days = &ix.satDays
			}
			for d := from; d <= to; d++ {
				scan(days[d])
			}
			continue
		}
		months := &ix.satMonths
		switch lvl {
		case lvlAnchor:
			months = &ix.anchorMonths
		case lvlSatDay:
			months = &ix.satDayMonths
		default:
			ix.satYear.each(n, radius, scan)
		}
		_, m0, _ := dayDate(start + from)
		_, m1, _ := dayDate(start + to)
		for m := m0; m <= m1; m++ {
			months[m-1].each(n, radius, scan)
		}
	}
}

// newCluster makes node i an incident of its own.
func (c *Clusterer) newCluster(i int32, anchored bool) *cluster {
	cl := c.clusters.add(cluster{one: [1]int32{i}, canon: i, first: i, publishedCanon: -1, anchored: anchored})
	cl.members = cl.one[:1:1]
	c.nodes.at(i).cl = cl
	c.mark(i)
	c.live++
	c.touch(cl)
	return cl
}

// merge moves the smaller cluster's members into the larger, so that a
// report moves O(log n) times over any sequence of merges. Of two of one
// size, the one a store has kept stays (most often an incident of one
// report that a new report joins): its members keep their rows, and its
// row its canonical event, where moving them would have the store
// rewrite both for nothing.
func (c *Clusterer) merge(x, y *cluster) *cluster {
	if x == y {
		return x
	}
	if len(x.members) < len(y.members) || len(x.members) == len(y.members) && x.published == "" && y.published != "" {
		x, y = y, x
	}
	for _, m := range y.members {
		c.nodes.at(m).cl = x
		c.mark(m)
	}
	x.members = append(x.members, y.members...)
	if canonicalCmp(c.nodes.at(y.canon), c.nodes.at(x.canon)) < 0 {
		x.canon = y.canon
	}
	if firstCmp(c.nodes.at(y.first), c.nodes.at(x.first)) < 0 {
		x.first = y.first
	}
	x.anchored = x.anchored || y.anchored
	y.members = nil
	c.kill(y)
	c.touch(x)
	return x
}

// insert adds node i to cl.
func (c *Clusterer) insert(cl *cluster, i int32) {
	cl.members = append(cl.members, i)
	c.nodes.at(i).cl = cl
	c.mark(i)
	if canonicalCmp(c.nodes.at(i), c.nodes.at(cl.canon)) < 0 {
		cl.canon = i
	}
	if firstCmp(c.nodes.at(i), c.nodes.at(cl.first)) < 0 {
		cl.first = i
	}
	c.touch(cl)
}

// remove takes node i out of cl.
func (c *Clusterer) remove(cl *cluster, i int32) {
	k := slices.Index(cl.members, i)
	cl.members = slices.Delete(cl.members, k, k+1)
	if len(cl.members) == 0 {
		c.kill(cl)
		return
	}
	if cl.canon == i || cl.first == i {
		cl.canon, cl.first = cl.members[0], cl.members[0]
		for _, m := range cl.members[1:] {
			if canonicalCmp(c.nodes.at(m), c.nodes.at(cl.canon)) < 0 {
				cl.canon = m
			}
			if firstCmp(c.nodes.at(m), c.nodes.at(cl.first)) < 0 {
				cl.first = m
			}
		}
	}
	c.touch(cl)
}

// regroup splits an unanchored group into its connected components, after
// members left it. Its cost is quadratic in the group's size; such groups
// hold reports too vague to anchor and stay small in news.
func (c *Clusterer) regroup(g *cluster) {
	if g.dead {
		return
	}
	members := g.members
	g.members = nil
	c.kill(g)
	seen := make(map[int32]bool, len(members))
	for _, root := range members {
		if seen[root] {
			continue
		}
		seen[root] = true
		cl := c.newCluster(root, false)
		for q := 0; q < len(cl.members); q++ {
			x := c.nodes.at(cl.members[q])
			for _, m := range members {
				if !seen[m] && c.opt.compatible(x, c.nodes.at(m)) {
					seen[m] = true
					c.insert(cl, m)
				}
			}
		}
	}
}

func (c *Clusterer) touch(cl *cluster) {
	if !cl.dirty {
		cl.dirty = true
		c.dirty = append(c.dirty, cl)
	}
}

// mark notes that node i's membership may have changed.
func (c *Clusterer) mark(i int32) {
	if n := c.nodes.at(i); !n.moved {
		n.moved = true
		c.moved = append(c.moved, i)
	}
}

func (c *Clusterer) kill(cl *cluster) {
	cl.dead = true
	c.live--
	c.touch(cl)
}

func (c *Clusterer) idOf(cl *cluster) string {
	if cl.id == "" || cl.idFor != cl.first {
		cl.id, cl.idFor = IDPrefix+c.nodes.at(cl.first).rep.EventID, cl.first
	}
	return cl.id
}

// noteDoc records what report i says about its document. A document's
// outlet and original are the smallest non-empty values its reports give,
// so that conflicting reports resolve the same way in any order; when
// they change, the source counts of every incident holding a report of
// the document, or of a copy of it, change too.
func (c *Clusterer) noteDoc(i int32) {
	r := &c.nodes.at(i).rep
	d := c.docList[c.nodes.at(i).doc]
	d.reports = append(d.reports, i)
	changed := false
	if r.Source != d.source {
		d.source = r.Source
		if o := folded(r.Source); o != "" && (d.outlet == "" || o < d.outlet) {
			d.outlet, changed = o, true
			d.outletID = c.outlets[o]
			if d.outletID == 0 {
				d.outletID = int32(len(c.outlets) + 1)
				c.outlets[o] = d.outletID
			}
		}
	}
	if o := r.DuplicateOf; o != "" && o != r.DocID && (d.dupOf == nil || o < d.dupOf.name) {
		if p := d.dupOf; p != nil {
			p.children = slices.DeleteFunc(p.children, func(ch *docInfo) bool { return ch == d })
		}
		p := c.doc(o)
		d.dupOf, changed = p, true
		p.children = append(p.children, d)
	}
	// A document's first report is not clustered yet: with no copies
	// naming the document, no incident's count can have changed.
	if !changed || (len(d.reports) == 1 && len(d.children) == 0) {
		return
	}
	seen := map[*docInfo]bool{}
	var mark func(d *docInfo)
	mark = func(d *docInfo) {
		if seen[d] {
			return
		}
		seen[d] = true
		for _, m := range d.reports {
			if cl := c.nodes.at(m).cl; cl != nil {
				c.touch(cl)
			}
		}
		for _, ch := range d.children {
			mark(ch)
		}
	}
	mark(d)
}

func (c *Clusterer) doc(id string) *docInfo {
	// A document's reports come one after another: the last document
	// saves a lookup for all but its first.
	if n := len(c.docList); n > 0 && c.docList[n-1].name == id {
		return c.docList[n-1]
	}
	d, ok := c.docs[id]
	if !ok {
		d = &docInfo{id: int32(len(c.docs)), name: id}
		c.docs[id] = d
		c.docList = append(c.docList, d)
	}
	return d
}

// sourceKey names the independent source of report i: the outlet of the
// original its document copies (following copies of copies), a positive
// number, or when its outlet is unknown that original itself, a negative
// one.
func (c *Clusterer) sourceKey(i int32) int64 {
	d := c.docList[c.nodes.at(i).doc]
	var path []*docInfo
	for d.dupOf != nil {
		if d.dupOf.dupOf != nil {
			if k := slices.Index(path, d); k >= 0 {
				// A cycle of copies has no original; its smallest id
				// stands for all of it.
				d = slices.MinFunc(path[k:], func(a, b *docInfo) int { return strings.Compare(a.name, b.name) })
				break
			}
			path = append(path, d)
		}
		d = d.dupOf
	}
	if d.outletID != 0 {
		return int64(d.outletID)
	}
	return -1 - int64(d.id)
}

// incident builds cl's exported form.
func (c *Clusterer) incident(cl *cluster) Incident {
	return c.incidentIn(cl, make([]string, len(cl.members)))
}

// incidentIn builds cl's exported form with its report ids in reports,
// which has one place for each member.
func (c *Clusterer) incidentIn(cl *cluster, reports []string) Incident {
	inc := Incident{
		ID:        c.idOf(cl),
		Canonical: c.nodes.at(cl.canon).rep,
		Reports:   reports,
		NReports:  len(cl.members),
	}
	// Most incidents have a few reports: their sources are counted in a
	// slice on the stack rather than a map.
	var small [8]int64
	sources := small[:0]
	var many map[int64]struct{}
	for k, m := range cl.members {
		r := &c.nodes.at(m).rep
		inc.Reports[k] = r.EventID
		key := c.sourceKey(m)
		switch {
		case many != nil:
			many[key] = struct{}{}
		case !slices.Contains(sources, key) && len(sources) < len(small):
			sources = append(sources, key)
		case !slices.Contains(sources, key):
			many = make(map[int64]struct{}, len(cl.members))
			for _, s := range sources {
				many[s] = struct{}{}
			}
			many[key] = struct{}{}
		}
		if !r.Published.IsZero() && (inc.FirstReport.IsZero() || r.Published.Before(inc.FirstReport)) {
			inc.FirstReport = r.Published
		}
	}
	slices.Sort(inc.Reports)
	inc.NSources = len(sources)
	if many != nil {
		inc.NSources = len(many)
	}
	return inc
}

// IncidentOf returns the id of the incident holding the report with event
// id eventID.
func (c *Clusterer) IncidentOf(eventID string) (string, bool) {
	i, ok := c.event(eventID)
	if !ok {
		return "", false
	}
	return c.idOf(c.nodes.at(i).cl), true
}

// Incident returns the incident with the given id.
func (c *Clusterer) Incident(id string) (Incident, bool) {
	ev, ok := strings.CutPrefix(id, IDPrefix)
	if !ok {
		return Incident{}, false
	}
	i, ok := c.event(ev)
	if !ok || c.nodes.at(i).cl.first != i {
		return Incident{}, false
	}
	return c.incident(c.nodes.at(i).cl), true
}

// Incidents returns every incident, sorted by id.
func (c *Clusterer) Incidents() []Incident {
	out := make([]Incident, 0, c.live)
	for i := range int32(c.nodes.len()) {
		if cl := c.nodes.at(i).cl; cl.first == int32(i) {
			out = append(out, c.incident(cl))
		}
	}
	slices.SortFunc(out, func(a, b Incident) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// TakeChanges returns what changed since the last call (or since New or
// Restore) and forgets it: the delta a store applies after each Add or
// batch of Adds. A renamed incident's members are all listed, since the
// store's rows name the old id.
func (c *Clusterer) TakeChanges() Changes {
	var ch Changes
	// The live clusters are sorted by id before their incidents are
	// built, so that the sort moves pointers rather than Incidents.
	live := c.spare.live[:0]
	for _, cl := range c.dirty {
		cl.dirty = false
		if cl.dead {
			if cl.published != "" {
				ch.Removed = append(ch.Removed, cl.published)
			}
			continue
		}
		id := c.idOf(cl)
		if cl.published != id {
			if cl.published != "" {
				ch.Removed = append(ch.Removed, cl.published)
			}
			for _, m := range cl.members {
				c.mark(m)
			}
		}
		live = append(live, cl)
	}
	c.dirty = c.dirty[:0]
	slices.SortFunc(live, func(a, b *cluster) int { return strings.Compare(a.id, b.id) })
	// Removed now holds every id a dirty cluster was handed out under and
	// no longer has: the only rows a renamed cluster's new id could
	// already name, since a clean cluster's id is one of its own reports.
	slices.Sort(ch.Removed)
	isLive := func(id string) bool {
		_, ok := slices.BinarySearchFunc(live, id, func(cl *cluster, id string) int { return strings.Compare(cl.id, id) })
		return ok
	}
	if len(live) > 0 {
		ch.Updated = c.spare.updated[:0]
	}
	// The incidents' report ids share one array, which the next call
	// reuses as it does Updated's.
	total := 0
	for _, cl := range live {
		total += len(cl.members)
	}
	ids := c.spare.ids[:0]
	if cap(ids) < total {
		ids = make([]string, 0, total)
	}
	for _, cl := range live {
		from := len(ids)
		ids = ids[:from+len(cl.members)]
		inc := c.incidentIn(cl, ids[from:len(ids):len(ids)])
		// Under an id new to the cluster, a store may hold a row of
		// another cluster that had it (a merge, a regrouping).
		inc.Recanonical = cl.published != cl.id || cl.publishedCanon != cl.canon
		if was := cl.published; was != "" && was != cl.id && cl.publishedCanon == cl.canon && !isLive(was) {
			if _, taken := slices.BinarySearch(ch.Removed, cl.id); !taken {
				inc.Was = was
			}
		}
		cl.published, cl.publishedCanon = cl.id, cl.canon
		ch.Updated = append(ch.Updated, inc)
	}
	ch.Members = c.spare.members[:0]
	for _, i := range c.moved {
		n := c.nodes.at(i)
		n.moved = false
		if n.shownFirst == n.cl.first && n.shownBest == n.best {
			// Moved and back, or carried along by a merge into an
			// incident of the same name.
			continue
		}
		m := c.membership(i)
		m.AnchorOnly = n.shownFirst == n.cl.first
		n.shownFirst, n.shownBest = n.cl.first, n.best
		ch.Members = append(ch.Members, m)
	}
	c.spare.keep(live, ch.Updated, ch.Members, ids)
	c.moved = c.moved[:0]
	if len(ch.Members) == 0 {
		ch.Members = nil
	}
	// An id can be removed twice (two clusters merged into a third, each
	// once published under it) or removed and updated (a cluster renamed
	// to what another one was).
	ch.Removed = slices.Compact(ch.Removed)
	ch.Removed = slices.DeleteFunc(ch.Removed, isLive)
	if len(ch.Removed) == 0 {
		ch.Removed = nil
	}
	slices.SortFunc(ch.Members, func(a, b Membership) int { return strings.Compare(a.EventID, b.EventID) })
	return ch
}

// membership returns node i's membership.
func (c *Clusterer) membership(i int32) Membership {
	n := c.nodes.at(i)
	m := Membership{EventID: n.rep.EventID, Incident: c.idOf(n.cl)}
	if n.best >= 0 {
		m.Anchor = c.nodes.at(n.best).rep.EventID
	}
	return m
}

// sameReport reports whether a and b are the same report, as a re-run
// over the same input gives it.
func sameReport(a, b *Report) bool {
	if a.EventID != b.EventID || a.DocID != b.DocID || a.Source != b.Source || a.DuplicateOf != b.DuplicateOf ||
		a.Type != b.Type || a.Mode != b.Mode || a.Date != b.Date || a.DatePrecision != b.DatePrecision ||
		!a.Published.Equal(b.Published) || a.Confidence != b.Confidence ||
		!slices.Equal(a.Actors, b.Actors) || !slices.Equal(a.Recipients, b.Recipients) {
		return false
	}
	if a.Place == nil || b.Place == nil {
		return a.Place == b.Place
	}
	return *a.Place == *b.Place
}

// cloneReport copies r's slices and place, so that neither the caller nor
// the Clusterer sees the other's later changes.
func cloneReport(r Report) Report {
	r.Actors = slices.Clone(r.Actors)
	r.Recipients = slices.Clone(r.Recipients)
	if r.Place != nil {
		p := *r.Place
		r.Place = &p
	}
	return r
}

// changeArrays are arrays TakeChanges fills, kept for the next call.
type changeArrays struct {
	live    []*cluster
	updated []Incident
	members []Membership
	ids     []string // the Updated incidents' Reports
}

// spareLimit is the most entries an array is kept with: a batch of
// ingest's size fits, while the changes of a rebuild (every incident)
// are let go rather than held for good.
const spareLimit = 1 << 14

// keep keeps arrays no larger than spareLimit.
func (a *changeArrays) keep(live []*cluster, updated []Incident, members []Membership, ids []string) {
	if cap(ids) <= spareLimit {
		a.ids = ids[:0]
	}
	if cap(live) <= spareLimit {
		a.live = live[:0]
	}
	if cap(updated) <= spareLimit {
		a.updated = updated[:0]
	}
	if cap(members) <= spareLimit {
		a.members = members[:0]
	}
}

// arena hands out slices of blocks it allocates, for values kept as long
// as the Clusterer: the blocks are never freed, and nothing is lost since
// nothing the Clusterer keeps is ever dropped.
type arena[T any] struct{ block []T }

// arenaBlock is the number of values in an arena block.
const arenaBlock = 4096

// clone returns a copy of vs in the arena, nil for none; its capacity
// ends with it, so that appending to it cannot write into the arena.
func (a *arena[T]) clone(vs []T) []T {
	if len(vs) == 0 {
		return nil
	}
	if len(vs) > arenaBlock/8 {
		return slices.Clone(vs)
	}
	if cap(a.block)-len(a.block) < len(vs) {
		a.block = make([]T, 0, arenaBlock)
	}
	from := len(a.block)
	a.block = append(a.block, vs...)
	return a.block[from:len(a.block):len(a.block)]
}

// add returns a pointer to a copy of v in the arena.
func (a *arena[T]) add(v T) *T {
	return &a.clone([]T{v})[0]
}

// eventIndex finds a node by its event id. It is keyed by a 64-bit hash
// of the id rather than the id, which made growing the map a tenth of
// clustering's cost (every stored id hashed again and read from wherever
// it lies) and gave the garbage collector a pointer per report to
// follow. Ids whose hash an earlier id has, which at 64 bits happens
// only by design, go to a map keyed by the id, so that lookups stay
// exact.
type eventIndex struct {
	seed   maphash.Seed
	byHash map[uint64]int32
	clash  map[string]int32
}

func newEventIndex() eventIndex {
	return eventIndex{seed: maphash.MakeSeed(), byHash: make(map[uint64]int32), clash: make(map[string]int32)}
}

// event returns the node of the report with event id id.
func (c *Clusterer) event(id string) (int32, bool) {
	return c.byEvent.get(c, maphash.String(c.byEvent.seed, id), id)
}

func (x *eventIndex) get(c *Clusterer, h uint64, id string) (int32, bool) {
	if i, ok := x.byHash[h]; ok && c.nodes.at(i).rep.EventID == id {
		return i, true
	}
	if len(x.clash) == 0 {
		return 0, false
	}
	i, ok := x.clash[id]
	return i, ok
}

// put files node i under id, which must not be filed yet.
func (x *eventIndex) put(c *Clusterer, id string, i int32) {
	x.putHashed(c, maphash.String(x.seed, id), id, i)
}

func (x *eventIndex) putHashed(c *Clusterer, h uint64, id string, i int32) {
	if _, taken := x.byHash[h]; taken {
		x.clash[id] = i
		return
	}
	x.byHash[h] = i
}

// nodeList holds the reports' nodes in blocks of a fixed size, so that
// growing it never copies the nodes already there: as one slice it was
// copied whole each time it grew, which at tens of thousands of reports
// cost more than clustering them (fresh pages to fault in and clear, and
// a large pointerful object for the garbage collector). Pointers into it
// stay valid as it grows.
type nodeList struct {
	blocks [][]node
	n      int
}

// nodeBlock is the number of nodes in a block: some hundreds of KB.
const nodeBlock = 1024

func (l *nodeList) len() int { return l.n }

// at returns node i, which must exist.
func (l *nodeList) at(i int32) *node { return &l.blocks[int(i)/nodeBlock][int(i)%nodeBlock] }

func (l *nodeList) push(n node) {
	if l.n%nodeBlock == 0 {
		l.blocks = append(l.blocks, make([]node, 0, nodeBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, n)
	l.n++
}

// all returns a copy of every node, in order (for tests).
func (l *nodeList) all() []node {
	out := make([]node, 0, l.n)
	for _, b := range l.blocks {
		out = append(out, b...)
	}
	return out
}
