using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Explanations;

namespace Kizuki.Tests.Explanations;

public sealed class ExplanationSettingsTests
{
    [Fact]
    public void Load_PlaybookEntry_ReplacesOnlyThatDefault()
    {
        using var directory = new TempSettings("""
            { "explanations": { "raisingReasons": 2, "playbook": { "logins": { "ja": "電話する", "en": "Call them" } } } }
            """);

        var settings = KizukiSettings.Load(directory.Path).Explanations;
        settings.Validate();
        var playbook = settings.EffectivePlaybook();

        Assert.Equal(2, settings.RaisingReasons);
        Assert.Equal(new PlaybookEntry("電話する", "Call them"), playbook["logins"]);
        Assert.Equal(ExplanationSettings.DefaultPlaybook["renewal"], playbook["renewal"]);
    }

    [Fact]
    public void Validate_EntryWithoutEnglish_NamesTheEntry()
    {
        var settings = new ExplanationSettings { Playbook = new Dictionary<string, PlaybookEntry> { ["renewal"] = new("面談", "") } };

        var error = Assert.Throws<InvalidDataException>(settings.Validate);
        Assert.Contains("explanations.playbook.renewal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GroupNotKnown_ListsTheKnownGroups()
    {
        var settings = new ExplanationSettings { Groups = new Dictionary<string, string> { ["login_ratio_14d"] = "loginz" } };

        var error = Assert.Throws<InvalidDataException>(settings.Validate);
        Assert.Contains("loginz", error.Message, StringComparison.Ordinal);
        Assert.Contains("logins, feature_usage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OwnGroupWithPlaybookEntry_IsAccepted()
    {
        var settings = new ExplanationSettings
        {
            Groups = new Dictionary<string, string> { ["login_ratio_14d"] = "activation" },
            Playbook = new Dictionary<string, PlaybookEntry> { ["activation"] = new("初期設定を手伝う", "Help them finish setup", "初期設定", "activation") },
        };

        settings.Validate();
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(3, 11)]
    public void Validate_ReasonCountsOutOfRange_NameBothSettings(int raising, int lowering)
    {
        var error = Assert.Throws<InvalidDataException>(new ExplanationSettings { RaisingReasons = raising, LoweringReasons = lowering }.Validate);
        Assert.Contains("explanations.raisingReasons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonsJson_WriteThenRead_RoundTripsEveryField()
    {
        var reasons = new CustomerReasons(
            [new Reason("logins", "login_trend", 0.5, 18.25, "直近30日のログインが12回→3回に減少（+18.3pt）", "Logins fell (+18.3 pts)")],
            [new Reason("contract", "subscription_tenure_days", -0.2, -8, "契約期間（日）：1,500（-8pt）", "Days under contract: 1,500 (-8 pts)")],
            new SuggestedAction("logins", "電話", "Call"));

        var json = ReasonsJson.Write(reasons);
        var read = ReasonsJson.Read(json);

        Assert.Contains("直近30日", json, StringComparison.Ordinal);
        Assert.Equal(reasons.Raising, read.Raising);
        Assert.Equal(reasons.Lowering, read.Lowering);
        Assert.Equal(reasons.Action, read.Action);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(18.25, document.RootElement.GetProperty("raising")[0].GetProperty("probability_points").GetDouble());
    }

    private sealed class TempSettings : IDisposable
    {
        public TempSettings(string json)
        {
            Path = Directory.CreateTempSubdirectory("kizuki-settings-").FullName;
            File.WriteAllText(System.IO.Path.Combine(Path, KizukiSettings.FileName), json);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
