using System.Buffers;
using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Builtin;

/// <summary>Logins, feature usage, web behaviour and email engagement, computed in one pass over a customer's activities.</summary>
/// <remarks>
/// All four fields read the same activity series, so one group walks the last 180 days once (the longest activity
/// window: email opens over 90 days against the 90 before) instead of four groups walking it four times.
/// Nothing looks back further than <see cref="HorizonDays"/>, so the live evaluator, which forgets older events,
/// gives the same values as the batch evaluator.
/// </remarks>
internal sealed partial class ActivityFeatures : IFeatureGroup
{
    /// <summary>The longest lookback of any activity feature: 730 days, the horizon every evaluator keeps.</summary>
    public const int HorizonDays = 730;

    private const long Horizon = HorizonDays * Millis.Day;
    private const long Week = 7 * Millis.Day;
    private const long Month = 30 * Millis.Day;
    private const long TwoMonths = 60 * Millis.Day;
    private const long Quarter = 90 * Millis.Day;
    private const long KeyFeaturePeriod = 120 * Millis.Day;
    private const long ScanWindow = 180 * Millis.Day;
    private const int StackNames = 256;

    private readonly int _login;
    private readonly int _featureUse;
    private readonly int _pageView;
    private readonly int _emailOpen;
    private readonly int _emailClick;
    private readonly int _categoryCount;

    /// <summary>The group for an evaluation: ids from its vocabulary, one page-view count per page category of its settings.</summary>
    public ActivityFeatures(FeatureContext context)
        : this(context?.Vocabulary ?? throw new ArgumentNullException(nameof(context)), context.Settings.CategoryNames)
    {
    }

    /// <summary>The group over a vocabulary and the page category names in their bit order.</summary>
    public ActivityFeatures(HistoryVocabulary vocabulary, IReadOnlyList<string> categoryNames)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(categoryNames);
        if (categoryNames.Count > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(categoryNames), categoryNames.Count, "at most 32 page categories are allowed");
        }

        _login = vocabulary.Intern(ActivityTypes.Login);
        _featureUse = vocabulary.Intern(ActivityTypes.FeatureUse);
        _pageView = vocabulary.Intern(ActivityTypes.PageView);
        _emailOpen = vocabulary.Intern(ActivityTypes.EmailOpen);
        _emailClick = vocabulary.Intern(ActivityTypes.EmailClick);
        _categoryCount = categoryNames.Count;
        Definitions = BuildDefinitions(categoryNames);
    }

    /// <inheritdoc />
    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        var activities = history.Activities;
        var scanStart = activities.LowerBound(asOf - ScanWindow);
        var end = activities.LowerBound(asOf);

        // Feature names used in the last 120 days, oldest first; at most one per scanned event.
        var capacity = end - scanStart;
        int[]? rented = null;
        Span<int> buffer = capacity <= StackNames
            ? stackalloc int[2 * StackNames]
            : (rented = ArrayPool<int>.Shared.Rent(2 * capacity));
        Span<int> categoryViews = stackalloc int[32];
        try
        {
            var counts = new Counts();
            var names = 0;
            var names90 = -1;
            var names30 = -1;
            long lastLogin = long.MinValue;
            for (var i = scanStart; i < end; i++)
            {
                ref readonly var e = ref activities[i];
                var age = asOf - e.Time;
                if (e.Type == _login)
                {
                    lastLogin = e.Time;
                    CountLogin(ref counts, age);
                }
                else if (e.Type == _featureUse)
                {
                    if (age <= Month) { counts.FeatureUses30++; }
                    else if (age <= TwoMonths) { counts.FeatureUsesPrior30++; }

                    if (age <= KeyFeaturePeriod && e.Name >= 0)
                    {
                        if (age <= Quarter && names90 < 0) { names90 = names; }
                        if (age <= Month && names30 < 0) { names30 = names; }
                        buffer[names++] = e.Name;
                    }
                }
                else if (e.Type == _pageView)
                {
                    if (age <= Month)
                    {
                        counts.PageViews30++;
                        for (var bits = e.Categories; bits != 0; bits &= bits - 1)
                        {
                            categoryViews[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
                        }
                    }
                }
                else if (e.Type == _emailOpen)
                {
                    if (age <= Quarter) { counts.Opens90++; } else { counts.OpensPrior90++; }
                }
                else if (e.Type == _emailClick && age <= Quarter)
                {
                    counts.Clicks90++;
                }
            }

            if (lastLogin == long.MinValue)
            {
                lastLogin = LastLoginBefore(activities, scanStart, asOf);
            }

            WriteLogins(history, asOf, lastLogin, in counts, output);
            var usage = MeasureUsage(buffer[..(2 * names)], names, names90 < 0 ? names : names90, names30 < 0 ? names : names30);
            WriteUsageAndRest(in counts, in usage, categoryViews, output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private static void CountLogin(ref Counts counts, long age)
    {
        if (age <= Week) { counts.Logins7++; }
        if (age <= Month)
        {
            counts.Logins30++;
            counts.ActiveDays |= 1u << (int)((age - 1) / Millis.Day);
        }
        else if (age <= TwoMonths)
        {
            counts.LoginsPrior30++;
        }

        if (age <= Quarter) { counts.Logins90++; }
    }

    /// <summary>The newest login in [asOf − horizon, the scan start), or <see cref="long.MinValue"/>.</summary>
    private long LastLoginBefore(EventSeries<ActivityEvent> activities, int scanStart, long asOf)
    {
        var stop = activities.LowerBound(asOf - Horizon);
        for (var i = scanStart - 1; i >= stop; i--)
        {
            if (activities[i].Type == _login)
            {
                return activities[i].Time;
            }
        }

        return long.MinValue;
    }

    private static void WriteLogins(CustomerHistory history, long asOf, long lastLogin, in Counts counts, FeatureRow output)
    {
        output.Set(LoginsLast7, counts.Logins7);
        output.Set(LoginsLast30, counts.Logins30);
        output.Set(LoginsLast90, counts.Logins90);
        output.Set(DaysSinceLastLogin, lastLogin == long.MinValue ? double.NaN : (asOf - lastLogin) / (double)Millis.Day);
        output.Set(DaysWithoutLoginRun, DaysWithoutLogin(history, asOf, lastLogin));
        output.Set(LoginTrend, Trend(counts.Logins30, counts.LoginsPrior30));
        output.Set(ActiveDaysLast30, System.Numerics.BitOperations.PopCount(counts.ActiveDays));
    }

    /// <summary>
    /// Whole 24-hour periods counted back from <paramref name="asOf"/> that lie after the last login; without a login
    /// in the horizon, those that lie after the start of observation (signup, else the first activity in the horizon),
    /// at most <see cref="HorizonDays"/>; NaN when nothing tells when observation started.
    /// </summary>
    private static double DaysWithoutLogin(CustomerHistory history, long asOf, long lastLogin)
    {
        if (lastLogin != long.MinValue)
        {
            return (asOf - lastLogin - 1) / Millis.Day;
        }

        var start = history.SignupAt;
        if (start >= asOf)
        {
            var first = history.Activities.LowerBound(asOf - Horizon);
            if (first >= history.Activities.Count || history.Activities.TimeAt(first) >= asOf)
            {
                return double.NaN;
            }

            start = history.Activities.TimeAt(first);
        }

        return Math.Min(HorizonDays, (asOf - start) / Millis.Day);
    }

    /// <summary>Relative change of a count against the period before: (now − before) ÷ max(1, before).</summary>
    internal static double Trend(double now, double before) => (now - before) / Math.Max(1, before);

    private void WriteUsageAndRest(in Counts counts, in Usage usage, ReadOnlySpan<int> categoryViews, FeatureRow output)
    {
        output.Set(DistinctFeatures30, usage.Distinct30);
        output.Set(DistinctFeatures90, usage.Distinct90);
        output.Set(FeatureUses30, counts.FeatureUses30);
        output.Set(KeyFeatureDropped, usage.KeyFeatureDropped);
        output.Set(FeatureUseTrend, Trend(counts.FeatureUses30, counts.FeatureUsesPrior30));
        output.Set(EmailOpens90, counts.Opens90);
        output.Set(EmailClicks90, counts.Clicks90);
        output.Set(EmailClickToOpen90, counts.Opens90 == 0 ? double.NaN : counts.Clicks90 / (double)counts.Opens90);
        output.Set(EmailOpensTrend, Trend(counts.Opens90, counts.OpensPrior90));
        output.Set(PageViews30, counts.PageViews30);
        for (var c = 0; c < _categoryCount; c++)
        {
            output.Set(FirstCategory + c, categoryViews[c]);
        }
    }

    /// <summary>Counters of one pass.</summary>
    private struct Counts
    {
        public int Logins7;
        public int Logins30;
        public int LoginsPrior30;
        public int Logins90;
        public uint ActiveDays;
        public int FeatureUses30;
        public int FeatureUsesPrior30;
        public int Opens90;
        public int OpensPrior90;
        public int Clicks90;
        public int PageViews30;
    }
}
