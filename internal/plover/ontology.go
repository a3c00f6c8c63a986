package plover

// Ontology answers ontology questions about event types for the packages
// that take them through an interface (event.Ontology), so that their tests
// can stand in a small ontology of their own; its zero value is ready to
// use and it holds no state.
type Ontology struct{}

// Quad returns the quad category of the named type.
func (Ontology) Quad(typ EventType) string { return Quad(typ) }

// CameoRoot returns the CAMEO root code of the named type in mode.
func (Ontology) CameoRoot(typ EventType, mode string) string { return CameoRoot(typ, mode) }

// Intensity returns the intensity of the named type in mode.
func (Ontology) Intensity(typ EventType, mode string) float64 { return Intensity(typ, mode) }

// DefaultMode returns the mode of an event whose trigger gives none. PLOVER
// modes are optional, so this is "" for every type: an event recoded by
// negation keeps no mode unless its trigger names one.
func (Ontology) DefaultMode(typ EventType) string { return "" }
