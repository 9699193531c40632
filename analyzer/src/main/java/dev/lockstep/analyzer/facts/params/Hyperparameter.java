package dev.lockstep.analyzer.facts.params;

import dev.lockstep.analyzer.analysis.AnalyzedCell;
import dev.lockstep.analyzer.analysis.Position;
import dev.lockstep.analyzer.python.SyntaxNode;
import java.util.Objects;

/**
 * A numeric literal bound to a known hyperparameter name: what LS509 reports and what
 * {@code lockstep extract} lifts into {@code lockstep.yaml} {@code params}. Found by
 * {@link Hyperparameters#of}; rules and passes ask {@code notebook.facts().hyperparameters()}.
 *
 * @param name      the name as written: the variable ({@code lr}, {@code BATCH_SIZE}), the keyword
 *                  ({@code learning_rate}, LoRA's {@code r}) or the dict key ({@code "epochs"})
 * @param parameter the {@code params} key extract gives it: a lower-case Python identifier, unique
 *                  in the notebook ({@code lr}, {@code batch_size}, {@code lora_r}; a name bound
 *                  again to another literal gets {@code lr_2}, {@code lr_3}...)
 * @param site      how the literal is bound to the name
 * @param cell      the cell that holds it
 * @param literal   the literal's node: {@code integer}, {@code float}, or a {@code unary_operator}
 *                  for a negative value; replacing its text replaces the value
 * @param value     the value: a {@link Long} or a {@link Double}
 * @param callee    for a keyword argument, the callee's qualified name (or its last name when it
 *                  does not resolve, {@code LoraConfig}); null otherwise
 */
public record Hyperparameter(String name, String parameter, Site site, AnalyzedCell cell, SyntaxNode literal,
        Number value, String callee) {

    /** How a literal is bound to a hyperparameter name. */
    public enum Site {
        /** {@code lr = 1e-3} at module level, or in a class body ({@code class Config: lr = 1e-3}). */
        ASSIGNMENT,
        /** {@code Adam(params, lr=1e-3)}, {@code LoraConfig(r=8)}. */
        KEYWORD_ARGUMENT,
        /** {@code {"lr": 1e-3}}. */
        DICTIONARY_ENTRY
    }

    /** What a hyperparameter describes. */
    public enum Role {
        /** How the model is trained: learning rate, epochs, batch size, dropout, LoRA rank, tree depth... */
        TRAINING,
        /** The model's shape, a preset of its architecture: {@code hidden_size}, {@code num_layers}, {@code d_model}... */
        ARCHITECTURE
    }

    public Hyperparameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(literal, "literal");
        if (!(value instanceof Long) && !(value instanceof Double)) {
            throw new IllegalArgumentException("value must be a Long or a Double: " + value);
        }
    }

    /** The declared type in {@code lockstep.yaml}: {@code int} or {@code float}. */
    public String type() {
        return value instanceof Long ? "int" : "float";
    }

    /** The literal as written in the cell ({@code 1e-3}, {@code -1}). */
    public String source() {
        return literal.text();
    }

    /** Whether it describes how the model is trained or the model's shape (by name). */
    public Role role() {
        return Hyperparameters.roleOf(name);
    }

    /**
     * Whether the literal is one of several variants listed side by side, a sweep a loop runs
     * ({@code [{"lr": 0.1}, {"lr": 0.01}]}): extract still lifts each (as {@code lr}, {@code lr_2}...),
     * but none of them alone is the run's setting.
     */
    public boolean isVariant() {
        return site != Site.ASSIGNMENT && Hyperparameters.isVariant(literal, name);
    }

    /** Where the literal is, in the cell's own source. */
    public Position position() {
        return cell.position(literal);
    }
}
