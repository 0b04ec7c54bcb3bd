// The engine process's entry: plain Node. Electron's main process starts it with utilityProcess.fork
// (dist-electron/engine.cjs), `npm run web` and the tests with child_process.fork; both talk the
// protocol in protocol.ts. Its long operations run in the worker beside it (engine-worker.*, or
// worker.ts when run from the sources).
import { runEngine } from './engine';
import { parentPort } from './protocol';

const here = import.meta.url;
const workerFile = new URL(here.endsWith('.ts') ? './worker.ts' : `./engine-worker${here.slice(here.lastIndexOf('.'))}`, here);
const engine = runEngine(parentPort(), workerFile);
// Ctrl+C in a terminal reaches the whole process group: the host decides when to close, and the book
// is closed cleanly (backup on quit, WAL checkpoint) also when the host goes away without saying so
process.on('SIGINT', () => {});
process.on('disconnect', () => engine.close());
