using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Features.Labels;

namespace Kizuki.Tests.Features.Labels;

public sealed class LabelSettingsTests
{
    [Fact]
    public void Defaults_AreTwelveCutoffsThirtyDaysApartWithDefaultChurn()
    {
        var s = new LabelSettings();

        Assert.Equal(12, s.Cutoffs);
        Assert.Equal(30, s.CutoffStepDays);
        Assert.Equal(new ChurnDefinition(), s.Churn);
        s.Validate();
    }

    [Theory]
    [InlineData(0, 30, "labels.cutoffs")]
    [InlineData(121, 30, "labels.cutoffs")]
    [InlineData(12, 0, "labels.cutoffStepDays")]
    [InlineData(12, 366, "labels.cutoffStepDays")]
    public void Validate_OutOfRange_ThrowsNamingSetting(int cutoffs, int step, string setting)
    {
        var e = Assert.Throws<InvalidDataException>(new LabelSettings { Cutoffs = cutoffs, CutoffStepDays = step }.Validate);

        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidChurn_ThrowsNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(new LabelSettings { Churn = new ChurnDefinition { GoneAfterDays = 0 } }.Validate);

        Assert.Contains("labels.churn.goneAfterDays", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullChurnFromJson_Throws()
    {
        var s = JsonSerializer.Deserialize<LabelSettings>("""{ "churn": null }""", KizukiSettings.Json)!;

        var e = Assert.Throws<InvalidDataException>(s.Validate);
        Assert.Contains("labels.churn", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SectionAsDocumented_ReadsEveryValue()
    {
        const string json = """
            { "churn": { "kind": "contractual", "windowDays": 60, "renewalGraceDays": 0 }, "cutoffs": 6, "cutoffStepDays": 14 }
            """;

        var s = JsonSerializer.Deserialize<LabelSettings>(json, KizukiSettings.Json)!;

        Assert.Equal(new LabelSettings
        {
            Churn = new ChurnDefinition { Kind = ChurnKind.Contractual, WindowDays = 60, RenewalGraceDays = 0 },
            Cutoffs = 6,
            CutoffStepDays = 14,
        }, s);
        Assert.Equal(s, JsonSerializer.Deserialize<LabelSettings>(JsonSerializer.Serialize(s, KizukiSettings.Json), KizukiSettings.Json));
    }
}
