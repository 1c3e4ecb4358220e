using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed partial class ActivityFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly FeatureContext _context = new(new FeatureSettings());

    private double[] Evaluate(CustomerHistory history, long asOf) => Evaluate(new ActivityFeatures(_context), history, asOf);

    private static double[] Evaluate(ActivityFeatures group, CustomerHistory history, long asOf)
    {
        var numbers = new double[group.Definitions.Count];
        Array.Fill(numbers, -12345);
        group.Evaluate(history, asOf, new FeatureRow(numbers, new string?[numbers.Length], 0));
        return numbers;
    }

    private double Value(CustomerHistory history, string name) => Value(new ActivityFeatures(_context), Evaluate(history, T), name);

    private static double Value(ActivityFeatures group, double[] values, string name)
    {
        var index = group.Definitions.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i;
        return values[index];
    }

    private CustomerHistory With(params (double DaysAgo, string Type, string? Name)[] activities)
    {
        var history = new CustomerHistory("K1");
        foreach (var (daysAgo, type, name) in activities)
        {
            Add(history, T - (long)Math.Round(daysAgo * Millis.Day), type, name);
        }

        return history;
    }

    private void Add(CustomerHistory history, long time, string type, string? name) =>
        history.Activities.Add(_context.Builder.ToEvent(time, type, name, null));

    private static (double, string, string?) Login(double daysAgo) => (daysAgo, ActivityTypes.Login, null);

    private static (double, string, string?) Use(double daysAgo, string feature) => (daysAgo, ActivityTypes.FeatureUse, feature);

    [Fact]
    public void Evaluate_LoginWindows_CountExactBoundaries()
    {
        // A login at T is not counted; one exactly 7, 30 or 90 days before T is inside that window.
        var history = With(Login(0), Login(7), Login(7.001), Login(30), Login(30.5), Login(90), Login(90.01));
        Assert.Equal(1, Value(history, "logins_7d"));
        Assert.Equal(3, Value(history, "logins_30d"));
        Assert.Equal(5, Value(history, "logins_90d"));
    }

    [Fact]
    public void Evaluate_RecentLogin_GivesFractionalDaysSinceAndWholeDayRun()
    {
        var history = With(Login(10), Login(2.5), Login(0));
        Assert.Equal(2.5, Value(history, "days_since_last_login"), 9);
        Assert.Equal(2, Value(history, "days_without_login_run"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, 0)]
    public void Evaluate_LoginAroundOneDayBefore_RunCountsWholePeriodsAfterIt(long extraMillis, double expectedRun)
    {
        // A login exactly 24 hours before T lies in the first period [T - 1d, T); one a millisecond earlier lies in the second.
        var history = new CustomerHistory("K1");
        Add(history, T - Millis.Day - extraMillis, ActivityTypes.Login, null);
        Assert.Equal(expectedRun, Value(history, "days_without_login_run"));
    }

    [Fact]
    public void Evaluate_NeverLoggedInWithSignup_RunCountsFromSignup()
    {
        var history = new CustomerHistory("K1")
        {
            Customer = new Customer("K1", null, Millis.ToInstant(T - (long)(10.5 * Millis.Day)), CustomerSegment.Unknown, Customer.NoAttributes),
        };
        Add(history, T - Millis.Day, ActivityTypes.PageView, "/home");
        Assert.True(double.IsNaN(Value(history, "days_since_last_login")));
        Assert.Equal(10, Value(history, "days_without_login_run"));
    }

    [Fact]
    public void Evaluate_NeverLoggedInWithoutSignup_RunCountsFromFirstActivity()
    {
        var history = With((5.5, ActivityTypes.PageView, "/home"), (1, ActivityTypes.EmailOpen, "news"));
        Assert.Equal(5, Value(history, "days_without_login_run"));
    }

    [Fact]
    public void Evaluate_SignupLongAgoAndNoLogin_RunIsCappedAtHorizon()
    {
        var history = new CustomerHistory("K1")
        {
            Customer = new Customer("K1", null, Millis.ToInstant(T - (1000 * Millis.Day)), CustomerSegment.Unknown, Customer.NoAttributes),
        };
        Assert.Equal(ActivityFeatures.HorizonDays, Value(history, "days_without_login_run"));
    }

    [Fact]
    public void Evaluate_NothingKnown_RecencyUnknownAndCountsZero()
    {
        var group = new ActivityFeatures(_context);
        var values = Evaluate(group, new CustomerHistory("K1"), T);
        foreach (var name in new[] { "days_since_last_login", "days_without_login_run", "key_feature_dropped", "email_click_to_open_90d" })
        {
            Assert.True(double.IsNaN(Value(group, values, name)), name);
        }

        foreach (var name in new[] { "logins_7d", "logins_30d", "logins_90d", "login_trend", "active_days_30d", "distinct_features_30d",
            "distinct_features_90d", "feature_uses_30d", "feature_use_trend", "email_opens_90d", "email_clicks_90d", "email_opens_trend",
            "page_views_30d", "support_page_views_30d", "pricing_page_views_30d", "cancellation_page_views_30d", "competitor_page_views_30d" })
        {
            Assert.Equal(0, Value(group, values, name));
        }
    }

    [Theory]
    [InlineData(400, 400)]
    [InlineData(730, 730)]
    [InlineData(730.01, double.NaN)]
    public void Evaluate_OldLogin_FoundWithinHorizonOnly(double daysAgo, double expected)
    {
        var history = With(Login(daysAgo), (3, ActivityTypes.PageView, "/home"));
        Assert.Equal(expected, Value(history, "days_since_last_login"), 6);
    }

    [Theory]
    [InlineData(6, 2, 2)]
    [InlineData(3, 0, 3)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 4, -0.75)]
    public void Evaluate_LoginTrend_ComparesLast30DaysWithThe30Before(int recent, int before, double expected)
    {
        var history = new CustomerHistory("K1");
        for (var i = 0; i < recent; i++)
        {
            Add(history, T - Millis.Day - (i * Millis.Day), ActivityTypes.Login, null);
        }

        for (var i = 0; i < before; i++)
        {
            Add(history, T - (31 * Millis.Day) - (i * Millis.Day), ActivityTypes.Login, null);
        }

        Assert.Equal(expected, Value(history, "login_trend"), 9);
    }

    [Fact]
    public void Evaluate_ActiveDays_CountsDistinct24HourPeriods()
    {
        // 0.5, 0.7 and exactly 1 day fall in period 0; 1.5 in period 1; 29.9 and exactly 30 in period 29; 30.1 is outside.
        var history = With(Login(0.5), Login(0.7), Login(1), Login(1.5), Login(29.9), Login(30), Login(30.1));
        Assert.Equal(3, Value(history, "active_days_30d"));
    }

    [Fact]
    public void Evaluate_EventsAtOrAfterAsOf_ChangeNothing()
    {
        var history = With(Login(3), Login(45), Use(10, "report"), Use(60, "export"), (5, ActivityTypes.PageView, "/pricing"),
            (20, ActivityTypes.EmailOpen, "news"), (20, ActivityTypes.EmailClick, "news"), (100, ActivityTypes.EmailOpen, "news"));
        var before = Evaluate(history, T);
        foreach (var time in new[] { T, T + 1, T + Millis.Day })
        {
            Add(history, time, ActivityTypes.Login, null);
            Add(history, time, ActivityTypes.FeatureUse, "brand_new");
            Add(history, time, ActivityTypes.PageView, "/account/cancel");
            Add(history, time, ActivityTypes.EmailOpen, "news");
            Add(history, time, ActivityTypes.EmailClick, "news");
        }

        Assert.Equal(before, Evaluate(history, T));
    }
}
