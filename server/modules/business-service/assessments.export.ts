import type { Assessment } from '../../../common/business-service';
import { engagementThemes } from '../../../common/engagement';
import type { ExportLanguage } from '../../../common/export';
import { headersIn, type ExportColumn } from '../../http/export';
import { themeWords } from './matching';

const themesEn: Record<(typeof engagementThemes)[number], string> = {
  automation_digitalisation: 'automation and digitalisation', green_transition: 'green transition', leadership: 'leadership',
  export: 'export', financing: 'financing', skills_recruitment: 'skills and recruitment', production_lean: 'production and lean',
  innovation: 'innovation', ownership_change: 'ownership change',
};
const segmentNames = { growth: ['Vækst', 'Growth'], operations: ['Drift', 'Operations'] } as const;

/**
 * The columns of a company's assessment export. They read the presented (wire) shape, so the export holds
 * exactly what the list API shows: another organisation's assessment only with the company's consent.
 */
export function assessmentColumns(lang: ExportLanguage): ExportColumn<Assessment>[] {
  const i = lang === 'en' ? 1 : 0;
  const h = headersIn(lang, {
    company: ['Virksomhed', 'Company'], date: ['Dato', 'Date'], organisation: ['Organisation', 'Organisation'],
    author: ['Konsulent', 'Consultant'], segment: ['Segment', 'Segment'], challenge: ['Udfordring', 'Challenge'],
    ambition: ['Vækstambition', 'Growth ambition'], next: ['Aftalte næste skridt', 'Agreed next steps'],
    participants: ['Deltagere', 'Participants'], turnover: ['Omsætning (kr.)', 'Turnover (DKK)'],
    consent: ['Samtykke til deling', 'Consent to share'], versions: ['Versioner', 'Versions'],
  });
  const priority = lang === 'en' ? 'Priority' : 'Prioritet';
  return [
    { key: 'company', header: h.company, value: (a) => a.companyName },
    { key: 'date', header: h.date, value: (a) => a.date, kind: 'date' },
    { key: 'organisation', header: h.organisation, value: (a) => a.organisation.name },
    { key: 'author', header: h.author, value: (a) => a.author.name },
    { key: 'segment', header: h.segment, value: (a) => (a.segment ? segmentNames[a.segment][i] : null) },
    ...engagementThemes.map((theme): ExportColumn<Assessment> => ({
      key: `priority_${theme}`, header: `${priority}: ${lang === 'en' ? themesEn[theme] : themeWords[theme]}`,
      value: (a) => a.priorities[theme], kind: 'number',
    })),
    { key: 'challenge', header: h.challenge, value: (a) => a.challenge },
    { key: 'ambition', header: h.ambition, value: (a) => a.growthAmbition },
    { key: 'next', header: h.next, value: (a) => a.nextSteps },
    { key: 'participants', header: h.participants, value: (a) => a.participants.map((p) => p.name).join(', ') },
    { key: 'turnover', header: h.turnover, value: (a) => a.turnoverDkk, kind: 'number' },
    { key: 'consent', header: h.consent, value: (a) => (a.consentToShare ? ['Ja', 'Yes'] : ['Nej', 'No'])[i] },
    { key: 'versions', header: h.versions, value: (a) => a.versionCount, kind: 'number' },
  ];
}
