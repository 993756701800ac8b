package org.entente.server.lobby;

import com.google.common.collect.ImmutableList;
import com.google.common.util.concurrent.MoreExecutors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.entente.proto.protocol.v1.CreateSession;
import org.entente.proto.protocol.v1.ErrorCode;
import org.entente.proto.scenario.v1.Press;
import org.entente.server.rules.ScenarioCatalog;
import org.entente.server.rules.ScenarioInfo;
import org.entente.server.session.DeadlinePolicy;
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
public final class Lobby {
  private static final Logger log = LoggerFactory.getLogger(Lobby.class);
  public static final int MAX_TURNS = 120;
  /** How long an ended session stays reachable (for reconnects and the final report) before it is dropped. */
  public static final Duration ENDED_SESSION_RETENTION = Duration.ofHours(2);

  private final ScenarioCatalog catalog;
  private final Executor workers;
  private final Scheduler scheduler;
  private final Clock clock;
  private final SecureRandom random;
  private final Tokens tokens;
  private final Map<String, GameSession> byJoinCode = new ConcurrentHashMap<>();

  public Lobby(ScenarioCatalog catalog, Executor workers, Scheduler scheduler, Clock clock, SecureRandom random) {
    this.catalog = catalog;
    this.workers = workers;
    this.scheduler = scheduler;
    this.clock = clock;
    this.random = random;
    this.tokens = new Tokens(random);
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
  public void create(SessionLink link, long requestId, CreateSession request, GameSession.AttachCallback callback) {
    workers.execute(() -> {
      try {
        GameSession session = open(request);
        session.seatGameMaster(link, requestId, request.getDisplayName().isBlank() ? "Game master" : request.getDisplayName(), callback);
      } catch (RequestException e) {
        callback.refused();
        link.send(org.entente.proto.protocol.v1.ServerMessage.newBuilder()
            .setRequestId(requestId)
            .setError(org.entente.proto.protocol.v1.Error.newBuilder()
                .setCode(e.code())
                .setMessage(e.getMessage())
                .addAllProblems(e.problems()))
            .build());
      } catch (RuntimeException e) {
        log.error("failed to create a session", e);
        callback.refused();
        link.send(org.entente.server.session.Wire.error(requestId, ErrorCode.UNAVAILABLE, "The server failed to create the session."));
      }
    });
  }

  private GameSession open(CreateSession request) throws RequestException {
    ScenarioCatalog.Loaded loaded = load(request);
    ScenarioInfo info = loaded.info();
    int turns = request.getTurns() == 0 ? info.defaultTurns() : request.getTurns();
    if (turns < 1 || turns > MAX_TURNS) {
      throw new RequestException(ErrorCode.INVALID_REQUEST, "The number of turns must be 1.." + MAX_TURNS + ".");
    }
    DeadlinePolicy deadline = deadline(request);
    Press press = request.getPress() == Press.PRESS_UNSPECIFIED ? info.defaultPress() : request.getPress();
    if (press == Press.UNRECOGNIZED || press == Press.PRESS_UNSPECIFIED) {
      press = Press.FULL;
    }
    String sessionId = UUID.randomUUID().toString();
    for (int attempt = 0; ; attempt++) {
      String code = JoinCodes.generate(random);
      Runnable evict = () -> scheduler.schedule(ENDED_SESSION_RETENTION, () -> {
        if (byJoinCode.remove(code) != null) {
          log.info("session {} dropped after its end", sessionId);
        }
      });
      GameSession session = GameSession.open(
          new GameSession.Setup(sessionId, code, loaded.newSession(), turns, press, deadline, random.nextLong()),
          MoreExecutors.newSequentialExecutor(workers), scheduler, clock, tokens, evict);
      if (byJoinCode.putIfAbsent(code, session) == null) {
        log.info("session {} created from scenario {} ({} turns)", sessionId, info.id(), turns);
        return session;
      }
      if (attempt > 100) {
        throw new RequestException(ErrorCode.UNAVAILABLE, "No free join code; try again.");
      }
    }
  }

  private ScenarioCatalog.Loaded load(CreateSession request) throws RequestException {
    switch (request.getScenarioCase()) {
      case BUILTIN_SCENARIO_ID:
        return catalog.loadBuiltIn(request.getBuiltinScenarioId()).orElseThrow(() -> new RequestException(
            ErrorCode.NOT_FOUND, "No built-in scenario '" + request.getBuiltinScenarioId() + "'."));
      case SCENARIO_FILE:
        String name = request.getScenarioFile().getFileName().isBlank() ? "scenario.textproto" : request.getScenarioFile().getFileName();
        ScenarioCatalog.Loaded loaded = catalog.loadFile(name, request.getScenarioFile().getText());
        if (!loaded.problems().isEmpty()) {
          int n = loaded.problems().size();
          throw new RequestException(ErrorCode.INVALID_SCENARIO,
              "The scenario file has " + n + (n == 1 ? " problem." : " problems."), loaded.problems());
        }
        return loaded;
      default:
        throw new RequestException(ErrorCode.INVALID_REQUEST, "Choose a built-in scenario or send a scenario file.");
    }
  }

  private static DeadlinePolicy deadline(CreateSession request) throws RequestException {
    switch (request.getDeadline().getKindCase()) {
      case SECONDS_PER_TURN:
        Duration perTurn = Duration.ofSeconds(request.getDeadline().getSecondsPerTurn());
        if (perTurn.compareTo(DeadlinePolicy.MIN) < 0 || perTurn.compareTo(DeadlinePolicy.MAX) > 0) {
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
