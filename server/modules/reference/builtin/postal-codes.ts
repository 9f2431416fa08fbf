/**
 * A small built-in set of postal codes with approximate town-centre coordinates (WGS84), written from public facts:
 * every postal town of Trekantområdet's seven municipalities (Kolding, Vejle, Fredericia, Middelfart, Billund, Vejen,
 * Haderslev) and the regional cities around them, so the demo and a fresh installation measure commutes and travel.
 * `npx samspil import postnumre` replaces them with the official list (polygon centroids) — imported rows win, and
 * until that import has run, postal codes outside this set are accepted unvalidated (see `postalCodeLookup`).
 */
export interface BuiltinPostalCode {
  code: string;
  name: string;
  municipalityCode: number;
  lat: number;
  lon: number;
}

export const builtinPostalCodes: readonly BuiltinPostalCode[] = [
  // Kolding (621)
  { code: '6000', name: 'Kolding', municipalityCode: 621, lat: 55.4904, lon: 9.4722 },
  { code: '6051', name: 'Almind', municipalityCode: 621, lat: 55.5610, lon: 9.4480 },
  { code: '6052', name: 'Viuf', municipalityCode: 621, lat: 55.5800, lon: 9.5010 },
  { code: '6064', name: 'Jordrup', municipalityCode: 621, lat: 55.5640, lon: 9.3070 },
  { code: '6070', name: 'Christiansfeld', municipalityCode: 621, lat: 55.3570, lon: 9.4820 },
  { code: '6091', name: 'Bjert', municipalityCode: 621, lat: 55.4490, lon: 9.5630 },
  { code: '6092', name: 'Sønder Stenderup', municipalityCode: 621, lat: 55.4670, lon: 9.6170 },
  { code: '6093', name: 'Sjølund', municipalityCode: 621, lat: 55.4050, lon: 9.5000 },
  { code: '6094', name: 'Hejls', municipalityCode: 621, lat: 55.3840, lon: 9.5980 },
  { code: '6580', name: 'Vamdrup', municipalityCode: 621, lat: 55.4290, lon: 9.2830 },
  { code: '6640', name: 'Lunderskov', municipalityCode: 621, lat: 55.4830, lon: 9.3030 },
  // Vejle (630)
  { code: '6040', name: 'Egtved', municipalityCode: 630, lat: 55.6160, lon: 9.3070 },
  { code: '7080', name: 'Børkop', municipalityCode: 630, lat: 55.6420, lon: 9.6500 },
  { code: '7100', name: 'Vejle', municipalityCode: 630, lat: 55.7093, lon: 9.5357 },
  { code: '7120', name: 'Vejle Øst', municipalityCode: 630, lat: 55.7180, lon: 9.6000 },
  { code: '7173', name: 'Vonge', municipalityCode: 630, lat: 55.8580, lon: 9.4330 },
  { code: '7182', name: 'Bredsten', municipalityCode: 630, lat: 55.7100, lon: 9.3660 },
  { code: '7183', name: 'Randbøl', municipalityCode: 630, lat: 55.6980, lon: 9.2620 },
  { code: '7300', name: 'Jelling', municipalityCode: 630, lat: 55.7560, lon: 9.4190 },
  { code: '7321', name: 'Gadbjerg', municipalityCode: 630, lat: 55.7650, lon: 9.3260 },
  { code: '7323', name: 'Give', municipalityCode: 630, lat: 55.8450, lon: 9.2380 },
  // Fredericia (607)
  { code: '7000', name: 'Fredericia', municipalityCode: 607, lat: 55.5657, lon: 9.7526 },
  // Middelfart (410)
  { code: '5464', name: 'Brenderup Fyn', municipalityCode: 410, lat: 55.4830, lon: 9.9790 },
  { code: '5466', name: 'Asperup', municipalityCode: 410, lat: 55.4960, lon: 9.9220 },
  { code: '5500', name: 'Middelfart', municipalityCode: 410, lat: 55.5058, lon: 9.7305 },
  { code: '5580', name: 'Nørre Aaby', municipalityCode: 410, lat: 55.4620, lon: 9.8800 },
  { code: '5591', name: 'Gelsted', municipalityCode: 410, lat: 55.3900, lon: 9.9750 },
  { code: '5592', name: 'Ejby', municipalityCode: 410, lat: 55.4300, lon: 9.9300 },
  // Billund (530)
  { code: '6623', name: 'Vorbasse', municipalityCode: 530, lat: 55.6330, lon: 9.0800 },
  { code: '7190', name: 'Billund', municipalityCode: 530, lat: 55.7300, lon: 9.1120 },
  { code: '7200', name: 'Grindsted', municipalityCode: 530, lat: 55.7570, lon: 8.9270 },
  { code: '7250', name: 'Hejnsvig', municipalityCode: 530, lat: 55.6980, lon: 8.9820 },
  { code: '7260', name: 'Sønder Omme', municipalityCode: 530, lat: 55.8380, lon: 8.8960 },
  // Vejen (575)
  { code: '6600', name: 'Vejen', municipalityCode: 575, lat: 55.4810, lon: 9.1370 },
  { code: '6621', name: 'Gesten', municipalityCode: 575, lat: 55.5300, lon: 9.1900 },
  { code: '6622', name: 'Bække', municipalityCode: 575, lat: 55.5660, lon: 9.1330 },
  { code: '6630', name: 'Rødding', municipalityCode: 575, lat: 55.3650, lon: 9.0640 },
  { code: '6650', name: 'Brørup', municipalityCode: 575, lat: 55.4810, lon: 9.0170 },
  { code: '6670', name: 'Holsted', municipalityCode: 575, lat: 55.5100, lon: 8.9170 },
  // Haderslev (510)
  { code: '6100', name: 'Haderslev', municipalityCode: 510, lat: 55.2497, lon: 9.4878 },
  { code: '6500', name: 'Vojens', municipalityCode: 510, lat: 55.2460, lon: 9.3050 },
  { code: '6510', name: 'Gram', municipalityCode: 510, lat: 55.2890, lon: 9.0490 },
  { code: '6541', name: 'Bevtoft', municipalityCode: 510, lat: 55.1920, lon: 9.2540 },
  { code: '6560', name: 'Sommersted', municipalityCode: 510, lat: 55.3190, lon: 9.2900 },
  // Regional cities around the partnership
  { code: '5000', name: 'Odense C', municipalityCode: 461, lat: 55.3959, lon: 10.3883 },
  { code: '6200', name: 'Aabenraa', municipalityCode: 580, lat: 55.0443, lon: 9.4174 },
  { code: '6700', name: 'Esbjerg', municipalityCode: 561, lat: 55.4765, lon: 8.4594 },
  { code: '7400', name: 'Herning', municipalityCode: 657, lat: 56.1393, lon: 8.9738 },
  { code: '8000', name: 'Aarhus C', municipalityCode: 751, lat: 56.1567, lon: 10.2108 },
  { code: '8700', name: 'Horsens', municipalityCode: 615, lat: 55.8607, lon: 9.8503 },
];
