// Package meta finds a document's own metadata in its text: the wire
// dateline that opens a dispatch ("BAKU, Azerbaijan, September 16") and the
// news agencies it credits ("Trend reports", "(Reuters) -", "told TASS",
// "— AP").
//
// Datelines are parsed by a hand-written scanner rather than a regular
// expression because the grammar is small but positional (city, optional
// region or country, optional date, optional agency, terminator) and the
// scanner reports exact byte spans for each part without backtracking.
package meta

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/lang/en"

	"github.com/dateline-project/dateline/internal/doc"
)

// Places resolves the names a dateline carries. The actor dictionaries and
// the gazetteer both satisfy it; a nil Places leaves country codes empty.
type Places interface {
	// CountryCode returns the ISO 3166-1 alpha-3 code of a country name
	// ("Azerbaijan", "the Netherlands").
	CountryCode(name string) (string, bool)
	// PlaceCountry returns the country of a city or region name ("Baku").
	PlaceCountry(name string) (string, bool)
	// SeatCountry returns the country of a capital or an administrative
	// seat of that name ("Washington", "Detroit"): a city a dispatch is
	// filed from, as few other words in capitals are.
	SeatCountry(name string) (string, bool)
}

// scanner walks the opening of a text by byte offset.
type scanner struct {
	s   string
	pos int
}

func (sc *scanner) skipSpaces() {
	for sc.pos < len(sc.s) && (sc.s[sc.pos] == ' ' || sc.s[sc.pos] == '\t') {
		sc.pos++
	}
}

func (sc *scanner) hasPrefix(p string) bool { return strings.HasPrefix(sc.s[sc.pos:], p) }

// word returns the extent of the next run of letters, digits and the
// in-name punctuation . - ' without moving.
func (sc *scanner) word() (start, end int) {
	start, end = sc.pos, sc.pos
	for end < len(sc.s) {
		r, n := utf8.DecodeRuneInString(sc.s[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '\'' || r == '’' {
			end += n
			continue
		}
		break
	}
	return start, end
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 || (letters == 1 && len(w) > 1)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// dashTerminators end a dateline; the longest are tried first.
var dashTerminators = []string{" -- ", " — ", " – ", " - ", "—", "–", " -\n"}

// parseDateline scans the opening of text for a wire dateline. published
// supplies the year when the dateline has none. storyLabel reports an
// all-capital opener that looks like a dateline city but labels the story
// ("BREAKING", "ANALYSIS"); nil knows none. opening says text opens the
// document, where a dateline may also be bare (bareDateline).
func parseDateline(text string, published time.Time, places Places, storyLabel func(string) bool, opening bool) *doc.Dateline {
	sc := &scanner{s: text}
	for sc.pos < len(text) && (text[sc.pos] == ' ' || text[sc.pos] == '\n' || text[sc.pos] == '\r' || text[sc.pos] == '\t') {
		sc.pos++
	}
	start := sc.pos

	// The city: up to five words, all in capitals; or, when an agency
	// parenthesis or a dash follows at once, capitalised words.
	var cityWords []string
	cityEnd := start
	allCaps := true
	for len(cityWords) < 5 {
		ws, we := sc.word()
		if we == ws {
			break
		}
		w := strings.TrimRight(text[ws:we], "-")
		if w == "" || !isCapitalised(w) {
			break
		}
		if !isAllCaps(w) {
			allCaps = false
		}
		cityWords = append(cityWords, text[ws:we])
		sc.pos = we
		cityEnd = we
		// Words continue over a single space or a slash (KYIV/KIEV).
		if sc.pos < len(text) && (text[sc.pos] == ' ' || text[sc.pos] == '/') && sc.pos+1 < len(text) {
			r, _ := utf8.DecodeRuneInString(text[sc.pos+1:])
			if unicode.IsUpper(r) {
				sc.pos++
				continue
			}
		}
		break
	}
	if len(cityWords) == 0 {
		return nil
	}
	city := text[start:cityEnd]
	if strings.HasSuffix(city, ".") && !strings.Contains(strings.TrimSuffix(city, "."), ".") && len(cityWords) == 1 {
		// "BAKU." ends a sentence, not an abbreviation.
		city = strings.TrimSuffix(city, ".")
		cityEnd--
		sc.pos = cityEnd
	}
	if storyLabel != nil && storyLabel(strings.ToUpper(city)) {
		return nil
	}

	dl := &doc.Dateline{Span: doc.Span{Start: start, End: cityEnd}, Place: placeName(city, allCaps)}
	terminated := false
	var country string
	var month time.Month
	day, year := 0, 0
	sawAgency := false

	for range 6 {
		save := sc.pos
		if sc.hasPrefix(",") {
			sc.pos++
			sc.skipSpaces()
			if m, d, y, end, ok := parseMonthDay(text, sc.pos); ok {
				month, day, year = m, d, y
				sc.pos = end
				dl.End = end
				continue
			}
			// A region or country: capitalised words up to the next
			// comma, parenthesis or terminator, at most four words.
			segStart := sc.pos
			segEnd := sc.pos
			words := 0
			for words < 4 {
				ws, we := sc.word()
				if we == ws || !isCapitalised(text[ws:we]) {
					break
				}
				words++
				segEnd = we
				sc.pos = we
				if sc.pos < len(text) && text[sc.pos] == ' ' && sc.pos+1 < len(text) {
					r, _ := utf8.DecodeRuneInString(text[sc.pos+1:])
					if unicode.IsUpper(r) {
						sc.pos++
						continue
					}
				}
				break
			}
			if words == 0 || month != 0 {
				sc.pos = save
				break
			}
			seg := strings.TrimRight(text[segStart:segEnd], ".")
			if usStates[seg] {
				country = "USA"
			} else if places != nil {
				if c, ok := places.CountryCode(seg); ok {
					country = c
				}
			}
			dl.End = segEnd
			continue
		}
		sc.skipSpaces()
		if sc.hasPrefix("(") {
			close := strings.IndexByte(text[sc.pos:], ')')
			if close > 1 && close < 40 && !strings.ContainsAny(text[sc.pos:sc.pos+close], "\n") {
				sc.pos += close + 1
				dl.End = sc.pos
				sawAgency = true
				continue
			}
			sc.pos = save
			break
		}
		for _, t := range dashTerminators {
			if strings.HasPrefix(text[save:], t) {
				terminated = true
				break
			}
		}
		if !terminated && sc.hasPrefix(":") && allCaps {
			terminated = true
		}
		if !terminated && sc.pos == save && strings.HasPrefix(text[save:], ".") && month != 0 {
			terminated = true
		}
		if !terminated && sc.pos == save && strings.HasPrefix(text[save:], ". ") && country != "" && allCaps {
			terminated = true
		}
		sc.pos = save
		break
	}
	// An all-capital city with a date, or any city followed by an agency
	// credit or a dash, is a dateline; anything else is an ordinary
	// opening sentence.
	switch {
	case terminated && (allCaps || sawAgency):
	case month != 0 && allCaps:
	case sawAgency && allCaps:
	case opening:
		return bareDateline(text, start, places)
	default:
		return nil
	}
	if country == "" && places != nil {
		if c, ok := places.PlaceCountry(dl.Place); ok {
			country = c
		}
	}
	dl.CountryCode = country
	if month != 0 {
		dl.Date = resolveDay(year, month, day, published)
	}
	return dl
}

// bareDateline reads a dateline with no terminator at all, which some
// feeds leave when they strip the dash: a capital or an administrative
// seat in capitals (up to three words of three letters or more), one
// space, and a capitalised word that is not in capitals, the story's
// first ("WASHINGTON Barack Obama pardoned ..."). The caller asks at the
// opening of the text only: a later paragraph may open with a name in
// capitals ("UCO Bank said"). A country ("US President-elect"), an
// abbreviation ("MLA Sandra Jansen") or a word in capitals that is no
// such city is the story's own first word.
func bareDateline(text string, start int, places Places) *doc.Dateline {
	if places == nil {
		return nil
	}
	end := start
	words := 0
	for words < 3 {
		i := end
		if words > 0 {
			if i >= len(text) || text[i] != ' ' {
				break
			}
			i++
		}
		j := i
		for j < len(text) && text[j] >= 'A' && text[j] <= 'Z' {
			j++
		}
		if j-i < 3 || j < len(text) && text[j] != ' ' {
			break
		}
		end, words = j, words+1
	}
	if words == 0 || end+2 >= len(text) || text[end] != ' ' {
		return nil
	}
	next := text[end+1:]
	nw := strings.IndexByte(next, ' ')
	if nw < 1 || nw > 1 && isAllCaps(next[:nw]) || !isCapitalised(next[:nw]) {
		return nil
	}
	city := placeName(text[start:end], true)
	if _, ok := places.CountryCode(city); ok {
		return nil
	}
	country, ok := places.SeatCountry(city)
	if !ok {
		return nil
	}
	return &doc.Dateline{Span: doc.Span{Start: start, End: end}, Place: city, CountryCode: country}
}

// parseMonthDay reads "September 16", "Sept. 16", "Sep 16, 2023" or
// "16 September" at i.
func parseMonthDay(s string, i int) (m time.Month, day, year, end int, ok bool) {
	j := i
	for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
		j++
	}
	if mo, _, found := en.Month(s[i:j]); found && j > i {
		if j < len(s) && s[j] == '.' {
			j++
		}
		if j < len(s) && s[j] == ' ' {
			j++
		}
		d, k := readInt(s, j, 2)
		if d < 1 || d > 31 {
			return 0, 0, 0, 0, false
		}
		y, kk := 0, k
		if strings.HasPrefix(s[k:], ", ") || strings.HasPrefix(s[k:], " ") {
			skip := 1
			if s[k] == ',' {
				skip = 2
			}
			if yy, e := readInt(s, k+skip, 4); yy >= 1900 && e-(k+skip) == 4 {
				y, kk = yy, e
			}
		}
		return mo, d, y, kk, true
	}
	d, k := readInt(s, i, 2)
	if d >= 1 && d <= 31 && k < len(s) && s[k] == ' ' {
		e := k + 1
		for e < len(s) && (s[e] >= 'A' && s[e] <= 'Z' || s[e] >= 'a' && s[e] <= 'z') {
			e++
		}
		if mo, _, found := en.Month(s[k+1 : e]); found && e > k+1 {
			if e < len(s) && s[e] == '.' {
				e++
			}
			return mo, d, 0, e, true
		}
	}
	return 0, 0, 0, 0, false
}

func readInt(s string, i, max int) (int, int) {
	n, j := 0, i
	for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
		n = n*10 + int(s[j]-'0')
		j++
	}
	if j < len(s) && s[j] >= '0' && s[j] <= '9' {
		return 0, i
	}
	return n, j
}

// resolveDay builds the dateline date. A missing year comes from the
// publication date; a dateline that would fall well after publication
// belongs to the previous year (a "Dec. 31" dispatch published on Jan. 2).
func resolveDay(year int, m time.Month, day int, published time.Time) time.Time {
	if year == 0 {
		if published.IsZero() {
			return time.Time{}
		}
		year = published.Year()
		t := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
		if t.After(published.AddDate(0, 0, 2)) {
			t = t.AddDate(-1, 0, 0)
		}
		return t
	}
	return time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
}

// placeName turns "NEW YORK" into "New York"; names not written in
// capitals are kept as written.
func placeName(city string, allCaps bool) string {
	if !allCaps {
		return city
	}
	var b strings.Builder
	b.Grow(len(city))
	upperNext := true
	for _, r := range city {
		if upperNext {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		upperNext = r == ' ' || r == '-' || r == '/' || r == '.' || r == '\''
	}
	return b.String()
}

// usStates are the forms US wire datelines give a state in, AP
// abbreviations and full names ("CAMBRIDGE, Mass.", "SAVANNAH, Ga.").
// Full names that are also countries (Georgia) are left to context: after
// a US city the state is meant, and the gazetteer decides the city.
var usStates = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split("Ala|Alaska|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Hawaii|Idaho|Ill|Ind|Iowa|Kan|Kans|Ky|La|Maine|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N.H|N.J|N.M|N.Y|N.C|N.D|Ohio|Okla|Ore|Pa|R.I|S.C|S.D|Tenn|Texas|Utah|Vt|Va|Wash|W.Va|Wis|Wyo|D.C|"+
		"Alabama|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Illinois|Indiana|Kansas|Kentucky|Louisiana|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming", "|") {
		m[s] = true
	}
	return m
}()
