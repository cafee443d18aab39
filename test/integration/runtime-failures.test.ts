// Fatal start errors fail clearly and within bounded time: an unreachable broker (nothing
// listening), a "broker" that drops every connection, a missing source topic.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { KafkaStreams } from '../../src/runtime/kafka-streams.js';
import { StreamsState } from '../../src/runtime/streams-state.js';
import { uniqueName } from './kafka.js';
import { newStateDir, removeStateDirs, streamsFor, wordCountTopology } from './runtime-support.js';

afterAll(removeStateDirs);

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Runs `start()` to its rejection; returns the error, wall time and CPU time used meanwhile. */
async function failedStart(streams: KafkaStreams): Promise<{ error: Error; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = Date.now();
  const error = await streams.start().then(
    () => new Error('start() resolved'),
    (e: unknown) => e as Error,
  );
  const used = process.cpuUsage(cpu);
  return { error, ms: Date.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

describe('runtime: fatal start errors', () => {
  it('an unreachable broker: start() rejects naming the brokers, after bounded retries, without spinning', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const streams = new KafkaStreams(wordCountTopology('in', 'out'), { applicationId: uniqueName('down'), bootstrapServers: address, stateDir: newStateDir() });
    const states: StreamsState[] = [];
    streams.state$.subscribe((s) => states.push(s));
    const { error, ms, cpuMs } = await failedStart(streams);
    console.log(`[unreachable] ${ms} ms, cpu ${cpuMs.toFixed(0)} ms: ${error.message}`);
    expect(error.name).toBe('KafkaConnectionError');
    expect(error.message).toContain(`Cannot reach Kafka at ${address}`);
    expect(error.message).toMatch(/ECONNREFUSED|connect/i);
    // Default retries: 5, 300 ms doubling (about 10 s in all); bounded, not immediate.
    expect(ms).toBeGreaterThan(2_000);
    expect(ms).toBeLessThan(30_000);
    // Backoff, not a busy loop: the process mostly waited.
    expect(cpuMs / ms).toBeLessThan(0.3);
    expect(states.at(-1)).toBe(StreamsState.ERROR);
  }, 60_000);

  it('a server that drops every connection: few attempts, spaced out, then a clear error', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
      const streams = new KafkaStreams(wordCountTopology('in', 'out'), {
        applicationId: uniqueName('dropping'),
        bootstrapServers: address,
        stateDir: newStateDir(),
        retry: { retries: 3, initialRetryTime: 200 },
      });
      const { error, ms } = await failedStart(streams);
      console.log(`[dropping] ${connections} connections in ${ms} ms: ${error.message}`);
      expect(error.message).toContain(address);
      expect(streams.state).toBe(StreamsState.ERROR);
      // Retries are bounded (a handful of connection attempts per retry, not thousands) and
      // spaced by the backoff: 200 + 400 + 800 ms nominal, which kafkajs randomizes (a CI run
      // measured 997 ms in all); a busy loop would take a few milliseconds.
      expect(connections).toBeGreaterThan(0);
      expect(connections).toBeLessThan(50);
      expect(ms).toBeGreaterThan(500);
      expect(ms).toBeLessThan(20_000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 60_000);

  it('a missing source topic: start() rejects at once naming the topic', async () => {
    const missing = uniqueName('no-such-topic');
    const streams = streamsFor(wordCountTopology(missing, uniqueName('out')), { applicationId: uniqueName('missing'), stateDir: newStateDir() });
    const { error, ms } = await failedStart(streams);
    expect(error.message).toContain(missing);
    expect(error.message).toMatch(/missing/i);
    expect(ms).toBeLessThan(10_000);
    expect(streams.state).toBe(StreamsState.ERROR);
  }, 30_000);
});
