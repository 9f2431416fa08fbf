import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Offer } from '../../../common/business-service';
import { Alert, Badge, Button, PageHeader, Spinner } from '../../components/ui';
import { useT } from '../../i18n/i18n';
import { useAsync } from '../../lib/use-async';
import { businessApi } from './business-api';
import { financingText, formatDay, kindKey, offerStatusKey, rangeText, segmentKey, themeKey } from './labels';

interface Places { regions: Map<number, string>; municipalities: Map<number, { name: string; regionCode: number }> }

/** Where an offer applies: its regions by name, then the municipalities chosen one by one. */
export function geographyText(offer: Pick<Offer, 'regions' | 'municipalities'>, places: Places | undefined, everywhere: string): string {
  if (offer.regions.length === 0 && offer.municipalities.length === 0) return everywhere;
  if (!places) return '…';
  const regionNames = offer.regions.map((r) => places.regions.get(r) ?? String(r));
  const single = offer.municipalities
    .filter((m) => !offer.regions.includes(places.municipalities.get(m)?.regionCode ?? -1))
    .map((m) => places.municipalities.get(m)?.name ?? String(m));
  return [...regionNames, ...single].join(', ');
}

/** Region and municipality names for showing an offer's geography. */
export function usePlaces() {
  return useAsync(async (): Promise<Places> => {
    const [regions, municipalities] = await Promise.all([businessApi.regions(), businessApi.municipalities()]);
    return {
      regions: new Map(regions.items.map((r) => [r.code, r.name])),
      municipalities: new Map(municipalities.items.map((m) => [m.code, { name: m.name, regionCode: m.regionCode }])),
    };
  }, 'places');
}

/** /ydelser/:id: one offer with its eligibility, financing, capacity and response promise. */
export function OfferDetailPage() {
  const { id = '' } = useParams();
  const { t, locale, problem, formatNumber } = useT();
  const navigate = useNavigate();
  const offer = useAsync(() => businessApi.offer(id), id);
  const places = usePlaces();
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const o = offer.data;
  const none = t('offer.noLimit');
  const num = (n: number) => formatNumber(n);

  async function remove() {
    setError(null);
    try {
      await businessApi.deleteOffer(id);
      navigate('/ydelser', { replace: true });
    } catch (e) {
      setError(e);
      setConfirming(false);
    }
  }

  const facts: [string, ReactNode][] = o ? [
    [t('offer.provider'), `${o.provider.name} (${t(kindKey(o.provider.kind))})`],
    [t('offer.themes'), o.themes.map((th) => t(themeKey(th))).join(', ')],
    [t('offer.employees'), rangeText(t, o.minEmployees, o.maxEmployees, num) ?? none],
    [t('offer.industries'), o.industries.length ? o.industries.join(', ') : t('offer.allIndustries')],
    [t('offer.geography'), geographyText(o, places.data, t('offer.everywhere'))],
    [t('offer.minTurnover'), o.minTurnoverDkk !== null ? t('offer.dkk', { amount: num(o.minTurnoverDkk) }) : none],
    [t('offer.segment'), o.segment ? t(segmentKey(o.segment)) : t('offer.bothSegments')],
    [t('offer.companyAge'), rangeText(t, o.minCompanyAgeYears, o.maxCompanyAgeYears, num) ?? none],
    [t('offer.financing'), financingText(t, o.financing, o.coFinancingRate)],
    [t('offer.capacity'), o.capacityPerQuarter !== null ? t('offer.capacityValue', { count: num(o.capacityPerQuarter) }) : t('offer.unlimited')],
    [t('offer.period'), o.activeFrom || o.activeTo
      ? t('offer.periodValue', { from: formatDay(locale, o.activeFrom, '…'), to: formatDay(locale, o.activeTo, '…') }) : t('offer.always')],
    [t('offer.responseDays'), t('offer.responseDaysValue', { count: o.responseDays })],
    [t('offer.guide'), o.virksomhedsguidenUrl ? <a href={o.virksomhedsguidenUrl} rel="noreferrer" target="_blank">{t('offer.guideLink')}</a> : t('common.none')],
  ] : [];

  return (
    <>
      <p className="back-link"><Link to="/ydelser">← {t('offer.back')}</Link></p>
      {offer.loading && !o ? <Spinner label={t('app.loading')} /> : null}
      {offer.error ? <Alert tone="error">{problem(offer.error)}</Alert> : null}
      {error ? <Alert tone="error">{problem(error)}</Alert> : null}
      {o ? (
        <>
          <PageHeader
            title={o.title}
            actions={o.canManage ? (
              <>
                <Link className="btn btn-secondary" to={`/ydelser/${o.id}/rediger`}>{t('common.edit')}</Link>
                {confirming ? (
                  <>
                    <Button variant="danger" onClick={() => void remove()}>{t('offer.deleteConfirm')}</Button>
                    <Button variant="link" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                  </>
                ) : <Button variant="danger" onClick={() => setConfirming(true)}>{t('offer.delete')}</Button>}
              </>
            ) : undefined}
          >
            <p className="badges">
              <Badge tone={o.status === 'published' ? 'success' : o.status === 'draft' ? 'warning' : 'neutral'}>{t(offerStatusKey(o.status))}</Badge>
              <Badge tone="info">{o.provider.name}</Badge>
            </p>
          </PageHeader>
          {confirming ? <Alert tone="warning">{t('offer.deleteHint')}</Alert> : null}
          {o.description ? <p className="lead" style={{ whiteSpace: 'pre-line' }}>{o.description}</p> : null}
          <section aria-labelledby="offer-facts" className="card">
            <h2 id="offer-facts">{t('offer.factsHeading')}</h2>
            <dl className="facts">
              {facts.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
            </dl>
          </section>
        </>
      ) : null}
    </>
  );
}
