/**
 * Builds one Worktable server: storage, tokens, relay with its hooks, REST routes, the
 * y-websocket transport and the socket.io control plane, all on one HTTP server. `main.ts` only
 * boots it; tests build the same thing on port 0.
 */
import path from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { TokenSigner, resolveTokenSecret } from './auth/tokens.js';
import type { Config } from './config/config.js';
import { CloseCode, builtInProtocol, type Protocol } from '@worktable/shared';
import { ControlPlane } from './control/controlPlane.js';
import { PrivateReveal } from './control/privateReveal.js';
import { AnonymousReactions } from './control/anonymousReactions.js';
import { controlFeedbackRules } from './control/feedbackRules.js';
import { attachControlServer, type ControlServer } from './control/controlServer.js';
import { Metrics } from './metrics/metrics.js';
import { HistoryRecorder } from './history/historyRecorder.js';
import { RedisDocumentSync } from './scaleout/redisDocumentSync.js';
import { LocalLeases, RedisLeases } from './scaleout/sessionLeases.js';
import { ActivityTracker } from './relay/hooks/activityHook.js';
import { authHook } from './relay/hooks/authHook.js';
import { limitsHook } from './relay/hooks/limitsHook.js';
import { ExportGate } from './security/exportGate.js';
import { authorshipHook } from './relay/hooks/authorshipHook.js';
import { feedbackRulesHook, type FeedbackRules } from './relay/hooks/feedbackRulesHook.js';
import { reactionOwnerHook } from './relay/hooks/reactionOwnerHook.js';
import { memoryHook } from './relay/hooks/memoryHook.js';
import { metricsHook, persistenceMetrics } from './relay/hooks/metricsHook.js';
import { PersistenceHook } from './relay/hooks/persistenceHook.js';
import { Relay } from './relay/relay.js';
import { clientRoutes } from './routes/clientRoutes.js';
import { healthRoutes } from './routes/healthRoutes.js';
import { exportRoutes } from './routes/exportRoutes.js';
import { historyRoutes } from './routes/historyRoutes.js';
import { inviteCodeRoutes } from './routes/inviteCodeRoutes.js';
import { removalRoutes } from './routes/removalRoutes.js';
import { rosterRoutes } from './roster/rosterRoutes.js';
import { participationRoutes } from './routes/participationRoutes.js';
import { installErrorHandlers } from './routes/httpErrors.js';
import { protocolRoutes } from './routes/protocolRoutes.js';
import { PUBLIC_PDFS_PER_MINUTE, recordLinkRoutes } from './routes/recordLinkRoutes.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { requestForLog } from './security/logRedaction.js';
import { originAllowed } from './security/origins.js';
import { OpenConnections, type ConnectionCapLimit } from './security/openConnections.js';
import { RateLimiter } from './security/rateLimit.js';
import { clientAddressReader } from './security/trustProxy.js';
import { RedisSessionQuota } from './security/redisSessionQuota.js';
import { LocalSessionQuota, type SessionQuota } from './security/sessionQuota.js';
import { securityHeaders } from './security/securityHeaders.js';
import { httpServerOptions, watchHttpLimits } from './security/httpLimits.js';
import { MergeWorker } from './storage/mergeWorker.js';
import type { StoragePort } from './storage/port.js';
import { openPostgresStorage } from './storage/postgresStorage.js';
import { openSqliteStorage } from './storage/sqliteStorage.js';
import { sweepAbandonedUploads } from './uploads/abandonedUploads.js';
import { attachYjsTransport } from './transport/yjsWebSocket.js';
import { uploadRoutes } from './uploads/uploadRoutes.js';

/** Name of the SQLite file inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = 'worktable.sqlite';

/** A built server and its parts. */
export interface WorktableServer {
  app: FastifyInstance;
  relay: Relay;
  storage: StoragePort;
  persistence: PersistenceHook;
  signer: TokenSigner;
  metrics: Metrics;
  io: ControlServer;
  /** Starts listening on the configured host/port; resolves with the base URL (`http://host:port`). */
  listen(): Promise<string>;
  /** Graceful stop: closes connections, flushes every pending update, closes storage. */
  close(): Promise<void>;
}

/** Options that are not configuration: for tests and embedding. */
export interface BuildOptions {
  /** Pino logger options, or false for silence. Defaults to the configured level. */
  logger?: boolean | { level: string };
  /** Use this storage instead of opening SQLite in `DATA_DIR`. */
  storage?: StoragePort;
  /** Directory of the built client (defaults to client/dist). */
  clientDir?: string;
  /** Where protocol ids are looked up (defaults to the built-ins; tests add short ones). */
  findProtocol?: (id: string) => Protocol | undefined;
  /** Silence after which a document connection gets a keepalive (tests shorten it). */
  keepaliveMs?: number;
  /** Told of each route as it is registered (a test checks that every session route refuses strangers). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds (but does not start) a server from validated configuration. */
export async function buildServer(config: Config, options: BuildOptions = {}): Promise<WorktableServer> {
  const findProtocol = options.findProtocol ?? builtInProtocol;
  const storage =
    options.storage ??
    (config.databaseUrl ? await openPostgresStorage(config.databaseUrl) : openSqliteStorage(path.join(config.dataDir, SQLITE_FILE_NAME)));
  const signer = new TokenSigner(resolveTokenSecret(config.tokenSecret, config.dataDir), config.tokenTtlSeconds);
  const metrics = new Metrics();

  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: typeof options.logger === 'object' ? options.logger.level : config.logLevel,
            serializers: {
              req: (request: { method?: string; url?: string; socket?: { remoteAddress?: string } }) => requestForLog(request),
            },
          },
    bodyLimit: 64 * 1024,
    forceCloseConnections: true,
    trustProxy: config.trustProxy,
    http: httpServerOptions(config.http),
    // Fastify sets these two itself after creating the server, so they are given here as well.
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  watchHttpLimits(app.server, config.http, {
    timedOut: () => metrics.limited.inc({ limit: 'http_timeout' }),
    dropped: () => metrics.limited.inc({ limit: 'max_connections' }),
  });
  const log = app.log.child({ component: 'relay' });

  // With Redis, documents sync across nodes: its hook subscribes before persistence loads, and
  // relays what persistence has committed.
  const documentSync = config.redisUrl ? new RedisDocumentSync(config.redisUrl, app.log.child({ component: 'redis-sync' })) : null;
  const mergeWorker = new MergeWorker();
  const persistence = new PersistenceHook(storage, {
    merge: mergeWorker.merge,
    flushIntervalMs: config.flushIntervalMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterLogBytes: config.compactAfterLogBytes,
    logger: log,
    observer: persistenceMetrics(metrics),
    maxPendingBytes: config.maxPendingBytes,
    ...(documentSync ? { onCommitted: (batch: readonly { docKey: string; update: Uint8Array }[]) => documentSync.committed(batch) } : {}),
  });
  const activity = new ActivityTracker();
  let feedbackRules: FeedbackRules | null = null;
  const relay = new Relay(
    [
      authHook({ signer, storage }),
      ...(documentSync ? [documentSync] : []),
      limitsHook({ maxMessageBytes: config.maxMessageBytes, maxDocBytes: config.maxDocBytes }),
      feedbackRulesHook(() => feedbackRules),
      authorshipHook(),
      reactionOwnerHook(() => metrics.errors.inc({ kind: 'reaction_reverted' })),
      persistence,
      metricsHook(metrics),
      activity,
      memoryHook(),
    ],
    {
      unloadGraceMs: config.docUnloadGraceMs,
      maxBufferedBytes: config.maxBufferedBytes,
      logger: log,
      maxRelayWaitMs: config.maxRelayWaitMs,
      presence: config.presence,
    },
  );
  metrics.observe(() => {
    const stats = relay.stats();
    return { connections: stats.connections, documents: stats.rooms, pendingUpdates: persistence.pendingUpdates };
  });

  const history = new HistoryRecorder(
    storage,
    { openDocument: (key) => relay.loadedRoom(key)?.doc },
    app.log.child({ component: 'history' }),
  );
  if (documentSync) metrics.observeCrossNode(() => documentSync.counters);
  installErrorHandlers(app);
  await securityHeaders(app);
  const allowOrigin = (origin: string | undefined, host: string | undefined) =>
    originAllowed(origin, host, config.allowedOrigins, config.publicUrl);
  app.removeContentTypeParser('text/plain'); // the API speaks JSON only: anything else is a clear 415
  await app.register(healthRoutes, { storage, relay, metrics, crossNode: documentSync, persistence, metricsToken: config.metricsToken });
  const limitCounter = (limit: string) => () => metrics.limited.inc({ limit });
  // With several nodes the allowance is counted in Redis, so a node more is no allowance more.
  const sessionQuota: SessionQuota = config.redisUrl
    ? new RedisSessionQuota(config.redisUrl, config.sessionsPerAddressPerHour, limitCounter('session_creations'))
    : new LocalSessionQuota(config.sessionsPerAddressPerHour, limitCounter('session_creations'));
  await app.register(sessionRoutes, {
    storage,
    signer,
    publicUrl: config.publicUrl,
    findProtocol,
    joinLimit: new RateLimiter(config.joinFailuresPerMinute, Date.now, limitCounter('join_failures')),
    creation: { secret: config.createSessionSecret, quota: sessionQuota, onSecretRefused: limitCounter('create_session_secret') },
  });
  await app.register(inviteCodeRoutes, { storage, signer, publicUrl: config.publicUrl });
  await app.register(protocolRoutes);
  await app.register(historyRoutes, { storage, signer });
  const recordSource = {
    storage,
    history,
    findProtocol,
    chromiumPath: config.chromiumPath,
    embedBytes: config.exports.embedBytes,
    gate: new ExportGate(config.exports.perSessionAtOnce, limitCounter('exports')),
  };
  await app.register(exportRoutes, { ...recordSource, signer });
  await app.register(recordLinkRoutes, {
    ...recordSource,
    signer,
    publicUrl: config.publicUrl,
    failureLimit: new RateLimiter(config.recordLinkFailuresPerMinute, Date.now, limitCounter('record_link_failures')),
    pdfLimit: new RateLimiter(PUBLIC_PDFS_PER_MINUTE, Date.now, limitCounter('record_pdfs')),
  });
  await app.register(participationRoutes, { storage, signer, history, findProtocol });
  await app.register(uploadRoutes, {
    storage,
    signer,
    metrics,
    maxUploadBytes: config.maxUploadBytes,
    perSession: config.uploadsPerSession,
  });
  const abandonedUploads = sweepAbandonedUploads(storage, {
    requestTimeoutMs: config.http.requestTimeoutMs,
    log: app.log.child({ component: 'uploads' }),
  });
  await clientRoutes(app, options.clientDir);

  const clientAddress = clientAddressReader(config.trustProxy);
  const countRefusal = (limit: ConnectionCapLimit) => metrics.limited.inc({ limit });
  const io = attachControlServer(app.server, {
    signer,
    storage,
    redisUrl: config.redisUrl,
    originAllowed: allowOrigin,
    connections: new OpenConnections(config.connectionCaps, clientAddress, countRefusal),
  });
  const privateReveal = new PrivateReveal(relay, app.log.child({ component: 'private' }));
  const controlPlane = new ControlPlane(io, storage, {
    facilitatorGraceMs: config.facilitatorGraceMs,
    ice: config.ice,
    callCounters: { signal: (outcome) => metrics.callSignals.inc({ outcome }) },
    actionRate: config.controlActionRate,
    controlCounters: { action: (outcome) => metrics.controlActions.inc({ outcome }) },
    logger: app.log.child({ component: 'control' }),
    findProtocol,
    activity: { editsLastMinute: (key) => activity.editsLastMinute(key), document: (key) => relay.loadedRoom(key)?.doc },
    history,
    privateReveal,
    anonymousReactions: new AnonymousReactions(relay, (sessionId, participantId) => signer.pseudonym(sessionId, participantId)),
    leases: config.redisUrl ? new RedisLeases(config.redisUrl) : new LocalLeases(),
    onForgetParticipant: (sessionId, participantId) =>
      relay.closeParticipant(sessionId, participantId, CloseCode.Forbidden, 'removed from the session by the host'),
    onForgetSession: (sessionId) => {
      relay.discardSession(sessionId, CloseCode.NotFound, 'the host deleted this session');
      persistence.discardSession(sessionId);
    },
  });
  feedbackRules = controlFeedbackRules(controlPlane, () => metrics.errors.inc({ kind: 'feedback_reverted' }));
  await app.register(removalRoutes, {
    storage,
    signer,
    participantRemoved: (sessionId, participantId) => controlPlane.participantRemoved(sessionId, participantId),
    sessionDeleted: (sessionId) => controlPlane.sessionDeleted(sessionId),
  });
  await app.register(rosterRoutes, {
    storage,
    signer,
    publicUrl: config.publicUrl,
    controlOf: (sessionId) => controlPlane.controlOf(sessionId),
    rosterImported: (sessionId, hostId, people, seats, columns) => controlPlane.rosterImported(sessionId, hostId, people, seats, columns),
  });
  await controlPlane.resumeAll();
  const documentConnections = new OpenConnections(config.connectionCaps, clientAddress, countRefusal);
  const detachTransport = attachYjsTransport(app.server, relay, {
    maxFrameBytes: Math.min(config.maxMessageBytes * 2, config.maxMessageBytes + 64 * 1024 * 1024),
    logger: log,
    onRefused: (status) => metrics.errors.inc({ kind: `refused_${status}` }),
    originAllowed: allowOrigin,
    keepaliveMs: options.keepaliveMs,
    admit: documentConnections.admit.bind(documentConnections),
  });

  app.addHook('preClose', async () => {
    await abandonedUploads.stop();
    await controlPlane.close();
    await history.flush();
    await privateReveal.flush();
    io.disconnectSockets(true);
    io.engine.close();
    await relay.shutdown();
    detachTransport();
  });
  app.addHook('onClose', async () => {
    sessionQuota.close();
    await storage.close();
    await mergeWorker.close();
  });

  let closing: Promise<void> | null = null;
  return {
    app,
    relay,
    storage,
    persistence,
    signer,
    metrics,
    io,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    },
    close() {
      closing ??= app.close();
      return closing;
    },
  };
}
