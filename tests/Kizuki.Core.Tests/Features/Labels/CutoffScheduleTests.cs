using Kizuki.Features.History;
using Kizuki.Features.Labels;

namespace Kizuki.Tests.Features.Labels;

public sealed class CutoffScheduleTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static long Instant(int y, int m, int d, int h, TimeSpan offset) => Millis.Of(new DateTimeOffset(y, m, d, h, 0, 0, offset));

    [Fact]
    public void Cutoffs_Defaults_TwelveTokyoMidnightsThirtyDaysApartEndingAtLastCompleteWindow()
    {
        var dataEnd = Instant(2025, 12, 31, 12, TimeSpan.FromHours(9));

        var cutoffs = CutoffSchedule.Cutoffs(dataEnd, new LabelSettings(), new ChurnDefinition(), Tokyo);

        Assert.Equal(12, cutoffs.Count);
        Assert.Equal(Instant(2025, 10, 2, 0, TimeSpan.FromHours(9)), cutoffs[^1]);
        Assert.Equal(Instant(2025, 10, 2, 0, TimeSpan.FromHours(9)) - (330 * Millis.Day), cutoffs[0]);
        for (var i = 1; i < cutoffs.Count; i++)
        {
            Assert.Equal(30 * Millis.Day, cutoffs[i] - cutoffs[i - 1]);
        }
    }

    [Fact]
    public void Cutoffs_DataEndAtMidnight_LatestWindowEndsExactlyAtDataEnd()
    {
        var dataEnd = Instant(2025, 7, 1, 0, TimeSpan.FromHours(9));

        var cutoffs = CutoffSchedule.Cutoffs(dataEnd, new LabelSettings { Cutoffs = 3 }, new ChurnDefinition { WindowDays = 60 }, Tokyo);

        Assert.Equal(dataEnd, cutoffs[^1] + (60 * Millis.Day));
        Assert.All(cutoffs, t => Assert.True(t + (60 * Millis.Day) <= dataEnd));
    }

    [Fact]
    public void Cutoffs_CustomCountAndStep_Followed()
    {
        var dataEnd = Instant(2025, 7, 1, 0, TimeSpan.Zero);

        var cutoffs = CutoffSchedule.Cutoffs(dataEnd, new LabelSettings { Cutoffs = 4, CutoffStepDays = 7 }, new ChurnDefinition { WindowDays = 30 }, TimeZoneInfo.Utc);

        Assert.Equal(
            new[] { Instant(2025, 5, 11, 0, TimeSpan.Zero), Instant(2025, 5, 18, 0, TimeSpan.Zero), Instant(2025, 5, 25, 0, TimeSpan.Zero), Instant(2025, 6, 1, 0, TimeSpan.Zero) },
            cutoffs);
    }

    [Fact]
    public void Cutoffs_InvalidSettings_Throw()
    {
        Assert.Throws<InvalidDataException>(() => CutoffSchedule.Cutoffs(0, new LabelSettings { Cutoffs = 0 }, new ChurnDefinition(), Tokyo));
    }

    [Fact]
    public void Midnight_ZoneWhereMidnightIsSkipped_FirstValidMinute()
    {
        // Brazil started daylight saving at 00:00 on 2018-11-04: the clocks went from 23:59:59 to 01:00 (UTC-2).
        var saoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

        Assert.Equal(Instant(2018, 11, 4, 3, TimeSpan.Zero), CutoffSchedule.Midnight(new DateOnly(2018, 11, 4), saoPaulo));
        Assert.Equal(Instant(2018, 11, 3, 3, TimeSpan.Zero), CutoffSchedule.Midnight(new DateOnly(2018, 11, 3), saoPaulo));
    }
}
