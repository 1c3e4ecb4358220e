using Kizuki.Configuration;

namespace Kizuki.Tests.Configuration;

/// <summary>The alerts, explanations and lifetime sections are checked when settings.json loads, naming the file and setting.</summary>
public sealed class KizukiSettingsSectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kizuki-settings-sections-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("""{ "lifetime": { "clvHorizonDays": -5 } }""", "lifetime.clvHorizonDays")]
    [InlineData("""{ "explanations": { "raisingReasons": 40 } }""", "explanations.raisingReasons")]
    [InlineData("""{ "alerts": { "health": { "measures": [] } } }""", "alerts.health.measures")]
    [InlineData("""{ "alerts": { "notifications": { "maxAttempts": 0 } } }""", "alerts.notifications.maxAttempts")]
    public void Load_BadSection_FailsNamingFileAndSetting(string json, string setting)
    {
        File.WriteAllText(Path.Combine(_dir, KizukiSettings.FileName), json);

        var e = Assert.Throws<InvalidDataException>(() => KizukiSettings.Load(_dir));

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
        Assert.Contains(KizukiSettings.FileName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DefaultSections_Accepted()
    {
        File.WriteAllText(Path.Combine(_dir, KizukiSettings.FileName), """{ "lifetime": {}, "explanations": {}, "alerts": { "rules": [] } }""");

        var settings = KizukiSettings.Load(_dir);

        Assert.Empty(settings.Alerts.Rules);
    }
}
