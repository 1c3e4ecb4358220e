using Kizuki.Features.Metrics;

namespace Kizuki.Tests.Features.Metrics;

public sealed partial class MetricCompilerTests
{
    [Fact]
    public void Compile_MissingComma_PointsAtThePositionInEnglishAndJapanese()
    {
        var error = Assert.Throws<MetricDefinitionException>(() => _compiler.Compile(
            "login_ratio_14d", "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login' 56d) / 4)"));

        Assert.Equal(MetricErrorKind.Syntax, error.Kind);
        Assert.Equal("login_ratio_14d", error.MetricName);
        Assert.Equal(76, error.Position);
        Assert.Equal("'56d'", error.Found);
        Assert.Equal("')' or ','", error.Expected);
        Assert.Equal("metric login_ratio_14d, position 76: expected ')' or ',' but found '56d'", error.MessageEn);
        Assert.Equal("指標 login_ratio_14d の 76 文字目: ')' または ',' が必要ですが '56d' があります", error.MessageJa);
        Assert.Equal(error.MessageEn + "\n" + error.MessageJa, error.Message);
    }

    [Theory]
    [InlineData("max(1 2)", 7, "'2'")]
    [InlineData("count(activity.type = 'login' = 'x', 14d)", 31, "'='")]
    [InlineData("1 # 2", 3, "'#'")]
    [InlineData("count(order, 30d", 17, "end of definition")]
    [InlineData("count(order, 30d) +", 20, "end of definition")]
    [InlineData("count(activity.type = 'login, 14d)", 35, "end of definition")]
    [InlineData("count(order, 14x)", 14, "'14x'")]
    [InlineData("count(order, 30d))", 18, "')'")]
    [InlineData("", 1, "end of definition")]
    [InlineData("order.", 7, "end of definition")]
    public void Compile_Syntax_ReportsPositionAndWhatWasFound(string expression, int position, string found) =>
        AssertFails(expression, MetricErrorKind.Syntax, position, found);

    [Theory]
    [InlineData("median(order.amount, 30d)", MetricErrorKind.UnknownFunction, 1)]
    [InlineData("count(orders, 30d)", MetricErrorKind.UnknownEntity, 7)]
    [InlineData("sum(orders.amount, 30d)", MetricErrorKind.UnknownEntity, 5)]
    [InlineData("logins_30d * 2", MetricErrorKind.UnknownEntity, 1)]
    [InlineData("sum(order.price, 30d)", MetricErrorKind.UnknownField, 11)]
    [InlineData("count(order.status = 'shipped', 30d)", MetricErrorKind.UnknownValue, 22)]
    [InlineData("count(survey.kind = 'NPS', 30d)", MetricErrorKind.UnknownValue, 21)]
    [InlineData("count(activity.category = 'blog', 30d)", MetricErrorKind.UnknownValue, 27)]
    [InlineData("count(order)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("count()", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("sum(order.amount, order, order, 30d)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("abs(1, 2)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("max(1)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("if(true, 1)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("coalesce(1)", MetricErrorKind.ArgumentCount, 1)]
    [InlineData("count(order.amount, 30d)", MetricErrorKind.WrongType, 7)]
    [InlineData("sum(activity.type, 30d)", MetricErrorKind.WrongType, 5)]
    [InlineData("count(activity.type < 'login', 30d)", MetricErrorKind.WrongType, 21)]
    [InlineData("count(order.amount = 'big', 30d)", MetricErrorKind.WrongType, 22)]
    [InlineData("count(activity.category, 30d)", MetricErrorKind.WrongType, 7)]
    [InlineData("distinct(activity.category, 30d)", MetricErrorKind.WrongType, 10)]
    [InlineData("1 + 'a'", MetricErrorKind.WrongType, 5)]
    [InlineData("if(1, 2, 3)", MetricErrorKind.WrongType, 4)]
    [InlineData("count(order.amount > 0 and ticket.open, 30d)", MetricErrorKind.MixedEntities, 28)]
    [InlineData("count(1 = 1, 30d)", MetricErrorKind.MissingEntity, 1)]
    [InlineData("order.amount * 2", MetricErrorKind.FieldOutsideAggregate, 1)]
    [InlineData("sum(count(order, 30d), order, 30d)", MetricErrorKind.NestedAggregate, 5)]
    [InlineData("30d * 2", MetricErrorKind.MisplacedWindow, 1)]
    [InlineData("sum(order.amount, 30d, order, 30d)", MetricErrorKind.MisplacedWindow, 19)]
    [InlineData("count(order, 731d)", MetricErrorKind.WindowOutOfRange, 14)]
    [InlineData("count(order, 3y)", MetricErrorKind.WindowOutOfRange, 14)]
    [InlineData("count(order, 0d)", MetricErrorKind.WindowOutOfRange, 14)]
    public void Compile_InvalidDefinition_ReportsKindAndPosition(string expression, MetricErrorKind kind, int position) =>
        AssertFails(expression, kind, position);

    [Fact]
    public void Compile_WindowTooLong_SaysTheLimitAndTwoYearsIsTheLongestWindow()
    {
        var error = AssertFails("count(order, 731d)", MetricErrorKind.WindowOutOfRange, 14, "'731d' (731 days)");
        Assert.Equal("a window of 1 to 730 days", error.Expected);

        Order(729.5, 1);
        Assert.Equal(1, Eval("count(order, 2y)"));
    }

    [Theory]
    [InlineData("Login_ratio", 1)]
    [InlineData("login__ratio", 7)]
    [InlineData("ratio_", 6)]
    [InlineData("9lives", 1)]
    [InlineData("login-ratio", 6)]
    [InlineData("ログイン率", 1)]
    [InlineData("", 1)]
    [InlineData("abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 65)]
    public void Compile_BadName_PointsAtTheFirstBadCharacter(string name, int position)
    {
        var error = Assert.Throws<MetricDefinitionException>(() => _compiler.Compile(name, "count(order, 30d)"));
        Assert.Equal(MetricErrorKind.BadName, error.Kind);
        Assert.Equal(position, error.Position);
        Assert.Contains("snake_case", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("スネークケース", error.MessageJa, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("login_ratio_14d")]
    [InlineData("x")]
    [InlineData("nps_2025")]
    public void Compile_SnakeCaseName_IsAccepted(string name) =>
        Assert.Equal(name, _compiler.Compile(name, "1").Name);

    private MetricDefinitionException AssertFails(string expression, MetricErrorKind kind, int position, string? found = null)
    {
        var error = Assert.Throws<MetricDefinitionException>(() => _compiler.Compile("m", expression));
        Assert.Equal((kind, position), (error.Kind, error.Position));
        if (found is not null)
        {
            Assert.Equal(found, error.Found);
        }

        Assert.StartsWith("metric m, position " + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": expected ", error.MessageEn, StringComparison.Ordinal);
        Assert.StartsWith("指標 m の " + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + " 文字目: ", error.MessageJa, StringComparison.Ordinal);
        return error;
    }
}
