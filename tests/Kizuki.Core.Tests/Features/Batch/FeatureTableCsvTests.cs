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

    [Fact]
    public void Write_File_IsByteForByteWhatTheTextWriterWrites()
    {
        var definitions = new[]
        {
            new FeatureDefinition("count", "件数", "count", BusinessField.Purchases, FeatureKind.Numeric, "d", "d"),
            new FeatureDefinition("segment", "区分", "segment", BusinessField.Profile, FeatureKind.Categorical, "d", "d"),
        };
        double[] values =
        [
            0, -0.0, 1, -7, 42, 0.1, 1 / 3.0, -2.5e-7, 123456789012345, 999999999999999, 1e15, -1e15, 1e16, 4.5e300,
            double.MaxValue, double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 9007199254740993,
        ];
        // Many rows and one cell longer than the writer's buffer, so every way through the buffer is taken.
        values = [.. Enumerable.Repeat(values, 300).SelectMany(v => v)];
        string?[] texts = [.. values.Select((_, i) => (i % 5) switch
        {
            0 => null,
            1 => i == 301 ? new string('長', 30_000) : "",
            2 => " 端に空白",
            3 => "a,\"b\"\r\nc",
            _ => "ゴールド会員",
        })];
        string[] ids = [.. values.Select((_, i) => i == 3 ? "C,\"3\"" : $"C{i}")];
        var table = new FeatureTable(DateTimeOffset.UnixEpoch, definitions, ids, [values, null], [null, texts], 0);
        var path = Path.Combine(Path.GetTempPath(), $"kizuki-features-{Guid.NewGuid():N}.csv");
        try
        {
            FeatureTableCsv.Write(table, path);
            using var expected = new MemoryStream();
            using (var writer = new StreamWriter(expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1024, leaveOpen: true))
            {
                FeatureTableCsv.Write(table, writer);
            }

            Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(File.ReadAllBytes(path)));
            Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
