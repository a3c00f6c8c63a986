// Package synth generates reproducible synthetic news articles for
// benchmarks. The articles are built from templates and word lists written
// for dateline, so a benchmark exercises every stage (datelines, agencies,
// actors, quotes, dates, places and event triggers) the way real wire copy
// does, while the same seed always yields the same corpus.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

type country struct{ name, adj, capital, city string }

var countries = []country{
	{"Azerbaijan", "Azerbaijani", "Baku", "Ganja"}, {"Armenia", "Armenian", "Yerevan", "Gyumri"},
	{"Kenya", "Kenyan", "Nairobi", "Mombasa"}, {"Peru", "Peruvian", "Lima", "Cusco"},
	{"France", "French", "Paris", "Lyon"}, {"Germany", "German", "Berlin", "Hamburg"},
	{"India", "Indian", "New Delhi", "Mumbai"}, {"Japan", "Japanese", "Tokyo", "Osaka"},
	{"Brazil", "Brazilian", "Brasilia", "Sao Paulo"}, {"Nigeria", "Nigerian", "Abuja", "Lagos"},
	{"Turkey", "Turkish", "Ankara", "Izmir"}, {"Ukraine", "Ukrainian", "Kyiv", "Kharkiv"},
	{"Poland", "Polish", "Warsaw", "Krakow"}, {"Egypt", "Egyptian", "Cairo", "Alexandria"},
	{"Colombia", "Colombian", "Bogota", "Medellin"}, {"Indonesia", "Indonesian", "Jakarta", "Surabaya"},
}

var roles = []string{"foreign minister", "defence minister", "president", "prime minister", "interior ministry spokesperson", "army chief", "opposition leader", "police commander"}
var firstNames = []string{"Amir", "Lena", "Tomas", "Aisha", "Kenji", "Maria", "Oleg", "Nadia", "Samuel", "Priya", "Diego", "Fatma"}
var lastNames = []string{"Karimov", "Weber", "Okafor", "Tanaka", "Silva", "Novak", "Haddad", "Mensah", "Ruiz", "Sharma", "Petrov", "Demir"}
var agencies = []string{"Reuters", "AFP", "AP", "Xinhua", "Anadolu", "TASS"}

// months and weekdays (Monday to Friday) are the names the time package
// gives, so that no list of them is kept here.
var (
	months   = names(time.January, time.December, time.Month.String)
	weekdays = names(time.Monday, time.Friday, time.Weekday.String)
)

// names returns the String of every value from first to last.
func names[T ~int](first, last T, name func(T) string) []string {
	var out []string
	for v := first; v <= last; v++ {
		out = append(out, name(v))
	}
	return out
}

var orgs = []string{"the United Nations", "the European Union", "the African Union", "the International Committee of the Red Cross", "NATO", "the World Health Organization"}

// eventTemplates use {A} actor, {R} recipient, {T} time, {P} place, {S} speaker.
var eventTemplates = []string{
	"{A} accused {R} of breaking the truce deal {T}.",
	"{A} rejected the proposal put forward by {R}, calling it unacceptable.",
	"{A} called on {R} to release the detained journalists without delay.",
	"{A} and {R} signed an agreement on trade and transit {T}.",
	"Troops from {A} shelled positions near {P} {T}, killing at least four people.",
	"{A} imposed new sanctions on {R} over the border dispute.",
	"Thousands of protesters marched through {P} {T} to demand the resignation of the government.",
	"{A} sent humanitarian aid, including food and medicine, to {P}.",
	"{A} withdrew its forces from the area around {P} after talks with {R}.",
	"Police detained dozens of opposition supporters in {P} {T}.",
	"{A} threatened to expel the ambassador of {R} if the attacks continued.",
	"{A} deployed additional troops to the border with {R} {T}.",
	"{A} praised the efforts of {R} to restore calm in the region.",
	"{A} held talks with {R} in {P} on energy cooperation.",
	"{A} will not attend the summit hosted by {R}, officials said.",
	"The talks between {A} and {R} are expected to resume in {M}.",
}

var quoteTemplates = []string{
	"\"We will not accept any attempt to change the borders by force,\" {S} said.",
	"\"The situation in {P} remains difficult, but we see progress,\" said {S}.",
	"{S} told reporters that the government had no plans to negotiate under pressure.",
	"According to {S}, more than 2,000 families have been displaced since {M}.",
	"\"This is a matter for the courts,\" {S} said, \"and we respect their independence.\"",
}

var fillers = []string{
	"The dispute has strained relations between the two neighbours for years.",
	"Analysts said the move could complicate efforts to reach a lasting settlement.",
	"Officials did not give further details about the timing of the next round of negotiations.",
	"Local media reported long queues at fuel stations and shops in the capital.",
	"The region has seen repeated clashes since the collapse of the previous truce in 2020.",
	"Diplomats in {P} said the statement reflected growing frustration with the pace of reforms.",
	"The ministry said a full report would be published after the investigation.",
}

// Article is one generated document.
type Article struct {
	ID        string
	Published time.Time
	Title     string
	Text      string
}

// Generator yields articles from a seeded source; it is not safe for
// concurrent use.
type Generator struct {
	rng   *rand.Rand
	words int
	n     int
}

// New returns a generator of articles of about words words each.
func New(seed uint64, words int) *Generator {
	return &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), words: words}
}

func (g *Generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// Next returns the next article.
func (g *Generator) Next() Article {
	g.n++
	r := g.rng
	home := countries[r.IntN(len(countries))]
	other := countries[r.IntN(len(countries))]
	for other.name == home.name {
		other = countries[r.IntN(len(countries))]
	}
	pub := time.Date(2019+r.IntN(6), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	speaker := fmt.Sprintf("%s %s", g.pick(firstNames), g.pick(lastNames))
	role := g.pick(roles)
	actors := []string{home.name, "the " + home.adj + " government", home.adj + " officials", other.name, g.pick(orgs), "the " + other.adj + " " + role}
	times := []string{"on " + g.pick(weekdays), "yesterday", "last week", "earlier this month", fmt.Sprintf("on %s %d", months[pub.Month()-1], pub.Day()), "two days ago", ""}

	fill := func(tpl string) string {
		a := actors[r.IntN(len(actors))]
		rec := actors[r.IntN(len(actors))]
		for rec == a {
			rec = actors[r.IntN(len(actors))]
		}
		s := tpl
		s = strings.ReplaceAll(s, "{A}", a)
		s = strings.ReplaceAll(s, "{R}", rec)
		s = strings.ReplaceAll(s, "{T}", g.pick(times))
		s = strings.ReplaceAll(s, "{P}", g.pick([]string{home.capital, home.city, other.capital, other.city}))
		s = strings.ReplaceAll(s, "{S}", g.pick([]string{speaker, "he", "the minister", "a spokesperson for the ministry", "the official"}))
		s = strings.ReplaceAll(s, "{M}", g.pick(months))
		s = strings.ReplaceAll(s, "  ", " ")
		s = strings.ReplaceAll(s, " .", ".")
		s = strings.ReplaceAll(s, " ,", ",")
		return strings.ToUpper(s[:1]) + s[1:]
	}

	var b strings.Builder
	agency := g.pick(agencies)
	fmt.Fprintf(&b, "%s, %s, %s %d (%s) - %s, %s of %s, said on %s that %s would not discuss the proposal with %s.\n\n",
		strings.ToUpper(home.capital), home.name, months[pub.Month()-1], pub.Day(), agency,
		speaker, role, home.name, g.pick(weekdays), home.name, other.name)
	words := 40
	for words < g.words {
		var para []string
		for k := 0; k < 3+r.IntN(3) && words < g.words; k++ {
			var s string
			switch r.IntN(4) {
			case 0:
				s = fill(g.pick(quoteTemplates))
			case 1:
				s = fill(g.pick(fillers))
			default:
				s = fill(g.pick(eventTemplates))
			}
			para = append(para, s)
			words += strings.Count(s, " ") + 1
		}
		b.WriteString(strings.Join(para, " "))
		b.WriteString("\n\n")
	}
	return Article{
		ID:        fmt.Sprintf("synth-%06d", g.n),
		Published: pub,
		Title:     fmt.Sprintf("%s and %s at odds over %s talks", home.name, other.name, g.pick(months)),
		Text:      strings.TrimRight(b.String(), "\n"),
	}
}
