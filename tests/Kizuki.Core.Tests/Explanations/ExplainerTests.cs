using Kizuki.Explanations;
using Kizuki.Features;

namespace Kizuki.Tests.Explanations;

public sealed class ExplainerTests(ExplainedDemoFixture demo) : IClassFixture<ExplainedDemoFixture>
{
    [Fact]
    public void Explain_EveryCustomer_BasePlusContributionsEqualsTheBlendedRawScore()
    {
        Assert.True(demo.Model.Trees is not null && demo.Model.TreeWeight > 0, $"the demo model uses its trees (weight {demo.Model.TreeWeight})");
        var rows = Enumerable.Range(0, demo.Table.RowCount).ToArray();
        var columns = demo.Model.Encoder.Columns;
        var x = demo.Model.Encoder.Encode(c => demo.Table.Numbers(columns[c].Name), c => demo.Table.Categories(columns[c].Name), rows);
        var raw = demo.Model.RawScores(x);
        var c = demo.Batch.Contributions;
        Assert.Equal(rows.Length, c.Rows);
        for (var r = 0; r < rows.Length; r++)
        {
            var sum = c.BaseValues[r];
            for (var k = 0; k < c.Columns; k++)
            {
                sum += c.At(r, k);
            }

            Assert.True(Math.Abs(sum - raw[r]) < 1e-6, $"row {r}: base + Σ = {sum}, raw score {raw[r]}");
        }
    }

    [Fact]
    public void Explain_EveryCustomer_PointsSumToProbabilityMinusBaseProbability()
    {
        var c = demo.Batch.Contributions;
        var probabilities = c.RawScores.Select(demo.Model.Calibration.Probability).ToArray();
        Assert.Equal(demo.Model.Calibration.Probability(c.BaseValues[0]), c.BaseProbability);
        for (var r = 0; r < c.Rows; r++)
        {
            var points = 0.0;
            for (var k = 0; k < c.Columns; k++)
            {
                points += c.PointsAt(r, k);
                Assert.True(c.PointsAt(r, k) * c.At(r, k) >= 0, "points keep the sign of the log-odds");
            }

            Assert.Equal(probabilities[r], c.Probabilities[r]);
            Assert.True(Math.Abs(c.BaseProbability + points - c.Probabilities[r]) < 1e-9, $"row {r}");
        }
    }

    [Fact]
    public void Explain_OneCustomer_ContributionsGroupedByReasonGroupSumToTheTotal()
    {
        var explanation = demo.Batch.Explain(7);
        Assert.Equal(demo.Model.Encoder.Columns.Count, explanation.Contributions.Count);
        Assert.All(explanation.Contributions.Where(f => f.Feature.StartsWith("logins_", StringComparison.Ordinal) || f.Feature == "login_trend"),
            f => Assert.Equal("logins", f.Group));
        Assert.Equal("renewal", Assert.Single(explanation.Contributions, f => f.Feature == "days_to_renewal").Group);
        var groups = explanation.Groups();
        Assert.Equal(explanation.RawScore - explanation.BaseValue, groups.Sum(g => g.LogOdds), 6);
        Assert.Equal((explanation.Probability - explanation.BaseProbability) * 100, groups.Sum(g => g.ProbabilityPoints), 6);
        Assert.Equal(demo.Table.CustomerIds[7], explanation.CustomerId);
    }

    [Fact]
    public void AllReasons_EveryCustomer_RaisingAndLoweringAreOrderedGroupsWithTheDominantAction()
    {
        var reasons = demo.Batch.AllReasons();
        Assert.Equal(demo.Batch.Count, reasons.Length);
        for (var i = 0; i < reasons.Length; i++)
        {
            var r = reasons[i];
            Assert.InRange(r.Raising.Count, 0, 3);
            Assert.InRange(r.Lowering.Count, 0, 1);
            Assert.All(r.Raising, x => Assert.True(x.LogOdds > 0));
            Assert.All(r.Lowering, x => Assert.True(x.LogOdds < 0));
            Assert.Equal(r.Raising.OrderByDescending(x => x.LogOdds).Select(x => x.Group), r.Raising.Select(x => x.Group));
            Assert.Equal(r.Raising.Count, r.Raising.Select(x => x.Group).Distinct().Count());
            if (r.Raising.Count == 0)
            {
                Assert.Null(r.Action);
                continue;
            }

            var expected = r.Raising.Select(x => x.Group).FirstOrDefault(ExplanationSettings.DefaultPlaybook.ContainsKey) ?? ExplanationSettings.DefaultEntry;
            Assert.Equal(expected, r.Action!.Group);
            Assert.Equal(ExplanationSettings.DefaultPlaybook[expected].Ja, r.Action.Ja);
        }
    }

    [Fact]
    public void Explain_GroupSetting_MovesAFeatureToAnotherGroup()
    {
        var settings = new ExplanationSettings { Groups = new Dictionary<string, string> { ["page_views_30d"] = "logins" } };
        var explainer = new Explainer(demo.Model, demo.Table.Definitions, settings, ReasonFormat.Japan);
        var batch = explainer.Explain(demo.Table, [3]);

        Assert.Equal("logins", Assert.Single(batch.Explain(0).Contributions, f => f.Feature == "page_views_30d").Group);
    }

    [Fact]
    public void Explainer_UnknownFeatureInGroups_FailsNamingTheSetting()
    {
        var settings = new ExplanationSettings { Groups = new Dictionary<string, string> { ["no_such_feature"] = "logins" } };
        var error = Assert.Throws<InvalidDataException>(() => new Explainer(demo.Model, demo.Table.Definitions, settings, ReasonFormat.Japan));
        Assert.Contains("explanations.groups", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_feature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drivers_Batch_GroupSharesSumToOneAndBinsCoverEveryCustomer()
    {
        var drivers = GlobalDrivers.Compute(demo.Batch, topFeatures: 4, bins: 5);

        Assert.Equal(demo.Batch.Count, drivers.Customers);
        Assert.Equal(1.0, drivers.Groups.Sum(g => g.Share), 9);
        Assert.Equal(drivers.Groups.OrderByDescending(g => g.MeanAbsLogOdds).Select(g => g.Group), drivers.Groups.Select(g => g.Group));
        Assert.Equal(4, drivers.Features.Count);
        Assert.All(drivers.Features, f =>
        {
            Assert.Equal(demo.Batch.Count, f.Bins.Sum(b => b.Customers));
            Assert.InRange(f.Bins.Count(b => b.Category is null), 0, 5);
            Assert.Equal(demo.Table.Definitions.Single(d => d.Name == f.Feature).Kind == FeatureKind.Categorical, f.Bins.All(b => b.Category is not null));
            var ranges = f.Bins.Where(b => b.Category is null).ToList();
            for (var i = 1; i < ranges.Count; i++)
            {
                Assert.True(ranges[i].Low > ranges[i - 1].High, "bins do not overlap");
            }
        });
    }
}
