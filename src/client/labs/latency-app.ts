// The latency lab in the browser: reads the controls, runs the simulation of src/lib/latency, and
// updates the summary, the table of results, the per-second charts and — a moment later, since it runs
// fourteen simulations — the latency-vs-load curve.
import { ruLabs } from '../../i18n/ru/labs.ts';
import { controlsOf, LATENCY_GROUPS } from '../../lib/labs/controls.ts';
import type { LatencyConfig } from '../../lib/latency/config.ts';
import {
  capacity,
  analyseRun,
  latencyVsLoad,
  LatencyWorkspace,
  runSimulation,
  type SecondStats,
  type SweepPoint,
} from '../../lib/latency/lab.ts';
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
import { LabControls } from './lab-controls.ts';
import { latencyRows, loadRows, metricValues, summaryText, sweepRows } from './latency-view.ts';

const s = ruLabs.latency;
const c = s.charts;
const SWEEP_DELAY_MS = 150;

type Point = { x: number; y: number };

const nanIfNull = (value: number | null) => value ?? Number.NaN;

/** Sweep results depend on everything but the traffic's shape, rate and length. */
const SWEEP_KEYS = [
  'service',
  'serviceMs',
  'workers',
  'queueLimit',
  'timeoutMs',
  'retries',
  'backoffMs',
  'jitter',
  'maxBatch',
  'maxWaitMs',
  'batchCost',
  'errorRate',
  'seed',
] as const;

export function mount(root: HTMLElement): () => void {
  const presets = JSON.parse(root.dataset['presets'] ?? '{}') as Record<string, LatencyConfig>;
  let palette: Palette = readPalette(root);
  let series: SecondStats[] = [];
  let sweep: { key: string; points: SweepPoint[] } | null = null;
  let sweepTimer = 0;
  let current: Point = { x: Number.NaN, y: Number.NaN };
  const workspace = new LatencyWorkspace();

  // Unrotated tick labels: Chart.js then skips its rotation fitting on every update
  const axis = (text: string, extra: object = {}) => ({
    ...scaleColors(palette),
    ticks: { ...scaleColors(palette).ticks, minRotation: 0, maxRotation: 0 },
    ...extra,
    title: { display: true, text, color: palette.text },
  });
  const lineOptions = (x: string, y: string, extra: object = {}) => ({
    ...baseOptions(palette),
    parsing: false as const,
    normalized: true,
    spanGaps: false,
    elements: { point: { radius: 0 } },
    scales: { x: axis(x, { type: 'linear' }), y: axis(y, { type: 'logarithmic' }), ...extra },
  });

  const latencyChart = createChart<'line', Point[]>(root, 'latency', {
    type: 'line',
    data: {
      datasets: [
        { label: c.p50, data: [] },
        { label: c.p95, data: [], borderDash: [6, 3] },
        { label: c.p99, data: [], borderDash: [2, 2] },
      ],
    },
    options: lineOptions(c.axisTime, c.axisMs),
  });
  const loadChart = createChart<'line', Point[]>(root, 'load', {
    type: 'line',
    data: {
      datasets: [
        { label: c.offered, data: [], yAxisID: 'y' },
        { label: c.throughput, data: [], yAxisID: 'y', borderDash: [6, 3] },
        { label: c.queue, data: [], yAxisID: 'y2', borderDash: [2, 2] },
        { label: c.timeoutsRate, data: [], yAxisID: 'y', borderDash: [10, 3, 2, 3] },
        { label: c.shedRate, data: [], yAxisID: 'y', borderDash: [4, 4] },
        { label: c.errorsRate, data: [], yAxisID: 'y', borderDash: [1, 3] },
      ],
    },
    options: {
      ...lineOptions(c.axisTime, c.axisRate),
      scales: {
        x: axis(c.axisTime, { type: 'linear' }),
        y: axis(c.axisRate, { beginAtZero: true }),
        y2: axis(c.axisQueue, { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }),
      },
    },
  });
  const sweepChart = createChart<'line', Point[]>(root, 'sweep', {
    type: 'line',
    data: {
      datasets: [
        { label: c.p50, data: [], pointRadius: 2 },
        { label: c.p99, data: [], borderDash: [2, 2], pointRadius: 2 },
        { label: c.mean, data: [], borderDash: [6, 3], pointRadius: 2 },
        { label: c.erlang, data: [], borderDash: [10, 4], pointRadius: 0 },
        { label: c.current, data: [], showLine: false, pointRadius: 6, pointStyle: 'triangle' },
      ],
    },
    options: lineOptions(c.axisLoad, c.axisMs),
  });
  const charts = [latencyChart, loadChart, sweepChart];
  const latencyUpdates = onScreenUpdates(latencyChart);
  const loadUpdates = onScreenUpdates(loadChart);
  const sweepUpdates = onScreenUpdates(sweepChart);

  const colour = () => {
    const [c1, c2, c3, c4] = palette.series;
    const apply = (chart: (typeof charts)[number], colours: string[]) => {
      chart.data.datasets.forEach((d, i) => {
        d.borderColor = colours[i] ?? c1;
        d.backgroundColor = colours[i] ?? c1;
      });
    };
    apply(latencyChart, [c1, c3, c2]);
    apply(loadChart, [c1, c3, c2, c4, palette.text, palette.muted]);
    apply(sweepChart, [c1, c2, c3, c4, palette.text]);
  };

  const printing = new AbortController();
  const latencyTable = bindTable(root, 'latency', () => latencyRows(series), printing.signal);
  const loadTable = bindTable(root, 'load', () => loadRows(series), printing.signal);
  const sweepTable = bindTable(root, 'sweep', () => sweepRows(sweep?.points ?? []), printing.signal);

  const drawSweep = () => {
    const points = sweep?.points ?? [];
    const [p50, p99, mean, erlang, here] = sweepChart.data.datasets;
    const at = (pick: (p: SweepPoint) => number | null) =>
      points.map((p) => ({ x: p.load * 100, y: nanIfNull(pick(p)) }));
    if (p50 !== undefined) p50.data = at((p) => p.p50);
    if (p99 !== undefined) p99.data = at((p) => p.p99);
    if (mean !== undefined) mean.data = at((p) => p.meanLatency);
    if (erlang !== undefined) erlang.data = at((p) => p.erlangMean);
    if (here !== undefined) here.data = [current];
    sweepUpdates.update();
    sweepTable();
  };

  const scheduleSweep = (config: LatencyConfig) => {
    const key = SWEEP_KEYS.map((k) => String(config[k])).join('|');
    window.clearTimeout(sweepTimer);
    if (sweep?.key === key) {
      drawSweep();
      return;
    }
    sweepTimer = window.setTimeout(() => {
      sweep = { key, points: latencyVsLoad(config) };
      drawSweep();
    }, SWEEP_DELAY_MS);
  };

  const render = (since: number) => {
    const started = performance.now();
    const config = controls.values;
    const { summary, seconds } = analyseRun(runSimulation(config, workspace), config, workspace);
    series = seconds;
    const values = metricValues(summary, config);
    for (const tr of root.querySelectorAll<HTMLTableRowElement>('tr[data-metric]')) {
      setText(tr.querySelector('[data-cell="value"]'), values[tr.dataset['metric'] ?? ''] ?? '—');
    }
    setText(root.querySelector('[data-summary]'), summaryText(values, summary, config));
    const [p50, p95, p99] = latencyChart.data.datasets;
    const line = (pick: (x: SecondStats) => number | null) =>
      series.map((x) => ({ x: x.second, y: nanIfNull(pick(x)) }));
    if (p50 !== undefined) p50.data = line((x) => x.p50);
    if (p95 !== undefined) p95.data = line((x) => x.p95);
    if (p99 !== undefined) p99.data = line((x) => x.p99);
    const [offered, throughput, queue, timeouts, shed, errors] = loadChart.data.datasets;
    if (offered !== undefined) offered.data = line((x) => x.offered);
    if (throughput !== undefined) throughput.data = line((x) => x.throughput);
    if (queue !== undefined) queue.data = line((x) => x.queue);
    if (timeouts !== undefined) timeouts.data = line((x) => x.timeoutShare * x.offered);
    if (shed !== undefined) shed.data = line((x) => x.shedShare * x.offered);
    if (errors !== undefined) errors.data = line((x) => x.errorShare * x.offered);
    latencyUpdates.update();
    loadUpdates.update();
    latencyTable();
    loadTable();
    current = { x: (config.rps / capacity(config)) * 100, y: nanIfNull(summary.p99) };
    scheduleSweep(config);
    reportUpdate(root, since, started);
  };

  const redraw = perFrame(render);
  const controls = new LabControls<LatencyConfig>({
    root,
    controls: controlsOf(LATENCY_GROUPS),
    presets,
    defaultPreset: root.dataset['defaultPreset'] ?? Object.keys(presets)[0] ?? '',
    offLabels: s.offLabels,
    onChange: () => {
      redraw.schedule();
    },
  });

  const recolour = () => {
    palette = readPalette(root);
    colour();
    for (const chart of charts) restyle(chart, palette);
  };
  colour();
  render(performance.now());
  const stopWatching = watchTheme(recolour);

  return () => {
    window.clearTimeout(sweepTimer);
    printing.abort();
    redraw.cancel();
    stopWatching();
    controls.dispose();
    for (const updates of [latencyUpdates, loadUpdates, sweepUpdates]) updates.stop();
    for (const chart of charts) chart.destroy();
  };
}
