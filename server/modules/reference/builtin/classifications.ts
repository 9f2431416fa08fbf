/**
 * The top levels of the classifications every installation needs before anything is imported:
 * DB07 sections (Danmarks Statistik; English titles from NACE Rev. 2) and ISCO-08 major groups
 * (Danish titles as in DISCO-08).
 */
export interface BuiltinSection {
  letter: string;
  titleDa: string;
  titleEn: string;
}

export const db07Sections: readonly BuiltinSection[] = [
  { letter: 'A', titleDa: 'Landbrug, jagt, skovbrug og fiskeri', titleEn: 'Agriculture, forestry and fishing' },
  { letter: 'B', titleDa: 'Råstofindvinding', titleEn: 'Mining and quarrying' },
  { letter: 'C', titleDa: 'Fremstillingsvirksomhed', titleEn: 'Manufacturing' },
  { letter: 'D', titleDa: 'El-, gas- og fjernvarmeforsyning', titleEn: 'Electricity, gas, steam and air conditioning supply' },
  { letter: 'E', titleDa: 'Vandforsyning; kloakvæsen, affaldshåndtering og rensning af jord og grundvand', titleEn: 'Water supply; sewerage, waste management and remediation activities' },
  { letter: 'F', titleDa: 'Bygge- og anlægsvirksomhed', titleEn: 'Construction' },
  { letter: 'G', titleDa: 'Engroshandel og detailhandel; reparation af motorkøretøjer og motorcykler', titleEn: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
  { letter: 'H', titleDa: 'Transport og godshåndtering', titleEn: 'Transportation and storage' },
  { letter: 'I', titleDa: 'Overnatningsfaciliteter og restaurationsvirksomhed', titleEn: 'Accommodation and food service activities' },
  { letter: 'J', titleDa: 'Information og kommunikation', titleEn: 'Information and communication' },
  { letter: 'K', titleDa: 'Pengeinstitut- og finansvirksomhed, forsikring', titleEn: 'Financial and insurance activities' },
  { letter: 'L', titleDa: 'Fast ejendom', titleEn: 'Real estate activities' },
  { letter: 'M', titleDa: 'Liberale, videnskabelige og tekniske tjenesteydelser', titleEn: 'Professional, scientific and technical activities' },
  { letter: 'N', titleDa: 'Administrative tjenesteydelser og hjælpetjenester', titleEn: 'Administrative and support service activities' },
  { letter: 'O', titleDa: 'Offentlig forvaltning og forsvar; socialsikring', titleEn: 'Public administration and defence; compulsory social security' },
  { letter: 'P', titleDa: 'Undervisning', titleEn: 'Education' },
  { letter: 'Q', titleDa: 'Sundhedsvæsen og sociale foranstaltninger', titleEn: 'Human health and social work activities' },
  { letter: 'R', titleDa: 'Kultur, forlystelser og sport', titleEn: 'Arts, entertainment and recreation' },
  { letter: 'S', titleDa: 'Andre serviceydelser', titleEn: 'Other service activities' },
  { letter: 'T', titleDa: 'Private husholdninger med ansat medhjælp; husholdningers produktion af varer og tjenesteydelser til eget brug, i.a.n.', titleEn: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use' },
  { letter: 'U', titleDa: 'Ekstraterritoriale organisationer og organer', titleEn: 'Activities of extraterritorial organisations and bodies' },
];

export interface BuiltinIscoGroup {
  code: string;
  da: string;
  en: string;
}

export const iscoMajorGroups: readonly BuiltinIscoGroup[] = [
  { code: '0', da: 'Militært arbejde', en: 'Armed forces occupations' },
  { code: '1', da: 'Ledelsesarbejde', en: 'Managers' },
  { code: '2', da: 'Arbejde, der forudsætter viden på højeste niveau inden for pågældende område', en: 'Professionals' },
  { code: '3', da: 'Arbejde, der forudsætter viden på mellemniveau', en: 'Technicians and associate professionals' },
  { code: '4', da: 'Almindeligt kontor- og kundeservicearbejde', en: 'Clerical support workers' },
  { code: '5', da: 'Service- og salgsarbejde', en: 'Service and sales workers' },
  { code: '6', da: 'Arbejde inden for landbrug, skovbrug og fiskeri ekskl. medhjælp', en: 'Skilled agricultural, forestry and fishery workers' },
  { code: '7', da: 'Håndværkspræget arbejde', en: 'Craft and related trades workers' },
  { code: '8', da: 'Operatør- og monteringsarbejde samt transportarbejde', en: 'Plant and machine operators and assemblers' },
  { code: '9', da: 'Andet manuelt arbejde', en: 'Elementary occupations' },
];

/** URI of a built-in ISCO-08 group; the ESCO import keeps its own URIs (scheme 'esco'). */
export const iscoUri = (code: string): string => `urn:samspil:isco08:${code}`;
