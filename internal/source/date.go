package source

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are tried in order. Layouts without a zone are read as UTC.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05-0700",
	time.RFC1123,
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822,
	time.RFC822Z,
	time.ANSIC,
	time.UnixDate,
	"2006/01/02",
	"2006.01.02",
	"20060102",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Jan 2 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"2006-01",
}

// errBadDate is returned for a date none of the layouts accept.
var errBadDate = errors.New("unrecognised date")

// parseDate reads a publication date in any of the common forms: ISO 8601
// dates and times, RFC 3339, RFC 1123/822 (feeds, HTTP), written-out
// English dates, and Unix seconds or milliseconds. The result is in UTC; a
// time with a zone is converted, so "2023-09-16T23:30:00-05:00" is the 17th
// in UTC.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, errBadDate
	}
	if t, ok := parseUnix(s); ok {
		return t, nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	// "Sept." and "Sept" are common in news copy but unknown to time.Parse.
	if strings.Contains(s, "Sept") {
		r := strings.NewReplacer("Sept.", "Sep", "Sept ", "Sep ")
		if t := r.Replace(s); t != s {
			return parseDate(t)
		}
	}
	if strings.Contains(s, ".") {
		if t, err := parseNoDots(s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errBadDate
}

// parseNoDots retries abbreviated month names written with a full stop
// ("Oct. 3, 2023", "3 Oct. 2023").
func parseNoDots(s string) (time.Time, error) {
	for _, m := range []string{"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."} {
		if strings.Contains(s, m) {
			t := strings.Replace(s, m, m[:3], 1)
			for _, l := range dateLayouts {
				if d, err := time.Parse(l, t); err == nil {
					return d.UTC(), nil
				}
			}
		}
	}
	return time.Time{}, errBadDate
}

// parseUnix reads Unix seconds (9–10 digits) or milliseconds (12–13 digits).
func parseUnix(s string) (time.Time, bool) {
	if len(s) < 9 || len(s) > 13 || len(s) == 11 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false
	}
	if len(s) >= 12 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}
