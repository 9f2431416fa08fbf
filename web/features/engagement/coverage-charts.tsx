import { useEffect, useRef } from 'react';
import { LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CoverageMap, MunicipalityCoverage, TierCoverage } from '../../../common/engagement-coverage';

/*
 * The dashboard's two ECharts figures. This module is only ever loaded with a dynamic import (see
 * coverage-page.tsx), so ECharts stays out of the main bundle. Each figure is an image to assistive
 * technology (role="img" with a summary); the tables beside them carry the numbers and the links.
 */
echarts.use([LineChart, MapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];
interface ClickParams { seriesIndex?: number; dataIndex?: number; name?: string }

/** One chart instance on a div: options replaced on change, resized with its box, disposed on unmount. */
function useChart(option: Option, onClick: (params: ClickParams) => void) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    instance.on('click', (params) => click.current(params as ClickParams));
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return element;
}

/** Colours that keep 3:1 against white and tell the series apart; the legend and the table name them. */
const palette = ['#0b4f8a', '#b35c00', '#1e6b34', '#5b2a86', '#00616e', '#a4161a'];

export function MonthlyChart({ tiers, label, monthLabel, targetLabel, onPoint }: {
  tiers: TierCoverage[];
  label: string;
  monthLabel(date: string): string;
  targetLabel(name: string): string;
  onPoint(tier: TierCoverage, date: string): void;
}) {
  const dates = tiers[0]?.monthly.map((p) => p.date) ?? [];
  const option: Option = {
    color: palette,
    animation: false,
    grid: { left: 56, right: 24, top: 48, bottom: 32 },
    legend: { top: 0, textStyle: { fontSize: 14, color: '#1b1f24' } },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: dates.map(monthLabel), axisLabel: { color: '#1b1f24' } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1b1f24' } },
    series: tiers.map((tier, i) => ({
      type: 'line' as const,
      name: tier.name,
      data: tier.monthly.map((p) => p.covered),
      symbolSize: 8,
      cursor: 'pointer',
      markLine: tier.targetCompanies === null ? undefined : {
        symbol: 'none',
        lineStyle: { type: 'dashed', color: palette[i % palette.length] },
        label: { formatter: targetLabel(tier.name), position: 'insideEndTop', color: '#1b1f24' },
        data: [{ yAxis: tier.targetCompanies }],
      },
    })),
  };
  const element = useChart(option, (p) => {
    const tier = p.seriesIndex === undefined ? undefined : tiers[p.seriesIndex];
    const date = p.dataIndex === undefined ? undefined : dates[p.dataIndex];
    if (tier && date) onPoint(tier, date);
  });
  return <div role="img" aria-label={label} className="coverage-chart"><div ref={element} style={{ width: '100%', height: 320 }} /></div>;
}

const mapName = 'samspil-daekning';

export function CoverageMapChart({ map, rows, label, shareLabel, onMunicipality }: {
  map: CoverageMap;
  rows: MunicipalityCoverage[];
  label: string;
  shareLabel(row: MunicipalityCoverage): string;
  onMunicipality(code: number): void;
}) {
  // Registered before the chart's own effects run (effects run in order); registering again replaces the shapes.
  useEffect(() => {
    echarts.registerMap(mapName, map as unknown as Parameters<typeof echarts.registerMap>[1]);
  }, [map]);
  const byName = new Map(rows.filter((r) => r.code !== null).map((r) => [r.name ?? '', r]));
  const option: Option = {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const row = byName.get((p as { name: string }).name);
        return row ? `${row.name}: ${shareLabel(row)}` : (p as { name: string }).name;
      },
    },
    visualMap: {
      type: 'continuous', min: 0, max: 100, left: 8, bottom: 8, text: ['100 %', '0 %'], calculable: false,
      inRange: { color: ['#f3d9d9', '#f7f0d0', '#cfe3c8', '#2f7d46'] }, textStyle: { color: '#1b1f24' },
    },
    series: [{
      type: 'map',
      map: mapName,
      roam: false,
      cursor: 'pointer',
      label: { show: true, color: '#1b1f24', fontSize: 12, fontWeight: 600 },
      itemStyle: { borderColor: '#525a63', borderWidth: 1, areaColor: '#f3f5f7' },
      emphasis: { label: { color: '#1b1f24' }, itemStyle: { areaColor: '#ffbf47' } },
      data: map.features.map((f) => {
        const row = byName.get(f.properties.name);
        return { name: f.properties.name, value: row && row.population > 0 ? Math.round(row.share * 1000) / 10 : undefined };
      }),
    }],
  };
  const element = useChart(option, (p) => {
    const feature = map.features.find((f) => f.properties.name === p.name);
    if (feature) onMunicipality(feature.properties.code);
  });
  return <div role="img" aria-label={label} className="coverage-chart"><div ref={element} style={{ width: '100%', height: 420 }} /></div>;
}
