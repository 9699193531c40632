package dev.lockstep.packaging.image;

import dev.lockstep.packaging.PackagingException;
import java.nio.file.Path;

/** Where {@code lockstep build} puts the image: {@code tar:FILE} (docker-save form) or {@code registry:REF}. */
public sealed interface ImageTarget {

  record Tar(Path file) implements ImageTarget {}

  record Registry(String reference) implements ImageTarget {}

  static ImageTarget parse(String text, Path workingDirectory) throws PackagingException {
    if (text.startsWith("tar:") && text.length() > 4) {
      return new Tar(workingDirectory.resolve(text.substring(4)).normalize());
    }
    if (text.startsWith("registry:") && text.length() > 9) {
      return new Registry(text.substring(9));
    }
    throw PackagingException.usage("--to " + text + ": expected tar:FILE or registry:REF (e.g. registry:localhost:5000/jobs/name:tag)");
  }
}
