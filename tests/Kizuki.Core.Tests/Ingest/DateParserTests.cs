using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed class DateParserTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Theory]
    [InlineData("2025-04-01", "2025-03-31T15:00:00Z")]
    [InlineData("2025-04-01T09:05:30", "2025-04-01T00:05:30Z")]
    [InlineData("2025-04-01T09:05:30Z", "2025-04-01T09:05:30Z")]
    [InlineData("2025-04-01T09:05:30+09:00", "2025-04-01T00:05:30Z")]
    [InlineData("2025-04-01T09:05:30-0500", "2025-04-01T14:05:30Z")]
    [InlineData("2025-04-01T09:05:30.250+09:00", "2025-04-01T00:05:30.25Z")]
    [InlineData("2025-04-01 09:05:30", "2025-04-01T00:05:30Z")]
    [InlineData("2025/04/01", "2025-03-31T15:00:00Z")]
    [InlineData("2025/4/1", "2025-03-31T15:00:00Z")]
    [InlineData("2025/4/1 9:05", "2025-04-01T00:05:00Z")]
    [InlineData("2025.04.01", "2025-03-31T15:00:00Z")]
    [InlineData("20250401", "2025-03-31T15:00:00Z")]
    [InlineData("2025年4月1日", "2025-03-31T15:00:00Z")]
    [InlineData("2025年4月1日 9時5分", "2025-04-01T00:05:00Z")]
    [InlineData("2025年4月1日9時5分30秒", "2025-04-01T00:05:30Z")]
    [InlineData("2025年04月01日 09:05", "2025-04-01T00:05:00Z")]
    [InlineData("２０２５／０４／０１", "2025-03-31T15:00:00Z")]
    [InlineData("  2025-04-01  ", "2025-03-31T15:00:00Z")]
    public void TryParse_KnownForm_GivesUtcInstant(string text, string expected)
    {
        Assert.True(DateParser.TryParse(text, Tokyo, out var utc));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2025/13/01")]
    [InlineData("2025-02-30")]
    [InlineData("2025-04-01T24:00")]
    [InlineData("2025-04-01T09:60")]
    [InlineData("2025-04-01 09:05 JST")]
    [InlineData("2025/04-01")]
    [InlineData("25/04/01")]
    [InlineData("2025年4月1")]
    [InlineData("2025-04-0109:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void TryParse_NotADate_Refused(string text)
    {
        Assert.False(DateParser.TryParse(text, Tokyo, out _));
    }

    [Fact]
    public void TryParse_LocalTime_UsesGivenZone()
    {
        Assert.True(DateParser.TryParse("2025-07-01 12:00", TimeZoneInfo.Utc, out var utc));
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void TryParse_TimeInDaylightSavingGap_Refused()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.False(DateParser.TryParse("2025-03-09 02:30", newYork, out _));
    }
}
