// `npm run kafka`: runs a local Kafka 4.x broker in the foreground until SIGINT/SIGTERM.
// Prints `KAFKA_BOOTSTRAP=127.0.0.1:<port>` on stdout once the broker serves requests.
// Options: --port N, --controller-port N.
import { parseArgs } from 'node:util';
import { startBroker } from './kafka/local-broker.js';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'controller-port': { type: 'string' } },
});
const toPort = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
const say = (m: string): void => void process.stderr.write(`[kafka] ${m}\n`);

const broker = await startBroker({
  port: toPort(values.port),
  controllerPort: toPort(values['controller-port']),
  log: say,
});
say(`pid ${broker.pid}, folder ${broker.dir}, log ${broker.logFile}`);
console.log(`KAFKA_BOOTSTRAP=${broker.bootstrap}`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping broker ${broker.pid}`);
  broker.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      say(`stop failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

const code = await broker.exited;
if (!stopping) {
  say(`broker exited unexpectedly (code ${code}); see ${broker.logFile}`);
  await broker.stop();
  process.exit(1);
}
