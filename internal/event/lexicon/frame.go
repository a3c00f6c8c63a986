package lexicon

import (
	"errors"
	"fmt"
	"strings"
)

// SlotKind says where an event participant sits relative to the trigger.
type SlotKind uint8

// Slot kinds.
const (
	// SlotNone: the trigger takes no such participant ("troops withdrew").
	SlotNone SlotKind = iota
	// SlotSubj: the clause subject ("Iran accused ...").
	SlotSubj
	// SlotObj: the direct object, or the noun phrase right after the
	// pattern ("... accused Israel").
	SlotObj
	// SlotIObj: the first of two objects ("gave Kyiv weapons").
	SlotIObj
	// SlotPoss: the possessor of a nominal trigger ("Russia's invasion").
	SlotPoss
	// SlotPrep: the object of a preposition after the pattern ("talks
	// with X", "sanctions on X", "arrest by X").
	SlotPrep
	// SlotSelf: the actor mention the nominal trigger itself heads, for
	// a noun that names the doers ("the strikers", "hunger strikers").
	SlotSelf
)

var slotNames = [...]string{SlotNone: "none", SlotSubj: "subj", SlotObj: "obj", SlotIObj: "iobj", SlotPoss: "poss", SlotPrep: "prep", SlotSelf: "self"}

// Slot is one participant position.
type Slot struct {
	Kind SlotKind
	// Prep is the preposition of a SlotPrep slot ("with", "against").
	Prep string
	// ToInf marks an object followed by a to-infinitive that states the
	// content of the event ("urged Iran to release ..."): the infinitive
	// belongs to this trigger and is not coded as a separate event.
	ToInf bool
	// Required marks a participant the event cannot do without, written
	// with a final "!" ("obj!"): a match whose slot holds a thing rather
	// than an actor is not the event ("released the prisoners" is a
	// release, "released a statement" is not). The event coder reads it
	// on the object of a verb trigger and on the prepositional object
	// of a noun trigger ("the release of a report"), in whichever frame
	// marks it (Trigger.RequiredRecipient). On the actor ("subj!") it
	// makes an agentless passive of a verb trigger a state, no event
	// (Trigger.RequiredActor).
	Required bool
}

// String returns the slot in frame syntax.
func (s Slot) String() string {
	if s.Required {
		r := s
		r.Required = false
		return r.String() + "!"
	}
	switch {
	case s.Kind == SlotPrep:
		return "prep:" + s.Prep
	case s.ToInf:
		return slotNames[s.Kind] + "+to-inf"
	case int(s.Kind) < len(slotNames):
		return slotNames[s.Kind]
	}
	return fmt.Sprintf("slot(%d)", s.Kind)
}

// Frame says how the actor and the recipient attach to a trigger.
type Frame struct {
	Actor, Recipient Slot
}

// DefaultFrame is the frame of a trigger whose frame column is empty: the
// subject acts on the object.
var DefaultFrame = Frame{Actor: Slot{Kind: SlotSubj}, Recipient: Slot{Kind: SlotObj}}

// String returns the frame in frame syntax, "subj>prep:with".
func (f Frame) String() string { return f.Actor.String() + ">" + f.Recipient.String() }

// ErrFrame is wrapped by every frame syntax error.
var ErrFrame = errors.New("bad frame")

// ParseFrame parses "ACTOR>RECIPIENT", where each side is one of subj,
// obj, iobj, poss, self, none or prep:WORD, and obj or iobj may carry "+to-inf";
// a final "!" makes a participant slot required ("subj>obj!").
// "passive" is shorthand for "prep:by>subj", the frame of a trigger that
// is itself passive ("came under fire from" is written prep:from>subj).
func ParseFrame(s string) (Frame, error) {
	s = strings.TrimSpace(s)
	if s == "passive" {
		return Frame{Actor: Slot{Kind: SlotPrep, Prep: "by"}, Recipient: Slot{Kind: SlotSubj}}, nil
	}
	a, r, ok := strings.Cut(s, ">")
	if !ok {
		return Frame{}, fmt.Errorf("%w: %q: want ACTOR>RECIPIENT", ErrFrame, s)
	}
	as, err := parseSlot(a)
	if err != nil {
		return Frame{}, fmt.Errorf("%w: %q: actor: %v", ErrFrame, s, err)
	}
	rs, err := parseSlot(r)
	if err != nil {
		return Frame{}, fmt.Errorf("%w: %q: recipient: %v", ErrFrame, s, err)
	}
	if as.ToInf {
		return Frame{}, fmt.Errorf("%w: %q: +to-inf belongs on the recipient", ErrFrame, s)
	}
	if rs.Kind == SlotSelf {
		return Frame{}, fmt.Errorf("%w: %q: self names the doers, so it is only an actor", ErrFrame, s)
	}
	if as.Kind != SlotNone && as.Kind == rs.Kind && as.Prep == rs.Prep {
		return Frame{}, fmt.Errorf("%w: %q: actor and recipient in the same slot", ErrFrame, s)
	}
	return Frame{Actor: as, Recipient: rs}, nil
}

func parseSlot(s string) (Slot, error) {
	if base, ok := strings.CutSuffix(s, "!"); ok {
		sl, err := parseSlot(base)
		if err != nil {
			return Slot{}, err
		}
		if sl.Kind == SlotNone || sl.Required {
			return Slot{}, fmt.Errorf("%q: only a participant slot can be required", s)
		}
		sl.Required = true
		return sl, nil
	}
	if p, ok := strings.CutPrefix(s, "prep:"); ok {
		if p == "" {
			return Slot{}, errors.New("prep: needs a preposition")
		}
		for i := 0; i < len(p); i++ {
			if p[i] < 'a' || p[i] > 'z' {
				return Slot{}, fmt.Errorf("preposition %q is not lower-case letters", p)
			}
		}
		return Slot{Kind: SlotPrep, Prep: p}, nil
	}
	base, toInf := strings.CutSuffix(s, "+to-inf")
	for k, n := range slotNames {
		if n == base && SlotKind(k) != SlotPrep {
			if toInf && SlotKind(k) != SlotObj && SlotKind(k) != SlotIObj {
				return Slot{}, fmt.Errorf("+to-inf only follows obj or iobj, not %q", base)
			}
			return Slot{Kind: SlotKind(k), ToInf: toInf}, nil
		}
	}
	return Slot{}, fmt.Errorf("unknown slot %q (want subj, obj, iobj, poss, self, none or prep:WORD)", s)
}
