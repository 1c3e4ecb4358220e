using Kizuki.Configuration;

namespace Kizuki.Tests.Configuration;

public sealed class KizukiSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kizuki-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Load_NoFile_GivesDocumentedDefaults()
    {
        var settings = KizukiSettings.Load(_dir);
        Assert.Equal("Asia/Tokyo", settings.TimeZone);
        Assert.Equal("JPY", settings.Currency);
        Assert.Equal("ja", settings.Language);
        Assert.Null(settings.Database);
    }

    [Fact]
    public void Load_SavedSettings_RoundTrip()
    {
        new KizukiSettings { TimeZone = "UTC", Language = "en", Currency = "USD" }.Save(_dir);
        var settings = KizukiSettings.Load(_dir);
        Assert.Equal("UTC", settings.TimeZone);
        Assert.Equal("en", settings.Language);
        Assert.Equal("USD", settings.Currency);
    }

    [Fact]
    public void Load_BrokenJson_NamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_dir, KizukiSettings.FileName), "{\n  \"timeZone\": \"UTC\",\n  \"language\": ja\n}");
        var e = Assert.Throws<InvalidDataException>(() => KizukiSettings.Load(_dir));
        Assert.Contains("settings.json:3:", e.Message);
    }

    [Fact]
    public void Load_UnknownTimeZone_Refused()
    {
        File.WriteAllText(Path.Combine(_dir, KizukiSettings.FileName), "{ \"timeZone\": \"Mars/Olympus\" }");
        var e = Assert.Throws<InvalidOperationException>(() => KizukiSettings.Load(_dir));
        Assert.Contains("Mars/Olympus", e.Message);
    }
}
