// Runs at build time (the lab's first picture, in the HTML) and in the browser: the drift lab's results
// as text — the metric rows with verdicts, the summaries and the rows of each chart's data table.
import { ruLabs } from '../../i18n/ru/labs.ts';
import type { DriftLabConfig } from '../../lib/drift/config.ts';
import type { Verdict } from '../../lib/drift/rules.ts';
import type { DriftReport } from '../../lib/drift/scenario.ts';
import type { StreamResult } from '../../lib/drift/stream.ts';
import { formatFixed, formatPercent, formatPValue } from '../../lib/labs/format.ts';

const s = ruLabs.drift;
const SYMBOLS: Record<Verdict, string> = { ok: '●', warn: '▲', drift: '■' };
/** A verdict as a shape and a word (not colour alone); a dash for a row without one. */
export const verdictText = (v: Verdict | null) => (v === null ? '—' : `${SYMBOLS[v]} ${ruLabs.common.verdicts[v]}`);

/** The metric rows shown for a report, with their value, verdict and (for the tests) their rule. */
export function metricRows(report: DriftReport, config: DriftLabConfig) {
  const alpha = formatFixed(config.alpha, 2);
  const rows: { key: string; value: string; verdict: Verdict | null; rule?: string }[] = [
    { key: 'psi', value: formatFixed(report.psi.value, 3), verdict: report.psi.verdict },
  ];
  if (report.ks !== null) {
    rows.push({
      key: 'ks',
      value: s.metrics.ksValue(formatFixed(report.ks.value, 3), formatPValue(report.ks.pValue)),
      verdict: report.ks.verdict,
      rule: s.metrics.rules.ks(alpha, formatFixed(report.ks.criticalValue, 4)),
    });
  }
  if (report.wasserstein !== null) {
    rows.push({
      key: 'wasserstein',
      value: formatFixed(report.wasserstein.normed, 3),
      verdict: report.wasserstein.verdict,
    });
  }
  rows.push({
    key: 'jensenShannon',
    value: formatFixed(report.jensenShannon.value, 3),
    verdict: report.jensenShannon.verdict,
  });
  if (report.chiSquared !== null) {
    rows.push({
      key: 'chiSquared',
      value: s.metrics.chiValue(
        formatFixed(report.chiSquared.value, 1),
        report.chiSquared.dof,
        formatPValue(report.chiSquared.pValue),
      ),
      verdict: report.chiSquared.verdict,
      rule: s.metrics.rules.chiSquared(alpha),
    });
  }
  rows.push({ key: 'missing', value: formatPercent(report.currentMissingShare, 1), verdict: null });
  return rows;
}

/** Bar labels: the category, or the interval with `digits` decimals (1 on the chart, 2 in the table). */
export function histogramLabels(report: DriftReport, digits: number): string[] {
  if (report.kind === 'categorical') return report.histogram.map((_, k) => s.chart.categories[k] ?? String(k));
  return report.histogram.map((bar) => `${formatFixed(bar.from, digits)}…${formatFixed(bar.to, digits)}`);
}

/** The summary of the first panel: each metric's verdict, the missing share and Evidently's choice. */
export function driftSummary(report: DriftReport, rows: ReturnType<typeof metricRows>): string {
  const parts = rows
    .filter((r) => r.verdict !== null && r.key !== 'missing')
    .map((r) =>
      s.summaryPart(
        s.metrics.names[r.key as keyof typeof s.metrics.names],
        r.value,
        ruLabs.common.verdicts[r.verdict ?? 'ok'],
      ),
    );
  return s.summary(
    parts,
    formatPercent(report.currentMissingShare, 1),
    s.tests[report.evidently.test],
    ruLabs.common.verdicts[report.evidently.verdict],
  );
}

/** Rows of the histogram's table: interval (or category), reference and current share, %. */
export function histogramRows(report: DriftReport): string[][] {
  const labels = histogramLabels(report, 2);
  return report.histogram.map((bar, k) => [
    labels[k] ?? '',
    formatFixed(bar.reference * 100, 1),
    formatFixed(bar.current * 100, 1),
  ]);
}

/** Rows of the stream's table: window, PSI, alert, accuracy once labelled, labels. */
export function streamRows(result: StreamResult): string[][] {
  return result.windows.map((w) => [
    String(w.index),
    formatFixed(w.psi, 3),
    w.alert ? s.stream.yes : s.stream.no,
    w.labelled ? formatFixed(w.accuracy * 100, 1) : '—',
    w.labelled ? s.stream.yes : s.stream.pending,
  ]);
}

/** The stream panel's summary: the first alert and when the quality drop became known. */
export function streamSummary(result: StreamResult): string {
  const alert = result.firstAlert === null ? s.stream.noAlert : s.stream.firstAlert(result.firstAlert);
  const drop = result.firstDrop === null ? s.stream.noDrop : s.stream.drop(result.firstDrop, result.dropKnownAt);
  return `${alert} ${drop}`;
}
