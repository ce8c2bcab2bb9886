import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app.tsx';
import { startClientApp } from './create-client-app.ts';
import { startEarlyRequests } from './early-requests.ts';

/** The app on `root`: its cache and router, made once the page's first requests are asked. */
export function start(root: Root): void {
  // At most a quarter of a second's head start: a slow session answer must not hold the page back.
  void startClientApp(
    (routes) => createBrowserRouter(routes),
    (queryClient, routed) => startEarlyRequests(queryClient, new URL(window.location.href), routed),
    250,
  ).then((app) =>
    root.render(
      <StrictMode>
        <App {...app} />
      </StrictMode>,
    ),
  );
}
