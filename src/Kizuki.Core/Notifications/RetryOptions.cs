using System.Globalization;

namespace Kizuki.Notifications;

/// <summary>How sends are retried: exponential back-off with a ceiling.</summary>
public sealed record RetryOptions
{
    /// <summary>Tries in all, first included. Default 5, from 1 to 20.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry. Default 1 second.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Each wait is the one before × this. Default 2, from 1 to 10.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>No wait is longer than this. Default 5 minutes.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before retry <paramref name="retry"/> (1 = the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var ticks = InitialDelay.Ticks * Math.Pow(Multiplier, retry - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Checks ranges; throws naming the option and its range.</summary>
    public void Validate()
    {
        if (MaxAttempts is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be between 1 and 20.");
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDelay), InitialDelay,
                string.Create(CultureInfo.InvariantCulture, $"InitialDelay must be 0 or more and at most MaxDelay ({MaxDelay})."));
        }

        if (Multiplier is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Multiplier), Multiplier, "Multiplier must be between 1 and 10.");
        }
    }
}
