package dev.lockstep.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.analyzer.rules.Finding;
import dev.lockstep.analyzer.rules.RuleSet;
import dev.lockstep.analyzer.scan.FileReport;
import dev.lockstep.analyzer.scan.ScanResult;
import dev.lockstep.analyzer.testing.RepoPaths;
import dev.lockstep.analyzer.testing.Scans;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The verdict, the rank and the inventory the reports carry. */
class RankingTest {

    private static FileReport churn() {
        return Scans.scan(RepoPaths.testNotebooks().resolve("examples/sklearn-churn-model.ipynb"));
    }

    @Test
    void aTrainingCellThatNeverRanRanksFirstAndHygieneLast() {
        FileReport report = churn();
        List<Finding> ranked = Ranking.ranked(report);
        assertThat(ranked.get(0).ruleId()).isEqualTo("LS102");
        assertThat(Ranking.tier(ranked.get(0))).isEqualTo(Ranking.Tier.RESULTS_NOT_PRODUCED);
        assertThat(Ranking.tier(ranked.get(ranked.size() - 1))).isEqualTo(Ranking.Tier.HYGIENE);
        List<Ranking.Tier> tiers = ranked.stream().map(Ranking::tier).toList();
        List<Ranking.Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(null);
        assertThat(tiers).as("tiers never go back up").isEqualTo(sorted);
    }

    @Test
    void ranksArePermutationOfOneToN() {
        FileReport report = churn();
        List<Integer> ranks = Ranking.ranks(report);
        assertThat(ranks).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, report.findings().size()).boxed().toList());
        for (int i = 0; i < report.findings().size(); i++) {
            assertThat(Ranking.rankOf(report, report.findings().get(i))).isEqualTo(ranks.get(i));
        }
    }

    @Test
    void theVerdictSaysWhetherTheNotebookCanBeReproducedAsSaved() {
        assertThat(Ranking.verdict(churn())).startsWith("cannot be reproduced as saved (4 errors");
        FileReport clean = Scans.scan(RepoPaths.testNotebooks().resolve("examples/clean-reproducible.ipynb"));
        assertThat(Ranking.verdict(clean)).isEqualTo("no reproducibility gaps found");
    }

    @Test
    void jsonCarriesVerdictRankTierAndInventoryAndIsDeterministic() throws Exception {
        ScanResult result = new ScanResult(List.of(churn()), RuleSet.defaults());
        StringWriter first = new StringWriter();
        JsonReport.write(result, first);
        StringWriter second = new StringWriter();
        JsonReport.write(new ScanResult(List.of(churn()), RuleSet.defaults()), second);
        assertThat(first.toString()).isEqualTo(second.toString());
        JsonNode file = new ObjectMapper().readTree(first.toString()).get("files").get(0);
        assertThat(file.get("verdict").asText()).startsWith("cannot be reproduced as saved");
        for (JsonNode finding : file.get("findings")) {
            assertThat(finding.get("rank").asInt()).isPositive();
            assertThat(finding.get("tier").asText()).isNotBlank();
        }
        assertThat(file.get("inventory")).isNotEmpty();
        assertThat(file.get("inventory").get(0).get("rule").asText()).isEqualTo("LS501");
    }

    @Test
    void theTextReportStartsANotebookWithItsVerdictAndTopCauses() {
        StringWriter out = new StringWriter();
        TextReport text = new TextReport(new PrintWriter(out), false, false);
        text.write(churn());
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("sklearn-churn-model.ipynb: verdict: " + Ranking.verdict(churn()));
        assertThat(lines[1]).startsWith("  1. cell 23:1:1 LS102 error: this training cell never ran");
        assertThat(lines[4]).startsWith("  inventory (sites listed, not findings");
    }
}
