package dev.lockstep.packaging.lock;

/**
 * A Hugging Face Hub repository the job loads, with the revision the notebook asks for.
 *
 * @param kind {@code model} (models, tokenizers, processors, files) or {@code dataset}
 * @param requested a branch or tag name, a short hash, or {@code main} when the call names none
 */
public record HubReference(String kind, String id, String requested) implements Comparable<HubReference> {

  @Override
  public int compareTo(HubReference other) {
    int byKind = kind.compareTo(other.kind);
    if (byKind != 0) {
      return byKind;
    }
    int byId = id.compareTo(other.id);
    return byId != 0 ? byId : requested.compareTo(other.requested);
  }

  /** The folder prefix the Hub cache uses: {@code models--org--name}, {@code datasets--org--name}. */
  public String cacheFolder() {
    return kind + "s--" + id.replace("/", "--");
  }
}
