package org.entente.server.lobby;

import com.google.common.collect.ImmutableList;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.entente.proto.journal.v1.ScenarioText;
import org.entente.proto.journal.v1.SessionHeader;
import org.entente.proto.journal.v1.Snapshot;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.journal.CorruptJournalException;
import org.entente.server.journal.JournalWriter;
import org.entente.server.journal.SessionFiles;
import org.entente.server.journal.SessionJournal;
import org.entente.server.journal.Storage;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.session.DeadlinePolicy;
import org.entente.server.session.EntryKey;
import org.entente.server.session.GameSession;
import org.entente.server.session.JoinCodes;
import org.entente.server.session.RequestException;
import org.entente.server.session.Scheduler;
import org.entente.server.session.SessionLink;
import org.entente.server.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of one server, by join code, and how they are created. Thread-safe. Each
 * session runs on its own serial executor over a shared worker pool, never on an event loop.
 */
// Just over 400 lines: creation (with its admission checks), recovery and the end of sessions
// (ended, idle) all change the one map of sessions by join code, which this class guards.
public final class Lobby {
  private static final Logger log = LoggerFactory.getLogger(Lobby.class);
  public static final int MAX_TURNS = 120;

  /** How long an ended session stays reachable (for reconnects and the final report) before it is dropped. */
  public static final Duration ENDED_SESSION_RETENTION = Duration.ofHours(2);

  private final ScenarioCatalog catalog;
  private final Executor workers;
  private final Scheduler scheduler;
  private final Clock clock;
  private final JoinAttempts joinAttempts;
  private final SecureRandom random;
  private final Tokens tokens;
  private final Map<String, GameSession> byJoinCode = new ConcurrentHashMap<>();

  /** Sessions by the idempotency key of the create_session that made them, with the hash of its secret. */
  private final Map<Long, Created> byCreationKey = new ConcurrentHashMap<>();

  private record Created(GameSession session, com.google.protobuf.ByteString secretSha256) {}

  /** Where sessions are journalled; null keeps them in memory only. */
  private final JournalWriter journal;

  private final Admission admission;

  /** Validates uploaded scenario files, apart from the sessions' workers; bounded queue. */
  private final Executor validation;

  private final Runnable closeValidation;

  /**
   * Who may create sessions and how much validating uploaded scenarios may cost.
   *
   * @param creationKey when present, a create_session must carry it (constant-time comparison)
   * @param validationThreads threads that validate uploaded scenario files; 0 validates on the
   *     session workers (for tests that run everything on one thread)
   * @param validationQueue uploads that may wait for a thread; past it UNAVAILABLE
   * @param maxScenarioChars the largest scenario file accepted
   */
  public record Admission(
      Optional<String> creationKey,
      int validationThreads,
      int validationQueue,
      int maxScenarioChars,
      Duration idleSessionTimeout) {
    /** How long a session nobody started may stay with nobody connected before it is ended. */
    public static final Duration DEFAULT_IDLE_SESSION_TIMEOUT = Duration.ofHours(2);

    public Admission {
      if (idleSessionTimeout.isNegative() || idleSessionTimeout.isZero()) {
        throw new IllegalArgumentException(
            "the idle-session timeout must be positive: " + idleSessionTimeout);
      }
    }

    public static Admission defaults() {
      return new Admission(Optional.empty(), 1, 4, 60_000, DEFAULT_IDLE_SESSION_TIMEOUT);
    }

    /** Everything on the session workers: for tests that run sessions inline. */
    public static Admission inline() {
      return new Admission(Optional.empty(), 0, 0, 60_000, DEFAULT_IDLE_SESSION_TIMEOUT);
    }

    public Admission withCreationKey(String key) {
      return new Admission(
          Optional.of(key),
          validationThreads,
          validationQueue,
          maxScenarioChars,
          idleSessionTimeout);
    }

    public Admission withIdleSessionTimeout(Duration timeout) {
      return new Admission(
          creationKey, validationThreads, validationQueue, maxScenarioChars, timeout);
    }
  }

  /** A lobby whose sessions live in memory only. */
  public Lobby(
      ScenarioCatalog catalog,
      Executor workers,
      Scheduler scheduler,
      Clock clock,
      SecureRandom random) {
    this(catalog, workers, scheduler, clock, random, null);
  }

  /** A lobby whose sessions are journalled by {@code journal} (null: in memory only). */
  public Lobby(
      ScenarioCatalog catalog,
      Executor workers,
      Scheduler scheduler,
      Clock clock,
      SecureRandom random,
      JournalWriter journal) {
    this(catalog, workers, scheduler, clock, random, journal, Admission.defaults());
  }

  public Lobby(
      ScenarioCatalog catalog,
      Executor workers,
      Scheduler scheduler,
      Clock clock,
      SecureRandom random,
      JournalWriter journal,
      Admission admission) {
    this.admission = admission;
    if (admission.validationThreads() > 0) {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              admission.validationThreads(),
              admission.validationThreads(),
              30,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(admission.validationQueue()),
              new ThreadFactoryBuilder()
                  .setNameFormat("entente-validate-%d")
                  .setDaemon(true)
                  .setPriority(Thread.MIN_PRIORITY)
                  .build());
      pool.allowCoreThreadTimeOut(true);
      this.validation = pool;
      this.closeValidation = pool::shutdownNow;
    } else {
      this.validation = workers;
      this.closeValidation = () -> {};
    }
    this.journal = journal;
    this.catalog = catalog;
    this.workers = workers;
    this.scheduler = scheduler;
    this.clock = clock;
    this.random = random;
    this.tokens = new Tokens(random);
    this.joinAttempts = new JoinAttempts(clock);
  }

  /** The limit on wrong join codes per network host. */
  public JoinAttempts joinAttempts() {
    return joinAttempts;
  }

  public ImmutableList<ScenarioInfo> scenarios() {
    return catalog.builtIns();
  }

  public Optional<GameSession> find(String typedJoinCode) {
    return JoinCodes.normalize(typedJoinCode).map(byJoinCode::get);
  }

  public int sessionCount() {
    return byJoinCode.size();
  }

  /**
   * Creates a session and seats {@code link} as its game master. The scenario is loaded
   * and validated on a worker thread; problems come back as an error on {@code link}.
   */
  public void create(
      SessionLink link,
      long requestId,
      CreateSession request,
      GameSession.AttachCallback callback) {
    create(link, requestId, EntryKey.NONE, request, callback);
  }

  /**
   * As {@link #create(SessionLink, long, CreateSession, GameSession.AttachCallback)}; a retry
   * with the same key and secret gets the session the first request made. A key another
   * creation holds, with another secret or none, makes a new session that is not remembered.
   */
  public void create(
      SessionLink link,
      long requestId,
      EntryKey idempotencyKey,
      CreateSession request,
      GameSession.AttachCallback callback) {
    if (admission.creationKey().isPresent()
        && !MessageDigest.isEqual(
            admission.creationKey().get().getBytes(StandardCharsets.UTF_8),
            request.getCreationKey().getBytes(StandardCharsets.UTF_8))) {
      callback.refused();
      link.send(
          org.entente.server.session.Wire.error(
              requestId,
              ErrorCode.PERMISSION_DENIED,
              request.getCreationKey().isEmpty()
                  ? "This server asks for a creation key to create sessions; ask the person who runs it."
                  : "That creation key is not this server's."));
      return;
    }
    if (request.hasScenarioFile()
        && request.getScenarioFile().getText().length() > admission.maxScenarioChars()) {
      callback.refused();
      link.send(
          org.entente.server.session.Wire.error(
              requestId,
              ErrorCode.INVALID_REQUEST,
              "The scenario file is longer than " + admission.maxScenarioChars() + " characters."));
      return;
    }
    Executor runner = request.hasScenarioFile() ? validation : workers;
    try {
      runner.execute(() -> createNow(link, requestId, idempotencyKey, request, callback));
    } catch (RejectedExecutionException e) {
      callback.refused();
      link.send(
          org.entente.server.session.Wire.error(
              requestId,
              ErrorCode.UNAVAILABLE,
              "The server is checking too many scenario files at once; try again in a few seconds."));
    }
  }

  /** Stops the validation threads. */
  public void close() {
    closeValidation.run();
  }

  private void createNow(
      SessionLink link,
      long requestId,
      EntryKey idempotencyKey,
      CreateSession request,
      GameSession.AttachCallback callback) {
    {
      try {
        Created existing =
            idempotencyKey.remembered() ? byCreationKey.get(idempotencyKey.key()) : null;
        if (existing != null && idempotencyKey.matches(existing.secretSha256())) {
          existing
              .session()
              .retryCreate(
                  link,
                  requestId,
                  idempotencyKey,
                  request.getDisplayName().isBlank() ? "Game master" : request.getDisplayName(),
                  callback);
          return;
        }
        EntryKey key = existing == null ? idempotencyKey : EntryKey.NONE;
        GameSession session = open(request, key);
        session.seatGameMaster(
            link,
            requestId,
            key,
            request.getDisplayName().isBlank() ? "Game master" : request.getDisplayName(),
            dropIfRefused(session, callback));
      } catch (RequestException e) {
        callback.refused();
        link.send(org.entente.server.session.Wire.error(requestId, e));
      } catch (RuntimeException e) {
        log.error("failed to create a session", e);
        callback.refused();
        link.send(
            org.entente.server.session.Wire.error(
                requestId, ErrorCode.UNAVAILABLE, "The server failed to create the session."));
      }
    }
  }

  /** A new session whose game master could not be seated (its files could not be made) is dropped: nobody has its code. */
  private GameSession.AttachCallback dropIfRefused(
      GameSession session, GameSession.AttachCallback callback) {
    return new GameSession.AttachCallback() {
      @Override
      public void attached(GameSession.SeatRef seat) {
        callback.attached(seat);
      }

      @Override
      public void refused() {
        if (byJoinCode.remove(session.joinCode(), session)) {
          byCreationKey.values().removeIf(c -> c.session() == session);
          session.stopIdleCheck();
          log.info("session {} dropped: its game master could not be seated", session.sessionId());
        }
        callback.refused();
      }
    };
  }

  private GameSession open(CreateSession request, EntryKey creationKey) throws RequestException {
    ScenarioCatalog.Loaded loaded = load(request);
    ScenarioInfo info = loaded.info();
    int turns = request.getTurns() == 0 ? info.defaultTurns() : request.getTurns();
    if (turns < 1 || turns > MAX_TURNS) {
      throw new RequestException(
          ErrorCode.INVALID_REQUEST, "The number of turns must be 1.." + MAX_TURNS + ".");
    }
    DeadlinePolicy deadline = deadline(request);
    Press press =
        request.getPress() == Press.PRESS_UNSPECIFIED ? info.defaultPress() : request.getPress();
    if (press == Press.UNRECOGNIZED || press == Press.PRESS_UNSPECIFIED) {
      press = Press.FULL;
    }
    String sessionId = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      String code = JoinCodes.generate(random);
      if (byJoinCode.containsKey(code)) {
        continue;
      }
      long seed = random.nextLong();
      SessionHeader.Builder header =
          SessionHeader.newBuilder()
              .setSessionId(sessionId)
              .setJoinCode(code)
              .setTotalTurns(turns)
              .setPress(press.getNumber())
              .setSecondsPerTurn(deadline.perTurn().map(Duration::getSeconds).orElse(0L))
              .setSeed(seed)
              .setCreatedEpochMillis(clock.millis())
              .setCreationKey(creationKey.remembered() ? creationKey.key() : 0)
              .setCreationSecretSha256(
                  creationKey.remembered()
                      ? creationKey.secretSha256()
                      : com.google.protobuf.ByteString.EMPTY);
      if (request.hasScenarioFile()) {
        header.setScenarioFile(
            ScenarioText.newBuilder()
                .setFileName(request.getScenarioFile().getFileName())
                .setText(request.getScenarioFile().getText()));
      } else {
        header.setBuiltinScenarioId(request.getBuiltinScenarioId());
      }
      SessionJournal sessionJournal =
          journal == null
              ? SessionJournal.memory(SessionJournal.MEMORY_HISTORY_BYTES)
              : journal.create(sessionId, GameSession.initialSnapshot(header.build()));
      GameSession session =
          GameSession.open(
              new GameSession.Setup(
                  sessionId, code, loaded.newSession(), turns, press, deadline, seed),
              MoreExecutors.newSequentialExecutor(workers),
              scheduler,
              clock,
              tokens,
              evictAfterEnd(code, sessionId, sessionJournal),
              sessionJournal,
              header.build());
      if (byJoinCode.putIfAbsent(code, session) == null) {
        if (creationKey.remembered()) {
          byCreationKey.putIfAbsent(
              creationKey.key(), new Created(session, creationKey.secretSha256()));
        }
        log.info("session {} created from scenario {} ({} turns)", sessionId, info.id(), turns);
        session.endWhenIdle(admission.idleSessionTimeout());
        return session;
      }
      if (attempt > 100) {
        throw new RequestException(ErrorCode.UNAVAILABLE, "No free join code; try again.");
      }
    }
  }

  /** Drops an ended session from memory after the retention, and moves its files to {@code ended/}. */
  private Runnable evictAfterEnd(String code, String sessionId, SessionJournal sessionJournal) {
    return () ->
        scheduler.schedule(
            ENDED_SESSION_RETENTION,
            () -> {
              GameSession session = byJoinCode.remove(code);
              if (session != null) {
                byCreationKey.values().removeIf(c -> c.session() == session);
                if (journal != null) {
                  journal.archive(sessionJournal);
                }
                log.info("session {} dropped after its end", sessionId);
              }
            });
  }

  /** What {@link #recover()} found, and what the commit log put back first. */
  public record Recovery(
      int sessions, long records, long tornBytes, JournalWriter.Replayed commitLog) {}

  /**
   * Loads every session under the data directory's {@code sessions/}: the newest snapshot of
   * each and the journal written after it. Call once, before the server accepts connections.
   *
   * @throws CorruptJournalException if a file is damaged anywhere but in its last record
   */
  public Recovery recover() throws IOException {
    if (journal == null) {
      return new Recovery(0, 0, 0, new JournalWriter.Replayed(0, 0, 0));
    }
    Storage storage = journal.storage();
    Path sessions = SessionFiles.sessionsDir(journal.dataDir());
    if (!storage.isDirectory(sessions)) {
      storage.createDirectories(sessions);
      storage.syncDirectory(journal.dataDir());
    }
    JournalWriter.Replayed replayed = journal.replayCommitLog();
    int count = 0;
    long records = 0;
    long torn = 0;
    for (String name : storage.list(sessions)) {
      Path dir = sessions.resolve(name);
      if (!storage.isDirectory(dir)) {
        continue;
      }
      Optional<SessionFiles.Recovered> found = SessionFiles.recover(storage, dir);
      if (found.isEmpty()) {
        log.warn(
            "{} holds no snapshot (its creation never completed, so nothing in it was acknowledged): skipped",
            dir);
        continue;
      }
      GameSession.Restored restored = restore(found.get());
      count++;
      records += restored.records();
      torn += found.get().tornBytes();
      log.info(
          "session {} ({}): the snapshot of seq {} and {} records after it replayed, {} events, {} at turn {}",
          restored.session().sessionId(),
          JoinCodes.display(restored.session().joinCode()),
          found.get().snapshotSeq(),
          restored.records(),
          restored.lastSeq(),
          restored.phase(),
          restored.turn());
    }
    return new Recovery(count, records, torn, replayed);
  }

  private GameSession.Restored restore(SessionFiles.Recovered files) throws IOException {
    SessionHeader header = Snapshot.parseFrom(files.snapshot()).getHeader();
    ScenarioCatalog.Loaded loaded;
    if (header.hasScenarioFile()) {
      loaded =
          catalog.loadFile(
              header.getScenarioFile().getFileName(), header.getScenarioFile().getText());
    } else {
      loaded = catalog.loadBuiltIn(header.getBuiltinScenarioId()).orElse(null);
    }
    if (loaded == null || !loaded.problems().isEmpty()) {
      throw new IOException(
          "session "
              + header.getSessionId()
              + " in "
              + files.dir()
              + ": its scenario no longer loads"
              + (loaded == null
                  ? " (no built-in scenario '" + header.getBuiltinScenarioId() + "')"
                  : ": " + loaded.problems()));
    }
    DeadlinePolicy deadline =
        header.getSecondsPerTurn() == 0
            ? DeadlinePolicy.gameMasterAdvanced()
            : DeadlinePolicy.fixed(Duration.ofSeconds(header.getSecondsPerTurn()));
    SessionJournal sessionJournal = journal.reopen(files);
    String code = header.getJoinCode();
    GameSession.Restored restored =
        GameSession.restore(
            new GameSession.Setup(
                header.getSessionId(),
                code,
                loaded.newSession(),
                header.getTotalTurns(),
                Press.forNumber(header.getPress()),
                deadline,
                header.getSeed()),
            MoreExecutors.newSequentialExecutor(workers),
            scheduler,
            clock,
            tokens,
            evictAfterEnd(code, header.getSessionId(), sessionJournal),
            sessionJournal,
            files.snapshot(),
            files.records());
    byJoinCode.put(code, restored.session());
    if (header.getCreationKey() != 0 && !header.getCreationSecretSha256().isEmpty()) {
      byCreationKey.put(
          header.getCreationKey(),
          new Created(restored.session(), header.getCreationSecretSha256()));
    }
    if (restored.phase() == org.entente.server.session.Phase.ENDED) {
      evictAfterEnd(code, header.getSessionId(), sessionJournal).run();
    } else if (restored.phase() == org.entente.server.session.Phase.WAITING) {
      restored.session().endWhenIdle(admission.idleSessionTimeout());
    }
    return restored;
  }

  private ScenarioCatalog.Loaded load(CreateSession request) throws RequestException {
    switch (request.getScenarioCase()) {
      case BUILTIN_SCENARIO_ID:
        return catalog
            .loadBuiltIn(request.getBuiltinScenarioId())
            .orElseThrow(
                () ->
                    new RequestException(
                        ErrorCode.NOT_FOUND,
                        "No built-in scenario '" + request.getBuiltinScenarioId() + "'."));
      case SCENARIO_FILE:
        String name =
            request.getScenarioFile().getFileName().isBlank()
                ? "scenario.textproto"
                : request.getScenarioFile().getFileName();
        ScenarioCatalog.Loaded loaded = catalog.loadFile(name, request.getScenarioFile().getText());
        if (!loaded.problems().isEmpty()) {
          int n = loaded.problems().size();
          throw new RequestException(
              ErrorCode.INVALID_SCENARIO,
              "The scenario file has " + n + (n == 1 ? " problem." : " problems."),
              loaded.problems());
        }
        return loaded;
      default:
        throw new RequestException(
            ErrorCode.INVALID_REQUEST, "Choose a built-in scenario or send a scenario file.");
    }
  }

  private static DeadlinePolicy deadline(CreateSession request) throws RequestException {
    switch (request.getDeadline().getKindCase()) {
      case SECONDS_PER_TURN:
        Duration perTurn = Duration.ofSeconds(request.getDeadline().getSecondsPerTurn());
        if (perTurn.compareTo(DeadlinePolicy.MIN) < 0
            || perTurn.compareTo(DeadlinePolicy.MAX) > 0) {
          throw new RequestException(ErrorCode.INVALID_REQUEST, "A turn lasts 10..86400 seconds.");
        }
        return DeadlinePolicy.fixed(perTurn);
      case GAME_MASTER_ADVANCED:
      case KIND_NOT_SET:
        return DeadlinePolicy.gameMasterAdvanced();
      default:
        throw new AssertionError(request.getDeadline().getKindCase());
    }
  }
}
