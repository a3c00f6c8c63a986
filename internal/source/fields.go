package source

import (
	"fmt"
	"strings"
)

// field indexes the dateline fields a record can supply.
type field int

const (
	fieldID field = iota
	fieldDate
	fieldTitle
	fieldText
	fieldURL
	fieldSource
	numFields
)

// FieldNames are the dateline fields that Options.Fields may map.
var FieldNames = []string{"id", "date", "title", "text", "url", "source"}

// defaultAliases are the input names tried, in order, for a field the user
// did not map. They cover the column names of common news dumps.
var defaultAliases = [numFields][]string{
	fieldID:     {"id", "doc_id", "docid", "aid", "guid", "uuid"},
	fieldDate:   {"date", "published", "published_at", "publish_date", "pubdate", "publication_date", "date_published", "datetime", "timestamp"},
	fieldTitle:  {"title", "headline"},
	fieldText:   {"text", "body", "content", "article", "story", "maintext"},
	fieldURL:    {"url", "link", "href", "source_url"},
	fieldSource: {"source", "outlet", "publisher", "source_name", "site", "domain"},
}

// fieldMap holds, per dateline field, the input names to look for and
// whether they came from the user (and so must match exactly).
type fieldMap struct {
	names  [numFields][]string
	mapped [numFields]bool
}

func newFieldMap(m map[string]string) (fieldMap, error) {
	var fm fieldMap
	fm.names = defaultAliases
	for k, v := range m {
		i := fieldIndex(k)
		if i < 0 {
			return fm, fmt.Errorf("source: field mapping %s=%s: unknown dateline field %q (want one of %s)", k, v, k, strings.Join(FieldNames, ", "))
		}
		if v == "" {
			return fm, fmt.Errorf("source: field mapping %s=: empty input field name", k)
		}
		fm.names[i] = []string{v}
		fm.mapped[i] = true
	}
	return fm, nil
}

func fieldIndex(name string) field {
	for i, n := range FieldNames {
		if strings.EqualFold(n, name) {
			return field(i)
		}
	}
	return -1
}

// describe names the input fields tried for f, for error messages.
func (fm *fieldMap) describe(f field) string {
	if fm.mapped[f] {
		return fmt.Sprintf("field %q (mapped from %s)", fm.names[f][0], FieldNames[f])
	}
	return fmt.Sprintf("%s field (tried %s)", FieldNames[f], strings.Join(fm.names[f], ", "))
}

// columns resolves the fields against a header row: the result gives, per
// field, the column index or -1. Unmapped fields match case-insensitively.
func (fm *fieldMap) columns(header []string) [numFields]int {
	var cols [numFields]int
	for f := range cols {
		cols[f] = -1
		for _, name := range fm.names[f] {
			for i, h := range header {
				h = strings.TrimSpace(h)
				if h == name || (!fm.mapped[f] && strings.EqualFold(h, name)) {
					cols[f] = i
					break
				}
			}
			if cols[f] >= 0 {
				break
			}
		}
	}
	return cols
}
