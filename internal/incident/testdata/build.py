#!/usr/bin/env python3
"""Writes incidents.jsonl, the incident test set, from the table below.

The articles are invented; their places are real, with the ids and points
dateline's gazetteer (data/gazetteer) gives them, so that distances between
reports are the distances the coder would produce. Run from this directory:
python3 build.py > incidents.jsonl. See README.md.
"""
import json

# key: (name, geonameid, country, lat, lon, ACLED precision). Countries sit
# at their centre (data/gazetteer/country_centres.tsv), first-level
# divisions at GeoNames' point for them.
PLACES = {
    "mogadishu": ("Mogadishu", 53654, "SOM", 2.03711, 45.34375, 1),
    "banaadir": ("Banaadir", -203203, "SOM", 2.03711, 45.34375, 3),
    "somalia": ("Somalia", 51537, "SOM", 10, 49, 3),
    "nairobi": ("Nairobi", 184745, "KEN", -1.28333, 36.81667, 1),
    "nairobi-county": ("Nairobi County", -201544, "KEN", -1.1583, 36.943, 3),
    "kenya": ("Kenya", 192950, "KEN", 1, 38, 3),
    "machakos": ("Machakos", 188492, "KEN", -1.52233, 37.26521, 1),
    "istanbul": ("Istanbul", 745044, "TUR", 41.01384, 28.94966, 1),
    "turkey": ("Turkey", 298795, "TUR", 39, 35, 3),
    "tbilisi": ("Tbilisi", 611717, "GEO", 41.69411, 44.83368, 1),
    "georgia": ("Georgia", 614540, "GEO", 42, 43.5, 3),
    "maru": ("Maru", 2330717, "NGA", 12.3336, 6.40372, 1),
    "maru-lga": ("Maru", -328771, "NGA", 11.81491, 6.44955, 2),
    "zamfara": ("Zamfara State", -202381, "NGA", 12.18459, 6.01929, 3),
    "gusau": ("Gusau", 2339937, "NGA", 12.17024, 6.66412, 1),
    "kaduna": ("Kaduna", 2335727, "NGA", 10.52641, 7.43879, 1),
    "kaduna-state": ("Kaduna State", -202350, "NGA", 10.31002, 7.63172, 3),
    "zaria": ("Zaria", 2317765, "NGA", 11.11128, 7.7227, 1),
    "doha": ("Doha", 290030, "QAT", 25.28545, 51.53096, 1),
    "qatar": ("Qatar", 289688, "QAT", 25.5, 51.25, 3),
    "maiduguri": ("Maiduguri", 2331447, "NGA", 11.84692, 13.15712, 1),
    "borno": ("Borno State", -202354, "NGA", 11.94642, 13.03771, 3),
    "dakar": ("Dakar", 2253354, "SEN", 14.6937, -17.44406, 1),
    "senegal": ("Senegal", 2245662, "SEN", 14, -14, 3),
    "ouagadougou": ("Ouagadougou", 2357048, "BFA", 12.36566, -1.53388, 1),
    "burkina": ("Burkina Faso", 2361809, "BFA", 13, -2, 3),
    "manipur": ("Manipur", -201357, "IND", 24.96447, 93.81849, 3),
    "imphal-east": ("Imphal East", -318049, "IND", 24.70902, 93.91644, 2),
    "india": ("India", 1269750, "IND", 20, 77, 3),
    "saraqib": ("Saraqib", 164816, "SYR", 35.86447, 36.80591, 1),
    "idlib": ("Idlib", 169389, "SYR", 35.93062, 36.63393, 1),
    "idlib-gov": ("Idlib", -203267, "SYR", 35.82731, 36.62064, 3),
    "sarmin": ("Sarmin", 164782, "SYR", 35.90403, 36.72501, 1),
    "gao": ("Gao", 2457163, "MLI", 16.27167, -0.04472, 1),
    "gao-region": ("Gao", -202085, "MLI", 16.30735, 1.39625, 3),
    "mali": ("Mali", 2453866, "MLI", 17, -4, 3),
    "lima": ("Lima", 3936456, "PER", -12.04318, -77.02824, 1),
    "peru": ("Peru", 3932488, "PER", -10, -76, 3),
    "manila": ("Manila", 1701668, "PHL", 14.6042, 120.9822, 1),
    "kyiv": ("Kyiv", 703448, "UKR", 50.45466, 30.5238, 1),
    "kyiv-oblast": ("Kyiv Oblast", -203591, "UKR", 50.44575, 30.78675, 3),
    "bila-tserkva": ("Bila Tserkva", 712165, "UKR", 49.8004, 30.12851, 1),
    "ecuador": ("Ecuador", 3658394, "ECU", -2, -77.5, 3),
    "quito": ("Quito", 3652462, "ECU", -0.22985, -78.52495, 1),
}

OUTLETS = {
    "GD": "Global Desk", "HO": "Horn Observer", "DM": "Daily Meridian",
    "RS": "Radio Savanna", "FM": "Frontline Monitor", "EC": "Eastern Courier",
    "CP": "Continental Post", "SN": "The Sentinel", "AN": "Atlas News",
    "CT": "Caucasus Today", "SB": "Sahel Briefing", "PL": "Pacific Ledger",
    "AH": "Andes Herald",
}


def a(*codes):
    """Actors from "CCC SSS" strings; either part may be missing."""
    out = []
    for c in codes:
        country, _, sector = c.partition(" ")
        d = {}
        if country and country != "-":
            d["country_code"] = country
        if sector:
            d["sector_code"] = sector
        out.append(d)
    return out


# Each incident: gold label, type, mode, then its reports as
# (doc, event number, duplicate_of doc or None, actors, recipients, date,
#  precision, place key or None, published, confidence, text), optionally
# followed by a dict of fields that differ from the incident's ({"mode": ""}
# for a report coded without the mode).
# A document is named OUTLET-number; its outlet is OUTLETS[prefix].
INCIDENTS = [
    ("mog-market-bomb", "ASSAULT", "explosives", [
        ("GD-101", 1, None, a("SOM REB"), a("SOM CVL"), "2025-03-14", "day", "mogadishu", "2025-03-14T10:20:00Z", 0.92,
         "A car bomb tore through the Bakara-side market in Mogadishu on Friday, killing at least nine; al-Shabaab said it was behind it."),
        ("HO-201", 1, None, a("SOM REB"), a("SOM CVL"), "2025-03-14", "day", "mogadishu", "2025-03-14T13:05:00Z", 0.88,
         "Militants detonated explosives at a Mogadishu market on Friday, witnesses said, as shoppers gathered before prayers."),
        ("DM-301", 1, "GD-101", a("SOM REB"), a("SOM CVL"), "2025-03-14", "day", "mogadishu", "2025-03-14T14:00:00Z", 0.92,
         "(Syndicated) A car bomb tore through a market in Mogadishu on Friday, killing at least nine."),
        ("RS-401", 1, None, [], a("SOM CVL"), "", "published", "banaadir", "2025-03-15T06:30:00Z", 0.70,
         "Families in Banaadir buried the dead after an explosion ripped through a busy market."),
        ("FM-501", 1, None, a("SOM REB"), a("SOM CVL"), "2025-03-01", "month", "somalia", "2025-03-31T18:00:00Z", 0.60,
         "Monthly security review: in March an insurgent car bomb at a Mogadishu market caused the heaviest toll."),
    ]),
    ("mog-market-bomb-2", "ASSAULT", "explosives", [
        ("GD-102", 1, None, a("SOM REB"), a("SOM CVL"), "2025-03-21", "day", "mogadishu", "2025-03-21T09:00:00Z", 0.90,
         "A week after the market attack, another car bomb exploded near a Mogadishu bus station on Friday."),
        ("HO-202", 1, None, a("SOM REB"), a("SOM CVL"), "2025-03-21", "day", "mogadishu", "2025-03-21T12:00:00Z", 0.85,
         "Al-Shabaab struck Mogadishu again on Friday with a bomb near the main bus station."),
        ("EC-601", 1, None, a("SOM REB"), a("SOM CVL"), "", "published", "mogadishu", "2025-03-22T07:00:00Z", 0.75,
         "Mogadishu residents count the cost of a bomb blast at the bus station."),
    ]),
    ("nairobi-protest", "PROTEST", "demo", [
        ("CP-111", 1, None, a("KEN CVL"), a("KEN GOV"), "2025-06-25", "day", "nairobi", "2025-06-25T15:00:00Z", 0.90,
         "Thousands marched through central Nairobi on Wednesday against the finance bill."),
        ("SN-121", 1, None, a("KEN CVL", "KEN EDU"), a("KEN GOV"), "2025-06-25", "day", "nairobi", "2025-06-25T18:00:00Z", 0.85,
         "Students and young protesters filled Nairobi's streets on Wednesday, demanding the government drop new taxes."),
        ("AN-131", 1, None, a("KEN CVL"), a("KEN"), "2025-06-26", "day", "nairobi", "2025-06-26T01:10:00Z", 0.80,
         "Protesters rallied in Nairobi against the Kenyan government's tax plans (dated a day late by a 'Wednesday' read after midnight)."),
        ("RS-141", 1, None, a("KEN CVL"), [], "", "published", "nairobi-county", "2025-06-26T05:00:00Z", 0.65,
         "Shops in Nairobi County reopened after the protest."),
        ("GD-151", 1, None, a("KEN CVL"), a("KEN GOV"), "2025-06-25", "day", "kenya", "2025-06-25T20:00:00Z", 0.80,
         "Kenya saw its largest demonstration of the year on Wednesday, centred on the capital."),
    ]),
    ("machakos-protest", "PROTEST", "demo", [
        ("SN-122", 1, None, a("KEN CVL"), a("KEN GOV"), "2025-06-25", "day", "machakos", "2025-06-25T19:00:00Z", 0.80,
         "In Machakos, some 57 km from the capital, hundreds also marched against the bill on Wednesday."),
        ("EC-602", 1, None, a("KEN CVL"), [], "", "published", "machakos", "2025-06-26T04:00:00Z", 0.70,
         "Machakos traders counted losses after demonstrators blocked the town centre."),
    ]),
    ("istanbul-arrests", "COERCE", "arrest", [
        ("AN-132", 1, None, a("TUR COP"), a("TUR JRN"), "2025-02-11", "day", "istanbul", "2025-02-11T09:30:00Z", 0.90,
         "Istanbul police detained six journalists in dawn raids on Tuesday."),
        ("CP-112", 1, None, a("TUR COP"), a("TUR JRN", "TUR CVL"), "2025-02-11", "day", "istanbul", "2025-02-11T11:00:00Z", 0.85,
         "Six reporters and a lawyer were taken into custody in Istanbul on Tuesday."),
        ("GD-152", 1, None, a("TUR"), a("TUR JRN"), "", "published", "turkey", "2025-02-12T08:00:00Z", 0.70,
         "Press freedom groups condemned Turkey's detention of journalists."),
        ("HO-203", 1, "AN-132", a("TUR COP"), a("TUR JRN"), "2025-02-11", "day", "istanbul", "2025-02-11T16:00:00Z", 0.90,
         "(Syndicated) Istanbul police detained six journalists in dawn raids on Tuesday."),
    ]),
    ("tbilisi-rally", "PROTEST", "demo", [
        ("CT-161", 1, None, a("GEO OPP"), a("GEO GOV"), "2025-05-03", "day", "tbilisi", "2025-05-03T19:00:00Z", 0.90,
         "Opposition supporters rallied outside parliament in Tbilisi on Saturday."),
        ("GD-153", 1, None, a("GEO CVL", "GEO OPP"), a("GEO GOV"), "2025-05-03", "day", "tbilisi", "2025-05-03T21:00:00Z", 0.85,
         "Tens of thousands of Georgians and opposition leaders filled Rustaveli Avenue in Tbilisi on Saturday."),
        ("EC-603", 1, None, a("GEO OPP"), [], "", "published", "tbilisi", "2025-05-04T07:00:00Z", 0.70,
         "Tbilisi's opposition rally ended peacefully overnight."),
    ]),
    ("tbilisi-rally-2", "PROTEST", "demo", [
        ("CT-162", 1, None, a("GEO OPP"), a("GEO GOV"), "2025-05-10", "day", "tbilisi", "2025-05-10T19:30:00Z", 0.90,
         "A week on, the opposition returned to the streets of Tbilisi on Saturday."),
        ("AN-133", 1, None, a("GEO OPP"), a("GEO GOV"), "2025-05-10", "day", "tbilisi", "2025-05-10T20:00:00Z", 0.80,
         "Georgia's opposition held a second Saturday rally in Tbilisi."),
        ("GD-154", 1, None, a("GEO OPP"), a("GEO GOV"), "", "published", "georgia", "2025-05-11T06:00:00Z", 0.65,
         "Georgia's government dismissed the weekend protest as small."),
    ]),
    ("zamfara-raid", "ASSAULT", "firearms", [
        ("SB-171", 1, None, a("NGA CRM"), a("NGA CVL"), "2025-01-19", "day", "maru", "2025-01-20T09:00:00Z", 0.85,
         "Bandits on motorcycles shot dead 14 villagers near Maru on Sunday."),
        ("CP-113", 1, None, [], a("NGA CVL"), "2025-01-19", "day", "maru-lga", "2025-01-20T10:30:00Z", 0.80,
         "Gunmen attacked a village in Maru local government area on Sunday, residents said."),
        ("RS-142", 1, None, a("NGA CRM"), a("NGA CVL"), "2025-01-19", "day", "zamfara", "2025-01-20T12:00:00Z", 0.75,
         "Zamfara State police confirmed that bandits killed villagers on Sunday."),
        ("DM-302", 1, None, a("NGA CRM"), a("NGA CVL"), "", "published", "gusau", "2025-01-20T14:00:00Z", 0.70,
         "GUSAU - The state government condemned the killing of villagers by bandits (the dateline, 34 km from Maru, is the only place given)."),
    ]),
    ("kaduna-abduction", "ASSAULT", "abduct", [
        ("CP-114", 1, None, a("NGA CRM"), a("NGA EDU"), "2025-09-08", "day", "kaduna", "2025-09-08T12:00:00Z", 0.90,
         "Gunmen abducted 20 students from a school on the edge of Kaduna on Monday."),
        ("SB-172", 1, None, a("NGA CRM"), a("NGA EDU", "NGA CVL"), "2025-09-08", "day", "kaduna", "2025-09-08T15:00:00Z", 0.85,
         "Students and two teachers were kidnapped in Kaduna on Monday."),
        ("GD-155", 1, None, [], a("NGA EDU"), "2025-09-08", "day", "kaduna-state", "2025-09-08T18:00:00Z", 0.75,
         "Another mass school abduction hit Kaduna State on Monday."),
    ]),
    ("zaria-abduction", "ASSAULT", "abduct", [
        ("RS-143", 1, None, a("NGA CRM"), a("NGA CVL"), "2025-09-08", "day", "zaria", "2025-09-08T16:00:00Z", 0.80,
         "Kidnappers seized travellers on a road outside Zaria on Monday, some 70 km north of the school attack."),
        ("DM-303", 1, None, a("NGA CRM"), a("NGA CVL"), "", "published", "zaria", "2025-09-09T08:00:00Z", 0.70,
         "Zaria families appealed for the release of abducted travellers."),
    ]),
    ("doha-talks", "CONSULT", "third-party", [
        ("GD-156", 1, None, a("SDN GOV"), a("SDN REB"), "2025-04-15", "day", "doha", "2025-04-15T14:00:00Z", 0.85,
         "Sudanese government and rebel delegates met in Doha on Tuesday under Qatari mediation."),
        ("AN-134", 1, None, a("SDN GOV"), a("SDN REB"), "2025-04-15", "day", "doha", "2025-04-15T16:00:00Z", 0.80,
         "Qatar hosted talks in Doha on Tuesday between Sudan's army-led government and the rebels."),
        ("SN-123", 1, None, a("SDN"), a("SDN REB"), "", "published", "qatar", "2025-04-16T09:00:00Z", 0.70,
         "Talks in Qatar between Sudan's rivals made little progress, diplomats said."),
        ("EC-604", 1, None, a("SDN GOV"), a("SDN REB"), "2025-04-15", "day", None, "2025-04-15T20:00:00Z", 0.75,
         "Sudan's government said it had talked with the rebels on Tuesday."),
    ]),
    ("maiduguri-aid", "AID", "", [
        ("SB-173", 1, None, a("UNO"), a("NGA CVL"), "2025-09-02", "day", "maiduguri", "2025-09-02T13:00:00Z", 0.85,
         "The World Food Programme began handing out food to flood victims in Maiduguri on Tuesday."),
        ("CP-115", 1, None, a("UNO"), a("NGA CVL"), "", "published", "maiduguri", "2025-09-03T07:00:00Z", 0.70,
         "UN food aid reached flood-hit families in Maiduguri."),
        ("FM-502", 1, None, a("UNO"), a("NGA CVL"), "2025-09-01", "month", "borno", "2025-09-30T18:00:00Z", 0.60,
         "In September the UN distributed food to flood victims across Borno State."),
    ]),
    ("dakar-riot", "PROTEST", "riot", [
        ("AN-135", 1, None, a("SEN OPP"), a("SEN COP"), "2025-04-08", "day", "dakar", "2025-04-08T17:00:00Z", 0.85,
         "Opposition supporters clashed with police and burned tyres in Dakar on Tuesday."),
        ("GD-157", 1, None, a("SEN OPP", "SEN CVL"), a("SEN COP"), "2025-04-08", "day", "dakar", "2025-04-08T19:00:00Z", 0.85,
         "Rioting youths and opposition activists fought police in Dakar on Tuesday."),
        ("PL-181", 1, "GD-157", a("SEN OPP", "SEN CVL"), a("SEN COP"), "2025-04-08", "day", "dakar", "2025-04-09T02:00:00Z", 0.85,
         "(Syndicated) Rioting youths and opposition activists fought police in Dakar on Tuesday."),
        ("RS-144", 1, None, a("SEN CVL"), a("SEN COP"), "", "published", "senegal", "2025-04-09T08:00:00Z", 0.65,
         "Senegal counts the damage after a night of unrest."),
    ]),
    ("ouaga-expulsion", "SANCTION", "expel", [
        ("SB-174", 1, None, a("BFA GOV"), a("CIV GOV"), "2025-10-14", "day", "ouagadougou", "2025-10-14T12:00:00Z", 0.85,
         "Burkina Faso's junta ordered three Ivorian diplomats out of Ouagadougou on Tuesday."),
        ("AN-136", 1, None, a("BFA GOV"), a("CIV GOV"), "2025-10-14", "day", None, "2025-10-14T15:00:00Z", 0.80,
         "Burkina Faso expelled Ivorian diplomats on Tuesday, accusing them of subversion."),
        ("GD-158", 1, None, a("BFA GOV"), a("CIV"), "", "published", "burkina", "2025-10-15T09:00:00Z", 0.70,
         "Ivory Coast protested Burkina Faso's expulsion of its envoys."),
    ]),
    ("manipur-curfew", "COERCE", "curfew", [
        ("EC-605", 1, None, a("IND GOV"), a("IND CVL"), "2025-07-12", "day", "manipur", "2025-07-12T10:00:00Z", 0.80,
         "Authorities imposed a curfew across parts of Manipur on Saturday after clashes."),
        ("DM-304", 1, None, a("IND GOV"), a("IND CVL"), "2025-07-12", "day", "imphal-east", "2025-07-12T11:00:00Z", 0.85,
         "A curfew was ordered in Imphal East district on Saturday."),
        ("GD-159", 1, None, a("IND GOV"), a("IND CVL"), "", "published", "manipur", "2025-07-13T06:00:00Z", 0.70,
         "Manipur remained under curfew, officials said."),
        ("FM-503", 1, None, a("IND GOV"), [], "2025-07-01", "month", "india", "2025-07-31T18:00:00Z", 0.55,
         "In July Indian authorities again resorted to curfews in the north-east."),
    ]),
    ("idlib-airstrike", "ASSAULT", "aerial", [
        ("GD-160", 1, None, a("SYR MIL"), a("SYR CVL"), "2025-08-17", "day", "saraqib", "2025-08-17T11:00:00Z", 0.90,
         "Warplanes struck a residential area of Saraqib on Sunday, rescuers said."),
        ("FM-504", 1, None, a("SYR MIL"), a("SYR CVL"), "2025-08-17", "day", "idlib", "2025-08-17T13:00:00Z", 0.80,
         "An air raid near Idlib city on Sunday killed five civilians, a monitor said."),
        ("EC-606", 1, None, [], a("SYR CVL"), "", "published", "idlib-gov", "2025-08-18T07:00:00Z", 0.70,
         "Rescuers in Idlib province pulled survivors from rubble after an air strike."),
        ("CT-163", 1, None, a("SYR MIL"), a("SYR CVL"), "2025-08-17", "day", "sarmin", "2025-08-17T15:00:00Z", 0.75,
         "Residents of Sarmin, beside Saraqib, described jets overhead on Sunday."),
    ]),
    ("gao-release", "RETREAT", "release", [
        ("SB-175", 1, None, a("IMG REB"), a("ITA CVL"), "2025-11-03", "day", "gao", "2025-11-03T12:00:00Z", 0.85,
         "A jihadist group freed two Italian aid workers near Gao on Monday."),
        ("AN-137", 1, None, a("IMG REB"), a("ITA CVL"), "2025-11-01", "month", "mali", "2025-11-10T09:00:00Z", 0.60,
         "Two Italians held in Mali were released this month, Rome said."),
        ("GD-161", 1, None, a("MLI REB"), a("ITA CVL"), "", "published", "gao-region", "2025-11-04T08:00:00Z", 0.75,
         "Malian militants handed over two Italian hostages in the Gao region (coded as a Malian rather than a transnational group)."),
    ]),
    ("lima-teachers-strike", "PROTEST", "strike", [
        ("AH-191", 1, None, a("PER EDU"), a("PER GOV"), "2025-10-06", "day", "lima", "2025-10-06T17:00:00Z", 0.85,
         "Teachers walked out of schools in Lima on Monday over pay."),
        ("PL-182", 1, None, a("PER LAB", "PER EDU"), a("PER GOV"), "2025-10-06", "day", "lima", "2025-10-06T22:00:00Z", 0.80,
         "Peru's teachers' union and its members struck in Lima on Monday."),
        ("GD-162", 1, None, a("PER EDU"), [], "", "published", "peru", "2025-10-07T09:00:00Z", 0.70,
         "Peru's striking teachers vowed to stay out until pay rises."),
    ]),
    ("lima-opposition-march", "PROTEST", "demo", [
        ("CP-117", 1, None, a("PER OPP"), a("PER GOV"), "2025-10-06", "day", "lima", "2025-10-06T20:00:00Z", 0.80,
         "Opposition parties led a march on Congress in Lima on Monday, separate from the teachers' strike."),
        ("AN-140", 1, None, a("PER OPP", "PER CVL"), a("PER GOV"), "2025-10-06", "day", "lima", "2025-10-06T23:00:00Z", 0.75,
         "Opposition supporters and residents marched in Lima on Monday demanding the president step down."),
        ("RS-145", 1, None, [], [], "2025-10-06", "day", "lima", "2025-10-07T01:00:00Z", 0.60,
         "Police estimated that 20,000 marched on Congress in central Lima on Monday (no actor or mode coded).",
         {"mode": ""}),
    ]),
    ("manila-port-cyber", "COERCE", "cyber", [
        ("PL-183", 1, None, [], a("PHL BUS"), "2025-12-01", "day", "manila", "2025-12-01T09:00:00Z", 0.80,
         "Hackers crippled the booking systems of Manila's main container port on Monday."),
        ("GD-163", 1, None, [], a("PHL BUS"), "2025-12-01", "day", None, "2025-12-01T12:00:00Z", 0.75,
         "A cyber attack halted a Philippine port operator's systems on Monday."),
        ("EC-607", 1, None, [], a("PHL BUS", "PHL GOV"), "", "published", "manila", "2025-12-02T06:00:00Z", 0.70,
         "Manila port and customs systems were still down after the hack."),
    ]),
    ("kyiv-drone", "ASSAULT", "drone", [
        ("GD-164", 1, None, a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "kyiv", "2025-11-20T06:00:00Z", 0.90,
         "Russian drones hit apartment blocks in Kyiv overnight into Thursday."),
        ("EC-608", 1, None, a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "kyiv", "2025-11-20T08:00:00Z", 0.85,
         "Drone debris set fire to homes in Kyiv early on Thursday."),
        ("CP-116", 1, None, a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "kyiv", "2025-11-20T10:00:00Z", 0.85,
         "Kyiv's mayor said Russian drones had wounded eleven residents on Thursday."),
        ("AN-138", 1, None, a("RUS MIL"), a("UKR CVL"), "", "published", "kyiv-oblast", "2025-11-21T07:00:00Z", 0.70,
         "Kyiv Oblast officials reported damage after the drone raid."),
        ("HO-204", 1, "GD-164", a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "kyiv", "2025-11-20T09:00:00Z", 0.90,
         "(Syndicated) Russian drones hit apartment blocks in Kyiv overnight into Thursday."),
    ]),
    ("bila-tserkva-drone", "ASSAULT", "drone", [
        ("FM-505", 1, None, a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "bila-tserkva", "2025-11-20T09:30:00Z", 0.85,
         "The same night, drones struck Bila Tserkva, nearly 80 km south of Kyiv."),
        ("DM-305", 1, None, a("RUS MIL"), a("UKR CVL"), "2025-11-20", "day", "bila-tserkva", "2025-11-20T11:00:00Z", 0.80,
         "A drone hit a warehouse district in Bila Tserkva on Thursday."),
    ]),
    ("ecuador-emergency", "COERCE", "martial-law", [
        ("AH-193", 1, None, a("ECU GOV"), a("ECU CVL"), "2025-01-09", "day", "ecuador", "2025-01-09T20:00:00Z", 0.85,
         "Ecuador's president declared a state of emergency on Thursday over prison violence."),
        ("GD-165", 1, None, a("ECU GOV"), a("ECU CVL"), "2025-01-09", "day", "quito", "2025-01-09T22:00:00Z", 0.80,
         "Speaking in Quito on Thursday, the president announced emergency rule."),
        ("PL-184", 1, None, a("ECU GOV"), [], "", "published", "ecuador", "2025-01-10T08:00:00Z", 0.70,
         "Soldiers patrolled Ecuador's cities under the new emergency decree."),
    ]),
    ("aze-arm-accusation", "ACCUSE", "allege", [
        ("CT-164", 1, None, a("AZE GOV"), a("ARM MIL"), "2025-04-02", "day", None, "2025-04-02T12:00:00Z", 0.85,
         "Azerbaijan accused Armenian forces on Wednesday of firing across the border."),
        ("GD-166", 1, None, a("AZE GOV"), a("ARM MIL"), "", "published", None, "2025-04-03T08:00:00Z", 0.70,
         "Baku said Armenian troops had violated the truce, which Yerevan denied."),
        ("EC-609", 1, None, a("AZE GOV"), a("ARM"), "2025-04-02", "day", None, "2025-04-02T15:00:00Z", 0.75,
         "Azerbaijan's foreign ministry blamed Armenia for Wednesday's shooting."),
    ]),
    ("aze-arm-accusation-2", "ACCUSE", "allege", [
        ("CT-165", 1, None, a("AZE GOV"), a("ARM MIL"), "2025-04-09", "day", None, "2025-04-09T12:00:00Z", 0.85,
         "A week later Azerbaijan again accused Armenian units of shelling."),
        ("GD-167", 1, None, a("AZE GOV"), a("ARM MIL"), "2025-04-09", "day", None, "2025-04-09T14:00:00Z", 0.80,
         "Baku renewed its charge on Wednesday that Armenian forces opened fire."),
    ]),
    ("hist-mog-2017", "ASSAULT", "explosives", [
        ("HO-201", 2, None, a("SOM REB"), a("SOM CVL"), "", "historical", "mogadishu", "2025-03-14T13:05:00Z", 0.80,
         "The blast recalled the 2017 truck bombing, the deadliest in the city's history."),
    ]),
]


def main():
    for label, typ, mode, reports in INCIDENTS:
        for doc, num, dup, actors, recips, date, prec, place, pub, conf, text, *over in reports:
            over = over[0] if over else {}
            rmode = over.get("mode", mode)
            r = {"incident": label, "event_id": f"{doc}-e{num}", "doc_id": doc,
                 "source": OUTLETS[doc.split("-")[0]]}
            if dup:
                r["duplicate_of"] = dup
            r["type"] = typ
            if rmode:
                r["mode"] = rmode
            if actors:
                r["actors"] = actors
            if recips:
                r["recipients"] = recips
            if date:
                r["date"] = date
            r["date_precision"] = prec
            if place:
                name, gid, cc, lat, lon, p = PLACES[place]
                r["place"] = {"name": name, "geonameid": gid, "country_code": cc,
                              "lat": lat, "lon": lon, "precision": p}
            r["published"] = pub
            r["confidence"] = conf
            r["text"] = text
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
