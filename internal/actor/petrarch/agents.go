package petrarch

import (
	"io"
	"strings"
)

// Agent is one agent entry: the nouns it covers and its CAMEO role code.
type Agent struct {
	// Names are the normalized nouns: the singular, then the plural(s),
	// or every expansion of a substitution set.
	Names []string
	// Code is the role code without its '~' ("~GOV" -> "GOV").
	Code string
	// Prefix is true for codes written "CODE~": PETRARCH puts them before
	// the actor's code (organizations: "NGO~" gives NGO+FRA, not FRA+NGO).
	Prefix bool
	File   string
	Line   int
}

// ReadAgents reads an agent dictionary; name is used in errors and rules.
// Regular plurals are generated unless the entry gives "{plural}" or "{}".
// PETRARCH adds S, or IES after Y, or ES after SS; this reader uses the
// ordinary English rules instead (a Y after a vowel takes S; SS, US, X, Z,
// CH and SH take ES; other nouns in S are taken to be plural already),
// which agree on the common cases and avoid forms like "attornies" and
// "forcess". Nouns built from a substitution set get no plural.
func ReadAgents(r io.Reader, name string) ([]Agent, []ParseError, error) {
	file := baseName(name)
	var errs []ParseError
	lr := newLineReader(r, file, &errs)
	subst := map[string][]string{}
	var out []Agent
	for {
		line, n, ok, err := lr.next()
		if err != nil {
			return out, errs, err
		}
		if !ok {
			break
		}
		s := strings.TrimSpace(line)
		if s[0] == '!' && strings.Contains(s, "=") && !strings.Contains(s, "[") {
			lr.defineSet(subst, s, n)
			continue
		}
		if ag, ok := lr.parseAgent(subst, s, n); ok {
			ag.File, ag.Line = file, n
			out = append(out, ag)
		}
	}
	return out, errs, nil
}

// defineSet reads "!NAME! = A, B, C".
func (lr *lineReader) defineSet(subst map[string][]string, s string, n int) {
	key, list, _ := strings.Cut(s, "=")
	key = strings.ToUpper(strings.TrimSpace(key))
	if len(key) < 3 || key[len(key)-1] != '!' || strings.Count(key, "!") != 2 {
		lr.errorf(n, "substitution set name %q is not !NAME!", key)
		return
	}
	var vals []string
	for v := range strings.SplitSeq(list, ",") {
		if v = strings.TrimSpace(v); v != "" {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		lr.errorf(n, "substitution set %s is empty", key)
		return
	}
	if _, dup := subst[key]; dup {
		lr.errorf(n, "substitution set %s redefined", key)
	}
	subst[key] = vals
}

// parseAgent reads "NOUN {PLURAL} [~CODE]".
func (lr *lineReader) parseAgent(subst map[string][]string, s string, n int) (Agent, bool) {
	open := strings.IndexByte(s, '[')
	if open < 0 {
		lr.errorf(n, "agent %q has no [code]", s)
		return Agent{}, false
	}
	end := strings.IndexByte(s[open:], ']')
	if end < 0 {
		lr.errorf(n, "unclosed '[' in %q", s)
		return Agent{}, false
	}
	end += open
	if rest := strings.TrimSpace(s[end+1:]); rest != "" {
		lr.errorf(n, "text %q after the code ignored", rest)
	}
	ag := Agent{}
	code := strings.ToUpper(strings.TrimSpace(s[open+1 : end]))
	switch {
	case strings.HasPrefix(code, "~"):
		ag.Code = strings.TrimSpace(code[1:])
	case strings.HasSuffix(code, "~"):
		ag.Code, ag.Prefix = strings.TrimSpace(code[:len(code)-1]), true
	default:
		lr.errorf(n, "agent code [%s] has no '~'", code)
		return Agent{}, false
	}
	if ag.Code == "" || strings.ContainsAny(ag.Code, "~ \t[]{}") {
		lr.errorf(n, "bad agent code [%s]", code)
		return Agent{}, false
	}

	noun, plural, hasPlural := s[:open], "", false
	if i := strings.IndexByte(noun, '{'); i >= 0 {
		j := strings.IndexByte(noun[i:], '}')
		if j < 0 {
			lr.errorf(n, "unclosed '{' in %q", s)
			return Agent{}, false
		}
		plural, hasPlural = noun[i+1:i+j], true
		if strings.TrimSpace(noun[i+j+1:]) != "" {
			lr.errorf(n, "text after the {plural} ignored")
		}
		noun = noun[:i]
	}
	if strings.ContainsAny(noun, "}]") {
		lr.errorf(n, "stray bracket in noun %q", strings.TrimSpace(noun))
		return Agent{}, false
	}
	if Normalize(noun) == "" {
		lr.errorf(n, "agent has no noun")
		return Agent{}, false
	}

	if strings.Contains(noun, "!") {
		forms, ok := lr.expand(subst, noun, n)
		if !ok {
			return Agent{}, false
		}
		if hasPlural && strings.TrimSpace(plural) != "" {
			pf, ok := lr.expand(subst, plural, n)
			if ok {
				forms = append(forms, pf...)
			}
		}
		for _, f := range forms {
			ag.Names = appendUnique(ag.Names, Normalize(f))
		}
		return ag, true
	}
	sing := Normalize(noun)
	ag.Names = append(ag.Names, sing)
	switch {
	case !hasPlural:
		ag.Names = appendUnique(ag.Names, Plural(sing))
	case Normalize(plural) != "":
		ag.Names = appendUnique(ag.Names, Normalize(plural))
	}
	return ag, true
}

// expand replaces every !NAME! marker in s by each member of its set.
func (lr *lineReader) expand(subst map[string][]string, s string, n int) ([]string, bool) {
	forms := []string{""}
	for s != "" {
		i := strings.IndexByte(s, '!')
		if i < 0 {
			for k := range forms {
				forms[k] += s
			}
			break
		}
		j := strings.IndexByte(s[i+1:], '!')
		if j < 0 {
			lr.errorf(n, "unclosed substitution marker in %q", s)
			return nil, false
		}
		key := strings.ToUpper(s[i : i+j+2])
		vals, ok := subst[key]
		if !ok {
			lr.errorf(n, "substitution set %s is not defined", key)
			return nil, false
		}
		if len(forms)*len(vals) > 1024 {
			lr.errorf(n, "substitution sets expand to too many nouns")
			return nil, false
		}
		next := make([]string, 0, len(forms)*len(vals))
		for _, f := range forms {
			for _, v := range vals {
				next = append(next, f+s[:i]+v)
			}
		}
		forms = next
		s = s[i+j+2:]
	}
	return forms, true
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// Plural returns the regular English plural of a normalized phrase by
// inflecting its last word.
func Plural(s string) string {
	if s == "" {
		return s
	}
	n := len(s)
	last := s[n-1]
	switch {
	case last == 'y' && n >= 2 && !strings.ContainsRune("aeiou", rune(s[n-2])):
		return s[:n-1] + "ies"
	case strings.HasSuffix(s, "ss") || strings.HasSuffix(s, "us") || last == 'x' || last == 'z' ||
		strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh"):
		return s + "es"
	case last == 's':
		// "hussars", "marching orders": already plural.
		return ""
	case last >= 'a' && last <= 'z':
		return s + "s"
	default:
		// "model-1900", "(ret)": no sensible plural to generate.
		return ""
	}
}
