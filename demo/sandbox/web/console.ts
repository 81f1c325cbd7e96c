// Page script of the merchant console (/console), built to /assets/console.js.
import { startConsole } from './console/app';

startConsole();
