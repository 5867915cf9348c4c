/** Entry point: mounts the app into `#root`. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { SessionTable } from './pages/lazyPages.js';
import { matchRoute } from './router.js';
import './styles.css';

// An invite link or a table: the table's code is what comes next, so it is fetched from the start,
// while the first page renders (on a slow phone that render takes a while).
const first = matchRoute(window.location).name;
if (first === 'join' || first === 'session') SessionTable.preload().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
