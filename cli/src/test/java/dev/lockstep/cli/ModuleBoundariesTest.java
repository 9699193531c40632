package dev.lockstep.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.lockstep.extractor.passes.ParamPass;
import dev.lockstep.packaging.JobSpecs;
import dev.lockstep.review.Reviewer;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "One understanding": a fact about the program is computed in the analyzer's facts layer and
 * asked by rules and extract passes alike, so the scan and the job cannot disagree. The modules
 * that build on the analyzer may use the rule API ({@code dev.lockstep.analyzer.rules}:
 * {@code Finding}, {@code Fix}, {@code RuleSet}...) but never a rule family's internals
 * ({@code dev.lockstep.analyzer.rules.<family>...}): what a pass needs from a rule is a fact.
 * Read from the compiled main classes, so fully qualified uses without an import count too.
 */
class ModuleBoundariesTest {

    private static final String[] BUILT_ON_THE_ANALYZER = {
        "dev.lockstep.extractor..", "dev.lockstep.packaging..", "dev.lockstep.review..", "dev.lockstep.cli.."};

    /** The rule families' packages: below {@code dev.lockstep.analyzer.rules}, not the rule API in it. */
    private static final DescribedPredicate<JavaClass> RULE_FAMILY_INTERNALS =
            new DescribedPredicate<>("are in a rule family (dev.lockstep.analyzer.rules.<family>..)") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getPackageName().startsWith("dev.lockstep.analyzer.rules.");
                }
            };

    private static final ArchRule PASSES_ASK_FACTS_NOT_RULES = noClasses()
            .that().resideInAnyPackage(BUILT_ON_THE_ANALYZER)
            .should().dependOnClassesThat(RULE_FAMILY_INTERNALS)
            .because("a fact a pass needs lives in dev.lockstep.analyzer.facts, asked by the rule and the pass alike");

    /** The four modules' main classes, read from where each was loaded (a jar or a classes folder). */
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importUrls(List.of(locationOf(ParamPass.class), locationOf(JobSpecs.class), locationOf(Reviewer.class),
                    locationOf(ScanCommand.class)));

    /** Reading only these locations, not every package on the classpath: 6 s for the test class instead of 23. */
    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void extractorPackagingReviewAndCliNeverUseARuleFamilysInternals() {
        PASSES_ASK_FACTS_NOT_RULES.check(MAIN_CLASSES);
    }

    @Test
    void theCheckReadsEveryModulesMainClasses() {
        // An import that found nothing would pass the check above without looking at anything.
        assertThat(MAIN_CLASSES.contain("dev.lockstep.extractor.passes.ParamPass")).isTrue();
        assertThat(MAIN_CLASSES.contain("dev.lockstep.extractor.passes.DependencyPass")).isTrue();
        assertThat(MAIN_CLASSES.contain("dev.lockstep.packaging.JobSpecs")).isTrue();
        assertThat(MAIN_CLASSES.contain("dev.lockstep.review.Reviewer")).isTrue();
        assertThat(MAIN_CLASSES.contain("dev.lockstep.cli.ScanCommand")).isTrue();
        assertThat(MAIN_CLASSES.contain(ModuleBoundariesTest.class)).isFalse();
    }

    @Test
    void aClassThatReachesIntoARuleFamilyFailsTheCheck() {
        JavaClasses violator = new ClassFileImporter().importClasses(ReachesIntoARule.class, UsesTheRuleApi.class);
        assertThatThrownBy(() -> PASSES_ASK_FACTS_NOT_RULES.check(violator))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ReachesIntoARule.class.getName())
                .hasMessageContaining("dev.lockstep.analyzer.rules.dependencies.LocalModuleDependency")
                .hasMessageNotContaining(UsesTheRuleApi.class.getName());
    }

    /** What the check forbids: a pass calling a rule of the dependencies family. */
    static final class ReachesIntoARule {
        Object rule() {
            return new dev.lockstep.analyzer.rules.dependencies.LocalModuleDependency();
        }
    }

    /** What it allows: the rule API itself. */
    static final class UsesTheRuleApi {
        Object severity() {
            return dev.lockstep.analyzer.rules.Severity.WARNING;
        }
    }
}
