// The drift lab in the browser: reads the controls, draws the samples and computes the metrics with
// src/lib/drift, and updates the summary, the metrics table, the charts and their data tables.
import { ruLabs } from '../../i18n/ru/labs.ts';
import type { DriftLabConfig } from '../../lib/drift/config.ts';
import { analyseDrift, drawCurrent, drawReference, type DriftReport } from '../../lib/drift/scenario.ts';
import { simulateStream, type StreamResult } from '../../lib/drift/stream.ts';
import { controlsOf, DRIFT_GROUPS, STREAM_GROUPS } from '../../lib/labs/controls.ts';
import {
  baseOptions,
  createChart,
  onScreenUpdates,
  readPalette,
  restyle,
  scaleColors,
  watchTheme,
  type Palette,
} from './charts.ts';
import { bindTable, perFrame, reportUpdate, setText } from './dom.ts';
import {
  driftSummary,
  histogramLabels,
  histogramRows,
  metricRows,
  streamRows,
  streamSummary,
  verdictText,
} from './drift-view.ts';
import { LabControls } from './lab-controls.ts';

const s = ruLabs.drift;
type Point = { x: number; y: number };

const REFERENCE_KEYS = ['feature', 'referenceSize', 'seed'] as const;
const CURRENT_KEYS = ['feature', 'shift', 'scale', 'missing', 'noise', 'currentSize', 'seed'] as const;
const STREAM_KEYS = ['stream', 'magnitude', 'delay', 'seed'] as const;
const keyOf = (config: DriftLabConfig, keys: readonly (keyof DriftLabConfig)[]) =>
  keys.map((k) => String(config[k])).join('|');

export function mount(root: HTMLElement): () => void {
  const presets = JSON.parse(root.dataset['presets'] ?? '{}') as Record<string, DriftLabConfig>;
  let palette: Palette = readPalette(root);
  let reference: { key: string; value: Float64Array } | null = null;
  let current: { key: string; value: ReturnType<typeof drawCurrent> } | null = null;
  let stream: { key: string; value: StreamResult } | null = null;
  let report: DriftReport | null = null;

  const histogram = createChart<'bar', number[], string>(root, 'histogram', {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: s.chart.reference, data: [] },
        { label: s.chart.current, data: [] },
      ],
    },
    options: {
      ...baseOptions(palette),
      scales: {
        x: { ...scaleColors(palette), title: { display: true, text: s.chart.axisValue, color: palette.text } },
        y: {
          ...scaleColors(palette),
          beginAtZero: true,
          title: { display: true, text: s.chart.axisShare, color: palette.text },
        },
      },
    },
  });

  const streamChart = createChart<'line', Point[]>(root, 'stream', {
    type: 'line',
    data: {
      datasets: [
        { label: s.stream.psi, data: [], yAxisID: 'y', pointStyle: 'circle', pointRadius: 2 },
        { label: s.stream.threshold, data: [], yAxisID: 'y', borderDash: [6, 4], pointRadius: 0 },
        { label: s.stream.accuracy, data: [], yAxisID: 'y2', pointStyle: 'rect', pointRadius: 2 },
        { label: s.stream.referenceAccuracy, data: [], yAxisID: 'y2', borderDash: [2, 3], pointRadius: 0 },
      ],
    },
    options: {
      ...baseOptions(palette),
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          ...scaleColors(palette),
          title: { display: true, text: s.stream.axisWindow, color: palette.text },
        },
        y: {
          ...scaleColors(palette),
          beginAtZero: true,
          title: { display: true, text: s.stream.psi, color: palette.text },
        },
        y2: {
          position: 'right',
          min: 50,
          max: 100,
          ticks: { color: palette.muted },
          grid: { drawOnChartArea: false, color: palette.grid },
          title: { display: true, text: s.stream.axisAccuracy, color: palette.text },
        },
      },
    },
  });

  const histogramUpdates = onScreenUpdates(histogram);
  const streamUpdates = onScreenUpdates(streamChart);

  const colour = () => {
    const [c1, c2, c3] = palette.series;
    const bars = histogram.data.datasets;
    [c1, c2].forEach((c, i) => {
      const d = bars[i];
      if (d !== undefined) {
        d.backgroundColor = `color-mix(in srgb, ${c} 55%, transparent)`;
        d.borderColor = c;
        d.borderWidth = 1;
      }
    });
    const lines = streamChart.data.datasets;
    [c1, palette.text, c2, c3].forEach((c, i) => {
      const d = lines[i];
      if (d !== undefined) {
        d.borderColor = c;
        d.backgroundColor = c;
      }
    });
  };

  const printing = new AbortController();
  const histogramTable = bindTable(
    root,
    'histogram',
    () => (report === null ? [] : histogramRows(report)),
    printing.signal,
  );
  const streamTable = bindTable(
    root,
    'stream',
    () => (stream === null ? [] : streamRows(stream.value)),
    printing.signal,
  );

  const renderSamples = (config: DriftLabConfig) => {
    const referenceKey = keyOf(config, REFERENCE_KEYS);
    if (reference?.key !== referenceKey) reference = { key: referenceKey, value: drawReference(config) };
    const currentKey = keyOf(config, CURRENT_KEYS);
    if (current?.key !== currentKey) current = { key: currentKey, value: drawCurrent(config) };
    report = analyseDrift(config, { reference: reference.value, ...current.value });
    const rows = metricRows(report, config);
    for (const tr of root.querySelectorAll<HTMLTableRowElement>('tr[data-metric]')) {
      const row = rows.find((r) => r.key === tr.dataset['metric']);
      tr.hidden = row === undefined;
      if (row === undefined) continue;
      setText(tr.querySelector('[data-cell="value"]'), row.value);
      if (row.rule !== undefined) setText(tr.querySelector('[data-cell="rule"]'), row.rule);
      const verdictCell = tr.querySelector<HTMLElement>('[data-cell="verdict"]');
      if (verdictCell !== null) {
        setText(verdictCell, verdictText(row.verdict));
        verdictCell.dataset['verdict'] = row.verdict ?? '';
      }
    }
    setText(root.querySelector('[data-summary]'), driftSummary(report, rows));
    histogram.data.labels = histogramLabels(report, 1);
    const [ref, cur] = histogram.data.datasets;
    if (ref !== undefined) ref.data = report.histogram.map((b) => b.reference * 100);
    if (cur !== undefined) cur.data = report.histogram.map((b) => b.current * 100);
    const xScale = histogram.options.scales?.['x'];
    if (xScale?.title !== undefined) {
      xScale.title.text = report.kind === 'categorical' ? s.chart.axisCategory : s.chart.axisValue;
    }
    histogramUpdates.update();
    histogramTable();
  };

  const renderStream = (config: DriftLabConfig) => {
    const key = keyOf(config, STREAM_KEYS);
    if (stream?.key === key) return;
    const result = simulateStream({
      kind: config.stream,
      magnitude: config.magnitude,
      delay: config.delay,
      seed: config.seed,
    });
    stream = { key, value: result };
    const last = result.windows.length - 1;
    const [psi, threshold, accuracy, reference] = streamChart.data.datasets;
    if (psi !== undefined) psi.data = result.windows.map((w) => ({ x: w.index, y: w.psi }));
    if (threshold !== undefined)
      threshold.data = [
        { x: 0, y: result.alertThreshold },
        { x: last, y: result.alertThreshold },
      ];
    if (accuracy !== undefined) {
      accuracy.data = result.windows.map((w) => ({ x: w.index, y: w.labelled ? w.accuracy * 100 : Number.NaN }));
    }
    if (reference !== undefined) {
      reference.data = [
        { x: 0, y: result.referenceAccuracy * 100 },
        { x: last, y: result.referenceAccuracy * 100 },
      ];
    }
    streamUpdates.update();
    streamTable();
    setText(root.querySelector('[data-stream-summary]'), streamSummary(result));
  };

  const render = (since: number) => {
    const started = performance.now();
    const config = controls.values;
    renderSamples(config);
    renderStream(config);
    reportUpdate(root, since, started);
  };

  const redraw = perFrame(render);
  const controls = new LabControls<DriftLabConfig>({
    root,
    controls: controlsOf([...DRIFT_GROUPS, ...STREAM_GROUPS]),
    presets,
    defaultPreset: root.dataset['defaultPreset'] ?? Object.keys(presets)[0] ?? '',
    onChange: () => {
      redraw.schedule();
    },
  });

  const recolour = () => {
    palette = readPalette(root);
    colour();
    restyle(histogram, palette);
    restyle(streamChart, palette);
  };
  colour();
  render(performance.now());
  const stopWatching = watchTheme(recolour);

  return () => {
    redraw.cancel();
    printing.abort();
    stopWatching();
    controls.dispose();
    histogramUpdates.stop();
    streamUpdates.stop();
    histogram.destroy();
    streamChart.destroy();
  };
}
