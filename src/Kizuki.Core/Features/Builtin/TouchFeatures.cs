using Kizuki.Features.History;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>Retention touches: how long since the last contact (or hold-out), how many in the last 30 and 90 days, and
/// whether the last one was a hold-out.</summary>
/// <remarks>
/// <para>A touch says two things a model can use: the success team saw something worth acting on (so risk was high), and
/// a real contact may have lowered it while a hold-out did not. Both are known at the cutoff, so they are features; the
/// control flag lets the model tell the two apart.</para>
/// <para>Touches more than 730 days before the as-of instant are not read, so batch and live evaluation agree.</para>
/// </remarks>
internal sealed class TouchFeatures : IFeatureGroup
{
    /// <summary>The short window of <c>touches_30d</c>, in days.</summary>
    public const int ShortWindowDays = 30;

    /// <summary>The long window of <c>touches_90d</c>, in days.</summary>
    public const int LongWindowDays = 90;

    private const long Horizon = ActivityFeatures.HorizonDays * Millis.Day;
    private const BusinessField S = BusinessField.Support;

    /// <summary>The touch features, in the order <see cref="Evaluate"/> writes them.</summary>
    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        Number("days_since_last_touch", S, "最後の働きかけからの日数", "Days since the last retention touch",
            "基準日時より前の最後の働きかけ（対照群として見送ったものを含む、730日前まで）からの日数。なければ空欄。",
            "Days since the last retention touch (hold-outs included) before the as-of instant, within 730 days; empty when none."),
        Number("touches_30d", S, "30日間の働きかけ数", "Retention touches in 30 days",
            "基準日時までの30日間の働きかけの数（対照群を含む）。",
            "Retention touches (hold-outs included) in the 30 days before the as-of instant."),
        Number("touches_90d", S, "90日間の働きかけ数", "Retention touches in 90 days",
            "基準日時までの90日間の働きかけの数（対照群を含む）。",
            "Retention touches (hold-outs included) in the 90 days before the as-of instant."),
        Number("last_touch_was_control", S, "最後の働きかけは対照群", "Last touch was a hold-out",
            "最後の働きかけ（730日前まで）が対照群として見送られたものなら1、実際に働きかけたなら0。なければ空欄。",
            "1 when the last touch (within 730 days) was a hold-out, 0 when the customer was contacted; empty when none."),
    ];

    /// <inheritdoc />
    public IReadOnlyList<FeatureDefinition> Definitions => All;

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        var touches = history.Touches;
        var end = touches.LowerBound(asOf);
        var start = touches.LowerBound(asOf - Horizon);
        if (end <= start)
        {
            output.Set(0, double.NaN);
            output.Set(1, 0);
            output.Set(2, 0);
            output.Set(3, double.NaN);
            return;
        }

        ref readonly var last = ref touches[end - 1];
        output.Set(0, (asOf - last.Time) / (double)Millis.Day);
        output.Set(1, end - touches.LowerBound(asOf - (ShortWindowDays * Millis.Day)));
        output.Set(2, end - touches.LowerBound(asOf - (LongWindowDays * Millis.Day)));
        output.Set(3, last.IsControl ? 1 : 0);
    }
}
