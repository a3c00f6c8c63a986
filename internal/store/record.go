package store

import (
	"strings"

	"github.com/dateline-project/dateline/internal/output"
)

// Helpers that turn a record into the rows every backend stores, so that
// the backends file the same event under the same day and actor.

// DocDay is the day a document's undated events are filed under: the
// dateline's date, else the publication date ("" when neither is known).
func DocDay(r *output.Record) string {
	if r.Dateline != nil && r.Dateline.Date != nil && *r.Dateline.Date != "" {
		return *r.Dateline.Date
	}
	if r.Published != nil {
		return *r.Published
	}
	return ""
}

// EventDay is the day ev is filed under: its own date, else docDay (the
// document's DocDay).
func EventDay(ev *output.Event, docDay string) string {
	if ev.Date != nil && *ev.Date != "" {
		return *ev.Date
	}
	return docDay
}

// FirstActor is the first block of bs, or the zero block when there is
// none; the events tables keep the first actor and recipient in columns.
func FirstActor(bs []output.ActorBlock) output.ActorBlock {
	if len(bs) == 0 {
		return output.ActorBlock{}
	}
	return bs[0]
}

// SectorCodes lists b's primary and other sector codes, without blanks.
func SectorCodes(b output.ActorBlock) []string {
	out := make([]string, 0, 1+len(b.OtherSectorCodes))
	for _, s := range append([]string{b.SectorCode}, b.OtherSectorCodes...) {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// LikeEscape makes s a literal inside a LIKE pattern whose escape
// character is a backslash (SQLite's ESCAPE '\', PostgreSQL's default).
func LikeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
