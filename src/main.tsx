import { createRoot } from 'react-dom/client';
import { warmLocaleData } from './lib/warm-locale-data.ts';
import './index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);

// React here, the app (its router, its queries, its zod contracts) in a module of its own: the
// browser evaluates a module graph in one task, and the whole app's in one was the package
// view's longest task while opening (docs/decisions/0240). The server names that module in
// the HTML, so it is fetched beside this one, not after it.
void import('./app/start.tsx').then(({ start }) => start(root));
warmLocaleData();
