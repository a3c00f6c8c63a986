package doc

import (
	"reflect"
	"strings"
	"testing"
)

var spanType = reflect.TypeOf(Span{})

// docPtrType is the title's own Doc (Doc.TitleDoc): its offsets index the
// title, not the text, so MapOffsets leaves it alone and so do these
// walks, which would otherwise recurse without end.
var docPtrType = reflect.TypeOf(&Doc{})

// fill gives every Span reachable from v the value s, making one element
// of each slice and allocating each pointer on the way.
func fill(v reflect.Value, s Span) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == spanType {
			v.Set(reflect.ValueOf(s))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), s)
			}
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		}
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), s)
		}
	case reflect.Pointer:
		if v.Type() == docPtrType {
			return
		}
		if v.Type().Elem().Kind() == reflect.Struct {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			fill(v.Elem(), s)
		}
	}
}

// spans lists the Spans reachable from v with their paths.
func spans(v reflect.Value, path string, out map[string]Span) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == spanType {
			out[path] = v.Interface().(Span)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				spans(v.Field(i), path+"."+f.Name, out)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			spans(v.Index(i), path+"[]", out)
		}
	case reflect.Pointer:
		if !v.IsNil() && v.Type() != docPtrType {
			spans(v.Elem(), path, out)
		}
	}
}

// TestMapOffsetsCoversEverySpan fails when a layer gains a Span that
// MapOffsets does not move: its offsets would point into the NFC text
// the stages saw instead of the text the user gave.
func TestMapOffsetsCoversEverySpan(t *testing.T) {
	d := &Doc{Text: "0123456789"}
	fill(reflect.ValueOf(d).Elem(), Span{Start: 2, End: 5})
	d.Warnings = []Warning{{Offset: 2}, {Offset: -1}}
	d.MapOffsets(func(o int) int { return o + 1 }, func(o int) int { return o + 2 })
	got := map[string]Span{}
	spans(reflect.ValueOf(d).Elem(), "Doc", got)
	if len(got) < 15 {
		t.Fatalf("found only %d spans: %v", len(got), got)
	}
	for path, s := range got {
		if s != (Span{Start: 3, End: 7}) {
			t.Errorf("%s = %+v after MapOffsets, want {3 7}", path, s)
		}
	}
	if d.Warnings[0].Offset != 3 || d.Warnings[1].Offset != -1 {
		t.Errorf("warning offsets = %d, %d; want 3, -1", d.Warnings[0].Offset, d.Warnings[1].Offset)
	}
	for _, ev := range d.Events {
		for _, a := range append(ev.Actors, ev.Recipients...) {
			if a.RawText != "3456" {
				t.Errorf("event actor raw text %q, want it taken again from the text", a.RawText)
			}
		}
	}
}

func TestMapOffsetsKeepsEmptySpansEmpty(t *testing.T) {
	d := &Doc{Quotes: []Quote{{Span: Span{Start: 1, End: 4}}}}
	d.MapOffsets(func(o int) int { return o }, func(o int) int { return o + 1 })
	if q := d.Quotes[0]; q.Cue != (Span{}) || q.SpeakerMention != (Span{}) || q.Span != (Span{Start: 1, End: 5}) {
		t.Errorf("quote after MapOffsets = %+v", q)
	}
}

func TestAuxNames(t *testing.T) {
	for _, tc := range []struct {
		aux  Aux
		want string
	}{
		{0, ""},
		{AuxComplement | AuxFuture, "future,complement"},
		{AuxHypothetical | AuxConditional, "hypothetical,conditional"},
	} {
		got := tc.aux.Names()
		if got == nil || strings.Join(got, ",") != tc.want {
			t.Errorf("%08b.Names() = %#v, want %q", tc.aux, got, tc.want)
		}
	}
	if !(AuxFuture | AuxComplement).Has(AuxComplement) || AuxFuture.Has(AuxFuture|AuxComplement) {
		t.Error("Has disagrees with the bits")
	}
}
