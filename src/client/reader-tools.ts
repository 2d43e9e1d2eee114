// Always loaded next to book.ts: search shortcuts, the service worker and offline state, and the
// teaching tools (seminar mode, QR codes). Each module keeps its heavy parts behind dynamic imports.
import { initOffline } from './offline.ts';
import { initPageTools } from './page-tools.ts';
import { initSearch } from './search.ts';

initSearch();
initOffline();
initPageTools();
