package dev.lockstep.extractor.emit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian (and Ubuntu) package that provides a PyPI distribution, for the job README's
 * install section. Only well-known, stable names; a distribution not listed here is installed
 * with pip (names checked against Debian 12, bookworm). Debian's version may differ from the pin:
 * the README says so.
 */
final class DebianPackages {
    private static final Map<String, String> BY_DISTRIBUTION = Map.ofEntries(
            Map.entry("numpy", "python3-numpy"),
            Map.entry("pandas", "python3-pandas"),
            Map.entry("scipy", "python3-scipy"),
            Map.entry("scikit-learn", "python3-sklearn"),
            Map.entry("matplotlib", "python3-matplotlib"),
            Map.entry("torch", "python3-torch"),
            Map.entry("torchvision", "python3-torchvision"),
            Map.entry("joblib", "python3-joblib"),
            Map.entry("pyyaml", "python3-yaml"),
            Map.entry("requests", "python3-requests"),
            Map.entry("pillow", "python3-pil"),
            Map.entry("h5py", "python3-h5py"),
            Map.entry("tqdm", "python3-tqdm"),
            Map.entry("seaborn", "python3-seaborn"),
            Map.entry("statsmodels", "python3-statsmodels"),
            Map.entry("sympy", "python3-sympy"),
            Map.entry("networkx", "python3-networkx"),
            Map.entry("opencv-python", "python3-opencv"),
            Map.entry("ipython", "python3-ipython"));

    private DebianPackages() {
    }

    /** The package for a PyPI name (case and {@code _}/{@code -} insensitive, as pip compares). */
    static Optional<String> of(String distribution) {
        String normalized = distribution.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
        return Optional.ofNullable(BY_DISTRIBUTION.get(normalized));
    }
}
