package dev.lockstep.runtime.interpreter;

/**
 * Whether an interpreter can import one module, and which installed version it would get.
 *
 * @param distribution the installed distribution that provides the module (importlib.metadata);
 *     null for the standard library and for modules not installed as a distribution
 * @param version the distribution's version, or the module's {@code __version__}; may be null
 * @param error why the import failed; null when it succeeded
 */
public record ModuleStatus(boolean importable, String distribution, String version, String error) {}
