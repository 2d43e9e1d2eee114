// <latency-lab>: loads the latency lab (src/client/labs/latency-app.ts, with Chart.js) when it scrolls into view.
import { defineLazyLab } from './labs/lazy-lab.ts';

defineLazyLab('latency-lab', () => import('./labs/latency-app.ts'));
