package org.entente.engine.state;

import com.google.common.collect.ImmutableMap;
import org.entente.engine.model.Answer;

/**
 * A request for assistance awaiting answers.
 *
 * @param org the organisation asked
 * @param requester who asked
 * @param aggressor against whom
 * @param turnMade the turn it was made
 * @param deadlineTurn the last turn in which answers count; unanswered members are silent after it
 * @param owed members owing an answer, with the answer given so far (absent: not yet answered)
 */
public record OpenRequest(
    String org,
    String requester,
    String aggressor,
    int turnMade,
    int deadlineTurn,
    ImmutableMap<String, Answer> answers,
    com.google.common.collect.ImmutableList<String> owed) {

  public boolean answeredBy(String member) {
    return answers.containsKey(member);
  }

  public boolean complete() {
    return owed.stream().allMatch(answers::containsKey);
  }

  public OpenRequest withAnswer(String member, Answer answer) {
    ImmutableMap.Builder<String, Answer> b = ImmutableMap.builder();
    b.putAll(answers).put(member, answer);
    return new OpenRequest(
        org, requester, aggressor, turnMade, deadlineTurn, b.buildKeepingLast(), owed);
  }
}
