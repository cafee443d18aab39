// Starts a single-node Apache Kafka 4.x broker (KRaft, broker+controller in one JVM) from the
// Maven Central jars, for integration tests, the demo and benchmarks. Recipe: KAFKA-BROKER.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { ensureBrokerJars } from './broker-jars.js';

export interface StartBrokerOptions {
  /** Folder with the broker jars; default: `ensureBrokerJars()` (fetches them once). */
  readonly libDir?: string;
  /** Client (PLAINTEXT) port; default: a free loopback port. */
  readonly port?: number;
  /** Controller port; default: a free loopback port. */
  readonly controllerPort?: number;
  /** Extra or overriding `server.properties` entries. */
  readonly properties?: Readonly<Record<string, string | number | boolean>>;
  /** Extra JVM arguments, placed after the defaults (a later `-Xmx` wins). */
  readonly jvmArgs?: readonly string[];
  /** Readiness limit per start, in ms; default 60 000. */
  readonly startTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL on stop, in ms; default 30 000. */
  readonly stopTimeoutMs?: number;
  /**
   * Start a small detached watchdog that stops the broker (and removes its folder) if this
   * Node process dies without calling `stop()`; default true.
   */
  readonly watchdog?: boolean;
  /** Progress messages; default: none. */
  readonly log?: (message: string) => void;
}

export interface LocalBroker {
  /** `127.0.0.1:<port>`, for `bootstrap.servers` / kafkajs `brokers`. */
  readonly bootstrap: string;
  readonly port: number;
  readonly controllerPort: number;
  /** PID of the running JVM (changes on `restart()`). */
  readonly pid: number;
  /** Temporary folder: server.properties, log4j2.properties, data/, broker.log. */
  readonly dir: string;
  /** The broker's stdout and stderr (appended across restarts). */
  readonly logFile: string;
  /** Resolves when the current JVM exits, with its exit code (null if killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM, wait up to `stopTimeoutMs`, then SIGKILL; removes `dir`. Idempotent. */
  stop(): Promise<void>;
  /**
   * Stops the JVM (SIGTERM, or SIGKILL with `{ kill: true }` to simulate a crash) and starts a
   * new one on the same data folder and ports; resolves once it serves requests again.
   */
  restart(options?: { readonly kill?: boolean }): Promise<void>;
}

const READY_LINE = 'Kafka Server started';
const NODE_ID = 1;
const WARMUP_ID = 'kstreams-harness-warmup';

/** Starts a fresh broker in a new temporary folder and waits until it serves requests. */
export async function startBroker(options: StartBrokerOptions = {}): Promise<LocalBroker> {
  const log = options.log ?? (() => {});
  const libDir = options.libDir ?? (await ensureBrokerJars({ log }));
  const [port, controllerPort] = await freePorts(options.port, options.controllerPort);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kstreams-kafka-'));
  const logFile = path.join(dir, 'broker.log');
  const propsFile = path.join(dir, 'server.properties');
  const log4jFile = path.join(dir, 'log4j2.properties');
  const jvm = [
    '-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jFile}`, `-Dkafka.logs.dir=${path.join(dir, 'logs')}`,
    ...(options.jvmArgs ?? []),
    '-cp', `${libDir}${path.sep}*`,
  ];
  const timeouts = { start: options.startTimeoutMs ?? 60_000, stop: options.stopTimeoutMs ?? 30_000 };

  let proc: Running | undefined;
  let stopped = false;
  try {
    await writeFile(propsFile, serverProperties(dir, port, controllerPort, options.properties ?? {}));
    await writeFile(log4jFile, LOG4J2_PROPERTIES);
    const t0 = Date.now();
    await format(jvm, propsFile, logFile);
    log(`formatted ${dir} in ${Date.now() - t0} ms`);
    proc = await launch(jvm, propsFile, logFile, dir, port, timeouts.start, options.watchdog ?? true);
    log(`broker ${proc.child.pid} ready on 127.0.0.1:${port} in ${Date.now() - t0} ms`);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const broker: LocalBroker = {
    bootstrap: `127.0.0.1:${port}`,
    port,
    controllerPort,
    dir,
    logFile,
    get pid() {
      return proc?.child.pid ?? -1;
    },
    get exited() {
      return proc ? proc.exited : Promise.resolve(null);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (proc) await terminate(proc, timeouts.stop);
      await rm(dir, { recursive: true, force: true });
    },
    async restart(restartOptions = {}) {
      if (stopped) throw new Error('broker was stopped; start a new one');
      if (proc) await terminate(proc, restartOptions.kill ? 0 : timeouts.stop);
      proc = undefined;
      const t0 = Date.now();
      proc = await launch(jvm, propsFile, logFile, dir, port, timeouts.start, options.watchdog ?? true);
      log(`broker ${proc.child.pid} restarted on 127.0.0.1:${port} in ${Date.now() - t0} ms`);
    },
  };
  return broker;
}

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  exitCode(): number | null | undefined;
}

function serverProperties(
  dir: string,
  port: number,
  controllerPort: number,
  extra: Readonly<Record<string, string | number | boolean>>,
): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': NODE_ID,
    // Static quorum with one voter: the node elects itself at once; format needs no flags.
    'controller.quorum.voters': `${NODE_ID}@127.0.0.1:${controllerPort}`,
    // A literal 127.0.0.1: `localhost` may resolve to ::1 first for Node clients.
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': path.join(dir, 'data'),
    'num.partitions': 1,
    'default.replication.factor': 1,
    // Internal topics: one replica (a single broker) and one partition (loads at once).
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    // No 3 s wait before the first rebalance; allow short client session timeouts.
    'group.initial.rebalance.delay.ms': 0,
    'group.streams.initial.rebalance.delay.ms': 0,
    'group.min.session.timeout.ms': 1000,
    // No time-based retention: tests write records with fixed historical timestamps (1970,
    // 2023) so windows are deterministic, and the broker's retention check (30 s after start,
    // then every 5 min) deleted them mid-test, moving log start offsets under readers (records
    // silently missing, OFFSET_OUT_OF_RANGE at offset 0). Broker-default topics keep records
    // forever, and the check (which also applies topic-level retention, as on windowed
    // changelogs) first runs after a week. DeleteRecords still moves the log start at once.
    'log.retention.ms': -1,
    'log.initial.task.delay.ms': 7 * 24 * 3600 * 1000,
    'log.retention.check.interval.ms': 7 * 24 * 3600 * 1000,
    // The cleaner's dedupe buffer is allocated on the heap: 128 MB by default.
    'log.cleaner.dedupe.buffer.size': 2 * 1024 * 1024,
    // A missing topic must be an error, never a silently created one-partition topic.
    'auto.create.topics.enable': false,
    'num.recovery.threads.per.data.dir': 1,
    // After a crash (SIGKILL) the restarted broker cannot register until the controller has
    // fenced its previous incarnation, i.e. until this session times out (default 9 s).
    'broker.session.timeout.ms': 4000,
    'broker.heartbeat.interval.ms': 500,
    ...extra,
  };
  return Object.entries(props).map(([k, v]) => `${k}=${String(v)}`).join('\n') + '\n';
}

const LOG4J2_PROPERTIES = `status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = OUT
# keeps the readiness line "${READY_LINE}"
logger.srv.name = kafka.server.KafkaRaftServer
logger.srv.level = info
`;

/** A 22-character URL-safe base64 id of 16 bytes, without '-' (as `Uuid.randomUuid()`). */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.includes('-')) return id;
  }
}

async function format(jvm: readonly string[], propsFile: string, logFile: string): Promise<void> {
  const args = [...jvm, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId()}`, '-c', propsFile];
  const child = spawnLogged(args, logFile);
  const code = await exitOf(child);
  if (code !== 0) {
    throw new Error(`Kafka storage format failed (exit ${code}):\n${await tail(logFile)}`);
  }
}

async function launch(
  jvm: readonly string[],
  propsFile: string,
  logFile: string,
  dir: string,
  port: number,
  timeoutMs: number,
  watchdog: boolean,
): Promise<Running> {
  // The log is appended across restarts: look for the ready line only past this point.
  const logStart = (await stat(logFile).catch(() => ({ size: 0 }))).size;
  const child = spawnLogged([...jvm, 'kafka.Kafka', propsFile], logFile);
  let code: number | null | undefined;
  const exited = exitOf(child).then((c) => (code = c));
  const running: Running = { child, exited, exitCode: () => code };
  if (watchdog && child.pid !== undefined) startWatchdog(child.pid, dir);
  try {
    await waitReady(running, logFile, logStart, port, timeoutMs);
  } catch (err) {
    await terminate(running, 0);
    throw err;
  }
  return running;
}

/** Runs java with stdout and stderr appended to the log file (no pipes to drain). */
function spawnLogged(args: readonly string[], logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    return spawn('java', args, { stdio: ['ignore', fd, fd] });
  } finally {
    closeSync(fd);
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('error', (err) => reject(new Error(`cannot run java (is a Java 17+ JDK installed?): ${err.message}`)));
    child.once('exit', (code) => resolve(code));
  });
}

/**
 * Ready = the PLAINTEXT port accepts connections (4.x opens it only once the broker is
 * registered and unfenced) or the log says "Kafka Server started"; then one Metadata request
 * must list our node. Fails early if the JVM exits.
 */
async function waitReady(
  proc: Running,
  logFile: string,
  logStart: number,
  port: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let spawnError: unknown;
  proc.exited.catch((err: unknown) => (spawnError = err));
  for (;;) {
    if (spawnError) throw spawnError;
    const code = proc.exitCode();
    if (code !== undefined) {
      throw new Error(`Kafka broker exited early (code ${code}) before it was ready:\n${await tail(logFile)}`);
    }
    if ((await readFrom(logFile, logStart)).includes(READY_LINE) || (await canConnect(port))) break;
    if (Date.now() > deadline) {
      throw new Error(`Kafka broker not ready after ${timeoutMs} ms on port ${port}:\n${await tail(logFile)}`);
    }
    await delay(200);
  }
  const kafka = new Kafka({
    clientId: 'kstreams-broker-harness',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (!cluster.brokers.some((b) => b.nodeId === NODE_ID)) {
      throw new Error(`broker on port ${port} does not list node ${NODE_ID}: ${JSON.stringify(cluster)}`);
    }
    // Warm-up: the first FindCoordinator creates and loads __consumer_offsets (and, for a
    // transactional id, __transaction_state). Doing it here keeps "coordinator not available /
    // loading" retries out of the first test that joins a group or starts a transaction.
    await admin.describeGroups([WARMUP_ID]);
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ transactionalId: WARMUP_ID, idempotent: true, maxInFlightRequests: 1 });
  try {
    await producer.connect();
    await (await producer.transaction()).abort();
  } finally {
    await producer.disconnect();
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** SIGTERM (clean exit is 0 or 143), SIGKILL after `graceMs`; 0 = SIGKILL at once. */
async function terminate(proc: Running, graceMs: number): Promise<void> {
  if (proc.exitCode() !== undefined) return;
  const exited = proc.exited.catch(() => null);
  if (graceMs > 0) {
    proc.child.kill('SIGTERM');
    const timer = new AbortController(); // a pending timer would keep the caller's process alive
    const done = await Promise.race([
      exited.then(() => true),
      delay(graceMs, false, { signal: timer.signal }).catch(() => true),
    ]);
    timer.abort();
    if (done) return;
  }
  proc.child.kill('SIGKILL');
  await exited;
}

/** Lists free loopback ports (given ones are kept): listen on port 0, read, close. */
async function freePorts(...wanted: (number | undefined)[]): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (const want of wanted) {
      if (want !== undefined) {
        ports.push(want);
        continue;
      }
      // All held open at once, so the two picks differ.
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      ports.push((server.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

async function readFrom(file: string, start: number): Promise<string> {
  const text = await readFile(file);
  return text.subarray(start).toString('utf8');
}

async function tail(file: string, lines = 80): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no broker log)';
  }
}

// Polls every second; when the parent is gone it stops the broker (SIGTERM, SIGKILL after
// 30 s) and removes its folder. It exits as soon as the broker is gone.
const WATCHDOG = `
const [parent, broker] = process.argv.slice(1, 3).map(Number);
const dir = process.argv[3];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const cleanup = () => { try { require('fs').rmSync(dir, { recursive: true, force: true }); } catch {} process.exit(0); };
const timer = setInterval(() => {
  if (!alive(broker)) process.exit(0);
  if (alive(parent)) return;
  clearInterval(timer);
  try { process.kill(broker, 'SIGTERM'); } catch {}
  const deadline = Date.now() + 30000;
  setInterval(() => {
    if (!alive(broker)) cleanup();
    if (Date.now() > deadline) { try { process.kill(broker, 'SIGKILL'); } catch {} setTimeout(cleanup, 1000); }
  }, 500);
}, 1000);
`;

function startWatchdog(brokerPid: number, dir: string): void {
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(brokerPid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}
