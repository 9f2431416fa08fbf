/**
 * Denmark's 5 regions and 98 municipalities (kommunalreformen 2007), written from public facts.
 * Names are the short forms in common use ("København", "Aarhus"); the codes are DAGI's.
 * Ertholmene (411) lies outside the municipal division and is deliberately not a municipality.
 */
export interface BuiltinRegion {
  code: number;
  name: string;
  nameEn: string;
  nuts2: string;
}

export const builtinRegions: readonly BuiltinRegion[] = [
  { code: 1081, name: 'Region Nordjylland', nameEn: 'North Denmark Region', nuts2: 'DK05' },
  { code: 1082, name: 'Region Midtjylland', nameEn: 'Central Denmark Region', nuts2: 'DK04' },
  { code: 1083, name: 'Region Syddanmark', nameEn: 'Region of Southern Denmark', nuts2: 'DK03' },
  { code: 1084, name: 'Region Hovedstaden', nameEn: 'Capital Region of Denmark', nuts2: 'DK01' },
  { code: 1085, name: 'Region Sjælland', nameEn: 'Region Zealand', nuts2: 'DK02' },
];

export interface BuiltinMunicipality {
  code: number;
  name: string;
  regionCode: number;
}

/** code, name per region; compact because the list is long and never changes shape. */
const byRegion: Record<number, [number, string][]> = {
  1084: [
    [101, 'København'], [147, 'Frederiksberg'], [151, 'Ballerup'], [153, 'Brøndby'], [155, 'Dragør'],
    [157, 'Gentofte'], [159, 'Gladsaxe'], [161, 'Glostrup'], [163, 'Herlev'], [165, 'Albertslund'],
    [167, 'Hvidovre'], [169, 'Høje-Taastrup'], [173, 'Lyngby-Taarbæk'], [175, 'Rødovre'], [183, 'Ishøj'],
    [185, 'Tårnby'], [187, 'Vallensbæk'], [190, 'Furesø'], [201, 'Allerød'], [210, 'Fredensborg'],
    [217, 'Helsingør'], [219, 'Hillerød'], [223, 'Hørsholm'], [230, 'Rudersdal'], [240, 'Egedal'],
    [250, 'Frederikssund'], [260, 'Halsnæs'], [270, 'Gribskov'], [400, 'Bornholm'],
  ],
  1085: [
    [253, 'Greve'], [259, 'Køge'], [265, 'Roskilde'], [269, 'Solrød'], [306, 'Odsherred'], [316, 'Holbæk'],
    [320, 'Faxe'], [326, 'Kalundborg'], [329, 'Ringsted'], [330, 'Slagelse'], [336, 'Stevns'], [340, 'Sorø'],
    [350, 'Lejre'], [360, 'Lolland'], [370, 'Næstved'], [376, 'Guldborgsund'], [390, 'Vordingborg'],
  ],
  1083: [
    [410, 'Middelfart'], [420, 'Assens'], [430, 'Faaborg-Midtfyn'], [440, 'Kerteminde'], [450, 'Nyborg'],
    [461, 'Odense'], [479, 'Svendborg'], [480, 'Nordfyns'], [482, 'Langeland'], [492, 'Ærø'],
    [510, 'Haderslev'], [530, 'Billund'], [540, 'Sønderborg'], [550, 'Tønder'], [561, 'Esbjerg'],
    [563, 'Fanø'], [573, 'Varde'], [575, 'Vejen'], [580, 'Aabenraa'], [607, 'Fredericia'], [621, 'Kolding'],
    [630, 'Vejle'],
  ],
  1082: [
    [615, 'Horsens'], [657, 'Herning'], [661, 'Holstebro'], [665, 'Lemvig'], [671, 'Struer'], [706, 'Syddjurs'],
    [707, 'Norddjurs'], [710, 'Favrskov'], [727, 'Odder'], [730, 'Randers'], [740, 'Silkeborg'], [741, 'Samsø'],
    [746, 'Skanderborg'], [751, 'Aarhus'], [756, 'Ikast-Brande'], [760, 'Ringkøbing-Skjern'], [766, 'Hedensted'],
    [779, 'Skive'], [791, 'Viborg'],
  ],
  1081: [
    [773, 'Morsø'], [787, 'Thisted'], [810, 'Brønderslev'], [813, 'Frederikshavn'], [820, 'Vesthimmerland'],
    [825, 'Læsø'], [840, 'Rebild'], [846, 'Mariagerfjord'], [849, 'Jammerbugt'], [851, 'Aalborg'], [860, 'Hjørring'],
  ],
};

export const builtinMunicipalities: readonly BuiltinMunicipality[] = Object.entries(byRegion)
  .flatMap(([region, list]) => list.map(([code, name]) => ({ code, name, regionCode: Number(region) })))
  .sort((a, b) => a.code - b.code);
