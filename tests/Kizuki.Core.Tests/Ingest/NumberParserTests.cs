using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("12800", "12800", false)]
    [InlineData("12,800", "12800", false)]
    [InlineData("1,234,567.5", "1234567.5", false)]
    [InlineData("¥12,800", "12800", true)]
    [InlineData("￥12,800", "12800", true)]
    [InlineData("12,800円", "12800", true)]
    [InlineData("\\12,800", "12800", true)]
    [InlineData("１２，８００円", "12800", true)]
    [InlineData("-500", "-500", false)]
    [InlineData("△500", "-500", false)]
    [InlineData("0.25", "0.25", false)]
    public void TryParse_KnownForm_GivesValue(string text, string expected, bool yen)
    {
        Assert.True(NumberParser.TryParse(text, out var value, out var hadYen));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(yen, hadYen);
    }

    [Theory]
    [InlineData("12,80")]
    [InlineData("1,2,3")]
    [InlineData("12800,")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("12 dollars")]
    [InlineData("円")]
    [InlineData("")]
    public void TryParse_NotANumber_Refused(string text)
    {
        Assert.False(NumberParser.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("3", true)]
    [InlineData("1,000", true)]
    [InlineData("2.5", false)]
    public void TryParseInteger_FractionRefused(string text, bool ok)
    {
        Assert.Equal(ok, NumberParser.TryParseInteger(text, out _));
    }
}
