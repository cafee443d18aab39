// Interactive queries across instances: every instance of the word count (word-count.ts)
// answers `GET /counts/<word>` on the endpoint it gives as `applicationServer`. A word whose
// count lives in another instance's task is fetched from that instance, which
// `streams.queryMetadataForKey` names.
//
// Tested end to end with two instances in test/integration/word-count-service.test.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyQueryMetadata, Serdes, type KafkaStreams, type ReadOnlyKeyValueStore, type ValueAndTimestamp } from 'kstreams';

/** Set on a forwarded request: the receiver answers itself, so two instances never bounce a query. */
const FORWARDED = 'x-kstreams-forwarded';

/**
 * Answers `GET /counts/<word>` for `streams` (running word-count.ts's topology with
 * `applicationServer: endpoint`): `{ word, count, from }` where `from` is the instance that
 * holds the word, or 503 while the group rebalances.
 */
export function countsHandler(streams: KafkaStreams, endpoint: string): (request: IncomingMessage, response: ServerResponse) => void {
  const keySerializer = Serdes.String().serializer();
  const reply = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  return (request, response) => {
    const match = /^\/counts\/([^/]+)$/.exec(request.url ?? '');
    if (request.method !== 'GET' || match === null) return reply(response, 404, { error: 'try GET /counts/<word>' });
    const word = decodeURIComponent(match[1]!);
    const metadata = streams.queryMetadataForKey('counts-store', word, keySerializer);
    if (metadata === KeyQueryMetadata.NOT_AVAILABLE) return reply(response, 503, { error: 'the group is rebalancing; try again' });
    const holder = metadata.activeHost.toString();
    if (holder === endpoint || request.headers[FORWARDED] !== undefined) {
      const store = streams.store<ReadOnlyKeyValueStore<string, ValueAndTimestamp<number>>>('counts-store');
      return reply(response, 200, { word, count: store.get(word)?.value ?? 0, from: endpoint });
    }
    fetch(`http://${holder}/counts/${encodeURIComponent(word)}`, { headers: { [FORWARDED]: endpoint } }).then(
      async (forwarded) => reply(response, forwarded.status, await forwarded.json()),
      (error: unknown) => reply(response, 502, { error: `${holder} did not answer: ${String(error)}` }),
    );
  };
}

/**
 * Starts the service of one instance: an HTTP server on a free port of 127.0.0.1, then the
 * instance from `makeStreams`, given that server's endpoint as its `applicationServer`. Start
 * and close the returned `streams` yourself; close `server` too.
 *
 * @example
 * const { streams, endpoint } = await startCountsService((applicationServer) =>
 *   new KafkaStreams(buildTopology(), { ...config, bootstrapServers: 'localhost:9092', applicationServer }));
 * await streams.start(); // then: curl http://<endpoint>/counts/kafka
 */
export async function startCountsService(makeStreams: (applicationServer: string) => KafkaStreams): Promise<{ streams: KafkaStreams; server: Server; endpoint: string }> {
  let handle = (_request: IncomingMessage, response: ServerResponse): void => void response.writeHead(503).end();
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const streams = makeStreams(endpoint);
  handle = countsHandler(streams, endpoint);
  return { streams, server, endpoint };
}
