// Package incident groups coded events from different documents into
// incidents, so that dateline can count what happened rather than how
// often it was written about: a market bombing told by five outlets, one
// of them syndicating another, is one incident with five reports from
// four sources, not five events (issue #18, after internal/dedup has
// marked the near-copies).
//
// # Matching
//
// Two reports can be reports of one incident when they come from
// different documents and agree on all of:
//
//   - the PLOVER type, and the mode when both have one;
//   - the actors, and separately the recipients: an empty list matches
//     any, and otherwise some actor of one side must match some actor of
//     the other ("police and soldiers" against "soldiers"), an actor
//     matching when its country code and its sector code each agree or
//     are unknown ("" or "UNK") on one side;
//   - the date, by precision: two single days (day precision, or
//     published precision, which is the publication day) at most
//     DaySlack = 1 day apart, since "yesterday" and "on Tuesday" from
//     outlets in other time zones or publishing after midnight date one
//     event a day apart; a month or a year matches the dates inside it,
//     with no slack, as the period already is the reporter's margin.
//     Historical, duration and undated reports never cluster;
//   - the place, when both have one: within a distance that follows the
//     vaguer of the two ACLED geo-precisions (below). Two places with the
//     same GeoNames id match whatever their points.
//
// # Place radii
//
// ACLED's geo-precision says what a point stands for, and so how far two
// points of one event can lie apart:
//
// Precision 1, a town, whose point ACLED codes: within 25 km (TownKm).
// Two outlets' "town" for one event differ by the city against a suburb
// or district of it that GeoNames lists as a place of its own, or by a
// village against the market town nearby that the news names. 25 km
// reaches from the centre of a city of several million to its edge
// (central Nairobi to its outskirts, Kyiv's left bank), while towns that
// are neighbours in the sense of separate places with separate incidents
// (Nairobi and Machakos, 57 km; Kaduna and Zaria, 72 km; Kyiv and Bila
// Tserkva, 78 km) stay apart. The price is that two incidents of one type
// and one day in towns under 25 km apart (Idlib and Saraqib, 17 km) merge.
//
// Precision 2, an event in a small part of a region or near a town, which
// ACLED codes at a nearby town's or the area's point: within 75 km
// (DistrictKm), for any pair whose vaguer place has precision 2. The
// areas are second-level divisions, which average some 1,200 km²
// (Nigeria's 774 local government areas), 2,000 km² (Kenya's 290-odd
// sub-counties) and 2,850 km² (Syria's 65 districts), radii of 20 to 30
// km; an event near a district boundary can be placed at either
// neighbour's point, two radii apart (40 to 60 km), and 75 km allows
// that plus the few kilometres of "near". Two towns 60 km apart, each an
// anchor, still stay apart: a district report joins the closer one and
// never links them (see below).
//
// Precision 3, a first-level division, a country or larger, which ACLED
// codes at the province's capital or centre: the same country code,
// unknown on either side matching any. Such a point says nothing of
// where in the province the event was, so a distance would decide by the
// accident of where the centre lies.
//
// # Anchors and satellites
//
// Pairwise matching is not transitive: "an explosion in Somalia in
// March" matches two bombings a week apart, and a district-level report
// matches two towns 60 km apart. Linking every matching pair (single
// linkage) would let such vague reports chain distinct incidents into
// one. So reports have roles:
//
//   - an anchor has a day-precision date, a town (precision 1) and at
//     least one actor or recipient with a known code: the reports specific
//     enough to link to each other. ("Protests in Lima on Monday", with
//     no actor, would otherwise link every protest in Lima that day.)
//     Anchors form incidents as the connected components of the matching
//     relation;
//   - a satellite has any other usable date or place. It joins the
//     incident of its closest matching anchor (the nearest in space,
//     then in time, then the better evidenced), and never links two
//     anchors. Satellites that match no anchor form incidents as the
//     connected components among themselves, so that an incident told
//     only vaguely is still one incident;
//   - a single, with no usable date, is an incident of its own.
//
// This definition depends on the set of reports alone, not on the order
// they arrive in, and the Clusterer maintains it incrementally: Add links
// a new anchor with the matching anchors (merging their incidents), then
// takes each satellite to which it is now the closest anchor, splitting
// an unanchored group that the satellite held together; a new satellite
// looks up its closest anchor or links with unanchored satellites. The
// tests check the incremental result against the definition computed from
// scratch on random crowded sets in shuffled orders.
//
// Chains remain possible among anchors (three towns 20 km apart, or the
// same actors' protests on consecutive days, link up), and the reports of
// one document can end in one incident through reports of others: the
// rule keeps one document from linking to itself, it does not forbid it.
//
// # Incidents
//
// An incident's canonical report is its best-evidenced one: the highest
// confidence, then the most specific date (day, published, month, year),
// then the most specific place, then the earliest publication, then the
// smallest event id. Its id is IDPrefix + the event id of its first
// report: the earliest published (a missing time last), then the
// smallest event id (firstCmp). So it is a function of the member set,
// the same in any order, and it stays while the story goes on, since
// later reports are published later: a better report joining changes
// the canonical report alone (Incident.Recanonical tells a store to
// rewrite it). It changes when an earlier-published report arrives late,
// when the first report leaves, or when two incidents merge (the earlier
// first report names the merged one), and TakeChanges then reports the
// old id as removed (and, when the canonical report stays, as the
// renamed incident's Was, so that a store can move its row in place). (Named after the canonical report, as it first was,
// an id changed whenever a better report joined: links broke as news
// came in, and a store rewrote every member row each time.) NSources counts
// outlets (case-folded) after following each near-duplicate document to
// its original: a syndicated copy counts as its original's outlet, or as
// the original document itself when no report has told its outlet.
//
// # Index and cost
//
// Reports are filed by interned type and year, and within a year by the
// period their date names. Anchors and day-level satellites are filed by
// day, and a report that names a day looks only in its own type's day
// buckets around its date (three days). A report of a month or a year
// would walk every day of its period, which at a million incidents is
// tens of thousands of reports of the commonest types; it looks instead,
// for each month of its period, in the anchors and day-level satellites
// of that month filed by place: points by cells of one degree, of which
// it scans those a circle of DistrictKm around its own point touches,
// places of precision 3 by country, reports without a place in a list of
// their own (see placeIndex, which follows placesMatch exactly and is
// checked against it). Satellites of a month or a year, which everyone
// scans, are filed only so, by their month or in the year's list. A
// bucket is a flat list until it holds more than placeIndexMin entries,
// since below that a scan costs less than the lookups. So an Add's cost
// grows with the number of reports of its type near its date and place,
// not with the number of incidents; a report without a place still scans
// every report of its period. Each bucket holds its reports' dates,
// document, mode, place precision, country and latitude and a 32-bit
// summary of each side's actor codes inline, so that a scan rules out
// most candidates without touching the reports: a different country or a
// latitude too far for the radius, disjoint actor codes. Merging moves
// the smaller incident's members, so a report moves O(log n) times in
// all.
//
// Besides the scan, each report costs its conversion (FromRecord, or a
// Converter, which reuses its arrays from record to record), interning
// and filing, and its share of the incidents TakeChanges builds. These
// are kept to about two allocations a report: record fields read once
// per record, stored actors, places, interned codes and clusters in
// arena blocks, an event index keyed by a 64-bit hash of the id (exact:
// an id whose hash is taken goes to a map by id), incident ids cached per
// cluster and report ids carved from one reused array, sources counted
// as integers, dates converted by arithmetic. `dateline bench`'s pass (a
// fresh Clusterer, 63,651 reports of 2,000 synthetic articles, changes
// taken per 64) allocates 812 bytes and 2.0 objects a report (1,200 and
// 5.5 before the Converter, the code arena and the shared report ids).
// As bench runs it, once, in a fresh process, a first pass also pays for
// the pages its memory grows into, so allocating less matters as much as
// computing less: beside the build before, on a machine whose load
// average was 7 to 10, the pass took 0.23 to 0.27 s of CPU with 6,600 to
// 7,500 page faults against 0.30 to 0.52 s with 6,400 to 13,300 (three
// alternating pairs). As bench prints it, over ten alternating pairs in
// three sessions at load average 7 to 10, 3.4 to 7.8 µs a report against
// 3.6 to 10.2: the load moves it more than the build does; on a quiet
// machine (four pairs), 3.6 to 4.2 µs against 3.4 to 6.5, and with
// dedup 9.4 to 10.7% of coding's CPU against 9.9 to 14.2.
//
// BenchmarkAdd measures an Add to a Clusterer of 100,000 incidents, and
// to one of 1,000,000 (DATELINE_BIG_BENCH=1), on synthetic reports in
// about dateline's shares of date and place precision (package
// incidenttest). Before the buckets of month and year queries were filed
// by place, a month or year report scanned every anchor of every day of
// its period, and the scan grew with the density of reports per type and
// period: 70 to 74 µs of CPU at a million on a loaded machine, 52 at
// load 2. Filed by place, beside the build before on a quiet machine
// (load average 1.5 to 2): 7.6 to 7.9 µs against 8.7 at 100,000
// (two alternating pairs), and 29 µs against 52 at a million. The heap
// per stored report grew from 880 to 990 bytes at a million (the
// entries of day-level reports are filed twice, by day and by place, and
// points a third time by country).
//
// In a SQLite store of 1,000,000 incidents (BenchmarkIncidentStep1M in
// internal/store/sqlite), the incident step of storing a document of 4
// events (real news averages 4.2) took 0.85 to 1.8 ms of process CPU
// written alone and 0.72 to 1.1 ms in ingest's batches of 64, and one of
// 32 events 6.9 to 7.4 ms, new events' member rows now included; the
// build before, in runs alternating with it on copies of one store, 0.91
// to 1.4, 0.78 to 1.2 and 6.8 to 9.2 ms. The spread is mostly the
// machine's load (average 2 to 10): with it at 2 to 3, 0.85 to 1.02 ms
// alone and 0.72 to 0.82 batched, against 0.91 to 1.31 and 0.78 to 1.17.
// Batched documents stay under the 1 ms goal when the machine is not
// busy; documents written alone do not reliably. Of the step's own CPU
// samples, about four fifths are SQLite writing the incident rows and
// running the triggers that keep the incident counts, half of that
// reading pages of the 5.7 GB file, and a fifth the Adds. What is left
// per document is mostly what a renamed incident costs: its old
// canonical event unmarked (the incident-count triggers reading its
// actors), its old row deleted and every old member's row rewritten,
// each a random page of the file.
//
// # Persistence
//
// The clustering is a function of the reports, so a store needs only the
// reports and, for each, its Membership (incident and, for a satellite,
// its anchor) to carry it across restarts. TakeChanges gives, after each
// Add or batch, the incidents to upsert, the ids to delete and the
// memberships that changed; applied in one transaction with the new
// reports, the rows always form a state Restore accepts. Restore rebuilds
// a Clusterer, index included, from those rows in linear time without
// comparing reports again, and adding the remaining reports then gives
// the incidents one uninterrupted run would have. Adding a report that is
// already there is a no-op, so a re-run over the same input converges.
package incident
