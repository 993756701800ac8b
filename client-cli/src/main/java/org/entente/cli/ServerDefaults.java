package org.entente.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Default values of {@code entente server}'s options, from the environment
 * ({@code ENTENTE_MAX_CONNECTIONS} for {@code --max-connections}) or from the properties file
 * named by {@code --config FILE} or {@code ENTENTE_CONFIG} ({@code max-connections=2000}); the
 * option's own default otherwise. A flag on the command line wins over both.
 */
public final class ServerDefaults implements IDefaultValueProvider {
  private Properties file;

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option) || option.longestName().equals("--config")) {
      return null;
    }
    String name = option.longestName().replaceFirst("^--", "");
    String env = System.getenv("ENTENTE_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (env != null) {
      return env;
    }
    String fromFile = file(option).getProperty(name);
    return fromFile != null ? fromFile.strip() : option.defaultValue();
  }

  private Properties file(OptionSpec option) {
    if (file == null) {
      file = new Properties();
      String path = configPath(option);
      if (path != null) {
        try (Reader in = Files.newBufferedReader(Path.of(path))) {
          file.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException(
              "cannot read the config file " + path + ": " + e.getMessage(), e);
        }
      }
    }
    return file;
  }

  /**
   * The config file: {@code --config FILE} as typed (picocli asks for defaults before it sets
   * options, so {@link Main} hands the arguments over first), else {@code ENTENTE_CONFIG}.
   */
  private static String configPath(OptionSpec option) {
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].equals("--config") && i + 1 < arguments.length) {
        return arguments[i + 1];
      }
      if (arguments[i].startsWith("--config=")) {
        return arguments[i].substring("--config=".length());
      }
    }
    return System.getenv("ENTENTE_CONFIG");
  }

  private static volatile String[] arguments = new String[0];

  /** The command line, read for {@code --config} before parsing. */
  static void arguments(String[] args) {
    arguments = args.clone();
  }
}
