import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/app.tsx';
import { createClientApp } from './app/create-client-app.ts';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = createClientApp((routes) => createBrowserRouter(routes));

createRoot(root).render(
  <StrictMode>
    <App {...app} />
  </StrictMode>,
);
