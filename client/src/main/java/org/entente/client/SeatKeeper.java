package org.entente.client;

import java.io.IOException;
import org.entente.proto.protocol.v1.Role;

/**
 * The seat this client holds on one server (role, name, join code, secret token, seat id)
 * and its copy in the {@link SeatStore}, so that a restarted terminal can take it back.
 *
 * <p>Not thread-safe: {@link ClientSession} calls it under its lock.
 */
final class SeatKeeper {
  private final ServerAddress address;
  private final SeatStore store;
  private Role role = Role.ROLE_UNSPECIFIED;
  private String name = "";
  private String joinCode = "";
  private String token = "";
  private long seatId;

  SeatKeeper(ServerAddress address, SeatStore store) {
    this.address = address;
    this.store = store;
  }

  void seated(Role newRole, String newName, String code, String newToken, long newSeatId) {
    role = newRole;
    name = newName;
    joinCode = SeatStore.normaliseCode(code);
    token = newToken;
    seatId = newSeatId;
  }

  /** Back in the lobby (the seat is gone); the code and token stay so that 'forget' still works. */
  void lostSeat() {
    role = Role.ROLE_UNSPECIFIED;
  }

  void named(String newName) {
    name = newName;
  }

  /** Writes the seat, now for {@code country}, to the store. */
  void save(String country) throws IOException {
    store.save(new SeatStore.Seat(address.toString(), joinCode, token, role.name(), country, name));
  }

  /** Deletes the seat from the store (the server will never take its token again). */
  void forget() throws IOException {
    store.forget(address.toString(), joinCode);
  }

  boolean isSeat(long id) {
    return seatId != 0 && seatId == id;
  }

  Role role() {
    return role;
  }

  String name() {
    return name;
  }

  String joinCode() {
    return joinCode;
  }

  String token() {
    return token;
  }

  SeatStore store() {
    return store;
  }
}
