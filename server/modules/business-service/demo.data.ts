import type { OfferFinancing, OfferStatus, Priorities, Segment } from '../../../common/business-service';
import type { EngagementTheme } from '../../../common/engagement';

/** The demo partnership's providers, by name (identity's demo organisations). */
export const demoProviders = {
  gts: 'Teknologisk Institut, Kolding',
  academy: 'Produktionsakademiet Trekant',
  hub: 'Erhvervshus Sydjylland',
  school: 'EUC Trekant',
} as const;

/** Trekantområdet's seven member municipalities. */
const trekant = [530, 607, 510, 621, 410, 575, 630];
const syddanmark = 1083;
const midtjylland = 1082;

export interface DemoOffer {
  provider: keyof typeof demoProviders;
  title: string;
  description: string;
  themes: EngagementTheme[];
  minEmployees?: number;
  maxEmployees?: number;
  industries?: string[];
  municipalities?: number[];
  regions?: number[];
  minTurnoverDkk?: number;
  segment?: Segment;
  minCompanyAgeYears?: number;
  maxCompanyAgeYears?: number;
  financing?: OfferFinancing;
  coFinancingRate?: number;
  capacityPerQuarter?: number;
  /** Days relative to today (negative: in the past). */
  activeFromDays?: number;
  activeToDays?: number;
  virksomhedsguiden?: boolean;
  responseDays?: number;
  status?: OfferStatus;
}

/** 29 offers with varied eligibility: some fit a 45-employee metal manufacturer in Kolding, some exclude it on purpose. */
export const demoOffers: DemoOffer[] = [
  { provider: 'gts', title: 'Automatiseringstjek – robotter i produktionen', themes: ['automation_digitalisation', 'production_lean'],
    description: 'En specialist gennemgår produktionen på en dag og peger på de tre processer, hvor automatisering giver størst effekt. Rapport med forslag til robotceller og tilbagebetalingstid.',
    minEmployees: 10, maxEmployees: 249, industries: ['C'], regions: [syddanmark], capacityPerQuarter: 8, responseDays: 5 },
  { provider: 'gts', title: 'Robotværksted for SMV\'er', themes: ['automation_digitalisation'],
    description: 'Afprøv en samarbejdende robot på jeres egne emner i instituttets værksted, før I investerer.',
    minEmployees: 5, maxEmployees: 99, industries: ['C'], financing: 'co_financed', coFinancingRate: 50, capacityPerQuarter: 4 },
  { provider: 'gts', title: 'Digital tvilling af produktionslinjen', themes: ['automation_digitalisation', 'innovation'],
    description: 'Simulering af linjen før ombygning: flaskehalse, layout og kapacitet beregnet på en digital model.',
    minEmployees: 50, maxEmployees: 499, industries: ['C'], segment: 'growth', financing: 'paid', responseDays: 10 },
  { provider: 'gts', title: 'Energioptimering i produktionen', themes: ['green_transition', 'production_lean'],
    description: 'Måling af energiforbruget på maskiner, trykluft og varme med en konkret handlingsplan og CO₂-effekt.',
    minEmployees: 10, industries: ['C'], financing: 'co_financed', coFinancingRate: 25, capacityPerQuarter: 10 },
  { provider: 'gts', title: 'Kvalitetskontrol med machine vision', themes: ['automation_digitalisation', 'innovation'],
    description: 'Kameraer og billedanalyse finder fejl på emner i fuld produktionshastighed. Forprojekt med proof of concept.',
    minEmployees: 20, industries: ['25', '28'], financing: 'paid' },
  { provider: 'gts', title: 'Materialetest og certificering', themes: ['innovation'],
    description: 'Akkrediterede prøvninger af metaller, plast og kompositter til dokumentation over for kunder.',
    financing: 'paid', responseDays: 10 },
  { provider: 'gts', title: 'Avanceret robotik for storindustrien', themes: ['automation_digitalisation'],
    description: 'Integration af robotter i komplekse, højvolumen-linjer med flere skift.',
    minEmployees: 250, industries: ['C'], financing: 'paid' },

  { provider: 'academy', title: 'Lean-forløb for produktionsledere', themes: ['production_lean', 'leadership'],
    description: 'Seks moduler over et halvt år med værktøjer, der bruges direkte på egen fabrik: værdistrømme, tavlemøder og standardarbejde.',
    minEmployees: 10, maxEmployees: 249, municipalities: trekant, capacityPerQuarter: 12, virksomhedsguiden: true },
  { provider: 'academy', title: 'Automatiseringsakademiet: fra manuel til robotcelle', themes: ['automation_digitalisation', 'skills_recruitment'],
    description: 'Medarbejdere lærer at programmere og drive en robotcelle, mens virksomheden får en plan for sin første automatisering.',
    minEmployees: 10, maxEmployees: 249, industries: ['C'], municipalities: trekant, financing: 'co_financed', coFinancingRate: 30, capacityPerQuarter: 6 },
  { provider: 'academy', title: 'Industriel ledelse – værkføreruddannelse', themes: ['leadership'],
    description: 'Uddannelse af værkførere og teamledere i ledelse, kommunikation og planlægning på produktionsgulvet.',
    minEmployees: 20, capacityPerQuarter: 15 },
  { provider: 'academy', title: 'Grøn produktion i praksis', themes: ['green_transition'],
    description: 'Netværksforløb om affald, energi og materialer, hvor virksomhederne lærer af hinandens løsninger.',
    minEmployees: 10, maxEmployees: 499, municipalities: trekant, activeFromDays: -120, activeToDays: 240 },
  { provider: 'academy', title: 'Opkvalificering af operatører (AMU-pakke)', themes: ['skills_recruitment'],
    description: 'Sammensat pakke af AMU-kurser til operatører: måleteknik, CNC-grundkursus og kvalitet.',
    municipalities: trekant, capacityPerQuarter: 20 },
  { provider: 'academy', title: 'Netværk for ejerledere i produktion', themes: ['leadership', 'ownership_change'],
    description: 'Ejerledere mødes seks gange om året om strategi, ledelse og tanker om generationsskifte.',
    maxEmployees: 99 },
  { provider: 'academy', title: 'Ledelse af digital omstilling (kladde)', themes: ['leadership', 'automation_digitalisation'],
    description: 'Nyt forløb under udvikling.', status: 'draft' },

  { provider: 'hub', title: 'Vækstforløb for ambitiøse SMV\'er', themes: ['leadership', 'export', 'innovation'],
    description: 'Sparring med en erfaren forretningsudvikler om vækstplan, organisation og finansiering af væksten.',
    minEmployees: 5, maxEmployees: 249, regions: [syddanmark], segment: 'growth', minTurnoverDkk: 5_000_000, virksomhedsguiden: true },
  { provider: 'hub', title: 'Eksportstart – vejen til nye markeder', themes: ['export'],
    description: 'Afklaring af eksportparathed, valg af marked og kontakt til Eksportrådet.',
    minEmployees: 5, maxEmployees: 249, regions: [syddanmark], virksomhedsguiden: true },
  { provider: 'hub', title: 'Ejerskifterådgivning', themes: ['ownership_change', 'financing'],
    description: 'Uvildig vejledning om generations- eller ejerskifte: værdiansættelse, tidsplan og rådgivere.',
    minCompanyAgeYears: 10, regions: [syddanmark], virksomhedsguiden: true },
  { provider: 'hub', title: 'Finansieringsrådgivning: lån, garantier og investorer', themes: ['financing'],
    description: 'Overblik over offentlige og private finansieringsmuligheder og hjælp til at forberede mødet med banken.',
    regions: [syddanmark], segment: 'growth' },
  { provider: 'hub', title: 'SMV:Digital – tilskud til digitalt løft', themes: ['automation_digitalisation'],
    description: 'Tilskud til privat rådgivning om digitalisering og e-handel.',
    maxEmployees: 99, regions: [syddanmark], financing: 'grant', virksomhedsguiden: true },
  { provider: 'hub', title: 'Grønne forretningsmodeller', themes: ['green_transition', 'innovation'],
    description: 'Forløb om cirkulær økonomi og nye indtægter fra bæredygtige produkter.',
    regions: [syddanmark] },
  { provider: 'hub', title: 'Iværksætterforløb', themes: ['innovation', 'financing'],
    description: 'For nye virksomheder: forretningsplan, første kunder og finansiering.',
    maxCompanyAgeYears: 3, regions: [syddanmark] },
  { provider: 'hub', title: 'Eksportforløb for fødevarevirksomheder', themes: ['export'],
    description: 'Markedsadgang, certificeringer og messedeltagelse for fødevareproducenter.',
    industries: ['10', '11'], regions: [syddanmark] },
  { provider: 'hub', title: 'Innovationsforløb Østjylland', themes: ['innovation'],
    description: 'Innovationsforløb for virksomheder i Region Midtjylland.',
    regions: [midtjylland] },

  { provider: 'school', title: 'Svejsecertifikater til medarbejdere', themes: ['skills_recruitment'],
    description: 'Certificering efter DS/EN ISO 9606 på skolens svejseværksted eller i virksomheden.',
    industries: ['C'], municipalities: trekant, financing: 'paid', capacityPerQuarter: 24 },
  { provider: 'school', title: 'CNC-operatør – efteruddannelse', themes: ['skills_recruitment', 'automation_digitalisation'],
    description: 'AMU-kurser i CNC-drejning og -fræsning for ufaglærte og faglærte operatører.',
    industries: ['C'], capacityPerQuarter: 15 },
  { provider: 'school', title: 'Voksenlærlinge i industrien', themes: ['skills_recruitment'],
    description: 'Vejledning om voksenlærlinge som industritekniker, smed og elektriker, inklusive løntilskud.' },
  { provider: 'school', title: 'PLC-programmering for vedligeholdsteknikere', themes: ['automation_digitalisation', 'skills_recruitment'],
    description: 'Fra grundlæggende PLC til fejlfinding på automatiske anlæg.',
    minEmployees: 10, financing: 'paid' },
  { provider: 'school', title: 'Lean på værkstedet – kort kursus', themes: ['production_lean'],
    description: 'To dages kursus i 5S og visuel styring for små værksteder.',
    maxEmployees: 49 },
  { provider: 'school', title: 'Truckcertifikat (udgået)', themes: ['skills_recruitment'],
    description: 'Erstattet af AMU-pakken.', status: 'archived' },
];

export interface DemoAssessment {
  company: string;
  authorEmail: string;
  daysAgo: number;
  priorities: Partial<Priorities>;
  challenge: string;
  growthAmbition: string;
  segment: Segment | null;
  nextSteps: string;
  participants: string[];
  turnoverDkk: number | null;
  consentToShare: boolean;
}

/** A few assessments: Trekant Stålindustri twice (needs moved towards automation, now 5), others with and without consent. */
export const demoAssessments: DemoAssessment[] = [
  { company: 'Trekant Stålindustri A/S', authorEmail: 'konsulent.kolding@demo.samspil.dk', daysAgo: 210,
    priorities: { automation_digitalisation: 3, green_transition: 2, skills_recruitment: 4, production_lean: 3, leadership: 1 },
    challenge: 'Vi mangler svejsere og CNC-operatører, og det bremser os i at tage flere ordrer.',
    growthAmbition: 'Vokse fra 45 til 60 medarbejdere på tre år.', segment: 'growth',
    nextSteps: 'Kontakt til EUC Trekant om voksenlærlinge. Opfølgning efter sommerferien.',
    participants: ['Direktør Henrik Sørensen'], turnoverDkk: 34_000_000, consentToShare: true },
  { company: 'Trekant Stålindustri A/S', authorEmail: 'konsulent.kolding@demo.samspil.dk', daysAgo: 21,
    priorities: { automation_digitalisation: 5, green_transition: 3, skills_recruitment: 3, production_lean: 4, leadership: 2, export: 1 },
    challenge: 'Ordrebogen vokser, men vi kan ikke skaffe folk nok. Vi vil automatisere svejsningen af standardemner, så vores faglærte kan tage de svære opgaver.',
    growthAmbition: 'Fordoble eksporten til Tyskland og vokse til 60 medarbejdere.', segment: 'growth',
    nextSteps: 'Henvise til automatiseringstjek. Drøfte energioptimering ved næste besøg.',
    participants: ['Direktør Henrik Sørensen', 'Produktionschef Mette Lund'], turnoverDkk: 38_000_000, consentToShare: true },
  { company: 'Fredericia Maskinfabrik A/S', authorEmail: 'konsulent.kolding@demo.samspil.dk', daysAgo: 45,
    priorities: { export: 5, financing: 3, innovation: 3, leadership: 2 },
    challenge: 'Vi har et nyt produkt, som kunder i Norge efterspørger, men ved ikke, hvordan vi kommer i gang med eksport.',
    growthAmbition: 'Eksport skal udgøre en tredjedel af omsætningen om fem år.', segment: 'growth',
    nextSteps: 'Introduktion til Erhvervshus Sydjylland om eksportstart.',
    participants: ['Adm. direktør Lars Nygaard'], turnoverDkk: 95_000_000, consentToShare: true },
  { company: 'Vejle Plast ApS', authorEmail: 'konsulent.vejle@demo.samspil.dk', daysAgo: 60,
    priorities: { green_transition: 5, innovation: 3, production_lean: 2 },
    challenge: 'Kunderne kræver genanvendt plast og CO₂-regnskab, og vi ved ikke, hvor vi skal starte.',
    growthAmbition: 'Holde kunderne og blive leverandør af genanvendte emner.', segment: 'operations',
    nextSteps: 'Vender tilbage, når ejerne har drøftet det.',
    participants: ['Ejer Jens Holm'], turnoverDkk: null, consentToShare: false },
  { company: 'Østergaard Metal A/S', authorEmail: 'konsulent2.kolding@demo.samspil.dk', daysAgo: 90,
    priorities: { ownership_change: 5, financing: 4, leadership: 3 },
    challenge: 'Jeg er 64 og vil gerne overdrage virksomheden inden for tre år, gerne til en medarbejder.',
    growthAmbition: 'Sikre virksomheden og arbejdspladserne i Vejen.', segment: 'operations',
    nextSteps: 'Møde med Erhvervshus Sydjylland om ejerskifte.',
    participants: ['Ejer Poul Østergaard'], turnoverDkk: 52_000_000, consentToShare: true },
];
