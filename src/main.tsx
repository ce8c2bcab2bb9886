import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/app.tsx';
import { startClientApp } from './app/create-client-app.ts';
import { startEarlyRequests } from './app/early-requests.ts';
import { warmLocaleData } from './lib/warm-locale-data.ts';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// At most a quarter of a second's head start: a slow session answer must not hold the page back.
void startClientApp(
  (routes) => createBrowserRouter(routes),
  (queryClient, routed) => startEarlyRequests(queryClient, new URL(window.location.href), routed),
  250,
).then((app) =>
  createRoot(root).render(
    <StrictMode>
      <App {...app} />
    </StrictMode>,
  ),
);
warmLocaleData();
