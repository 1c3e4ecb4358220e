using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>The B2B subscription scenario: companies on Starter, Standard or Enterprise plans with seats.</summary>
internal sealed partial class SaasScenario(DemoWorld world)
{
    private static readonly string[] SizeBands = ["1-9", "10-49", "50-99", "100-299", "300+"];
    private static readonly double[] SizeWeights = [30, 35, 15, 12, 8];
    private static readonly int[] SizeSeatCap = [9, 49, 99, 299, 500];
    private static readonly double[] SizeActivity = [0.7, 0.9, 1.1, 1.3, 1.5];
    private static readonly string[] Channels = ["リスティング広告", "自然検索", "展示会", "紹介", "販売パートナー", "ウェビナー"];
    private static readonly double[] ChannelWeights = [25, 20, 12, 15, 13, 15];
    private static readonly string[] Plans = ["Starter", "Standard", "Enterprise"];
    private static readonly decimal[] SeatPrice = [1200m, 1800m, 2400m];
    private static readonly double[][] PlanBySize = [[75, 25, 0], [45, 50, 5], [10, 65, 25], [0, 45, 55], [0, 20, 80]];
    private static readonly double[] AnnualShare = [0.2, 0.45, 0.7];
    private static readonly double[] PlanHazard = [1.5, 1.0, 0.6];

    /// <summary>Background hazard per calendar month: fiscal year end (March) and half-year reviews raise it.</summary>
    private static readonly double[] HazardSeason = [0, 1.0, 1.0, 1.5, 1.1, 1.0, 1.0, 1.0, 1.0, 1.15, 1.0, 1.0, 0.8];

    /// <summary>Usage per calendar month: busy year end, quiet January, Golden Week and Obon.</summary>
    private static readonly double[] UsageSeason = [0, 0.85, 1.0, 1.1, 1.0, 0.9, 1.0, 1.0, 0.85, 1.0, 1.0, 1.05, 1.1];

    private sealed record Profile(
        int Size, int Plan, int Seats, bool Annual, bool English, double Engagement, double[] KeyAdoption,
        bool PriceSensitive, int Competitor, int NpsDay);

    public CustomerRecords Generate(int index)
    {
        var rng = new DemoRandom(world.Options.Seed, index);
        var id = DemoIds.Customer(index + 1);
        var signupDay = rng.Chance(0.35) ? -rng.Next(1, 1096) : rng.Next(0, world.Days - 14);
        var signupAt = world.At(signupDay, rng.Uniform(9, 18));

        var size = rng.PickWeighted(SizeWeights);
        var plan = rng.PickWeighted(PlanBySize[size]);
        var seats = Math.Max(2, Math.Min(SizeSeatCap[size], plan switch
        {
            0 => rng.Next(2, 11),
            1 => rng.Next(5, 51),
            _ => rng.Next(30, 301),
        }));
        var channel = rng.PickWeighted(ChannelWeights);
        var industry = rng.PickWeighted(DemoNames.IndustryWeights);
        var englishName = rng.Chance(0.08);
        var priceSensitive = rng.Chance(plan == 0 && size <= 1 && channel <= 1 ? 0.7 : plan == 0 ? 0.35 : 0.08);
        var profile = new Profile(
            size, plan, seats, rng.Chance(AnnualShare[plan]), englishName ? rng.Chance(0.85) : rng.Chance(0.04),
            rng.LogNormal(0.45), [rng.Uniform(0.3, 0.7), rng.Uniform(0.15, 0.5)], priceSensitive,
            rng.Next(DemoTexts.SaasCompetitors.Length), rng.Next(1, 29));

        var story = new CustomerStory(index, id, signupDay, signupAt, world.Months)
        {
            Mechanism = PickMechanism(rng, profile),
        };
        var renewals = profile.Annual ? RenewalDays(signupDay) : null;
        var baseHazard = 0.005 * PlanHazard[plan] * (size == 0 ? 1.2 : 1.0);
        StoryPlanner.Plan(world, rng, story, new HazardProfile(baseHazard, HazardSeason, renewals));

        var segment = new CustomerSegment(
            DemoNames.Industries[industry], DemoNames.Prefecture(rng), Plans[plan], Channels[channel], SizeBands[size]);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contract"] = profile.Annual ? "annual" : "monthly",
            ["seats"] = seats.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var name = englishName ? DemoNames.EnglishCompany(rng) : DemoNames.JapaneseCompany(rng, industry);
        var records = new CustomerRecords(new Customer(id, name, signupAt, segment, attributes), story);

        AddSubscription(rng, records, profile);
        GenerateUsage(rng, records, profile);
        AddTouches(rng, records);
        return records;
    }

    private static ChurnMechanism PickMechanism(DemoRandom rng, Profile p)
    {
        ReadOnlySpan<double> weights =
        [
            38, 9, 7, 7, 6, 0, 6, p.Annual ? 12 : 0, p.PriceSensitive ? 16 : 1.5, 4,
        ];
        return (ChurnMechanism)rng.PickWeighted(weights);
    }

    private int[] RenewalDays(int signupDay)
    {
        var signupDate = world.LocalDate(signupDay);
        var days = new List<int>(4);
        for (var year = 1; ; year++)
        {
            var day = world.DayOf(signupDate.AddYears(year));
            if (day >= world.Days)
            {
                return [.. days];
            }

            if (day > signupDay && day >= 0)
            {
                days.Add(day);
            }
        }
    }

    private void AddSubscription(DemoRandom rng, CustomerRecords records, Profile p)
    {
        var story = records.Story;
        var monthly = p.Seats * SeatPrice[p.Plan];
        var amount = p.Annual ? decimal.Round(monthly * 12m * 0.9m) : monthly;
        DateTimeOffset? renewsAt = null;
        if (!story.Churned)
        {
            var signupDate = world.LocalDate(story.SignupDay);
            var step = p.Annual ? 12 : 1;
            var n = step;
            while (world.DayOf(signupDate.AddMonths(n)) < world.Days)
            {
                n += step;
            }

            renewsAt = signupDate.AddMonths(n).ToUniversalTime();
        }

        var cause = story.ChurnCause;
        string? competitor = null;
        if (story.Churned && (cause == ChurnMechanism.PriceSensitivity
            || (cause == ChurnMechanism.CancellationResearch && rng.Chance(0.3)) || rng.Chance(0.05)))
        {
            competitor = DemoTexts.SaasCompetitors[p.Competitor].Name;
        }

        records.Subscriptions.Add(new Subscription(
            records.NextSubscriptionId(), records.Id, Plans[p.Plan], story.SignupAt, renewsAt, story.ChurnedAt,
            Money.Yen(amount), p.Annual ? 12 : 1, p.Seats,
            story.Churned ? DemoTexts.CancellationReason(rng, DemoScenario.Saas, cause) : null, competitor));
    }

    private void AddTouches(DemoRandom rng, CustomerRecords records)
    {
        var story = records.Story;
        var end = story.EndDay(world.Days);
        if (story.SignupDay >= 0 && rng.Chance(0.8))
        {
            var day = story.SignupDay + rng.Next(5, 21);
            if (day < end)
            {
                records.AddTouch(world.At(day, rng.Uniform(10, 17)), "オンボーディング支援", "web", false);
            }
        }

        if (story.TouchDay >= 0 && story.TouchDay < end)
        {
            records.AddTouch(world.At(story.TouchDay, rng.Uniform(10, 17)), "リテンションコール", "phone", story.TouchIsControl);
        }

        if (records.Touches.Count > 1)
        {
            records.Touches.Sort(static (a, b) => a.TouchedAt.CompareTo(b.TouchedAt));
        }
    }
}
