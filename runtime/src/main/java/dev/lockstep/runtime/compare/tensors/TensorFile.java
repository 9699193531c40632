package dev.lockstep.runtime.compare.tensors;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arrays of one file, by name (sorted), and its text metadata (safetensors' __metadata__;
 * empty for numpy files). A .npy file holds one array, named "".
 */
public record TensorFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
  public TensorFile {
    tensors = Collections.unmodifiableMap(new TreeMap<>(tensors));
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
  }
}
