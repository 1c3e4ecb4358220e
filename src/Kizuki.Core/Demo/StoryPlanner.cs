namespace Kizuki.Demo;

/// <summary>The hazard side of a scenario: background rate, seasonality and contract shape of one customer.</summary>
/// <param name="BaseMonthly">Background monthly churn hazard.</param>
/// <param name="Season">Multiplier of the background hazard per calendar month (index 1–12).</param>
/// <param name="RenewalDays">For annual contracts, the renewal days in the history; null for monthly or open-ended customers.</param>
internal readonly record struct HazardProfile(double BaseMonthly, double[] Season, int[]? RenewalDays);

/// <summary>Draws a customer's episode and churn from the monthly hazard the mechanisms drive.</summary>
internal static class StoryPlanner
{
    /// <summary>Hazard added at full intensity, per mechanism (index = enum value); it grows with the square of the
    /// intensity, so customers mostly leave once the signals are strong and mild episodes mostly recover.</summary>
    private static readonly double[] Lift = [0, 0.45, 0.38, 0.42, 0.38, 0.42, 0.55, 0.6, 0.48, 0.55];

    /// <summary>Hazard multiplier after a (non-control) retention touch.</summary>
    public const double TouchEffect = 0.6;

    /// <summary>Share of the background hazard kept in months without a renewal, for annual contracts: they rarely
    /// leave mid-term, and the mechanisms act at the renewal.</summary>
    private const double MidTermShare = 0.1;

    public static void Plan(DemoWorld world, DemoRandom rng, CustomerStory story, HazardProfile profile)
    {
        PlanEpisode(world, rng, story, profile.RenewalDays);
        PlanTouch(world, rng, story);
        DrawChurn(world, rng, story, profile);
        story.Recovered = story.Mechanism is not (ChurnMechanism.None or ChurnMechanism.Silent)
            && story.PlateauEndDay + CustomerStory.DecayDays < (story.Churned ? story.ChurnDay : world.Days);
    }

    private static void PlanEpisode(DemoWorld world, DemoRandom rng, CustomerStory story, int[]? renewalDays)
    {
        if (story.Mechanism == ChurnMechanism.None)
        {
            return;
        }

        story.Severity = rng.Chance(0.3) ? rng.Uniform(0.2, 0.5) : rng.Uniform(0.6, 1.0);
        var earliest = Math.Max(story.SignupDay + 30, 14);
        if (story.Mechanism == ChurnMechanism.RenewalApproach)
        {
            var candidates = renewalDays?.Where(r => r - 80 >= earliest && r < world.Days).ToArray() ?? [];
            if (candidates.Length == 0)
            {
                story.Mechanism = ChurnMechanism.None;
                return;
            }

            var renewal = rng.Pick(candidates);
            story.OnsetDay = renewal - rng.Next(50, 81);
            story.PlateauEndDay = renewal + 10;
            return;
        }

        var latest = world.Days - 45;
        if (earliest >= latest)
        {
            story.Mechanism = ChurnMechanism.None;
            return;
        }

        story.OnsetDay = rng.Next(earliest, latest);
        story.PlateauEndDay = story.Mechanism == ChurnMechanism.Silent
            ? story.OnsetDay + rng.Next(30, 76)
            : story.OnsetDay + CustomerStory.RampDays + rng.Next(20, 76);
    }

    /// <summary>The success team notices half of the clearly visible episodes; 30 % of those become a hold-out control.</summary>
    private static void PlanTouch(DemoWorld world, DemoRandom rng, CustomerStory story)
    {
        int day;
        if (story.Mechanism is not (ChurnMechanism.None or ChurnMechanism.Silent) && story.Severity >= 0.5)
        {
            var visible = story.OnsetDay + (int)Math.Ceiling(0.5 / story.Severity * CustomerStory.RampDays);
            day = rng.Chance(0.5) ? visible + rng.Next(3, 11) : -1;
        }
        else
        {
            day = rng.Chance(0.04) ? rng.Next(story.FirstEventDay, world.Days) : -1;
        }

        if (day >= story.FirstEventDay && day < world.Days)
        {
            story.TouchDay = day;
            story.TouchIsControl = rng.Chance(0.3);
        }
    }

    private static void DrawChurn(DemoWorld world, DemoRandom rng, CustomerStory story, HazardProfile profile)
    {
        for (var k = 0; k < world.Months; k++)
        {
            var monthStart = world.MonthStartDay[k];
            var monthEnd = world.MonthStartDay[k + 1];
            var from = Math.Max(monthStart, story.SignupDay + 1);
            if (from >= monthEnd)
            {
                continue;
            }

            var intensity = story.Intensity(monthStart);
            var touched = story.TouchDay >= 0 && !story.TouchIsControl && monthStart >= story.TouchDay;
            var lift = Lift[(int)story.Mechanism] * intensity * intensity * (touched ? TouchEffect : 1.0);
            var background = profile.BaseMonthly * profile.Season[world.CalendarMonth(monthStart)];
            var renewal = RenewalIn(profile.RenewalDays, from, monthEnd);
            var midTerm = profile.RenewalDays is not null && renewal < 0;
            var share = (monthEnd - from) / (double)(monthEnd - monthStart);
            var hazard = Math.Min(0.95, ContractShape(profile, midTerm, background + lift, background) * share);
            story.Hazard[k] = (float)hazard;
            story.BackgroundHazard[k] = (float)Math.Min(0.95, ContractShape(profile, midTerm, background, background) * share);
            story.ActiveMechanism[k] = intensity > 0.05 ? story.Mechanism : ChurnMechanism.None;
            if (rng.NextDouble() >= hazard)
            {
                continue;
            }

            var atRenewal = renewal >= 0;
            story.ChurnDay = atRenewal ? renewal : rng.Next(from, monthEnd);
            story.ChurnedAt = world.At(story.ChurnDay, atRenewal ? 0 : rng.Uniform(9, 19));
            story.ChurnCause = midTerm ? ChurnMechanism.None : story.ActiveMechanism[k];
            return;
        }
    }

    /// <summary>An annual contract keeps a small share of the background mid-term and concentrates a year's hazard on the
    /// renewal month; monthly and open-ended customers take the hazard as it is.</summary>
    private static double ContractShape(HazardProfile profile, bool midTerm, double hazard, double background) =>
        profile.RenewalDays is null ? hazard
        : midTerm ? background * MidTermShare
        : 1 - Math.Pow(1 - Math.Min(hazard, 0.9), 4);

    private static int RenewalIn(int[]? renewalDays, int from, int to)
    {
        if (renewalDays is null)
        {
            return -1;
        }

        foreach (var r in renewalDays)
        {
            if (r >= from && r < to)
            {
                return r;
            }
        }

        return -1;
    }
}
