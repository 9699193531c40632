package dev.lockstep.analyzer.rules.randomness;

import dev.lockstep.analyzer.rules.Rule;
import java.util.List;

/** The LS3 rules, in id order. */
public final class RandomnessRules {
    private RandomnessRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new UnseededPythonRandom(),
                new UnseededNumpy(),
                new UnseededTorch(),
                new UnseededTensorflow(),
                new MissingSeedArgument(),
                new UnseededDataLoader(),
                new NondeterministicGpuSettings(),
                new NondeterministicOp(),
                new ReducedPrecision(),
                new TimeOrUuidValue(),
                new HashOrderDependent(),
                new UnseededDistributedSampler()
        );
    }
}
