using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

public abstract partial class StoreContract
{
    private static StoredScore Score(string customerId, DateTimeOffset asOf, int version = 1, double probability = 0.25,
        decimal revenue = 1234m, string plan = "プロ") => new(
        customerId,
        asOf,
        version,
        probability,
        RiskBand.Medium,
        revenue,
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["days_since_last_order"] = 12.5,
            ["plan"] = plan,
            ["nps_last"] = null,
        },
        T0.AddDays(100));

    [Fact]
    public void Scores_SavedInAnyOrder_ReadBackByCustomerThenAsOfWithEveryField()
    {
        var store = NewStore();
        var later = T0InTokyo.AddDays(30);
        store.SaveScores([Score("c2", T0InTokyo), Score("c1", later), Score("c10", T0InTokyo), Score("c1", T0InTokyo, probability: 0.1234567890123)]);

        var read = store.Scores().ToList();

        Assert.Equal([("c1", T0), ("c1", later), ("c10", T0), ("c2", T0)], read.Select(s => (s.CustomerId, s.AsOf)));
        var first = read[0];
        Assert.Equal(TimeSpan.Zero, first.AsOf.Offset);
        Assert.Equal((1, 0.1234567890123, RiskBand.Medium, 1234m, T0.AddDays(100)),
            (first.ModelVersion, first.Probability, first.Band, first.RevenueAtRisk, first.ScoredAt));
        Assert.Equal(12.5, first.Features["days_since_last_order"]);
        Assert.Equal("プロ", first.Features["plan"]);
        Assert.Null(first.Features["nps_last"]);
        Assert.Equal(3, first.Features.Count);
    }

    [Fact]
    public void Scores_WithReasons_ReadBackTheSameJsonAndNullWithout()
    {
        var store = NewStore();
        const string reasons = """{"raising":[{"group":"logins","feature":"login_trend","log_odds":0.5,"probability_points":18,"ja":"直近30日のログインが12回→3回に減少（+18pt）","en":"Logins fell (+18 pts)"}],"lowering":[],"action":{"group":"logins","ja":"電話","en":"Call"}}""";
        store.SaveScores([Score("c1", T0) with { Reasons = reasons }, Score("c2", T0)]);
        store.SaveScores([Score("c1", T0, probability: 0.5) with { Reasons = reasons.Replace("電話", "面談", StringComparison.Ordinal) }]);

        var read = store.Scores().ToList();

        using var document = System.Text.Json.JsonDocument.Parse(read[0].Reasons!);
        Assert.Equal("面談", document.RootElement.GetProperty("action").GetProperty("ja").GetString());
        Assert.Equal("直近30日のログインが12回→3回に減少（+18pt）", document.RootElement.GetProperty("raising")[0].GetProperty("ja").GetString());
        Assert.Null(read[1].Reasons);
    }

    [Fact]
    public void Scores_Filters_ReturnOnlyThatAsOfOrCustomer()
    {
        var store = NewStore();
        var later = T0.AddDays(30);
        store.SaveScores([Score("c1", T0), Score("c1", later), Score("c2", T0)]);

        Assert.Equal(["c1", "c2"], store.Scores(asOf: T0).Select(s => s.CustomerId));
        Assert.Equal([T0, later], store.Scores(customerId: "c1").Select(s => s.AsOf));
        Assert.Equal(later, Assert.Single(store.Scores(later, "c1")).AsOf);
        Assert.Empty(store.Scores(T0.AddDays(1)));
    }

    [Fact]
    public void SaveScores_SameCustomerAsOfAndVersion_ReplacesTheEarlierScore()
    {
        var store = NewStore();
        store.SaveScores([Score("c1", T0, version: 1, probability: 0.2), Score("c1", T0, version: 2, probability: 0.3)]);

        store.SaveScores([Score("c1", T0, version: 1, probability: 0.9, revenue: 99m, plan: "ライト")]);

        var read = store.Scores().ToList();
        Assert.Equal([(1, 0.9, 99m), (2, 0.3, 1234m)], read.Select(s => (s.ModelVersion, s.Probability, s.RevenueAtRisk)));
        Assert.Equal("ライト", read[0].Features["plan"]);
    }

    [Fact]
    public void SaveScores_ManyRows_AreAllStored()
    {
        var store = NewStore();
        var scores = Enumerable.Range(0, StoreScores.BatchRows * 2 + 7)
            .Select(i => Score("c" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), T0)).ToList();

        store.SaveScores(scores);

        Assert.Equal(scores.Select(s => s.CustomerId), store.Scores().Select(s => s.CustomerId));
    }

    [Fact]
    public void SaveScores_ProbabilityOutOfRange_StoresNothing()
    {
        var store = NewStore();
        var scores = Enumerable.Range(0, StoreScores.BatchRows + 1).Select(i => Score("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), T0)).ToList();
        scores.Add(Score("bad", T0, probability: 1.5));

        Assert.Throws<ArgumentOutOfRangeException>(() => store.SaveScores(scores));
        Assert.Empty(store.Scores());
    }
}
