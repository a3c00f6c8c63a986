package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/dateline-project/dateline/data"
	"github.com/dateline-project/dateline/internal/actor"
	"github.com/dateline-project/dateline/internal/lexicon"
)

// FileKind says which of the six dictionary formats a file is in.
type FileKind uint8

// File kinds; each is named after its embedded file.
const (
	KindDetect FileKind = iota // decide from the file (see DetectKind)
	Countries
	Organizations
	PartiallyRecognized
	Persons
	Roles
	Discards
)

var kindNames = [...]string{"detect", "countries", "organizations", "partially_recognized", "persons", "roles", "discards"}

func (k FileKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("FileKind(%d)", k)
}

// ParseFileKind reads a kind name as written after "# dateline-dict:".
func ParseFileKind(s string) (FileKind, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	s = strings.TrimSuffix(s, ".tsv")
	for i, n := range kindNames[1:] {
		if s == n {
			return FileKind(i + 1), nil
		}
	}
	return KindDetect, fmt.Errorf("unknown dictionary kind %q (want one of %s)", s, strings.Join(kindNames[1:], ", "))
}

// ErrUnknownKind is returned for a user file whose kind can be neither
// read from a "# dateline-dict:" line nor told from its columns.
var ErrUnknownKind = errors.New("cannot tell dictionary kind")

// Source is one dictionary file's contents.
type Source struct {
	Name string // used in errors and in each entry's Rule
	Kind FileKind
	Data []byte
	// User marks a user dictionary: its entries are preferred over
	// embedded ones, and a later user file over an earlier one.
	User bool
}

// embedded are the files under data/actors, in the order that sets their
// priority for a phrase that more than one of them names.
var embedded = []struct {
	name string
	kind FileKind
}{
	{"actors/countries.tsv", Countries},
	{"actors/partially_recognized.tsv", PartiallyRecognized},
	{"actors/organizations.tsv", Organizations},
	{"actors/persons.tsv", Persons},
	{"actors/roles.tsv", Roles},
	{"actors/discards.tsv", Discards},
}

// LoadDefault loads the embedded dictionaries.
func LoadDefault() (*Dict, error) { return Load(data.FS) }

// Load reads the six dictionaries from fsys (normally data.FS, with paths
// "actors/countries.tsv" and so on) and then each extra file from the
// operating system as a user dictionary. A user file declares its kind in
// a comment line "# dateline-dict: roles" (any of countries,
// organizations, partially_recognized, persons, roles, discards) before
// its column line; without one, its columns tell its kind (DetectKind).
func Load(fsys fs.FS, extra ...string) (*Dict, error) {
	srcs := make([]Source, 0, len(embedded)+len(extra))
	for _, e := range embedded {
		b, err := fs.ReadFile(fsys, e.name)
		if err != nil {
			return nil, fmt.Errorf("load actor dictionary: %w", err)
		}
		srcs = append(srcs, Source{Name: e.name, Kind: e.kind, Data: b})
	}
	for _, name := range extra {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("load user dictionary: %w", err)
		}
		srcs = append(srcs, Source{Name: name, Data: b, User: true})
	}
	return New(srcs...)
}

// DetectKind tells a file's kind: from a "# dateline-dict: KIND" comment
// line if there is one, else from its column line: "phrase" means
// discards; "role" with "plural" roles; "from" or "to" persons;
// "place_names" partially_recognized; "alpha2" or "demonyms" countries;
// "country_code" with "sector_code" organizations.
func DetectKind(name string, b []byte) (FileKind, error) {
	cols, _, err := columns(b)
	if err != nil {
		return KindDetect, fmt.Errorf("%s: %w", name, err)
	}
	if k := declaredKind(b); k != "" {
		kind, err := ParseFileKind(k)
		if err != nil {
			return KindDetect, fmt.Errorf("%s: %w", name, err)
		}
		return kind, nil
	}
	switch {
	case cols["phrase"]:
		return Discards, nil
	case cols["role"] && cols["plural"]:
		return Roles, nil
	case cols["from"] || cols["to"]:
		return Persons, nil
	case cols["place_names"]:
		return PartiallyRecognized, nil
	case cols["alpha2"] || cols["demonyms"]:
		return Countries, nil
	case cols["country_code"] && cols["sector_code"]:
		return Organizations, nil
	}
	return KindDetect, fmt.Errorf("%s: %w: add a line \"# dateline-dict: KIND\"", name, ErrUnknownKind)
}

const kindMarker = "# dateline-dict:"

// declaredKind returns the kind named by a "# dateline-dict:" line among
// the comment lines before the column line.
func declaredKind(b []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "#") {
			return ""
		}
		if strings.HasPrefix(strings.ToLower(line), kindMarker) {
			return strings.TrimSpace(line[len(kindMarker):])
		}
	}
	return ""
}

// columns reads the column line the way lexicon.Read does.
func columns(b []byte) (map[string]bool, int, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := map[string]bool{}
		for _, c := range strings.Split(text, "\t") {
			cols[strings.TrimSpace(c)] = true
		}
		return cols, n, nil
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read column line: %w", err)
	}
	return nil, 0, fmt.Errorf("%w: no column line", lexicon.ErrMalformed)
}

var required = map[FileKind][]string{
	Countries:           {"code", "alpha2", "name", "aliases", "demonyms", "capitals"},
	Organizations:       {"name", "aliases", "country_code", "sector_code"},
	PartiallyRecognized: {"name", "aliases", "country_code", "sector_code", "place_names"},
	Persons:             {"name", "aliases", "country_code", "sector_code", "from", "to", "role"},
	Roles:               {"role", "plural", "sector_code", "person"},
	Discards:            {"phrase"},
}

// Sectors are the PLOVER sector codes a sector_code column may hold.
var Sectors = set("GOV MIL COP JUD LEG PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC")

// International are the codes that stand in the country slot for actors
// that belong to no one state.
var International = set("IGO UNO EUR NGO ISM IMG MNC")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	code3Re = regexp.MustCompile(`^[A-Z]{3}$`)
	code2Re = regexp.MustCompile(`^[A-Z]{2}$`)
	// otherRe admits CAMEO-style extra codes (religion, ethnicity) in
	// other_sector_codes as well as PLOVER sectors.
	otherRe = regexp.MustCompile(`^[A-Za-z]{3}$`)
)

// item is an entry with what orders it among entries of the same key.
type item struct {
	Entry
	prio int // 0 embedded; 1+n for the n-th user file
	seq  int
}

type codeRef struct {
	code string
	file string
	line int
}

type builder struct {
	d         *Dict
	phrases   map[string][]item
	exact     map[string][]item
	roleFrom  map[string]string // role key -> rule, to catch duplicates
	codes     []codeRef
	seq, prio int
}

// New builds a Dict from sources in order. Sources with Kind KindDetect
// are classified by DetectKind. Any malformed line fails the whole load
// with an error naming its file and line.
func New(srcs ...Source) (*Dict, error) {
	b := &builder{
		d: &Dict{
			roles:     map[string]actor.Role{},
			discards:  map[string]struct{}{},
			countries: map[string]*Country{},
		},
		phrases:  map[string][]item{},
		exact:    map[string][]item{},
		roleFrom: map[string]string{},
	}
	users := 0
	for _, s := range srcs {
		kind := s.Kind
		if kind == KindDetect {
			k, err := DetectKind(s.Name, s.Data)
			if err != nil {
				return nil, fmt.Errorf("load actor dictionary: %w", err)
			}
			kind = k
		}
		b.prio = 0
		if s.User {
			users++
			b.prio = users
		}
		if err := b.read(s, kind); err != nil {
			return nil, fmt.Errorf("load actor dictionary: %w", err)
		}
	}
	for _, c := range b.codes {
		if !International[c.code] && b.d.countries[c.code] == nil {
			return nil, fmt.Errorf("load actor dictionary: %w", &lexicon.LineError{File: c.file, Line: c.line,
				Err: fmt.Errorf("%w: unknown country code %q", lexicon.ErrMalformed, c.code)})
		}
	}
	b.d.phrases = finish(b.phrases, &b.d.maxWords)
	b.d.exact = finish(b.exact, nil)
	for _, m := range []map[string][]Entry{b.d.phrases, b.d.exact} {
		for _, es := range m {
			for i := range es {
				es[i].KindRule = actor.KindRulePrefix(es[i].Kind) + es[i].Rule
				es[i].Coding.User = es[i].User
			}
		}
	}
	b.d.counts.Keys = len(b.d.phrases) + len(b.d.exact)
	for k := range b.d.roles {
		b.d.maxWords = max(b.d.maxWords, tokenSpan(k))
	}
	b.d.words = newWordTable(wordIndex(b.d))
	b.d.roleTab = newKeyTable(b.d.roles)
	b.d.phraseTab = newKeyTable(b.d.phrases)
	b.d.discardTab = newKeyTable(b.d.discards)
	return b.d, nil
}

func (b *builder) read(s Source, kind FileKind) error {
	fn := map[FileKind]func(lexicon.Record, map[string]bool, bool) error{
		Countries:           b.country,
		Organizations:       b.org,
		PartiallyRecognized: b.pre,
		Persons:             b.person,
		Roles:               b.role,
		Discards:            b.discard,
	}[kind]
	if fn == nil {
		return fmt.Errorf("%s: unknown kind %v", s.Name, kind)
	}
	cols, _, err := columns(s.Data)
	if err != nil {
		return &lexicon.LineError{File: s.Name, Line: 1, Err: err}
	}
	return lexicon.Read(bytes.NewReader(s.Data), s.Name, required[kind], func(r lexicon.Record) error {
		if s.User {
			b.d.counts.UserEntries++
		}
		return fn(r, cols, s.User)
	})
}

func rule(r lexicon.Record) string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// get reads an optional column.
func get(r lexicon.Record, cols map[string]bool, c string) string {
	if !cols[c] {
		return ""
	}
	return r.Get(c)
}

func list(r lexicon.Record, cols map[string]bool, c string) []string {
	if !cols[c] {
		return nil
	}
	return r.List(c)
}

// add indexes one phrase. A value written "=WHO" is case-sensitive: it
// goes to the exact map under its surface form.
func (b *builder) add(r lexicon.Record, phrase string, e Entry) error {
	phrase = strings.TrimSpace(phrase)
	if strings.HasPrefix(phrase, "=") {
		surface := strings.TrimSpace(phrase[1:])
		if surface == "" {
			return r.Errorf("empty case-sensitive phrase")
		}
		b.seq++
		b.exact[surface] = append(b.exact[surface], item{Entry: e, prio: b.prio, seq: b.seq})
		return nil
	}
	k := Key(phrase)
	if k == "" {
		return nil
	}
	b.seq++
	b.phrases[k] = append(b.phrases[k], item{Entry: e, prio: b.prio, seq: b.seq})
	// "the Kremlin" is written lower-case "the" mid-sentence, where the
	// recognizer's capitalised run starts at "Kremlin"; index that too.
	if rest, ok := strings.CutPrefix(k, "the "); ok && rest != "" {
		b.seq++
		b.phrases[rest] = append(b.phrases[rest], item{Entry: e, prio: b.prio, seq: b.seq})
	}
	return nil
}

func (b *builder) sector(r lexicon.Record, s string, allowEmpty bool) error {
	if s == "" && allowEmpty {
		return nil
	}
	if !Sectors[s] {
		return r.Errorf("unknown sector code %q", s)
	}
	return nil
}

func others(r lexicon.Record, cols map[string]bool) ([]string, error) {
	out := list(r, cols, "other_sector_codes")
	if len(out) == 0 {
		return nil, nil
	}
	for i, o := range out {
		if !otherRe.MatchString(o) {
			return nil, r.Errorf("bad other sector code %q", o)
		}
		out[i] = strings.ToUpper(o)
	}
	return out, nil
}

func (b *builder) countryCode(r lexicon.Record, c string) error {
	if !code3Re.MatchString(c) {
		return r.Errorf("bad country code %q", c)
	}
	b.codes = append(b.codes, codeRef{code: c, file: r.File, line: r.Line})
	return nil
}

func (b *builder) country(r lexicon.Record, cols map[string]bool, user bool) error {
	c := &Country{
		Code: r.Get("code"), Alpha2: r.Get("alpha2"), Name: r.Get("name"),
		Aliases: r.List("aliases"), Demonyms: r.List("demonyms"),
		DemonymPlurals: list(r, cols, "demonym_plurals"), Capitals: r.List("capitals"),
		Rule: rule(r),
	}
	if !code3Re.MatchString(c.Code) {
		return r.Errorf("bad alpha-3 code %q", c.Code)
	}
	if !code2Re.MatchString(c.Alpha2) {
		return r.Errorf("bad alpha-2 code %q", c.Alpha2)
	}
	if c.Name == "" {
		return r.Errorf("empty name")
	}
	if old := b.d.countries[c.Code]; old != nil && !user {
		return r.Errorf("country %s already defined at %s", c.Code, old.Rule)
	}
	b.d.countries[c.Code] = c
	b.d.counts.Countries++
	base := Entry{Coding: actor.Coding{Name: c.Name, Country: c.Code, Rule: c.Rule}, User: user}
	type group struct {
		vals   []string
		kind   actor.Kind
		sector string
		plural bool
	}
	for _, g := range []group{
		{append([]string{c.Name}, c.Aliases...), actor.KindCountry, "", false},
		{c.Demonyms, actor.KindDemonym, "", false},
		{c.DemonymPlurals, actor.KindDemonym, "", true},
		{c.Capitals, actor.KindCapital, "GOV", false},
	} {
		for _, v := range g.vals {
			e := base
			e.Kind, e.Sector, e.Plural = g.kind, g.sector, g.plural
			if err := b.add(r, v, e); err != nil {
				return err
			}
		}
	}
	for _, v := range list(r, cols, "metonyms") {
		phrase, sector := v, "GOV"
		if i := strings.LastIndexByte(v, '='); i > 0 {
			phrase, sector = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
			if err := b.sector(r, sector, false); err != nil {
				return err
			}
		}
		c.Metonyms = append(c.Metonyms, phrase)
		e := base
		e.Kind, e.Sector = actor.KindMetonym, sector
		if err := b.add(r, phrase, e); err != nil {
			return err
		}
	}
	return nil
}

// coded reads the name, country and sector columns shared by
// organizations, partially recognised entities and persons.
func (b *builder) coded(r lexicon.Record, cols map[string]bool, kind actor.Kind, user bool) (Entry, error) {
	name := strings.TrimSpace(strings.TrimPrefix(r.Get("name"), "="))
	e := Entry{Coding: actor.Coding{Kind: kind, Name: name, Country: r.Get("country_code"),
		Sector: r.Get("sector_code"), Rule: rule(r)}, User: user}
	if e.Name == "" {
		return e, r.Errorf("empty name")
	}
	if err := b.countryCode(r, e.Country); err != nil {
		return e, err
	}
	if err := b.sector(r, e.Sector, kind == actor.KindOrg || kind == actor.KindPerson); err != nil {
		return e, err
	}
	o, err := others(r, cols)
	if err != nil {
		return e, err
	}
	e.Others = o
	return e, nil
}

func (b *builder) addAll(r lexicon.Record, e Entry, phrases ...[]string) error {
	for _, ps := range phrases {
		for _, p := range ps {
			if err := b.add(r, p, e); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) org(r lexicon.Record, cols map[string]bool, user bool) error {
	e, err := b.coded(r, cols, actor.KindOrg, user)
	if err != nil {
		return err
	}
	b.d.counts.Orgs++
	return b.addAll(r, e, []string{r.Get("name")}, r.List("aliases"))
}

func (b *builder) pre(r lexicon.Record, cols map[string]bool, user bool) error {
	e, err := b.coded(r, cols, actor.KindPRE, user)
	if err != nil {
		return err
	}
	b.d.counts.PRE++
	return b.addAll(r, e, []string{r.Get("name")}, r.List("aliases"), r.List("place_names"))
}

func (b *builder) person(r lexicon.Record, cols map[string]bool, user bool) error {
	e, err := b.coded(r, cols, actor.KindPerson, user)
	if err != nil {
		return err
	}
	e.Office = r.Get("role")
	if e.From, err = date(r, "from"); err != nil {
		return err
	}
	if e.To, err = date(r, "to"); err != nil {
		return err
	}
	if !e.From.IsZero() && !e.To.IsZero() && e.To.Before(e.From) {
		return r.Errorf("to %s is before from %s", r.Get("to"), r.Get("from"))
	}
	b.d.counts.Persons++
	return b.addAll(r, e, []string{r.Get("name")}, r.List("aliases"))
}

func date(r lexicon.Record, col string) (time.Time, error) {
	v := r.Get(col)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, r.Errorf("%s: want YYYY-MM-DD, got %q", col, v)
	}
	return t, nil
}

func yesNo(r lexicon.Record, col, v string, allowed ...string) error {
	if v == "" || slices.Contains(allowed, v) {
		return nil
	}
	return r.Errorf("%s: want one of %s, got %q", col, strings.Join(allowed, "|"), v)
}

func (b *builder) role(r lexicon.Record, cols map[string]bool, user bool) error {
	sing := r.Get("role")
	if sing == "" {
		return r.Errorf("empty role")
	}
	role := actor.Role{Canonical: Key(sing), Sector: r.Get("sector_code"), Rule: rule(r)}
	role.RoleRule = "role " + role.Rule
	if err := b.sector(r, role.Sector, false); err != nil {
		return err
	}
	var err error
	if role.Others, err = others(r, cols); err != nil {
		return err
	}
	person := strings.ToLower(r.Get("person"))
	if err := yesNo(r, "person", person, "yes", "no", "group", "name"); err != nil {
		return err
	}
	title := strings.ToLower(get(r, cols, "title"))
	if err := yesNo(r, "title", title, "yes", "no"); err != nil {
		return err
	}
	role.Person = person == "yes"
	role.NameOnly = person == "name"
	role.Title = title == "yes"
	if cc := strings.ToUpper(get(r, cols, "unnamed_country")); cc != "" {
		if !International[cc] {
			return r.Errorf("unnamed_country %q: want an international code (%s)", cc, "IGO, NGO, UNO, EUR, ISM, IMG, MNC")
		}
		role.Country = cc
	}
	switch rel := strings.ToLower(get(r, cols, "relation")); rel {
	case "":
	case "relational":
		role.Relational = true
	case "generic":
		role.Generic = true
	case "count":
		role.Count = true
	case "states":
		role.States = true
	default:
		return r.Errorf("relation %q: want relational, generic, count, states or nothing", rel)
	}
	// A group noun ("police", "troops") is referred back to with "they".
	group := person == "group"
	set := func(form string, plural bool) error {
		k := Key(form)
		if prev, dup := b.roleFrom[k]; dup && !user {
			return r.Errorf("role %q already defined at %s", k, prev)
		}
		b.roleFrom[k] = role.Rule
		rr := role
		rr.Plural = plural || group
		b.d.roles[k] = rr
		return nil
	}
	if err := set(sing, false); err != nil {
		return err
	}
	for _, p := range r.List("plural") {
		if err := set(p, true); err != nil {
			return err
		}
	}
	b.d.counts.Roles++
	return nil
}

func (b *builder) discard(r lexicon.Record, _ map[string]bool, _ bool) error {
	k := Key(r.Get("phrase"))
	if k == "" {
		return r.Errorf("empty phrase")
	}
	b.d.discards[k] = struct{}{}
	b.d.counts.Discards++
	return nil
}

// finish orders each key's entries best first and drops repeats: an entry
// that says nothing new (same kind of thing, country and sector as a
// better one) is dropped, except persons, whose dated roles all count.
func finish(m map[string][]item, maxWords *int) map[string][]Entry {
	out := make(map[string][]Entry, len(m))
	for k, items := range m {
		slices.SortStableFunc(items, func(a, b item) int {
			if a.prio != b.prio {
				return b.prio - a.prio
			}
			ap, bp := a.Kind == actor.KindPerson, b.Kind == actor.KindPerson
			if ap != bp {
				if ap {
					return 1
				}
				return -1
			}
			if ap {
				if c := b.From.Compare(a.From); c != 0 {
					return c
				}
			}
			return a.seq - b.seq
		})
		es := make([]Entry, 0, len(items))
	next:
		for _, it := range items {
			if it.Kind != actor.KindPerson {
				for _, e := range es {
					if e.Kind != actor.KindPerson && e.Country == it.Country && e.Sector == it.Sector {
						continue next
					}
				}
			}
			es = append(es, it.Entry)
		}
		out[k] = slices.Clip(es)
		if maxWords != nil {
			*maxWords = max(*maxWords, tokenSpan(k))
		}
	}
	return out
}

// wordIndex builds the single-word index from the finished maps.
func wordIndex(d *Dict) map[string]actor.WordInfo {
	starts := make(map[string]int, 2*(len(d.phrases)+len(d.exact)))
	for k := range d.phrases {
		nameStartPrefixes(k, starts)
	}
	for k := range d.exact {
		nameStartPrefixes(Key(k), starts)
	}
	discardStarts := make(map[string]int, 2*len(d.discards))
	for k := range d.discards {
		nameStartPrefixes(k, starts)
		nameStartPrefixes(k, discardStarts)
	}
	words := make(map[string]actor.WordInfo, len(starts)+len(d.roles))
	for w, n := range starts {
		wi := words[w]
		wi.Flags |= actor.WordStartsName
		if _, ok := discardStarts[w]; ok {
			wi.Flags |= actor.WordStartsDiscard
		}
		wi.NameWords = bound(n)
		words[w] = wi
	}
	for k, r := range d.roles {
		if !strings.ContainsAny(k, wordSeparators) {
			wi := words[k]
			wi.Flags |= actor.WordRole
			if r.Person {
				wi.Flags |= actor.WordPersonRole
			}
			words[k] = wi
		}
		// Every piece but the last may be a token inside the role;
		// WordInfo flags words with punctuation itself.
		pieces := strings.FieldsFunc(k, func(r rune) bool { return strings.ContainsRune(wordSeparators, r) })
		for _, p := range pieces[:max(len(pieces)-1, 0)] {
			wi := words[p]
			wi.Flags |= actor.WordInRole
			words[p] = wi
		}
		// The head may be what follows the last space or, where the
		// tokenizer splits it off, the last punctuation mark
		// ("vice-president").
		for _, sep := range []string{" ", wordSeparators} {
			last := k
			if i := strings.LastIndexAny(k, sep); i >= 0 {
				last = k[i+1:]
			}
			wi := words[last]
			wi.Flags |= actor.WordEndsRole
			wi.RoleWords = max(wi.RoleWords, bound(tokenSpan(k)))
			words[last] = wi
		}
	}
	for k, es := range d.phrases {
		wi, ok := words[k]
		if !ok {
			continue
		}
		switch es[0].Kind {
		case actor.KindDemonym:
			wi.Flags |= actor.WordDemonym
		case actor.KindCountry:
			wi.Flags |= actor.WordCountry
		}
		words[k] = wi
	}
	return words
}

// bound turns a token count into a WordInfo length bound.
func bound(n int) uint8 { return uint8(min(n, actor.Unbounded)) }
