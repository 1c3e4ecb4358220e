using Kizuki.Demo;
using Kizuki.Tests.TestDoubles;

namespace Kizuki.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var options = new DemoOptions();
        Assert.Equal(DemoScenario.Saas, options.Scenario);
        Assert.Equal(42, options.Seed);
        Assert.Equal(24, options.HistoryMonths);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(9)), options.HistoryEnd);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.FromHours(9)), options.HistoryStart);
        options.Validate();
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(1_000_001)]
    public void Validate_CustomersOutOfRange_NamesOptionAndRangeInBothLanguages(int customers)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DemoOptions { Customers = customers }.Validate());
        Assert.Equal(nameof(DemoOptions.Customers), e.ParamName);
        Assert.Contains("customers must be between 100 and 1,000,000", e.Message);
        Assert.Contains("顧客数", e.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1_000_000)]
    public void Validate_CustomersAtBounds_Accepted(int customers) => new DemoOptions { Customers = customers }.Validate();

    [Theory]
    [InlineData(5)]
    [InlineData(61)]
    public void Validate_HistoryMonthsOutOfRange_NamesOptionAndRange(int months)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DemoOptions { HistoryMonths = months }.Validate());
        Assert.Equal(nameof(DemoOptions.HistoryMonths), e.ParamName);
        Assert.Contains("historyMonths must be between 6 and 60", e.Message);
    }

    [Fact]
    public void Validate_UnknownScenario_Refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DemoOptions { Scenario = (DemoScenario)7 }.Validate());
        Assert.Contains("saas", e.Message);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsBeforeWritingAnything()
    {
        var session = new RecordingImportSession();
        var directory = Path.Combine(Path.GetTempPath(), "kizuki-demo-never-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => DemoGenerator.Generate(new DemoOptions { Customers = 10 }, session, directory, null));
        Assert.Empty(session.Customers);
        Assert.False(Directory.Exists(directory));
    }

    [Theory]
    [InlineData("saas", DemoScenario.Saas)]
    [InlineData("SaaS", DemoScenario.Saas)]
    [InlineData("ec", DemoScenario.Ec)]
    [InlineData(" EC ", DemoScenario.Ec)]
    public void TryParse_KnownName_GivesScenario(string name, DemoScenario expected)
    {
        Assert.True(DemoScenarios.TryParse(name, out var scenario));
        Assert.Equal(expected, scenario);
        Assert.True(DemoScenarios.TryParse(DemoScenarios.Name(expected), out _));
    }

    [Theory]
    [InlineData("b2b")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_Fails(string? name) => Assert.False(DemoScenarios.TryParse(name, out _));
}
