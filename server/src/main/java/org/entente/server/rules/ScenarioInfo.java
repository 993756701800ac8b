package org.entente.server.rules;

import com.google.common.collect.ImmutableList;
import org.entente.proto.scenario.v1.Press;

/** What the lobby shows about a scenario. */
public record ScenarioInfo(
    String id,
    String title,
    String summary,
    int defaultTurns,
    Press defaultPress,
    ImmutableList<CountryInfo> countries) {

  public record CountryInfo(String id, String name, boolean playable) {}

  public ImmutableList<String> playableCountryIds() {
    return countries.stream()
        .filter(CountryInfo::playable)
        .map(CountryInfo::id)
        .collect(ImmutableList.toImmutableList());
  }

  /** The display name of a country, or its id if the scenario has none. */
  public String nameOf(String countryId) {
    return countries().stream()
        .filter(c -> c.id().equals(countryId))
        .map(CountryInfo::name)
        .findFirst()
        .orElse(countryId);
  }

  public boolean isPlayable(String countryId) {
    return countries.stream().anyMatch(c -> c.playable() && c.id().equals(countryId));
  }
}
