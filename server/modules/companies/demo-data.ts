/**
 * Building blocks for synthetic demo companies, written from public facts: the seven municipalities of
 * Trekantområdet with codes and postal codes, DB07 codes with Danish titles, common Danish names.
 */

export interface DemoMunicipality {
  code: number;
  name: string;
  /** [postal code, postal district, weight] */
  postal: [string, string, number][];
  weight: number;
}

export const demoMunicipalities: DemoMunicipality[] = [
  { code: 621, name: 'Kolding', weight: 26, postal: [['6000', 'Kolding', 14], ['6580', 'Vamdrup', 2], ['6640', 'Lunderskov', 2], ['6070', 'Christiansfeld', 2], ['6091', 'Bjert', 1], ['6051', 'Almind', 1], ['6052', 'Viuf', 1], ['6064', 'Jordrup', 1], ['6093', 'Sjølund', 1], ['6094', 'Hejls', 1]] },
  { code: 630, name: 'Vejle', weight: 26, postal: [['7100', 'Vejle', 12], ['7120', 'Vejle Øst', 3], ['7080', 'Børkop', 2], ['7300', 'Jelling', 2], ['7323', 'Give', 2], ['6040', 'Egtved', 2], ['7182', 'Bredsten', 1], ['7183', 'Randbøl', 1], ['7173', 'Vonge', 1], ['7321', 'Gadbjerg', 1]] },
  { code: 607, name: 'Fredericia', weight: 13, postal: [['7000', 'Fredericia', 1]] },
  { code: 510, name: 'Haderslev', weight: 12, postal: [['6100', 'Haderslev', 6], ['6500', 'Vojens', 3], ['6510', 'Gram', 1], ['6560', 'Sommersted', 1], ['6541', 'Bevtoft', 1]] },
  { code: 410, name: 'Middelfart', weight: 9, postal: [['5500', 'Middelfart', 6], ['5592', 'Ejby', 1], ['5580', 'Nørre Aaby', 1], ['5464', 'Brenderup Fyn', 1], ['5591', 'Gelsted', 1], ['5466', 'Asperup', 1]] },
  { code: 575, name: 'Vejen', weight: 8, postal: [['6600', 'Vejen', 4], ['6630', 'Rødding', 2], ['6650', 'Brørup', 2], ['6670', 'Holsted', 1], ['6622', 'Bække', 1], ['6621', 'Gesten', 1]] },
  { code: 530, name: 'Billund', weight: 6, postal: [['7190', 'Billund', 3], ['7200', 'Grindsted', 3], ['7250', 'Hejnsvig', 1], ['7260', 'Sønder Omme', 1], ['6623', 'Vorbasse', 1]] },
];

export interface DemoIndustry {
  code: string;
  text: string;
  weight: number;
  /** Words that make a plausible company name in this trade. */
  words: string[];
}

export const demoIndustries: DemoIndustry[] = [
  { code: '251100', text: 'Fremstilling af metalkonstruktioner og dele heraf', weight: 12, words: ['Stålindustri', 'Stålkonstruktion', 'Metal', 'Stål & Smed'] },
  { code: '256200', text: 'Maskinforarbejdning', weight: 12, words: ['CNC', 'Maskinforarbejdning', 'Præcisionsteknik', 'Drejeteknik'] },
  { code: '282200', text: 'Fremstilling af løfte- og håndteringsudstyr', weight: 4, words: ['Løfteteknik', 'Kranteknik', 'Transportbånd'] },
  { code: '222200', text: 'Fremstilling af plastemballage', weight: 4, words: ['Plast', 'Emballage', 'Plastindustri'] },
  { code: '222900', text: 'Fremstilling af andre plastprodukter', weight: 3, words: ['Plastteknik', 'Plaststøberi'] },
  { code: '101300', text: 'Produktion af kød- og fjerkrækødprodukter', weight: 3, words: ['Pølsefabrik', 'Slagteri', 'Kødvarer'] },
  { code: '310100', text: 'Fremstilling af kontor- og butiksmøbler', weight: 3, words: ['Møbelfabrik', 'Inventar', 'Butiksinventar'] },
  { code: '289900', text: 'Fremstilling af øvrige maskiner til specielle formål i.a.n.', weight: 6, words: ['Maskinfabrik', 'Automation', 'Maskinbyg'] },
  { code: '331200', text: 'Reparation af maskiner', weight: 5, words: ['Maskinservice', 'Industriservice', 'Reparation'] },
  { code: '255000', text: 'Smedning, presning, sænksmedning og valsning af metal; pulvermetallurgi', weight: 3, words: ['Smede', 'Smedie', 'Presseværk'] },
  { code: '259900', text: 'Fremstilling af andre færdige metalprodukter i.a.n.', weight: 4, words: ['Metalvarer', 'Pladeteknik', 'Svejseteknik'] },
  { code: '162300', text: 'Fremstilling af bygningstømmer og snedkeriartikler i øvrigt', weight: 3, words: ['Snedkeri', 'Træindustri'] },
  { code: '271100', text: 'Fremstilling af elektriske motorer, generatorer og transformere', weight: 2, words: ['Elmotorer', 'Elektro'] },
  { code: '284100', text: 'Fremstilling af metalforarbejdende værktøjsmaskiner', weight: 2, words: ['Værktøjsmaskiner', 'Værktøj'] },
  { code: '293200', text: 'Fremstilling af andre dele og tilbehør til motorkøretøjer', weight: 2, words: ['Autodele', 'Komponenter'] },
  { code: '332000', text: 'Installation af industrimaskiner og -udstyr', weight: 3, words: ['Montage', 'Installation'] },
  { code: '432100', text: 'El-installation', weight: 5, words: ['El-service', 'El'] },
  { code: '433200', text: 'Tømrer- og bygningssnedkervirksomhed', weight: 4, words: ['Tømrer', 'Byg'] },
  { code: '412000', text: 'Opførelse af bygninger', weight: 3, words: ['Entreprise', 'Byggeri'] },
  { code: '466900', text: 'Engroshandel med andre maskiner og andet udstyr', weight: 4, words: ['Maskinhandel', 'Teknik'] },
  { code: '467400', text: 'Engroshandel med isenkram, varmeanlæg og tilbehør', weight: 2, words: ['Isenkram', 'VVS-engros'] },
  { code: '494100', text: 'Vejgodstransport', weight: 4, words: ['Transport', 'Vognmandsforretning', 'Logistik'] },
  { code: '521000', text: 'Oplagrings- og pakhusvirksomhed', weight: 2, words: ['Lager', 'Logistikcenter'] },
  { code: '620100', text: 'Computerprogrammering', weight: 2, words: ['Software', 'IT'] },
  { code: '702200', text: 'Virksomhedsrådgivning og anden rådgivning om driftsledelse', weight: 2, words: ['Rådgivning', 'Consult'] },
  { code: '812100', text: 'Almindelig rengøring i bygninger', weight: 2, words: ['Rengøring', 'Service'] },
];

export const familyNames = [
  'Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Johansen', 'Møller',
  'Mortensen', 'Østergaard', 'Kjær', 'Bach', 'Holm', 'Lund', 'Dahl', 'Krogh', 'Brandt', 'Vestergaard',
  'Juhl', 'Aagaard', 'Skov', 'Damgaard', 'Bruun', 'Friis', 'Iversen', 'Lauridsen', 'Ebbesen', 'Ørum',
];

export const placeNames = [
  'Kolding', 'Vejle', 'Fredericia', 'Middelfart', 'Billund', 'Vejen', 'Haderslev', 'Lunderskov', 'Vamdrup',
  'Christiansfeld', 'Børkop', 'Jelling', 'Give', 'Egtved', 'Grindsted', 'Brørup', 'Rødding', 'Vojens', 'Gram',
  'Taulov', 'Erritsø', 'Skærbæk', 'Bramdrup', 'Seest', 'Ødis', 'Strib', 'Trekant', 'Lillebælt', 'Sydjysk',
  'Vesterbæk', 'Øresø', 'Ådal', 'Aarøsund',
];

export const streetNames = [
  'Industrivej', 'Fabriksvej', 'Håndværkervej', 'Smedevej', 'Erhvervsvej', 'Jernbanegade', 'Vestergade',
  'Østergade', 'Nørregade', 'Søndergade', 'Hovedgaden', 'Stationsvej', 'Møllevej', 'Tømrervej', 'Lergravsvej',
  'Kokholm', 'Venusvej', 'Egeskovvej', 'Vejlevej', 'Koldingvej', 'Fredericiavej', 'Haderslevvej', 'Billundvej',
  'Blokken', 'Teknikervej', 'Mekanikervej', 'Sadelmagervej', 'Ågade', 'Åstrupvej', 'Bøgevej',
];

export const legalForms: [suffix: string, legalForm: string, weight: number][] = [
  ['ApS', 'Anpartsselskab', 55], ['A/S', 'Aktieselskab', 25], ['I/S', 'Interessentskab', 6], ['', 'Enkeltmandsvirksomhed', 14],
];

/** Employee bands with weights skewed to small firms, as in the real business population. */
export const demoBands: [band: string, lo: number, hi: number, weight: number][] = [
  ['ANTAL_1_1', 1, 1, 14], ['ANTAL_2_4', 2, 4, 26], ['ANTAL_5_9', 5, 9, 20], ['ANTAL_10_19', 10, 19, 16],
  ['ANTAL_20_49', 20, 49, 13], ['ANTAL_50_99', 50, 99, 6], ['ANTAL_100_199', 100, 199, 3],
  ['ANTAL_200_499', 200, 499, 1.5], ['ANTAL_500_999', 500, 999, 0.5],
];
