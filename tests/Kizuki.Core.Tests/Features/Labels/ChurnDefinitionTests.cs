using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Storage;

namespace Kizuki.Tests.Features.Labels;

public sealed class ChurnDefinitionTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var d = new ChurnDefinition();

        Assert.Equal(ChurnKind.Auto, d.Kind);
        Assert.Equal(90, d.WindowDays);
        Assert.Null(d.InactiveDays);
        Assert.Equal(90, d.EffectiveInactiveDays);
        Assert.Equal(365, d.GoneAfterDays);
        Assert.Equal(1, d.RenewalGraceDays);
        Assert.Equal(90 * Millis.Day, d.Window);
        d.Validate();
    }

    [Fact]
    public void EffectiveInactiveDays_Set_UsesIt()
    {
        Assert.Equal(30, new ChurnDefinition { InactiveDays = 30 }.EffectiveInactiveDays);
    }

    [Theory]
    [InlineData(0, null, 365, 1, "windowDays")]
    [InlineData(731, null, 365, 1, "windowDays")]
    [InlineData(90, 0, 365, 1, "inactiveDays")]
    [InlineData(90, 91, 365, 1, "inactiveDays")]
    [InlineData(90, null, 0, 1, "goneAfterDays")]
    [InlineData(90, null, 3651, 1, "goneAfterDays")]
    [InlineData(90, null, 365, -1, "renewalGraceDays")]
    [InlineData(90, null, 365, 32, "renewalGraceDays")]
    public void Validate_OutOfRange_ThrowsNamingSettingInBothLanguages(int window, int? inactive, int gone, int grace, string setting)
    {
        var d = new ChurnDefinition { WindowDays = window, InactiveDays = inactive, GoneAfterDays = gone, RenewalGraceDays = grace };

        var e = Assert.Throws<InvalidDataException>(d.Validate);

        Assert.Contains("labels.churn." + setting, e.Message, StringComparison.Ordinal);
        Assert.Contains("範囲", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be in", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndefinedKind_Throws()
    {
        Assert.Throws<InvalidDataException>(new ChurnDefinition { Kind = (ChurnKind)7 }.Validate);
    }

    [Theory]
    [InlineData(true, ChurnKind.Contractual)]
    [InlineData(false, ChurnKind.NonContractual)]
    public void Resolve_Auto_DependsOnSubscriptions(bool hasSubscriptions, ChurnKind expected)
    {
        Assert.Equal(expected, new ChurnDefinition().Resolve(hasSubscriptions).Kind);
    }

    [Fact]
    public void Resolve_ExplicitKind_KeepsIt()
    {
        Assert.Equal(ChurnKind.NonContractual, new ChurnDefinition { Kind = ChurnKind.NonContractual }.Resolve(true).Kind);
    }

    [Fact]
    public void Resolve_Summary_UsesSubscriptionCount()
    {
        static StoreSummary Summary(long subscriptions) =>
            new([new EntitySummary(EntityKind.Orders, 5, null, null), new EntitySummary(EntityKind.Subscriptions, subscriptions, null, null)], []);

        Assert.Equal(ChurnKind.Contractual, new ChurnDefinition().Resolve(Summary(3)).Kind);
        Assert.Equal(ChurnKind.NonContractual, new ChurnDefinition().Resolve(Summary(0)).Kind);
    }

    [Fact]
    public void Resolve_Store_ContractualWhenAtLeastHalfTheCustomersSubscribe()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kizuki-labels-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = StoreFactory.Open(directory);
            Assert.Equal(ChurnKind.NonContractual, new ChurnDefinition().Resolve(store).Kind);
            using (var session = store.BeginImport())
            {
                var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                session.Add(new Customer("C1", null, at, CustomerSegment.Unknown, Customer.NoAttributes));
                session.Add(new Subscription("S1", "C1", "basic", at, null, null, Money.Yen(1000), 1, 1, null, null));
                session.Commit();
            }

            Assert.Equal(ChurnKind.Contractual, new ChurnDefinition().Resolve(store).Kind);

            // A shop where most customers buy one-off and a few subscribe (定期購入) is non-contractual.
            using (var session = store.BeginImport())
            {
                var at = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
                session.Add(new Customer("C2", null, at, CustomerSegment.Unknown, Customer.NoAttributes));
                session.Add(new Customer("C3", null, at, CustomerSegment.Unknown, Customer.NoAttributes));
                session.Commit();
            }

            Assert.Equal(ChurnKind.NonContractual, new ChurnDefinition().Resolve(store).Kind);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Json_KindIsCamelCaseAndReadIgnoringCase()
    {
        var json = JsonSerializer.Serialize(new ChurnDefinition { Kind = ChurnKind.NonContractual, InactiveDays = 60 }, KizukiSettings.Json);

        Assert.Contains("\"kind\": \"nonContractual\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("window\":", json, StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize<ChurnDefinition>("""{ "kind": "NonContractual", "windowDays": 60 }""", KizukiSettings.Json)!;
        Assert.Equal(ChurnKind.NonContractual, read.Kind);
        Assert.Equal(60, read.WindowDays);
        Assert.Equal(60, read.EffectiveInactiveDays);
    }

    [Fact]
    public void Json_UnknownKind_Fails()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ChurnDefinition>("""{ "kind": "sometimes" }""", KizukiSettings.Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ChurnDefinition>("""{ "kind": 2 }""", KizukiSettings.Json));
    }
}
