using Kizuki.Configuration;

namespace Kizuki.LiveScoring;

/// <summary>
/// Tells a running scorer when its settings changed: a fingerprint (last write time and length) of <c>settings.json</c> and
/// of every rule file it names, taken once per step — a few file-system calls, no timer and no watcher thread.
/// </summary>
/// <remarks>
/// The API's rule book and a user's editor both replace <c>settings.json</c>, which changes its write time; a forced check
/// (<see cref="RequestReload"/>) covers file systems whose time stamps are too coarse to tell two quick writes apart.
/// </remarks>
internal sealed class LiveSettingsWatch
{
    private readonly string _directory;
    private string _fingerprint;
    private IReadOnlyList<string> _ruleFiles;
    private volatile bool _requested;

    /// <summary>Watches the settings of <paramref name="dataDirectory"/>, from their state now.</summary>
    public LiveSettingsWatch(string dataDirectory)
    {
        _directory = dataDirectory ?? throw new ArgumentNullException(nameof(dataDirectory));
        _ruleFiles = RuleFilesOf(dataDirectory);
        _fingerprint = Fingerprint();
    }

    /// <summary>The data directory whose settings are watched.</summary>
    public string Directory => _directory;

    /// <summary>Makes the next check report a change, whatever the time stamps say (thread-safe).</summary>
    public void RequestReload() => _requested = true;

    /// <summary>Whether the settings or a rule file changed since the last check that said so.</summary>
    public bool Changed()
    {
        var now = Fingerprint();
        if (!_requested && string.Equals(now, _fingerprint, StringComparison.Ordinal))
        {
            return false;
        }

        _requested = false;
        _fingerprint = now;
        return true;
    }

    /// <summary>Notes the rule files of newly loaded settings, so that edits to them are seen too.</summary>
    public void Follow(KizukiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ruleFiles = [.. settings.Alerts.RuleFiles.Select(f => Path.GetFullPath(f, _directory))];
        _fingerprint = Fingerprint();
    }

    private static IReadOnlyList<string> RuleFilesOf(string directory)
    {
        try
        {
            return [.. KizukiSettings.Load(directory).Alerts.RuleFiles.Select(f => Path.GetFullPath(f, directory))];
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    private string Fingerprint()
    {
        var parts = new List<string>(1 + _ruleFiles.Count) { Stamp(Path.Combine(_directory, KizukiSettings.FileName)) };
        parts.AddRange(_ruleFiles.Select(Stamp));
        return string.Join('|', parts);
    }

    private static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks}:{file.Length}")
            : "-";
    }
}
