import { utilityProcess } from 'electron';
import type { EngineProcess } from '#core/engine/client';
import type { FromEngine, ToEngine } from '#core/engine/protocol';

/**
 * The engine in an Electron utilityProcess (a Node process Electron manages, as Actual Budget runs its
 * server): the main process only relays the `api` channel to it. Messages wait for the process to spawn.
 */
export function utilityEngine(entry: string): () => EngineProcess {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Cartera engine', stdio: 'inherit' });
    let queue: ToEngine[] | null = [];
    child.once('spawn', () => {
      for (const m of queue ?? []) child.postMessage(m);
      queue = null;
    });
    return {
      send: (m) => (queue ? queue.push(m) : child.postMessage(m)),
      onMessage: (fn) => child.on('message', (m: FromEngine) => fn(m)),
      onExit: (fn) => child.on('exit', (code) => fn(code)),
      kill: () => void child.kill(),
    };
  };
}
