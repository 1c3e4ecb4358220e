using System.Text.Json;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;
using Kizuki.Lifetime;
using Kizuki.Modeling.Registry;

namespace Kizuki.Tests.Features.Builtin;

public sealed class LifetimeFeaturesTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fit_OrdersPlantedAtAndAfterTheAsOf_SameParameters()
    {
        var clean = Shop(1500, seed: 3, planted: false);
        var planted = Shop(1500, seed: 3, planted: true);
        var times = new[] { Millis.Of(AsOf.AddDays(-120)), Millis.Of(AsOf) };

        var a = LifetimeFeatureModels.Fit(clean, times, "bgnbd", 90);
        var b = LifetimeFeatureModels.Fit(planted, times, "bgnbd", 90);

        Assert.All(a.Fits, f => Assert.Null(f.Failure));
        Assert.Equal(a.Fits.Select(f => f.Parameters), b.Fits.Select(f => f.Parameters));
        Assert.Equal(a.Fits[1].Customers, b.Fits[1].Customers);
        // The control: the earlier cutoff sees fewer customers than the later one, so the cutoffs really differ.
        Assert.True(a.Fits[0].Customers < a.Fits[1].Customers);
    }

    [Fact]
    public void Fit_NoRepeatBuyers_RecordsTheReasonAndFeaturesAreMissing()
    {
        var histories = Enumerable.Range(0, 50).Select(i => History("N" + i, AsOf.AddDays(-10 - i))).ToList();

        var models = LifetimeFeatureModels.Fit(histories, [Millis.Of(AsOf)], "pareto", 90);

        var fit = Assert.Single(models.Fits);
        Assert.Null(fit.Parameters);
        Assert.Contains("the model needs repeat buyers", fit.Failure, StringComparison.Ordinal);
        var catalog = new FeatureContext(new FeatureSettings(), models).Catalog;
        var values = catalog.Evaluate(histories[0], Millis.Of(AsOf));
        Assert.True(double.IsNaN(values.Number(LifetimeFeatures.ProbabilityNoPurchase)));
        Assert.True(double.IsNaN(values.Number(LifetimeFeatures.ProbabilityAlive)));
    }

    [Fact]
    public void Evaluate_WithAFit_EqualsTheModelOnTheCustomersSummary()
    {
        var models = new LifetimeFeatureModels("bgnbd", 60, [new(AsOf.AddDays(-30), "bgnbd", [0.8, 40, 0.6, 3.5], 100, null)]);
        var history = History("C1", AsOf.AddDays(-200), AsOf.AddDays(-150).AddHours(5), AsOf.AddDays(-150).AddHours(9), AsOf.AddDays(-40));
        var catalog = new FeatureContext(new FeatureSettings(), models).Catalog;

        var values = catalog.Evaluate(history, Millis.Of(AsOf));

        // Two orders on one day are one transaction: x = 2, t_x = 160, T = 199 (the first order is on day −200, the last day is −1).
        var model = new BgNbdModel(0.8, 40, 0.6, 3.5, 0, TimePeriod.Day);
        Assert.Equal(model.ProbabilityAlive(2, 160, 199), values.Number(LifetimeFeatures.ProbabilityAlive), 12);
        Assert.Equal(model.ConditionalExpectedPurchases(60, 2, 160, 199), values.Number(LifetimeFeatures.ExpectedPurchases), 12);
        Assert.Equal(model.ProbabilityNoPurchase(60, 2, 160, 199), values.Number(LifetimeFeatures.ProbabilityNoPurchase), 12);
        // Before the fit's as-of there are no parameters yet.
        Assert.True(double.IsNaN(catalog.Evaluate(history, Millis.Of(AsOf.AddDays(-31))).Number(LifetimeFeatures.ProbabilityAlive)));
    }

    [Fact]
    public void Catalog_WithFits_HasTheLifetimeFeaturesInTheirReasonGroup()
    {
        var models = new LifetimeFeatureModels("bgnbd", 45, [new(AsOf, "bgnbd", [0.8, 40, 0.6, 3.5], 100, null)]);
        var with = new FeatureContext(new FeatureSettings(), models).Catalog;
        var without = new FeatureContext(new FeatureSettings()).Catalog;

        Assert.Equal(without.Count + 3, with.Count);
        Assert.Equal(-1, without.IndexOf(LifetimeFeatures.ProbabilityAlive));
        var definition = with.Definitions[with.IndexOf(LifetimeFeatures.ProbabilityNoPurchase)];
        Assert.Equal("purchase_outlook", definition.ReasonGroup);
        Assert.Equal("今後45日に購入しない確率", definition.LabelJa);
        Assert.NotNull(FeatureCatalog.FindReasonGroup(definition.ReasonGroup));
        Assert.Same(models, with.LifetimeModels);
    }

    [Fact]
    public void Metadata_Lifetime_SurvivesTheRegistryJson()
    {
        var models = new LifetimeFeatureModels("pareto", 90,
        [
            new(AsOf.AddDays(-30), "pareto", [0.55, 10.5, 0.61, 11.6], 2357, null),
            new(AsOf, "pareto", null, 12, "日本語 / not identified"),
        ]);

        var json = JsonSerializer.Serialize(models, ModelRegistry.Json);
        var back = JsonSerializer.Deserialize<LifetimeFeatureModels>(json, ModelRegistry.Json)!;

        Assert.Equal(models.Model, back.Model);
        Assert.Equal(models.WindowDays, back.WindowDays);
        Assert.Equal(models.Fits[0].Parameters, back.Fits[0].Parameters);
        Assert.Equal(models.Fits[1].Failure, back.Fits[1].Failure);
        Assert.Equal(models.Fits[0].FittedBefore, back.Fits[0].FittedBefore);
        Assert.IsType<ParetoNbdModel>(back.ModelFor(Millis.Of(AsOf.AddDays(-1))));
        Assert.Null(back.ModelFor(Millis.Of(AsOf)));
    }

    [Theory]
    [InlineData("auto", true, true)]
    [InlineData("auto", false, false)]
    [InlineData("on", false, true)]
    [InlineData("off", true, false)]
    public void Settings_ChurnFeatures_DecideByChurnKind(string mode, bool nonContractual, bool expected)
    {
        Assert.Equal(expected, new LifetimeSettings { ChurnFeatures = mode }.UsesChurnFeatures(nonContractual));
    }

    [Fact]
    public void Settings_UnknownMode_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidDataException>(() => new LifetimeSettings { ChurnFeatures = "yes" }.Validate());
        Assert.Contains("lifetime.churnFeatures must be auto, on or off", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A shop of BG/NBD-like buyers over two years before the as-of; with <paramref name="planted"/>, every customer also orders at and after it.</summary>
    private static List<CustomerHistory> Shop(int customers, int seed, bool planted)
    {
        var random = new Random(seed);
        var result = new List<CustomerHistory>();
        for (var c = 0; c < customers; c++)
        {
            var first = AsOf.AddDays(-random.Next(30, 700)).AddHours(random.Next(0, 24));
            var times = new List<DateTimeOffset> { first };
            var gap = 10 + (random.NextDouble() * 120);
            var stop = random.NextDouble() < 0.5 ? 2 + random.Next(0, 8) : 1000;
            for (var t = first.AddDays(gap * -Math.Log(1 - random.NextDouble())); t < AsOf && times.Count < stop;
                 t = t.AddDays(gap * -Math.Log(1 - random.NextDouble())))
            {
                times.Add(t);
            }

            if (planted)
            {
                times.AddRange([AsOf, AsOf.AddMilliseconds(1), AsOf.AddDays(3)]);
            }

            result.Add(History("S" + c, [.. times]));
        }

        return result;
    }

    private static CustomerHistory History(string id, params DateTimeOffset[] orders)
    {
        var history = new CustomerHistory(id);
        var i = 0;
        foreach (var at in orders.Order())
        {
            HistoryBuilder.Add(history, new Order(id + "-" + i++, id, at, Money.Yen(1000), OrderStatus.Completed, false, Order.NoLines));
        }

        return history;
    }
}
