// Runs at build time (the lab's first picture, in the HTML) and in the browser: the latency lab's
// results as text — the metric values, the summary and the rows of each chart's data table.
import { ruLabs } from '../../i18n/ru/labs.ts';
import { formatFixed, formatInteger, formatMs, formatPercent } from '../../lib/labs/format.ts';
import type { LatencyConfig } from '../../lib/latency/config.ts';
import { erlangCheck, isMmc, type RunSummary, type SecondStats, type SweepPoint } from '../../lib/latency/lab.ts';

const s = ruLabs.latency;

const ms = (value: number | null) => (value === null ? s.noSuccess : ruLabs.units.ms(formatMs(value)));
const msCell = (value: number | null) => (value === null ? '—' : formatMs(value));

/** The value of each row of the metrics table, by metric key. */
export function metricValues(summary: RunSummary, config: LatencyConfig): Record<string, string> {
  const erlang = erlangCheck(config);
  const why = isMmc(config) ? s.metrics.unstable : s.metrics.notMmc;
  return {
    requests: formatInteger(summary.requests),
    attempts: formatInteger(summary.attempts),
    clientSuccess: formatPercent(summary.clientSuccess, 1),
    p50: ms(summary.p50),
    p95: ms(summary.p95),
    p99: ms(summary.p99),
    p99Histogram: ms(summary.p99Histogram),
    timeout: formatPercent(summary.shares.timeout, 1),
    shed: formatPercent(summary.shares.shed, 1),
    error: formatPercent(summary.shares.error, 1),
    utilization: formatPercent(summary.utilization, 1),
    maxQueue: formatInteger(summary.maxQueue),
    erlangMean: erlang === null ? why : s.metrics.pair(ms(summary.meanLatency), ms(erlang.meanResponse)),
    erlangWait:
      erlang === null
        ? why
        : s.metrics.pair(formatPercent(summary.waitedShare ?? 0, 1), formatPercent(erlang.probabilityOfWait, 1)),
  };
}

/** The lab's text summary (also read by screen readers). */
export function summaryText(values: Record<string, string>, summary: RunSummary, config: LatencyConfig): string {
  const v = (key: string) => values[key] ?? '';
  const erlang = erlangCheck(config);
  const main = s.summary({
    requests: v('requests'),
    attempts: v('attempts'),
    success: v('clientSuccess'),
    p50: v('p50'),
    p95: v('p95'),
    p99: v('p99'),
    histogram: v('p99Histogram'),
    timeout: v('timeout'),
    shed: v('shed'),
    error: v('error'),
    utilization: v('utilization'),
  });
  return erlang === null ? main : main + s.summaryErlang(ms(summary.meanLatency), ms(erlang.meanResponse));
}

/** Rows of the per-second latency table. */
export function latencyRows(series: readonly SecondStats[]): string[][] {
  return series.map((x) => [
    String(x.second),
    msCell(x.p50),
    msCell(x.p95),
    msCell(x.p99),
    formatFixed(x.timeoutShare * 100, 1),
    formatFixed(x.shedShare * 100, 1),
    formatFixed(x.errorShare * 100, 1),
  ]);
}

/** Rows of the per-second load table. */
export function loadRows(series: readonly SecondStats[]): string[][] {
  return series.map((x) => [
    String(x.second),
    formatInteger(x.offered),
    formatInteger(x.throughput),
    formatInteger(x.timeoutShare * x.offered),
    formatInteger(x.shedShare * x.offered),
    formatInteger(x.errorShare * x.offered),
    formatFixed(x.queue, 1),
  ]);
}

/** Rows of the latency-vs-load table. */
export function sweepRows(points: readonly SweepPoint[]): string[][] {
  return points.map((p) => [
    formatInteger(p.load * 100),
    formatInteger(p.rps),
    msCell(p.p50),
    msCell(p.p99),
    msCell(p.meanLatency),
    msCell(p.erlangMean),
    formatFixed(p.failedShare * 100, 1),
  ]);
}
