package org.entente.scenarios;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.entente.proto.scenario.v1.Scenario;

/**
 * The scenario file as JSON, for {@code scenario show --json}: proto field names, defaults kept;
 * the hidden objectives only when asked for.
 */
public final class ScenarioJson {
  private ScenarioJson() {}

  public static String toJson(Scenario file, boolean hiddenObjectives) {
    try {
      return JsonFormat.printer()
          .preservingProtoFieldNames()
          .alwaysPrintFieldsWithNoPresence()
          .print(hiddenObjectives ? file : file.toBuilder().clearObjectives().build());
    } catch (InvalidProtocolBufferException e) {
      // Only possible with Any fields, which the scenario schema does not use.
      throw new IllegalStateException(e);
    }
  }
}
