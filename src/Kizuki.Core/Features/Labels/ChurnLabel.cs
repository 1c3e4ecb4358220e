namespace Kizuki.Features.Labels;

/// <summary>The label of an eligible customer at a cutoff.</summary>
/// <param name="Churned">Whether the customer churned inside the window.</param>
/// <param name="ChurnedAt">
/// When the definition was met (ms), null when the customer stayed: contractual, the end of the last covering
/// subscription or a recorded cancellation; non-contractual, a recorded cancellation or T + inactive days.
/// </param>
internal readonly record struct ChurnLabel(bool Churned, long? ChurnedAt)
{
    /// <summary>A customer who stayed.</summary>
    public static ChurnLabel Stayed => new(false, null);

    /// <summary>A customer who churned at <paramref name="time"/>.</summary>
    public static ChurnLabel ChurnedOn(long time) => new(true, time);

    /// <summary>The label as a number: 1 churned, 0 stayed.</summary>
    public int Value => Churned ? 1 : 0;
}
