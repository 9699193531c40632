package dev.lockstep.analyzer.rules.dependencies;

import dev.lockstep.analyzer.facts.dependencies.LocalModules;
import dev.lockstep.analyzer.rules.Category;
import dev.lockstep.analyzer.rules.Remedy;
import dev.lockstep.analyzer.rules.Rule;
import dev.lockstep.analyzer.rules.RuleContext;
import dev.lockstep.analyzer.rules.RuleInfo;
import dev.lockstep.analyzer.rules.Severity;

/**
 * LS406: imports of modules that live in files next to the notebook. Which imports those are is
 * the facts layer's {@link LocalModules} (the same list extract keeps out of
 * {@code requirements.txt}); this rule words one finding for each, at its first import.
 */
@RuleInfo(id = "LS406", name = "local-module-dependency", category = Category.DEPENDENCIES,
        severity = Severity.WARNING, remedy = Remedy.REPORTED,
        summary = "Imports of modules that are neither installed distributions nor in the notebook "
                + "(from utils import x): files the job must ship")
public final class LocalModuleDependency implements Rule {

    @Override
    public void check(RuleContext context) {
        for (LocalModules.LocalImport local : context.notebook().facts().localModules().imports()) {
            context.report(local.cell(), local.statement(), message(local));
        }
    }

    private static String message(LocalModules.LocalImport local) {
        String top = local.topLevel();
        return switch (local.reason()) {
            case RELATIVE -> "relative import '" + local.module() + "': the module is a file next to the notebook, "
                    + "which the job must ship with it";
            case WRITTEN_BELOW -> "'" + top + "' is written by %%writefile only in cell " + (local.writtenIn() + 1)
                    + ", below this import: a top-to-bottom run imports a file left over from an earlier session; "
                    + "move that cell above this one";
            case LOCAL_FILE -> "'" + top + "' is a local module, not an installed distribution: the job must ship " + top
                    + ".py (or the " + top + "/ package) with the notebook";
        };
    }
}
