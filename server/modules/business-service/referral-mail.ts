import { longDanishDate } from './referral-clock';

/**
 * The e-mails of the referral loop, in Danish, plain text (links written out). They name the company and
 * the offer but carry no message text or assessment: those are read in Samspil after signing in.
 */
export interface ReferralMailFacts {
  companyName: string;
  cvr: string | null;
  offerTitle: string;
  providerName: string;
  fromName: string;
  fromOrganisation: string;
  responseDue: string;
  publicUrl: string;
}

export interface MailText { subject: string; bodyText: string }

const company = (f: ReferralMailFacts) => (f.cvr ? `${f.companyName} (CVR ${f.cvr})` : f.companyName);
const incoming = (f: ReferralMailFacts) => `${f.publicUrl}/henvisninger/indgaaende`;
const outgoing = (f: ReferralMailFacts) => `${f.publicUrl}/henvisninger`;
const signature = '\n\nVenlig hilsen\nSamspil\n';

export function newReferralMail(f: ReferralMailFacts): MailText {
  return {
    subject: `Ny henvisning: ${f.companyName} til ${f.offerTitle}`,
    bodyText: `${f.fromName}, ${f.fromOrganisation}, har henvist ${company(f)} til jeres ydelse "${f.offerTitle}".\n\n`
      + `Bekræft modtagelsen senest ${longDanishDate(f.responseDue)}.\n\nSe henvisningen her: ${incoming(f)}${signature}`,
  };
}

export function reminderMail(f: ReferralMailFacts): MailText {
  return {
    subject: `Påmindelse: henvisning af ${f.companyName} venter på svar`,
    bodyText: `Henvisningen af ${company(f)} til "${f.offerTitle}" fra ${f.fromOrganisation} skulle have været bekræftet `
      + `senest ${longDanishDate(f.responseDue)}, men er endnu ikke modtaget.\n\nBekræft den her: ${incoming(f)}${signature}`,
  };
}

export function escalationMail(f: ReferralMailFacts): MailText {
  return {
    subject: `Eskalering: ${f.providerName} har ikke svaret på henvisningen af ${f.companyName}`,
    bodyText: `${f.providerName} har ikke bekræftet henvisningen af ${company(f)} til "${f.offerTitle}" `
      + `(sendt af ${f.fromName}, ${f.fromOrganisation}). Svarfristen var ${longDanishDate(f.responseDue)}, `
      + `og udbyderen fik en påmindelse for tre arbejdsdage siden.\n\nFølg op med udbyderen. Se henvisningerne her: ${outgoing(f)}${signature}`,
  };
}

export function closedMail(f: ReferralMailFacts, outcome: string, satisfaction: number | null): MailText {
  return {
    subject: `Henvisning afsluttet: ${f.companyName} – ${f.offerTitle}`,
    bodyText: `${f.providerName} har afsluttet forløbet for ${company(f)} i "${f.offerTitle}".\n\nResultat: ${outcome}\n`
      + `Virksomhedens tilfredshed: ${satisfaction ? `${satisfaction}/5` : 'ikke oplyst'}\n\nSe henvisningen her: ${outgoing(f)}${signature}`,
  };
}

export function rejectedMail(f: ReferralMailFacts, reason: string): MailText {
  return {
    subject: `Henvisning afvist: ${f.companyName} – ${f.offerTitle}`,
    bodyText: `${f.providerName} har afvist henvisningen af ${company(f)} til "${f.offerTitle}".\n\nBegrundelse: ${reason}\n\n`
      + `Se henvisningen her: ${outgoing(f)}${signature}`,
  };
}
