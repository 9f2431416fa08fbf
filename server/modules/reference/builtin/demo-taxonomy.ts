/**
 * A small Danish taxonomy of production occupations and skills (scheme 'samspil-demo'), so matching,
 * orders and upskilling work before ESCO or DISCO-08 is imported. Each occupation carries its
 * ISCO-08 unit group; relations say which skills are essential and which are optional.
 */
export const demoScheme = 'samspil-demo';

export type DemoSkillType = 'skill/competence' | 'knowledge' | 'certificate';

export interface DemoSkill {
  slug: string;
  da: string;
  en: string;
  type: DemoSkillType;
}

const s = (slug: string, da: string, en: string, type: DemoSkillType = 'skill/competence'): DemoSkill => ({ slug, da, en, type });

export const demoSkills: readonly DemoSkill[] = [
  s('cnc-programmering', 'CNC-programmering', 'CNC programming'),
  s('cnc-betjening', 'Betjening af CNC-maskiner', 'Operating CNC machines'),
  s('cad-cam', 'CAD/CAM', 'CAD/CAM', 'knowledge'),
  s('drejning', 'Drejning', 'Turning'),
  s('fraesning', 'Fræsning', 'Milling'),
  s('slibning', 'Slibning', 'Grinding'),
  s('tig-svejsning', 'TIG-svejsning', 'TIG welding'),
  s('mig-mag-svejsning', 'MIG/MAG-svejsning', 'MIG/MAG welding'),
  s('elektrodesvejsning', 'Elektrodesvejsning', 'Manual metal arc welding'),
  s('aluminiumssvejsning', 'Aluminiumssvejsning', 'Aluminium welding'),
  s('svejsecertifikat', 'Svejsecertifikat (EN ISO 9606)', 'Welding certificate (EN ISO 9606)', 'certificate'),
  s('skaerebraending', 'Skærebrænding og plasmaskæring', 'Flame and plasma cutting'),
  s('rustfrit-staal', 'Bearbejdning af rustfrit stål', 'Working with stainless steel'),
  s('pladebearbejdning', 'Pladebearbejdning', 'Sheet metal working'),
  s('kantbukning', 'Kantbukning', 'Press brake bending'),
  s('varmt-arbejde', 'Varmt arbejde (certifikat)', 'Hot work certificate', 'certificate'),
  s('truckcertifikat', 'Truckcertifikat', 'Forklift licence', 'certificate'),
  s('kranfoererbevis', 'Kranførerbevis', 'Crane operator certificate', 'certificate'),
  s('anhugning', 'Anhugning og stropning', 'Rigging and slinging'),
  s('plc-programmering', 'PLC-programmering', 'PLC programming'),
  s('robotprogrammering', 'Robotprogrammering', 'Industrial robot programming'),
  s('hydraulik', 'Hydraulik', 'Hydraulics', 'knowledge'),
  s('pneumatik', 'Pneumatik', 'Pneumatics', 'knowledge'),
  s('el-installation', 'El-installation', 'Electrical installation'),
  s('el-diagrammer', 'Læsning af el-diagrammer', 'Reading electrical diagrams'),
  s('elsikkerhed', 'Elsikkerhed', 'Electrical safety', 'knowledge'),
  s('frekvensomformere', 'Frekvensomformere', 'Variable frequency drives', 'knowledge'),
  s('scada', 'SCADA og styringssystemer', 'SCADA and control systems', 'knowledge'),
  s('maskinsikkerhed', 'Maskinsikkerhed', 'Machine safety', 'knowledge'),
  s('fejlfinding', 'Fejlfinding', 'Troubleshooting'),
  s('forebyggende-vedligehold', 'Forebyggende vedligehold', 'Preventive maintenance'),
  s('tpm', 'TPM', 'Total productive maintenance', 'knowledge'),
  s('lean', 'Lean', 'Lean production', 'knowledge'),
  s('5s', '5S', '5S workplace organisation'),
  s('smed-omstilling', 'SMED (hurtig omstilling)', 'SMED quick changeover'),
  s('tegningslaesning', 'Tegningslæsning', 'Reading technical drawings'),
  s('maaleteknik', 'Måleteknik', 'Measurement technology'),
  s('cmm-maaling', '3D-måling (CMM)', 'Coordinate measuring (CMM)'),
  s('kvalitetskontrol', 'Kvalitetskontrol', 'Quality control'),
  s('iso-9001', 'ISO 9001', 'ISO 9001 quality management', 'knowledge'),
  s('spc', 'Statistisk proceskontrol (SPC)', 'Statistical process control'),
  s('dokumentation', 'Dokumentation og sporbarhed', 'Documentation and traceability'),
  s('mekanisk-montage', 'Mekanisk montage', 'Mechanical assembly'),
  s('elektronikmontage', 'Elektronikmontage og lodning', 'Electronics assembly and soldering'),
  s('sproejtestoebning', 'Sprøjtestøbning', 'Injection moulding'),
  s('ekstrudering', 'Ekstrudering', 'Extrusion'),
  s('maskinindstilling', 'Indstilling af produktionsmaskiner', 'Setting up production machines'),
  s('procesovervaagning', 'Procesovervågning', 'Process monitoring'),
  s('gmp', 'GMP', 'Good manufacturing practice', 'knowledge'),
  s('hygiejne', 'Hygiejne og fødevaresikkerhed', 'Hygiene and food safety', 'knowledge'),
  s('laboratorieanalyse', 'Laboratorieanalyser', 'Laboratory analysis'),
  s('kemikaliehaandtering', 'Håndtering af kemikalier', 'Handling chemicals'),
  s('arbejdsmiljoe', 'Arbejdsmiljø og sikkerhed', 'Occupational health and safety', 'knowledge'),
  s('foerstehjaelp', 'Førstehjælp', 'First aid', 'certificate'),
  s('lagerstyring', 'Lagerstyring', 'Inventory management'),
  s('ordreplukning', 'Ordreplukning', 'Order picking'),
  s('wms', 'Lagerstyringssystem (WMS)', 'Warehouse management system', 'knowledge'),
  s('erp', 'ERP-systemer', 'ERP systems', 'knowledge'),
  s('produktionsplanlaegning', 'Produktionsplanlægning', 'Production planning'),
  s('personaleledelse', 'Personaleledelse', 'People management'),
  s('teamsamarbejde', 'Samarbejde i team', 'Teamwork'),
  s('teknisk-engelsk', 'Teknisk engelsk', 'Technical English'),
];

export interface DemoOccupation {
  slug: string;
  da: string;
  en: string;
  /** ISCO-08 unit group (4 digits). */
  isco: string;
  alt?: string[];
  essential: string[];
  optional: string[];
}

export const demoOccupations: readonly DemoOccupation[] = [
  { slug: 'cnc-operatoer', da: 'CNC-operatør', en: 'CNC operator', isco: '7223', alt: ['CNC-tekniker'], essential: ['cnc-betjening', 'tegningslaesning', 'maaleteknik', 'maskinindstilling'], optional: ['cnc-programmering', 'cad-cam', '5s', 'kvalitetskontrol'] },
  { slug: 'cnc-programmoer', da: 'CNC-programmør', en: 'CNC programmer', isco: '3115', essential: ['cnc-programmering', 'cad-cam', 'tegningslaesning'], optional: ['fraesning', 'drejning', 'cmm-maaling', 'teknisk-engelsk'] },
  { slug: 'svejser', da: 'Svejser', en: 'Welder', isco: '7212', essential: ['mig-mag-svejsning', 'tegningslaesning', 'svejsecertifikat'], optional: ['tig-svejsning', 'elektrodesvejsning', 'aluminiumssvejsning', 'varmt-arbejde', 'skaerebraending'] },
  { slug: 'industritekniker', da: 'Industritekniker', en: 'Industrial technician', isco: '7223', alt: ['Maskinarbejder (industritekniker)'], essential: ['drejning', 'fraesning', 'tegningslaesning', 'maaleteknik'], optional: ['cnc-programmering', 'cnc-betjening', 'slibning', 'cad-cam'] },
  { slug: 'maskinarbejder', da: 'Maskinarbejder', en: 'Machinist', isco: '7223', essential: ['drejning', 'fraesning', 'tegningslaesning'], optional: ['slibning', 'cnc-betjening', 'maaleteknik'] },
  { slug: 'automatiktekniker', da: 'Automatiktekniker', en: 'Automation technician', isco: '3113', essential: ['plc-programmering', 'el-diagrammer', 'fejlfinding', 'elsikkerhed'], optional: ['robotprogrammering', 'scada', 'frekvensomformere', 'pneumatik', 'maskinsikkerhed'] },
  { slug: 'elektriker', da: 'Elektriker', en: 'Electrician', isco: '7411', essential: ['el-installation', 'elsikkerhed', 'el-diagrammer'], optional: ['plc-programmering', 'frekvensomformere', 'fejlfinding'] },
  { slug: 'smed', da: 'Smed', en: 'Metalworker', isco: '7214', alt: ['Klejnsmed', 'Konstruktionssmed'], essential: ['mig-mag-svejsning', 'tegningslaesning', 'pladebearbejdning'], optional: ['tig-svejsning', 'skaerebraending', 'anhugning', 'varmt-arbejde'] },
  { slug: 'pladesmed', da: 'Pladesmed', en: 'Sheet metal worker', isco: '7213', essential: ['pladebearbejdning', 'kantbukning', 'tegningslaesning'], optional: ['mig-mag-svejsning', 'tig-svejsning', 'rustfrit-staal'] },
  { slug: 'vaerktoejsmager', da: 'Værktøjsmager', en: 'Toolmaker', isco: '7222', essential: ['fraesning', 'slibning', 'maaleteknik', 'tegningslaesning'], optional: ['cnc-programmering', 'cad-cam', 'cmm-maaling', 'sproejtestoebning'] },
  { slug: 'industrimekaniker', da: 'Industrimekaniker', en: 'Industrial mechanic', isco: '7233', alt: ['Mekaniker'], essential: ['fejlfinding', 'hydraulik', 'pneumatik', 'forebyggende-vedligehold'], optional: ['mig-mag-svejsning', 'tpm', 'tegningslaesning'] },
  { slug: 'vedligeholdelsestekniker', da: 'Vedligeholdelsestekniker', en: 'Maintenance technician', isco: '7233', essential: ['forebyggende-vedligehold', 'fejlfinding', 'el-diagrammer'], optional: ['tpm', 'plc-programmering', 'hydraulik', 'maskinsikkerhed'] },
  { slug: 'lagermedarbejder', da: 'Lagermedarbejder', en: 'Warehouse worker', isco: '4321', alt: ['Lagerarbejder'], essential: ['ordreplukning', 'truckcertifikat'], optional: ['lagerstyring', 'wms', 'arbejdsmiljoe'] },
  { slug: 'truckfoerer', da: 'Truckfører', en: 'Forklift operator', isco: '8344', essential: ['truckcertifikat', 'arbejdsmiljoe'], optional: ['ordreplukning', 'wms', 'anhugning'] },
  { slug: 'kranfoerer', da: 'Kranfører', en: 'Crane operator', isco: '8343', essential: ['kranfoererbevis', 'anhugning', 'arbejdsmiljoe'], optional: ['truckcertifikat'] },
  { slug: 'procesoperatoer', da: 'Procesoperatør', en: 'Process operator', isco: '3133', essential: ['procesovervaagning', 'kemikaliehaandtering', 'dokumentation'], optional: ['gmp', 'scada', 'spc', 'lean'] },
  { slug: 'industrioperatoer', da: 'Industrioperatør', en: 'Industrial operator', isco: '8189', essential: ['maskinindstilling', 'kvalitetskontrol', 'arbejdsmiljoe'], optional: ['lean', '5s', 'smed-omstilling', 'truckcertifikat'] },
  { slug: 'produktionsmedarbejder', da: 'Produktionsmedarbejder', en: 'Production worker', isco: '9329', essential: ['teamsamarbejde', 'arbejdsmiljoe'], optional: ['5s', 'truckcertifikat', 'mekanisk-montage', 'kvalitetskontrol'] },
  { slug: 'montoer', da: 'Montør', en: 'Mechanical assembler', isco: '8211', essential: ['mekanisk-montage', 'tegningslaesning'], optional: ['pneumatik', 'hydraulik', '5s'] },
  { slug: 'elektronikmontoer', da: 'Elektronikmontør', en: 'Electronics assembler', isco: '8212', essential: ['elektronikmontage', 'el-diagrammer'], optional: ['kvalitetskontrol', 'dokumentation'] },
  { slug: 'plastmager', da: 'Plastmager', en: 'Plastics operator', isco: '8142', essential: ['sproejtestoebning', 'maskinindstilling', 'kvalitetskontrol'], optional: ['ekstrudering', 'robotprogrammering', 'smed-omstilling'] },
  { slug: 'kvalitetstekniker', da: 'Kvalitetstekniker', en: 'Quality technician', isco: '3119', essential: ['kvalitetskontrol', 'maaleteknik', 'iso-9001', 'dokumentation'], optional: ['cmm-maaling', 'spc', 'tegningslaesning', 'lean'] },
  { slug: 'laborant', da: 'Laborant', en: 'Laboratory technician', isco: '3111', essential: ['laboratorieanalyse', 'kemikaliehaandtering', 'dokumentation'], optional: ['gmp', 'hygiejne', 'iso-9001'] },
  { slug: 'produktionsleder', da: 'Produktionsleder', en: 'Production manager', isco: '1321', essential: ['personaleledelse', 'produktionsplanlaegning', 'lean'], optional: ['erp', 'arbejdsmiljoe', 'tpm', 'iso-9001'] },
  { slug: 'formand-produktion', da: 'Formand i produktionen', en: 'Production supervisor', isco: '3122', essential: ['personaleledelse', 'produktionsplanlaegning', 'arbejdsmiljoe'], optional: ['lean', '5s', 'erp'] },
  { slug: 'produktionsingenioer', da: 'Produktionsingeniør', en: 'Production engineer', isco: '2141', essential: ['lean', 'produktionsplanlaegning', 'cad-cam'], optional: ['spc', 'robotprogrammering', 'teknisk-engelsk', 'maskinsikkerhed'] },
];

export const demoOccupationUri = (slug: string): string => `urn:samspil:occupation:${slug}`;
export const demoSkillUri = (slug: string): string => `urn:samspil:skill:${slug}`;
