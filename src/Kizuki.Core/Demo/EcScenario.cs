using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>The mail-order shop scenario (通販): one-off buyers and 定期購入 subscribers.</summary>
internal sealed partial class EcScenario(DemoWorld world, EcCatalog catalog)
{
    private static readonly string[] Channels = ["Instagram広告", "検索広告", "アフィリエイト", "テレビ通販", "LINE", "紹介", "クーポンサイト"];
    private static readonly double[] ChannelWeights = [20, 20, 15, 10, 15, 10, 10];
    private static readonly string[] AgeBands = ["20代", "30代", "40代", "50代", "60代", "70代以上"];
    private static readonly double[] AgeWeights = [10, 18, 24, 22, 16, 10];

    /// <summary>Background hazard per calendar month: January (after the year-end peak) loses the most.</summary>
    private static readonly double[] HazardSeason = [0, 1.4, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.0, 1.0, 0.9, 0.7];

    /// <summary>Shopping per calendar month: year-end peak in December, January dip, summer and November sales.</summary>
    private static readonly double[] ShoppingSeason = [0, 0.75, 0.9, 1.0, 1.0, 1.05, 0.95, 1.1, 0.95, 0.95, 1.0, 1.15, 1.45];

    private sealed record Profile(
        bool Teiki, int TeikiProduct, bool English, double Engagement, int[] Favourites, bool PriceSensitive, int Competitor);

    public CustomerRecords Generate(int index)
    {
        var rng = new DemoRandom(world.Options.Seed, index);
        var id = DemoIds.Customer(index + 1);
        var signupDay = rng.Chance(0.3) ? -rng.Next(1, 1096) : rng.Next(0, world.Days - 14);
        var signupAt = world.At(signupDay, rng.Uniform(7, 23.5));
        var channel = rng.PickWeighted(ChannelWeights);
        var priceSensitive = rng.Chance(channel is 2 or 6 ? 0.6 : 0.15);
        var teiki = rng.Chance(0.3);
        var profile = new Profile(
            teiki, rng.Pick(EcCatalog.SubscribableProducts), rng.Chance(0.04), rng.LogNormal(0.5),
            [rng.Next(EcCatalog.Categories.Length - 1), rng.Next(EcCatalog.Categories.Length - 1)], priceSensitive,
            rng.Next(DemoTexts.EcCompetitors.Length));

        ReadOnlySpan<double> weights = [40, 0, 0, 7, 7, 16, teiki ? 10 : 4, 0, priceSensitive ? 16 : 2, 6];
        var story = new CustomerStory(index, id, signupDay, signupAt, world.Months)
        {
            Mechanism = (ChurnMechanism)rng.PickWeighted(weights),
        };
        var baseHazard = (teiki ? 0.015 : 0.025) * (priceSensitive ? 1.3 : 1.0);
        StoryPlanner.Plan(world, rng, story, new HazardProfile(baseHazard, HazardSeason, null));

        var segment = new CustomerSegment(
            Region: DemoNames.Prefecture(rng), Plan: teiki ? "定期会員" : "一般会員", AcquisitionChannel: Channels[channel]);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["age_band"] = AgeBands[rng.PickWeighted(AgeWeights)],
        };
        var records = new CustomerRecords(new Customer(id, DemoNames.Person(rng), signupAt, segment, attributes), story);

        if (teiki)
        {
            AddSubscription(rng, records, profile);
        }

        GenerateShopping(rng, records, profile);
        AddTouches(rng, records, profile);
        return records;
    }

    private void AddSubscription(DemoRandom rng, CustomerRecords records, Profile p)
    {
        var story = records.Story;
        var product = EcCatalog.Products[p.TeikiProduct];
        DateTimeOffset? renewsAt = null;
        if (!story.Churned)
        {
            var next = story.SignupDay + (((world.Days - story.SignupDay + 29) / 30) * 30);
            renewsAt = world.At(next, 0);
        }

        string? reason = null;
        string? competitor = null;
        if (story.Churned)
        {
            reason = DemoTexts.CancellationReason(rng, DemoScenario.Ec, story.ChurnCause);
            if (story.ChurnCause == ChurnMechanism.PriceSensitivity || rng.Chance(0.04))
            {
                competitor = DemoTexts.EcCompetitors[p.Competitor];
            }

            records.ChurnEvents.Add(new ChurnEvent(
                records.NextChurnEventId(), records.Id, story.ChurnedAt!.Value, reason ?? "定期解約", competitor));
        }

        records.Subscriptions.Add(new Subscription(
            records.NextSubscriptionId(), records.Id, "定期便 " + product.Name, story.SignupAt, renewsAt, story.ChurnedAt,
            Money.Yen(decimal.Round(product.Price * 0.9m)), 1, 1, reason, competitor));
    }

    private void AddTouches(DemoRandom rng, CustomerRecords records, Profile p)
    {
        var story = records.Story;
        if (story.TouchDay >= 0 && story.TouchDay < story.EndDay(world.Days))
        {
            records.AddTouch(
                world.At(story.TouchDay, rng.Uniform(10, 20)), p.Teiki ? "定期継続クーポン" : "休眠防止クーポン", "coupon",
                story.TouchIsControl);
        }
    }
}
