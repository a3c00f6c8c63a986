package plover

// Ontology answers ontology questions about types given by name. It is the
// adapter for packages that carry types as strings (doc.Event.Type); its
// zero value is ready to use and it holds no state.
type Ontology struct{}

// Quad returns the quad category of the named type.
func (Ontology) Quad(typ string) string { return Quad(EventType(typ)) }

// CameoRoot returns the CAMEO root code of the named type in mode.
func (Ontology) CameoRoot(typ, mode string) string { return CameoRoot(EventType(typ), mode) }

// Intensity returns the intensity of the named type in mode.
func (Ontology) Intensity(typ, mode string) float64 { return Intensity(EventType(typ), mode) }

// DefaultMode returns the mode of an event whose trigger gives none. PLOVER
// modes are optional, so this is "" for every type: an event recoded by
// negation keeps no mode unless its trigger names one.
func (Ontology) DefaultMode(typ string) string { return "" }

// ValidType reports whether typ names a type exactly.
func (Ontology) ValidType(typ string) bool { return EventType(typ).Valid() }

// ValidMode reports whether mode is a mode of the named type.
func (Ontology) ValidMode(typ, mode string) bool { return ValidMode(EventType(typ), mode) }
