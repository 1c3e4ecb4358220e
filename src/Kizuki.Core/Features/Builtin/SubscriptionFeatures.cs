using Kizuki.Features.History;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>Contract signals: tenure, the next renewal, plan, recurring amount, downgrades and renewals so far.</summary>
/// <remarks>
/// A subscription is running at T when it started before T and its end, if any, is not before T: an end in the
/// future is not known at T. Renewal dates are the start plus whole billing cycles, counted in calendar months in UTC.
/// </remarks>
internal sealed class SubscriptionFeatures : IFeatureGroup
{
    private const BusinessField S = BusinessField.Subscription;

    /// <summary>Subscriptions that ended more than this many days before the as-of instant are not looked at.</summary>
    public const int HorizonDays = 730;

    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        Number("subscription_tenure_days", S, "契約期間（日）", "Days under contract",
            "直近2年以内に継続していた契約のうち最初の開始から基準日時までの日数。なければ空欄。", "Days from the start of the first subscription running in the last two years to the as-of instant; empty without one."),
        Number("days_to_renewal", S, "次回更新までの日数", "Days to the next renewal",
            "継続中の契約の次回更新日（開始日＋請求周期の倍数）までの日数の最小値。継続中の契約がなければ空欄。",
            "Days until the next renewal (start plus whole billing cycles) of the running subscriptions; empty when none runs."),
        Category("plan", S, "プラン", "Plan",
            "継続中の契約のうち月額が最も大きいもののプラン名。", "Plan of the running subscription with the largest monthly amount."),
        Number("monthly_recurring_amount", S, "月額料金", "Monthly recurring amount",
            "継続中の契約の月額換算の合計（金額 ÷ 請求周期の月数）。", "Sum of the running subscriptions' amounts per month (amount ÷ billing cycle months)."),
        Number("seats", S, "席数", "Seats", "継続中の契約の席数の合計。", "Total seats of the running subscriptions."),
        Number("billing_cycle_months", S, "請求周期（月）", "Billing cycle (months)",
            "主な継続中の契約の請求周期。継続中の契約がなければ空欄。", "Billing cycle of the main running subscription; empty when none runs."),
        Number("downgrades_365d", S, "直近1年のダウングレード数", "Downgrades in the last year",
            "直近1年に始まった契約のうち、直前の契約より月額が低いものの数。",
            "Subscriptions started in the last year with a lower monthly amount than the subscription before them."),
        Number("renewals", S, "継続回数", "Renewals so far",
            "主な継続中の契約が基準日時までに更新された回数（開始から経過した請求周期の数）。",
            "Times the main running subscription has renewed before the as-of instant (billing cycles completed since its start)."),
        Number("has_running_subscription", S, "契約継続中", "Has a running subscription",
            "基準日時に継続中の契約があれば1、なければ0。", "1 when a subscription is running at the as-of instant, else 0."),
    ];

    public IReadOnlyList<FeatureDefinition> Definitions => All;

    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        var subscriptions = history.Subscriptions.Before(asOf);
        long firstStart = long.MaxValue, nextRenewal = long.MaxValue;
        double monthly = 0, mainAmount = double.NegativeInfinity;
        int seats = 0, downgrades = 0, running = 0;
        SubscriptionEvent main = default;
        var previousAmount = double.NaN;
        for (var i = 0; i < subscriptions.Length; i++)
        {
            ref readonly var s = ref subscriptions[i];
            if (s.End < asOf - HorizonDays * Millis.Day)
            {
                continue; // ended beyond the horizon: no feature looks that far back
            }

            firstStart = Math.Min(firstStart, s.Start);
            if (asOf - s.Start <= 365 * Millis.Day && previousAmount > s.MonthlyAmount)
            {
                downgrades++;
            }

            previousAmount = s.MonthlyAmount;

            if (s.End < asOf)
            {
                continue;
            }

            running++;
            monthly += s.MonthlyAmount;
            seats += s.Seats;
            nextRenewal = Math.Min(nextRenewal, NextRenewal(s, asOf, out _));
            if (s.MonthlyAmount > mainAmount)
            {
                mainAmount = s.MonthlyAmount;
                main = s;
            }
        }

        var none = running == 0;
        var renewals = 0;
        if (!none)
        {
            NextRenewal(main, asOf, out renewals);
        }

        output.Set(0, firstStart == long.MaxValue ? double.NaN : (asOf - firstStart) / (double)Millis.Day);
        output.Set(1, none ? double.NaN : (nextRenewal - asOf) / (double)Millis.Day);
        output.SetCategory(2, none ? null : main.Plan);
        output.Set(3, monthly);
        output.Set(4, seats);
        output.Set(5, none ? double.NaN : main.CycleMonths);
        output.Set(6, downgrades);
        output.Set(7, none ? double.NaN : renewals);
        output.Set(8, none ? 0 : 1);
    }

    /// <summary>The first renewal date at or after <paramref name="asOf"/>, and how many renewal dates came before it.</summary>
    private static long NextRenewal(in SubscriptionEvent s, long asOf, out int renewalsSoFar)
    {
        var start = Millis.ToInstant(s.Start);
        // An estimate from elapsed days, corrected by at most a step or two, keeps this O(1) for long contracts.
        var cycles = (int)Math.Max(0, (asOf - s.Start) / (s.CycleMonths * 31L * Millis.Day) - 1);
        while (Millis.Of(start.AddMonths((cycles + 1) * s.CycleMonths)) < asOf)
        {
            cycles++;
        }

        renewalsSoFar = cycles;
        return Millis.Of(start.AddMonths((cycles + 1) * s.CycleMonths));
    }
}
