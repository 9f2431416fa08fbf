import { useEffect, useMemo, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReferralKpiRow } from '../../../common/referrals';

/*
 * Sent and started referrals by provider as a horizontal bar chart. Loaded only with a dynamic import
 * (referral-kpis-page.tsx) so ECharts stays out of the main bundle; to assistive technology it is one image
 * with a summary, the table beside it carries the numbers.
 */
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

export function ReferralProviderChart({ rows, label, sentLabel, startedLabel }: {
  rows: ReferralKpiRow[]; label: string; sentLabel: string; startedLabel: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const shown = useMemo(() => rows.slice(0, 12).reverse(), [rows]);

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => { observer.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    const option: Option = {
      color: ['#0b4f8a', '#1e6b34'],
      animation: false,
      grid: { left: 200, right: 24, top: 40, bottom: 24 },
      legend: { top: 0, data: [sentLabel, startedLabel] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        { name: sentLabel, type: 'bar', data: shown.map((r) => r.sent) },
        { name: startedLabel, type: 'bar', data: shown.map((r) => r.started) },
      ],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [shown, sentLabel, startedLabel]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: `${Math.max(160, 60 + shown.length * 44)}px` }} />;
}
