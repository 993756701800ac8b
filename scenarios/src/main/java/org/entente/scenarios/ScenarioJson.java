package org.entente.scenarios;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.entente.proto.scenario.v1.Scenario;

/** The scenario file as JSON, for {@code scenario show --json}: proto field names, defaults kept. */
public final class ScenarioJson {
  private ScenarioJson() {}

  public static String toJson(Scenario file) {
    try {
      return JsonFormat.printer().preservingProtoFieldNames().alwaysPrintFieldsWithNoPresence()
          .print(file);
    } catch (InvalidProtocolBufferException e) {
      // Only possible with Any fields, which the scenario schema does not use.
      throw new IllegalStateException(e);
    }
  }
}
