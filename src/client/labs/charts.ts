// Chart.js for the labs: only the parts the labs draw are registered (tree-shaken; never chart.js/auto),
// colours come from the lab's CSS variables (a colour-blind-safe palette for each theme), and charts do
// not animate when the reader prefers reduced motion.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type DefaultDataPoint,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export { Chart };

/** Colours of a lab's charts, read from its CSS variables. */
export interface Palette {
  series: [string, string, string, string];
  text: string;
  muted: string;
  grid: string;
}

export function readPalette(element: Element): Palette {
  const frame = element.querySelector('[data-lab-frame]') ?? element;
  const style = getComputedStyle(frame);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return {
    series: [v('--lab-c1'), v('--lab-c2'), v('--lab-c3'), v('--lab-c4')],
    text: v('--text'),
    muted: v('--muted'),
    grid: v('--border'),
  };
}

export function prefersReducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Calls `callback` whenever the book's theme changes; returns a function that stops watching. */
export function watchTheme(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    observer.disconnect();
  };
}

/** Options every lab chart shares: sized by its box, animated only on first draw and only if allowed. */
export function baseOptions(palette: Palette) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    locale: 'ru-RU',
    animation: prefersReducedMotion() ? (false as const) : { duration: 300 },
    interaction: { mode: 'index' as const, intersect: false },
    color: palette.text,
    plugins: {
      legend: { labels: { color: palette.text, usePointStyle: true } },
      tooltip: { enabled: true },
    },
  };
}

/**
 * Text and grid colours of a scale; its tick labels are sized from a sample of 8 (they share a format)
 * instead of measuring every label on every update.
 */
export function scaleColors(palette: Palette) {
  return {
    ticks: { color: palette.muted, sampleSize: 8 },
    grid: { color: palette.grid },
    title: { color: palette.text },
  };
}

/** Recolours a chart's axes and legend after a theme change and redraws it. */
export function restyle(chart: Chart<ChartType, unknown[]>, palette: Palette): void {
  for (const scale of Object.values(chart.options.scales ?? {})) {
    if (scale === undefined) continue;
    Object.assign(scale, { ticks: { ...scale.ticks, color: palette.muted } });
    if ('title' in scale) scale.title.color = palette.text;
    if ('grid' in scale) scale.grid.color = palette.grid;
  }
  const legend = chart.options.plugins?.legend?.labels;
  if (legend !== undefined) legend.color = palette.text;
  chart.update('none');
}

/** Creates a chart in the figure `name` of a lab and hides its loading note. */
export function createChart<TType extends ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(
  root: Element,
  name: string,
  config: ChartConfiguration<TType, TData, TLabel>,
): Chart<TType, TData, TLabel> {
  const figure = root.querySelector(`[data-chart="${name}"]`);
  const canvas = figure?.querySelector('canvas') ?? null;
  if (figure === null || canvas === null) throw new Error(`lab: chart ${name} is missing`);
  figure.querySelector('[data-placeholder]')?.setAttribute('hidden', '');
  return new Chart(canvas, config);
}

/**
 * Redraws a chart whose data changed: at once while it is on screen, otherwise when it scrolls into view,
 * so that a slider input pays only for the charts the reader can see. Returns `update` (call after
 * changing the data) and `stop`.
 */
export function onScreenUpdates(chart: Chart<ChartType, unknown[]>): { update: () => void; stop: () => void } {
  let visible = true;
  let stale = false;
  const observer = new IntersectionObserver((entries) => {
    visible = entries.some((entry) => entry.isIntersecting);
    if (visible && stale) {
      stale = false;
      chart.update('none');
    }
  });
  observer.observe(chart.canvas);
  return {
    update: () => {
      stale = !visible;
      if (visible) chart.update('none');
    },
    stop: () => {
      observer.disconnect();
    },
  };
}
