import { z } from 'zod';

/* Recruitment's vocabularies and status machines (re-exported by common/recruitment.ts). */

// ---------------------------------------------------------------- vocabularies

export const jobTypes = ['ordinary', 'virksomhedspraktik', 'loentilskud', 'jobrotation', 'voksenlaerling', 'igu', 'fleksjob'] as const;
export const jobTypeSchema = z.enum(jobTypes, 'Ukendt jobtype.');
export type JobType = z.infer<typeof jobTypeSchema>;
export const jobTypeLabels: Record<JobType, { da: string; en: string }> = {
  ordinary: { da: 'Ordinært job', en: 'Ordinary job' },
  virksomhedspraktik: { da: 'Virksomhedspraktik', en: 'Work placement' },
  loentilskud: { da: 'Løntilskud', en: 'Wage subsidy' },
  jobrotation: { da: 'Jobrotation', en: 'Job rotation' },
  voksenlaerling: { da: 'Voksenlærling', en: 'Adult apprentice' },
  igu: { da: 'IGU (integrationsgrunduddannelse)', en: 'IGU (integration basic education)' },
  fleksjob: { da: 'Fleksjob', en: 'Flexjob' },
};

export const orderServices = ['ad', 'search', 'screening', 'presentation'] as const;
export const orderServiceSchema = z.enum(orderServices, 'Ukendt service.');
export type OrderService = z.infer<typeof orderServiceSchema>;
export const orderServiceLabels: Record<OrderService, { da: string; en: string }> = {
  ad: { da: 'Jobannonce', en: 'Job ad' },
  search: { da: 'Kandidatsøgning', en: 'Candidate search' },
  screening: { da: 'Screening', en: 'Screening' },
  presentation: { da: 'Præsentation af kandidater', en: 'Presentation of candidates' },
};

/** Certificates and licences: hard requirements on an order, held by candidates. */
export const certificates = [
  'truck_a', 'truck_b', 'kran_a', 'kran_b', 'teleskoplaesser', 'svejs_mig_mag', 'svejs_tig', 'svejs_el', 'koerekort_b', 'koerekort_c',
  'koerekort_ce', 'koerekort_d', 'adr', 'stillads', 'foerstehjaelp', 'hygiejnebevis', 'el_autorisation', 'vvs_autorisation',
] as const;
export const certificateSchema = z.enum(certificates, 'Ukendt certifikat.');
export type Certificate = z.infer<typeof certificateSchema>;
export const certificateLabels: Record<Certificate, { da: string; en: string }> = {
  truck_a: { da: 'Truckcertifikat A', en: 'Forklift certificate A' },
  truck_b: { da: 'Truckcertifikat B', en: 'Forklift certificate B' },
  kran_a: { da: 'Kranførercertifikat A', en: 'Crane certificate A' },
  kran_b: { da: 'Kranførercertifikat B', en: 'Crane certificate B' },
  teleskoplaesser: { da: 'Teleskoplæsserbevis', en: 'Telehandler certificate' },
  svejs_mig_mag: { da: 'Svejsecertifikat MIG/MAG', en: 'Welding certificate MIG/MAG' },
  svejs_tig: { da: 'Svejsecertifikat TIG', en: 'Welding certificate TIG' },
  svejs_el: { da: 'Svejsecertifikat elektrode', en: 'Welding certificate MMA' },
  koerekort_b: { da: 'Kørekort kategori B', en: 'Driving licence B' },
  koerekort_c: { da: 'Kørekort kategori C', en: 'Driving licence C' },
  koerekort_ce: { da: 'Kørekort kategori C/E', en: 'Driving licence C/E' },
  koerekort_d: { da: 'Kørekort kategori D', en: 'Driving licence D' },
  adr: { da: 'ADR-bevis (farligt gods)', en: 'ADR (dangerous goods)' },
  stillads: { da: 'Stilladsbevis', en: 'Scaffolding certificate' },
  foerstehjaelp: { da: 'Førstehjælpsbevis', en: 'First-aid certificate' },
  hygiejnebevis: { da: 'Hygiejnebevis', en: 'Food hygiene certificate' },
  el_autorisation: { da: 'Elautorisation', en: 'Electrical authorisation' },
  vvs_autorisation: { da: 'VVS-autorisation', en: 'Plumbing authorisation' },
};

export const educationLevels = ['grundskole', 'gymnasial', 'erhvervsuddannelse', 'kort_videregaaende', 'mellemlang', 'lang'] as const;
export const educationLevelSchema = z.enum(educationLevels, 'Ukendt uddannelsesniveau.');
export type EducationLevel = z.infer<typeof educationLevelSchema>;

/** Target groups (målgrupper) as job centres register them. */
export const targetGroups = ['dagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'integration', 'sygedagpenge', 'ledighedsydelse', 'beskaeftiget', 'andet'] as const;
export const targetGroupSchema = z.enum(targetGroups, 'Ukendt målgruppe.');

export const shifts = ['dag', 'aften', 'nat', 'weekend', 'skiftehold'] as const;
export const shiftSchema = z.enum(shifts, 'Ukendt vagttype.');

/** Languages with a level: `da:flydende`, `en:godt`, `de:basis`. */
export const languageSchema = z.string().regex(/^[a-z]{2}:(basis|godt|flydende|modersmaal)$/, 'Sprog skrives som kode og niveau, fx da:flydende.');

// ---------------------------------------------------------------- order status machine

export const orderStatuses = [
  'kladde', 'oprettet', 'under_behandling', 'inaktiveret', 'afsluttet_behov_opfyldt', 'afsluttet_frist_udloebet', 'annulleret',
] as const;
export const orderStatusSchema = z.enum(orderStatuses, 'Ukendt status.');
export type OrderStatus = z.infer<typeof orderStatusSchema>;
export const orderStatusLabels: Record<OrderStatus, { da: string; en: string }> = {
  kladde: { da: 'Kladde', en: 'Draft' },
  oprettet: { da: 'Oprettet', en: 'Created' },
  under_behandling: { da: 'Under behandling', en: 'In progress' },
  inaktiveret: { da: 'Inaktiveret', en: 'Inactive' },
  afsluttet_behov_opfyldt: { da: 'Afsluttet – behov opfyldt', en: 'Closed – filled' },
  afsluttet_frist_udloebet: { da: 'Afsluttet – frist udløbet', en: 'Closed – deadline passed' },
  annulleret: { da: 'Annulleret', en: 'Cancelled' },
};
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  kladde: ['oprettet', 'annulleret'],
  oprettet: ['under_behandling', 'inaktiveret', 'afsluttet_behov_opfyldt', 'afsluttet_frist_udloebet', 'annulleret'],
  under_behandling: ['inaktiveret', 'afsluttet_behov_opfyldt', 'afsluttet_frist_udloebet', 'annulleret'],
  inaktiveret: ['under_behandling', 'afsluttet_behov_opfyldt', 'afsluttet_frist_udloebet', 'annulleret'],
  afsluttet_behov_opfyldt: [],
  afsluttet_frist_udloebet: [],
  annulleret: [],
};
/** Orders other centres work on (the shortlist, proposals). */
export const openOrderStatuses: readonly OrderStatus[] = ['oprettet', 'under_behandling'];
export const closedOrderStatuses: readonly OrderStatus[] = ['afsluttet_behov_opfyldt', 'afsluttet_frist_udloebet', 'annulleret'];
export const canMoveOrder = (from: OrderStatus, to: OrderStatus): boolean => orderTransitions[from].includes(to);

// ---------------------------------------------------------------- placement status machine

export const placementStatuses = ['udsøgt', 'samtykke_givet', 'præsenteret', 'samtale', 'ansat', 'afvist_af_virksomhed', 'fravalgt_af_kandidat'] as const;
export const placementStatusSchema = z.enum(placementStatuses, 'Ukendt status for formidlingen.');
export type PlacementStatus = z.infer<typeof placementStatusSchema>;
export const placementStatusLabels: Record<PlacementStatus, { da: string; en: string }> = {
  udsøgt: { da: 'Udsøgt', en: 'Shortlisted' },
  samtykke_givet: { da: 'Samtykke givet', en: 'Consent given' },
  præsenteret: { da: 'Præsenteret', en: 'Presented' },
  samtale: { da: 'Samtale', en: 'Interview' },
  ansat: { da: 'Ansat', en: 'Hired' },
  afvist_af_virksomhed: { da: 'Afvist af virksomheden', en: 'Declined by the company' },
  fravalgt_af_kandidat: { da: 'Fravalgt af kandidaten', en: 'Declined by the candidate' },
};
export const placementTransitions: Record<PlacementStatus, readonly PlacementStatus[]> = {
  udsøgt: ['samtykke_givet', 'fravalgt_af_kandidat'],
  samtykke_givet: ['præsenteret', 'fravalgt_af_kandidat'],
  præsenteret: ['samtale', 'ansat', 'afvist_af_virksomhed', 'fravalgt_af_kandidat'],
  samtale: ['ansat', 'afvist_af_virksomhed', 'fravalgt_af_kandidat'],
  ansat: [],
  afvist_af_virksomhed: [],
  fravalgt_af_kandidat: [],
};
/** Statuses in which the employer may see the candidate's identity (consent recorded and not withdrawn). */
export const releasedPlacementStatuses: readonly PlacementStatus[] = ['præsenteret', 'samtale', 'ansat'];
export const canMovePlacement = (from: PlacementStatus, to: PlacementStatus): boolean => placementTransitions[from].includes(to);
