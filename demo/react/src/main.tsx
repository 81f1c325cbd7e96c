import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      serviceUrl={import.meta.env.VITE_IMP_SERVICE_URL ?? 'http://localhost:4020'}
      merchantCode={import.meta.env.VITE_IMP_MERCHANT_CODE ?? 'imp19424728'}
    />
  </StrictMode>,
);
