// <drift-lab>: loads the drift lab (src/client/labs/drift-app.ts, with Chart.js) when it scrolls into view.
import { defineLazyLab } from './labs/lazy-lab.ts';

defineLazyLab('drift-lab', () => import('./labs/drift-app.ts'));
