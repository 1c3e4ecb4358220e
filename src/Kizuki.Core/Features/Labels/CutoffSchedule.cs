using Kizuki.Features.History;

namespace Kizuki.Features.Labels;

/// <summary>Where the cutoffs of a training set fall.</summary>
/// <remarks>
/// The latest cutoff is the last midnight (in the given time zone) whose window is complete, i.e. with
/// T + window &lt;= data end; the others step back by whole days (30 by default), also at local midnight.
/// Steps are fixed days rather than calendar months so every cutoff is as far from the next as the monthly
/// features' 30-day periods, and a label never straddles a month of unequal length.
/// </remarks>
internal static class CutoffSchedule
{
    /// <summary>The cutoffs (ms, oldest first) for data that is complete before <paramref name="dataEnd"/> (ms).</summary>
    /// <param name="dataEnd">The end of the data: every event before it is in the store, none after it is known.</param>
    /// <param name="settings">Count and spacing of the cutoffs.</param>
    /// <param name="definition">The churn definition whose window must fit before the data end.</param>
    /// <param name="zone">The business's time zone; cutoffs fall at its midnight.</param>
    public static IReadOnlyList<long> Cutoffs(long dataEnd, LabelSettings settings, ChurnDefinition definition, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(zone);
        settings.Validate();
        definition.Validate();

        var latestAllowed = Millis.ToInstant(dataEnd - definition.Window);
        var latestLocal = TimeZoneInfo.ConvertTime(latestAllowed, zone);
        var latestDate = DateOnly.FromDateTime(latestLocal.DateTime);
        var cutoffs = new long[settings.Cutoffs];
        for (var k = 0; k < cutoffs.Length; k++)
        {
            var date = latestDate.AddDays(-settings.CutoffStepDays * (cutoffs.Length - 1 - k));
            cutoffs[k] = Midnight(date, zone);
        }

        return cutoffs;
    }

    /// <summary>The instant (ms) a local date begins in a zone; when midnight does not exist there (a DST jump), the first valid minute after it.</summary>
    public static long Midnight(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return Millis.Of(new DateTimeOffset(local, offset));
    }
}
