using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class TabularCommandTests
{
    private static string WriteTable(TempDirectory dir, int rows)
    {
        var random = new Random(11);
        var text = new StringBuilder("customer,tenure,plan,churn\n");
        for (var r = 0; r < rows; r++)
        {
            var tenure = random.Next(1, 60);
            var plan = random.Next(2);
            var churn = random.NextDouble() < 1 / (1 + Math.Exp(-(1.2 - (0.06 * tenure) + plan)));
            text.Append(CultureInfo.InvariantCulture, $"K{r},{tenure},{(plan == 1 ? "月額" : "年額")},{(churn ? "はい" : "いいえ")}\n");
        }

        var path = dir.File("table.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Evaluate_Json_PrintsMeanAucOverFiveFolds()
    {
        using var dir = new TempDirectory();
        var path = WriteTable(dir, 400);
        var result = CliRunner.Run("tabular", "evaluate", "--file", path, "--id", "customer", "--target", "churn", "--json", "--data-dir", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(5, json.RootElement.GetProperty("folds").GetArrayLength());
        Assert.InRange(json.RootElement.GetProperty("auc").GetDouble(), 0.65, 1.0);
        Assert.True(json.RootElement.GetProperty("smallData").GetBoolean());

        // 400 rows: the pooled out-of-fold AUC's interval is wide, and it says so.
        var pooled = json.RootElement.GetProperty("pooledAuc").GetDouble();
        var interval = json.RootElement.GetProperty("pooledAucInterval");
        Assert.Equal(0.95, interval.GetProperty("level").GetDouble());
        Assert.InRange(pooled, interval.GetProperty("lower").GetDouble(), interval.GetProperty("upper").GetDouble());
        Assert.True(interval.GetProperty("upper").GetDouble() - interval.GetProperty("lower").GetDouble() > 0.04);
    }

    [Fact]
    public void TrainThenScore_WritesBomCsvSortedByProbability()
    {
        using var dir = new TempDirectory();
        var path = WriteTable(dir, 400);
        var train = CliRunner.Run("tabular", "train", "--file", path, "--id", "customer", "--target", "churn", "--data-dir", dir.Path, "--lang", "en");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(File.Exists(dir.File("tabular-model.json")));
        var score = CliRunner.Run("tabular", "score", "--file", path, "--id", "customer", "--out", dir.File("scores.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.True(score.ExitCode == 0, score.Error);
        var bytes = File.ReadAllBytes(dir.File("scores.csv"));
        Assert.Equal(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer,churn_probability", lines[0]);
        Assert.Equal(401, lines.Length);
        var probabilities = lines[1..].Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.Contains("Wrote 400 churn probabilities", score.Out);
    }

    [Fact]
    public void Train_BadTargetValue_FailsWithOneLineNamingTheLine()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.csv"), "customer,tenure,churn\nK1,3,Yes\nK2,5,perhaps\n");
        var result = CliRunner.Run("tabular", "train", "--file", dir.File("bad.csv"), "--id", "customer", "--target", "churn", "--data-dir", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
