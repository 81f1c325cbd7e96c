// The browser entry: hydrates the server's HTML with the same props, read
// from the root element's data attributes (no inline script needed).
import { hydrateRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

const root = document.getElementById('root')!;
const { serviceUrl = '', merchantCode = '', serverAnswer = '' } = root.dataset;
hydrateRoot(root, <App serviceUrl={serviceUrl} merchantCode={merchantCode} serverAnswer={serverAnswer} />);
