package dev.lockstep.packaging.lock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local Hugging Face Hub cache ({@code huggingface_hub}'s layout): one folder per repository,
 * {@code models--org--name/}, holding {@code refs/<branch-or-tag>} files (the commit that name
 * pointed at when it was downloaded) and {@code snapshots/<commit>/}.
 */
public final class HfCache {

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern SHORT_HASH = Pattern.compile("[0-9a-f]{7,39}");

  private final Path root;

  public HfCache(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Where huggingface_hub looks: HF_HUB_CACHE, HF_HOME/hub, XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub. */
  public static HfCache standard(Map<String, String> environment) {
    String hubCache = environment.get("HF_HUB_CACHE");
    if (hubCache != null && !hubCache.isEmpty()) {
      return new HfCache(Path.of(hubCache));
    }
    String home = environment.get("HF_HOME");
    if (home != null && !home.isEmpty()) {
      return new HfCache(Path.of(home, "hub"));
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty()) {
      return new HfCache(Path.of(xdg, "huggingface", "hub"));
    }
    return new HfCache(Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub"));
  }

  /**
   * The commit the cache holds for what the notebook asks: a {@code refs/} file for a branch or
   * tag, the one snapshot whose name starts with a short hash. Empty when the cache does not
   * say, or says something that is not a commit.
   */
  public Optional<String> resolve(HubReference reference) {
    Path repository = root.resolve(reference.cacheFolder());
    if (!Files.isDirectory(repository)) {
      return Optional.empty();
    }
    if (SHORT_HASH.matcher(reference.requested()).matches()) {
      try (Stream<Path> snapshots = Files.list(repository.resolve("snapshots"))) {
        List<String> matches = snapshots.map(p -> p.getFileName().toString())
            .filter(name -> COMMIT.matcher(name).matches() && name.startsWith(reference.requested()))
            .sorted().toList();
        if (matches.size() == 1) {
          return Optional.of(matches.get(0));
        }
      } catch (IOException e) {
        // no snapshots folder: fall through to refs
      }
    }
    Path ref = repository.resolve("refs").resolve(reference.requested());
    if (!ref.normalize().startsWith(repository.resolve("refs")) || !Files.isRegularFile(ref)) {
      return Optional.empty();
    }
    try {
      String commit = Files.readString(ref, StandardCharsets.UTF_8).strip();
      return COMMIT.matcher(commit).matches() ? Optional.of(commit) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
