namespace Kizuki.Web;

/// <summary>Where the dashboard reads its data and how it shows it; bound from the <c>Kizuki</c> configuration section.</summary>
public sealed record KizukiWebOptions
{
    /// <summary>The configuration section: <c>Kizuki:DataDirectory</c>, <c>Kizuki:Database</c>, <c>Kizuki:Language</c>.</summary>
    public const string Section = "Kizuki";

    /// <summary>The default listening address: loopback only, so nothing is exposed unless asked for.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The data directory (SQLite file, models, settings). Default <c>$KIZUKI_DATA</c>, else <c>./kizuki-data</c>.</summary>
    public string DataDirectory { get; init; } = Environment.GetEnvironmentVariable("KIZUKI_DATA") is { Length: > 0 } d ? d : "kizuki-data";

    /// <summary>A PostgreSQL URL; null for the SQLite file in the data directory (then settings.json's <c>database</c> applies).</summary>
    public string? Database { get; init; }

    /// <summary>The dashboard's default language, <c>ja</c> or <c>en</c>; null to take it from settings.json.</summary>
    public string? Language { get; init; }

    /// <summary>How long a computed score snapshot is reused before the store is read again. Default 30 seconds.</summary>
    public TimeSpan SnapshotLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a browser sign-in lasts without use. Default 8 hours (a working day).</summary>
    public TimeSpan SignInLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Failed sign-ins of one user name that lock it for <see cref="SignInLockout"/> (a client address may fail four times
    /// as often). Default 5; at least 1.
    /// </summary>
    public int SignInFailureLimit { get; init; } = 5;

    /// <summary>How long a locked name or address is refused, and the window failures are counted in. Default 15 minutes.</summary>
    public TimeSpan SignInLockout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Checks the values, naming the setting and its allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public KizukiWebOptions Validated()
    {
        if (SignInFailureLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SignInFailureLimit), SignInFailureLimit,
                "Kizuki:SignInFailureLimit は 1 以上です。 / Kizuki:SignInFailureLimit must be 1 or more.");
        }

        if (SignInLockout <= TimeSpan.Zero || SnapshotLifetime < TimeSpan.Zero || SignInLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SignInLockout), SignInLockout,
                "Kizuki:SignInLockout と SignInLifetime は正、SnapshotLifetime は 0 以上です。 / "
                + "Kizuki:SignInLockout and SignInLifetime must be positive and SnapshotLifetime zero or more.");
        }

        return this;
    }
}
