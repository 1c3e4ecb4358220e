using System.Text;
using Kizuki.Features;
using Kizuki.Features.Batch;

namespace Kizuki.Tests.Features.Batch;

public sealed class FeatureTableCsvTests
{
    [Fact]
    public void Write_Table_IsUtf8WithBomInvariantNumbersAndEmptyUnknowns()
    {
        var definitions = new[]
        {
            new FeatureDefinition("spend", "購入額", "spend", BusinessField.Purchases, FeatureKind.Numeric, "d", "d"),
            new FeatureDefinition("plan", "プラン", "plan", BusinessField.Profile, FeatureKind.Categorical, "d", "d"),
        };
        var table = new FeatureTable(DateTimeOffset.UnixEpoch, definitions, ["C1", "C,2"],
            [new[] { 1234.5, double.NaN }, null], [null, new string?[] { "プロ \"A\"", null }], 0);
        var path = Path.Combine(Path.GetTempPath(), $"kizuki-features-{Guid.NewGuid():N}.csv");
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            FeatureTableCsv.Write(table, path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.Equal("customer_id,spend,plan\r\nC1,1234.5,\"プロ \"\"A\"\"\"\r\n\"C,2\",,\r\n", Encoding.UTF8.GetString(bytes[3..]));
            Assert.False(File.Exists(path + ".partial"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
            File.Delete(path);
        }
    }
}
