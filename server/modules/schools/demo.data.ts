import type { AgreementActivity, SchoolTheme } from '../../../common/schools';

/** The demo's school year: the coordinator runs the allocation for it. */
export const demoSchoolYear = '2026/27';

/** Town centres of the demo municipalities (approximate, public facts) for demo coordinates. */
export const demoCentres: Record<number, [lat: number, lon: number, postal: string]> = {
  621: [55.4904, 9.4722, '6000'], 630: [55.7093, 9.5357, '7100'], 607: [55.5657, 9.7526, '7000'], 410: [55.5059, 9.7302, '5500'],
  530: [55.7302, 9.1153, '7190'], 575: [55.4811, 9.1376, '6600'], 510: [55.2497, 9.4872, '6100'],
};

export interface DemoSchool {
  name: string; municipality: number; street: string; dLat: number; dLon: number; contactName: string; contactEmail: string;
  classes: { letter: string; pupils: number; weeks: number[]; themes: SchoolTheme[] }[];
}

/** Eight schools with 7th-grade classes (the first two exist as organisations with users). */
export const demoSchools: DemoSchool[] = [
  { name: 'Kolding Nord Skole', municipality: 621, street: 'Nordvej 10', dLat: 0.02, dLon: 0.01, contactName: 'Sofie Skole', contactEmail: 'skole@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 24, weeks: [10, 11, 12], themes: ['automation', 'metal'] }, { letter: 'B', pupils: 22, weeks: [], themes: ['food'] },
      { letter: 'C', pupils: 26, weeks: [14, 15], themes: ['green_transition'] }] },
  { name: 'Vejle Midtby Skole', municipality: 630, street: 'Skolegade 3', dLat: 0.0, dLon: 0.0, contactName: 'Mads Midtby', contactEmail: 'midtby@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 25, weeks: [10, 11], themes: ['plastics'] }, { letter: 'B', pupils: 23, weeks: [], themes: ['it', 'electronics'] },
      { letter: 'C', pupils: 21, weeks: [12, 13, 14], themes: [] }] },
  { name: 'Seest Skole', municipality: 621, street: 'Skolevej 2', dLat: -0.01, dLon: -0.05, contactName: 'Lene Seest', contactEmail: 'seest@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 27, weeks: [], themes: ['metal'] }, { letter: 'B', pupils: 25, weeks: [11, 12], themes: ['wood'] }] },
  { name: 'Erritsø Fællesskole', municipality: 607, street: 'Erritsø Bygade 40', dLat: -0.02, dLon: 0.0, contactName: 'Peter Erritsø', contactEmail: 'erritsoe@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 24, weeks: [], themes: ['energy', 'green_transition'] }, { letter: 'B', pupils: 22, weeks: [13, 14, 15], themes: ['logistics'] },
      { letter: 'C', pupils: 20, weeks: [], themes: ['metal'] }] },
  { name: 'Middelfart Skole', municipality: 410, street: 'Algade 55', dLat: 0.0, dLon: 0.0, contactName: 'Hanne Holm', contactEmail: 'middelfart@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 23, weeks: [], themes: ['automation'] }, { letter: 'B', pupils: 25, weeks: [10, 12], themes: ['food'] }] },
  { name: 'Billund Skole', municipality: 530, street: 'Hans Jensens Vej 1', dLat: 0.0, dLon: 0.0, contactName: 'Ole Billund', contactEmail: 'billund@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 26, weeks: [], themes: ['plastics', 'design'] }, { letter: 'B', pupils: 24, weeks: [], themes: ['logistics'] }] },
  { name: 'Vejen Byskole', municipality: 575, street: 'Østergade 12', dLat: 0.0, dLon: 0.0, contactName: 'Karen Vejen', contactEmail: 'vejen@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 22, weeks: [], themes: ['metal', 'construction'] }, { letter: 'B', pupils: 21, weeks: [14, 15, 16], themes: [] }] },
  { name: 'Haderslev Fællesskole', municipality: 510, street: 'Jomfrustien 8', dLat: 0.0, dLon: 0.0, contactName: 'Jens Haderslev', contactEmail: 'haderslev@demo.samspil.dk',
    classes: [{ letter: 'A', pupils: 25, weeks: [], themes: ['food'] }, { letter: 'B', pupils: 23, weeks: [10, 11], themes: ['automation'] }, { letter: 'C', pupils: 24, weeks: [], themes: [] }] },
];

/** Host weeks rotate through these; themes follow the company's industry. */
export const demoWeekSets: number[][] = [[10, 11, 12], [11, 12, 13], [12, 13, 14], [13, 14, 15], [14, 15, 16], [10, 12, 14]];

/** Themes by the first two digits of the DB07 code (manufacturing); anything else gets automation. */
export const demoThemesByIndustry: Record<string, SchoolTheme[]> = {
  '10': ['food'], '11': ['food'], '16': ['wood'], '22': ['plastics'], '20': ['plastics'], '25': ['metal'], '24': ['metal'],
  '26': ['electronics', 'it'], '27': ['electronics', 'energy'], '28': ['automation', 'metal'], '31': ['wood', 'design'], '33': ['automation'],
};

export const demoTutors = [
  { name: 'Emil Jensen', institution: 'IBA Erhvervsakademi Kolding', kind: 'pupil', municipality: 621, weeks: [10, 11, 12, 13], maxClasses: 3 },
  { name: 'Sara Nielsen', institution: 'Rybners', kind: 'pupil', municipality: 630, weeks: [11, 12, 13, 14], maxClasses: 3 },
  { name: 'Ahmad Karimi', institution: 'EUC Syd', kind: 'pupil', municipality: 510, weeks: [10, 11, 14, 15], maxClasses: 2 },
  { name: 'Mette Lund', institution: 'EUC Lillebælt', kind: 'teacher', municipality: 607, weeks: [12, 13, 14, 15, 16], maxClasses: 4 },
] as const;

/** Eight agreements: Middelfart, Billund, Vejen and Haderslev stay below the target of three. */
export const demoAgreements: { school: string; company: number; activities: AgreementActivity[]; grades: string[] }[] = [
  { school: 'Kolding Nord Skole', company: 0, activities: ['visits', 'company_cases'], grades: ['7', '8'] },
  { school: 'Seest Skole', company: 1, activities: ['role_models'], grades: ['8', '9'] },
  { school: 'Kolding Nord Skole', company: 2, activities: ['teacher_internships'], grades: ['7'] },
  { school: 'Vejle Midtby Skole', company: 3, activities: ['visits'], grades: ['7'] },
  { school: 'Vejle Midtby Skole', company: 4, activities: ['company_cases', 'role_models'], grades: ['8', '9'] },
  { school: 'Vejle Midtby Skole', company: 5, activities: ['visits'], grades: ['9'] },
  { school: 'Erritsø Fællesskole', company: 6, activities: ['visits', 'role_models'], grades: ['7', '8', '9'] },
  { school: 'Middelfart Skole', company: 7, activities: ['company_cases'], grades: ['8'] },
];
