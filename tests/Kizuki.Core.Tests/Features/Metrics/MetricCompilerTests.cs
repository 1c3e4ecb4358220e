using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Metrics;

namespace Kizuki.Tests.Features.Metrics;

public sealed partial class MetricCompilerTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly HistoryVocabulary _vocabulary = new();
    private readonly HistoryBuilder _builder;
    private readonly MetricCompiler _compiler;
    private readonly CustomerHistory _history = new("C001");

    public MetricCompilerTests()
    {
        var settings = new FeatureSettings();
        _builder = new HistoryBuilder(_vocabulary, settings.CreateClassifier());
        _compiler = new MetricCompiler(_vocabulary, settings.CategoryNames);
    }

    private static long DaysBefore(double days) => T - (long)Math.Round(days * Millis.Day);

    private void Activity(double daysBefore, string type, string? name = null, double? quantity = null) =>
        _history.Activities.Add(_builder.ToEvent(DaysBefore(daysBefore), type, name, quantity));

    private void Order(double daysBefore, double amount, OrderStatus status = OrderStatus.Completed, bool recurring = false) =>
        _history.Orders.Add(new OrderEvent(DaysBefore(daysBefore), amount, status, recurring));

    private void Ticket(double openedDaysBefore, double? closedDaysBefore = null, int satisfaction = 0, double sentiment = double.NaN, double intent = double.NaN) =>
        _history.Tickets.Add(new TicketEvent(
            DaysBefore(openedDaysBefore), closedDaysBefore is { } c ? DaysBefore(c) : Millis.Never, satisfaction, sentiment, intent));

    private void Survey(double daysBefore, SurveyKind kind, int score) =>
        _history.Surveys.Add(new SurveyEvent(DaysBefore(daysBefore), kind, score));

    private double Eval(string expression) => _compiler.Compile("m", expression).Evaluate(_history, T);

    private double EvalAt(string expression, long asOf) => _compiler.Compile("m", expression).Evaluate(_history, asOf);

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("12 / 4 / 3", 1)]
    [InlineData("-2 * -3", 6)]
    [InlineData("0.5 + .25", 0.75)]
    [InlineData("max(1, 5, 3)", 5)]
    [InlineData("min(4, -1, 3)", -1)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(-2.5)", -3)]
    [InlineData("coalesce(1 / 0, 7, 8)", 7)]
    [InlineData("if(2 > 1, 10, 20)", 10)]
    [InlineData("if(2 > 1 and not 1 = 1, 10, 20)", 20)]
    [InlineData("(1 < 2) + (2 <= 2) + (3 > 2) + (3 >= 4) + (1 != 1)", 3)]
    [InlineData("true or false", 1)]
    public void Compile_ScalarExpression_EvaluatesToKnownValue(string expression, double expected) =>
        Assert.Equal(expected, Eval(expression), 12);

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("0 / 0")]
    [InlineData("log(0)")]
    [InlineData("log(-1)")]
    [InlineData("sqrt(-1)")]
    [InlineData("max(1, 1 / 0)")]
    [InlineData("(1 / 0) + 1")]
    [InlineData("coalesce(1 / 0, 2 / 0)")]
    public void Compile_UndefinedArithmetic_IsNaN(string expression) => Assert.True(double.IsNaN(Eval(expression)));

    [Fact]
    public void Compile_ComparisonWithNaN_IsFalseExceptNotEqual()
    {
        Assert.Equal(0, Eval("days_since(order) > 30"));
        Assert.Equal(0, Eval("days_since(order) <= 30"));
        Assert.Equal(1, Eval("days_since(order) != 30"));
        Assert.Equal(1, Eval("coalesce(days_since(order), 9999) > 30"));
    }

    [Fact]
    public void Compile_IssueExample_ComparesRecentLoginsWithTheEightWeekWeeklyAverage()
    {
        const string loginRatio = "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)";
        Assert.Equal(0, Eval(loginRatio));
        foreach (var d in new[] { 1, 5, 13 })
        {
            Activity(d, ActivityTypes.Login);
        }

        foreach (var d in new[] { 15, 20, 25, 30, 35, 40, 45, 55 })
        {
            Activity(d, ActivityTypes.Login);
        }

        Activity(3, ActivityTypes.FeatureUse, "export");
        Activity(60, ActivityTypes.Login);

        // 3 logins in the last 14 days against 11 in 56 days, i.e. 2.75 per 14-day period.
        Assert.Equal(3 / 2.75, Eval(loginRatio), 12);
    }

    [Fact]
    public void Compile_ActivityTypeNeverSeenYet_IsInternedAtCompileTimeAndCountedLater()
    {
        var metric = _compiler.Compile("webinars_30d", "count(activity.type = 'webinar', 30d)");
        Assert.Equal(0, metric.Evaluate(_history, T));

        Activity(2, "webinar");
        Activity(4, "webinar");

        Assert.Equal(2, metric.Evaluate(_history, T));
    }

    [Fact]
    public void Evaluate_AfterWarmUp_AllocatesNothing()
    {
        for (var d = 0.5; d < 200; d += 1.5)
        {
            Activity(d, ActivityTypes.FeatureUse, "f" + ((int)d % 7).ToString(System.Globalization.CultureInfo.InvariantCulture), d);
            Order(d, 1000 + d);
        }

        var metric = _compiler.Compile("m",
            "count(activity.type = 'feature_use', 90d) + sum(order.amount, order.status = 'completed', 1y) + distinct(activity.name, 90d) " +
            "+ latest(order.amount) + days_since(activity) + avg(activity.quantity, 30d) + max(order.amount, 30d)");
        var expected = metric.Evaluate(_history, T);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            total += metric.Evaluate(_history, T);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(expected * 1000, total, 6);
    }

    [Theory]
    [InlineData("count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)")]
    [InlineData("sum(order.amount, order.status = 'completed', 90d) - sum(order.amount, order.status = 'completed', 180d) / 2")]
    [InlineData("count(order.status = 'returned' or order.status = 'cancelled', 1y) / count(order, 1y)")]
    [InlineData("distinct(activity.name, activity.type = 'feature_use', 30d)")]
    [InlineData("count(activity.category = 'cancellation' or activity.category = 'competitor', 14d)")]
    [InlineData("days_since(activity.type = 'feature_use' and activity.name = 'export')")]
    [InlineData("count(ticket.open and ticket.intent >= 0.5, 90d)")]
    [InlineData("latest(survey.score, survey.kind = 'nps') - avg(survey.score, survey.kind = 'nps', 1y)")]
    [InlineData("if(count(subscription.active, 30d) > 0, sum(subscription.monthly_amount, subscription.active, 30d), 0)")]
    [InlineData("coalesce(days_since(order), 9999) > 30")]
    [InlineData("count(activity.name = 'it''s', 7d) + (2 <> 3)")]
    public void Compile_DocumentedExamples_Compile(string expression) =>
        Assert.Equal(expression, _compiler.Compile("example", expression).Expression);
}
