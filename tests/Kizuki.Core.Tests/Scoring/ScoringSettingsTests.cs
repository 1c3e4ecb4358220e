using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.Tests.Scoring;

public sealed class ScoringSettingsTests
{
    [Theory]
    [InlineData(0.0, RiskBand.Low)]
    [InlineData(0.0999, RiskBand.Low)]
    [InlineData(0.10, RiskBand.Medium)]
    [InlineData(0.2999, RiskBand.Medium)]
    [InlineData(0.30, RiskBand.High)]
    [InlineData(1.0, RiskBand.High)]
    public void BandOf_DefaultThresholds_HighFromThirtyMediumFromTenPercent(double probability, RiskBand expected) =>
        Assert.Equal(expected, new ScoringSettings().BandOf(probability));

    [Fact]
    public void BandOf_CustomThresholds_AreUsed()
    {
        var settings = new ScoringSettings { MediumThreshold = 0.5, HighThreshold = 0.8 };

        Assert.Equal([RiskBand.Low, RiskBand.Medium, RiskBand.High], new[] { 0.4, 0.5, 0.8 }.Select(settings.BandOf));
    }

    [Theory]
    [InlineData(0.0, 0.3)]
    [InlineData(0.3, 0.3)]
    [InlineData(0.4, 0.3)]
    [InlineData(0.1, 1.0)]
    [InlineData(-0.1, 0.3)]
    [InlineData(double.NaN, 0.3)]
    public void Validate_ThresholdsOutOfOrder_ThrowsNamingBoth(double medium, double high)
    {
        var settings = new ScoringSettings { MediumThreshold = medium, HighThreshold = high };

        var error = Assert.Throws<InvalidDataException>(settings.Validate);
        Assert.Contains("mediumThreshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("highThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var settings = new ScoringSettings();

        settings.Validate();

        Assert.Equal((0.10, 0.30), (settings.MediumThreshold, settings.HighThreshold));
    }
}
