package petrarch

import (
	"sort"
	"strings"
)

// CAMEO actor codes are runs of three-character codes: a country (or a
// region, or an international-actor type) and then role, religion and
// ethnicity codes, as in AZEGOVMIL. dateline codes an actor as one country
// (ISO 3166-1 alpha-3) plus sector codes, so SplitCode cuts the run and
// translates the country part.

// cameoToISO lists the country codes that CAMEO and the Phoenix
// dictionaries write differently from ISO 3166-1 alpha-3. Codes of states
// that no longer exist (CSK, DDR, YUG, SCG) are kept as ISO 3166-3 left
// them.
var cameoToISO = map[string]string{
	"USR": "SUN", // Soviet Union: ISO's former alpha-3
	"TMP": "TLS", // East Timor
	"KSV": "XKX", // Kosovo: the user-assigned code in common use
	"ROM": "ROU", // Romania: CAMEO's older code
	"ZAR": "COD", // Zaire
	"PAL": "PSE", // Palestine: CAMEO's older code
	"GMW": "DEU", // West Germany kept DEU
	"GME": "DDR", // East Germany
}

// extraCountries are country codes that are neither current ISO alpha-3
// nor in cameoToISO but that CAMEO dictionaries use for a state or
// state-like entity.
var extraCountries = set("SUN CSK DDR YUG SCG KRJ SRP KNT XKX")

// regions are CAMEO's regional codes; they fill the country slot because
// they answer "where is this actor from" at a coarser grain.
var regions = set("AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF WEU WST")

// international are the CAMEO types that stand where a country would,
// for actors that belong to no one state. The code after them names the
// organization's home (IGOUNO, MNCUSA, NGOGBR) when there is one.
var international = set("IGO NGO IMG MNC NGM INT UIS")

// sectorLike are codes that may follow an international type and must not
// be read as a country even where ISO has the same letters (IMGMUS is a
// Muslim militant group, not a Mauritian one; SUN after NGO is Sunni).
var sectorLike = set("MUS SUN MOS SHI CHR JEW HIN BUD SIK BAH CTH PRO ORT TAO " +
	"AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF REL MOD RAD " +
	"COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF")

// igoBodies are codes naming an intergovernmental body itself (United
// Nations, Commonwealth, OPEC...), read as the country slot after IGO.
var igoBodies = set("UNO CWN OAS OPC ARB IPU NON GOE GOS")

// SplitCode translates a CAMEO/Phoenix actor code into dateline's coding:
// a country (ISO 3166-1 alpha-3, a historic ISO 3166-3 code, a CAMEO
// region, or an international body such as UNO) and the remaining codes as
// sectors. "AZEGOV" gives AZE, [GOV]; "USAMILSPY" gives USA, [MIL SPY];
// "IGOUNO" gives UNO, [IGO]; "MNCUSA" gives USA, [MNC]; "IMGMUSALQ"
// gives "", [IMG MUS ALQ]; "MED" gives "", [MED]. The null code, an empty
// code and compound codes ("AAA/BBB"; see Code.Parts) give "", nil.
func SplitCode(code string) (country string, sectors []string) {
	if code == "" || code == NullCode || strings.ContainsAny(code, "/+") {
		return "", nil
	}
	chunks := chunk3(strings.ToUpper(code))
	first := chunks[0]
	switch {
	case international[first]:
		if len(chunks) > 1 {
			second := chunks[1]
			if !sectorLike[second] && (isCountry(second) || (first == "IGO" && igoBodies[second])) {
				rest := append([]string{first}, chunks[2:]...)
				return countryCode(second), rest
			}
		}
		return "", chunks
	case isCountry(first):
		if len(chunks) == 1 {
			return countryCode(first), nil
		}
		return countryCode(first), chunks[1:]
	default:
		return "", chunks
	}
}

// IsRegion reports whether a code (as SplitCode returns it) is a CAMEO
// region rather than a country.
func IsRegion(code string) bool { return regions[code] }

func isCountry(c string) bool {
	if len(c) != 3 {
		return false
	}
	_, mapped := cameoToISO[c]
	return mapped || iso3[c] || extraCountries[c] || regions[c]
}

func countryCode(c string) string {
	if iso, ok := cameoToISO[c]; ok {
		return iso
	}
	return c
}

// chunk3 cuts s into three-character pieces; a short tail stays whole.
func chunk3(s string) []string {
	out := make([]string, 0, (len(s)+2)/3)
	for len(s) > 3 {
		out = append(out, s[:3])
		s = s[3:]
	}
	return append(out, s)
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// iso3 is ISO 3166-1 alpha-3 (all 249 officially assigned codes).
var iso3 = set(`
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM
GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN
KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN
PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA
SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE`)

// StateCodes returns the country codes SplitCode can give besides ISO
// 3166-1 alpha-3 ones: former states (SUN, YUG…) and the other state-like
// entities CAMEO codes, sorted. Regions are not among them: they never
// become a country code.
func StateCodes() []string {
	seen := map[string]bool{}
	for c := range extraCountries {
		seen[c] = true
	}
	for _, iso := range cameoToISO {
		if !iso3[iso] {
			seen[iso] = true
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
