package plover

// PoliticalSector reports the PLOVER actor sectors of the state and of
// organised politics: the government and its organs (GOV, MIL, COP, JUD,
// LEG, SPY), parties, opposition, rebels and other armed or elite political
// actors (PTY, OPP, REB, UAF, PRE, ELI). The others (business, civilians,
// education, media, labour, medicine, refugees, religion, civil society,
// unknown) are society's. Events that PLOVER defines between political
// actors, such as a diplomatic visit, need one of these on each side.
func PoliticalSector(code string) bool {
	switch code {
	case "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "UAF", "PRE", "ELI":
		return true
	}
	return false
}
