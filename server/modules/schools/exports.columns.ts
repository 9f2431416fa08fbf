import type { ExportLanguage } from '../../../common/export';
import {
  agreementActivityLabels, agreementStatusLabels, schoolKindLabels, schoolThemeLabels, tutorKindLabels,
  type Agreement, type HostOffer, type PlanAssignment, type School, type SchoolClass, type SchoolTheme, type Tutor,
} from '../../../common/schools';
import type { ExportColumn } from '../../http/export';

const col = <T>(key: string, da: string, en: string, lang: ExportLanguage, value: ExportColumn<T>['value'], kind?: ExportColumn<T>['kind']): ExportColumn<T> =>
  ({ key, header: lang === 'en' ? en : da, value, ...(kind ? { kind } : {}) });
const themes = (list: SchoolTheme[], lang: ExportLanguage) => list.map((t) => schoolThemeLabels[t][lang]).join(', ');
const weeks = (list: number[]) => list.join(', ');

export const schoolColumns = (l: ExportLanguage): ExportColumn<School>[] => [
  col('name', 'Skole', 'School', l, (s) => s.name),
  col('kind', 'Type', 'Kind', l, (s) => schoolKindLabels[s.kind][l]),
  col('municipality', 'Kommune', 'Municipality', l, (s) => s.municipalityName ?? String(s.municipalityCode)),
  col('street', 'Adresse', 'Address', l, (s) => s.street),
  col('postalCode', 'Postnummer', 'Postal code', l, (s) => s.postalCode),
  col('contact', 'Kontakt', 'Contact', l, (s) => s.contactName),
  col('email', 'E-mail', 'E-mail', l, (s) => s.contactEmail),
  col('classes', 'Klasser', 'Classes', l, (s) => s.classCount, 'number'),
];

export const classColumns = (l: ExportLanguage): ExportColumn<SchoolClass>[] => [
  col('school', 'Skole', 'School', l, (c) => c.schoolName),
  col('municipality', 'Kommunekode', 'Municipality code', l, (c) => c.municipalityCode, 'number'),
  col('year', 'Skoleår', 'School year', l, (c) => c.schoolYear),
  col('class', 'Klasse', 'Class', l, (c) => c.label),
  col('pupils', 'Elever', 'Pupils', l, (c) => c.pupils, 'number'),
  col('weeks', 'Uger', 'Weeks', l, (c) => weeks(c.suitableWeeks)),
  col('themes', 'Temaer', 'Themes', l, (c) => themes(c.themes, l)),
  col('teacher', 'Lærer', 'Teacher', l, (c) => c.teacherName),
];

export const hostOfferColumns = (l: ExportLanguage): ExportColumn<HostOffer>[] => [
  col('company', 'Virksomhed', 'Company', l, (h) => h.companyName),
  col('cvr', 'CVR', 'CVR', l, (h) => h.cvr, 'text'),
  col('year', 'Skoleår', 'School year', l, (h) => h.schoolYear),
  col('weeks', 'Uger', 'Weeks', l, (h) => weeks(h.weeks)),
  col('perWeek', 'Klasser pr. uge', 'Classes per week', l, (h) => h.classesPerWeek, 'number'),
  col('maxPupils', 'Højst elever', 'Max pupils', l, (h) => h.maxPupils, 'number'),
  col('themes', 'Temaer', 'Themes', l, (h) => themes(h.themes, l)),
  col('address', 'Adresse', 'Address', l, (h) => [h.street, [h.postalCode, h.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')),
  col('municipality', 'Kommune', 'Municipality', l, (h) => h.municipalityName),
  col('contact', 'Kontakt', 'Contact', l, (h) => h.contactName),
  col('active', 'Aktiv', 'Active', l, (h) => (h.active ? (l === 'en' ? 'Yes' : 'Ja') : (l === 'en' ? 'No' : 'Nej'))),
];

export const tutorColumns = (l: ExportLanguage): ExportColumn<Tutor>[] => [
  col('name', 'Navn', 'Name', l, (t) => t.name),
  col('institution', 'Institution', 'Institution', l, (t) => t.institution),
  col('kind', 'Type', 'Kind', l, (t) => tutorKindLabels[t.kind][l]),
  col('year', 'Skoleår', 'School year', l, (t) => t.schoolYear),
  col('weeks', 'Uger', 'Weeks', l, (t) => weeks(t.weeks)),
  col('max', 'Højst klasser', 'Max classes', l, (t) => t.maxClasses, 'number'),
];

export const agreementColumns = (l: ExportLanguage): ExportColumn<Agreement>[] => [
  col('party', 'Skole/institution', 'School/institution', l, (a) => a.partyName),
  col('company', 'Virksomhed', 'Company', l, (a) => a.companyName),
  col('municipality', 'Kommune', 'Municipality', l, (a) => a.municipalityName ?? String(a.municipalityCode)),
  col('grades', 'Klassetrin', 'Grade levels', l, (a) => a.gradeLevels.join(', ')),
  col('activities', 'Aktiviteter', 'Activities', l, (a) => a.activities.map((x) => agreementActivityLabels[x][l]).join(', ')),
  col('from', 'Fra', 'From', l, (a) => a.periodFrom, 'date'),
  col('to', 'Til', 'To', l, (a) => a.periodTo, 'date'),
  col('status', 'Status', 'Status', l, (a) => agreementStatusLabels[a.status][l]),
];

export const assignmentColumns = (l: ExportLanguage): ExportColumn<PlanAssignment>[] => [
  col('school', 'Skole', 'School', l, (a) => a.schoolName),
  col('class', 'Klasse', 'Class', l, (a) => a.classLabel),
  col('pupils', 'Elever', 'Pupils', l, (a) => a.pupils, 'number'),
  col('company', 'Virksomhed', 'Company', l, (a) => a.companyName),
  col('address', 'Adresse', 'Address', l, (a) => a.address),
  col('week', 'Uge', 'Week', l, (a) => a.week, 'number'),
  col('start', 'Mandag', 'Monday', l, (a) => a.weekStart, 'date'),
  col('tutor', 'Tutor', 'Tutor', l, (a) => a.tutor?.name ?? null),
  col('distance', 'Afstand (km)', 'Distance (km)', l, (a) => a.distanceKm, 'number'),
  col('locked', 'Låst', 'Locked', l, (a) => (a.locked ? (l === 'en' ? 'Yes' : 'Ja') : (l === 'en' ? 'No' : 'Nej'))),
  col('why', 'Begrundelse', 'Reasons', l, (a) => a.reasons.summary),
];
