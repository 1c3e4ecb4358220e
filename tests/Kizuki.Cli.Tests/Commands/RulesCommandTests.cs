using System.Globalization;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class RulesCommandTests
{
    [Fact]
    public void Check_BadRule_FailsNamingFileLineAndColumn()
    {
        using var dir = new TempDirectory();
        var file = dir.File("bad.rules");
        File.WriteAllText(file, "rule \"ok\" when logins_30d < 1 then severity low\nrule \"bad\" when logins_30 < 1 then severity low\n");

        var result = CliRunner.Run("rules", "check", file, "--data-dir", dir.Path, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:2:17: no feature named 'logins_30' (did you mean logins_30d?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_DemoBusiness_CountsHitsPerDayAndListsCustomersNow()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "300", "--no-train", "--data-dir", dir.Path).ExitCode);
        var file = dir.File("r.rules");
        File.WriteAllText(file, """
            rule "ログイン停止" when days_without_login >= 14 then severity high cooldown 7d
            rule "never" when logins_30d < 0 then severity low
            """);

        var check = CliRunner.Run("rules", "check", file, "--data-dir", dir.Path, "--json");
        var test = CliRunner.Run("rules", "test", file, "--days", "10", "--data-dir", dir.Path, "--json");
        var needsModel = dir.File("p.rules");
        File.WriteAllText(needsModel, "rule \"p\" when churn_probability > 50% then severity high");
        var noModel = CliRunner.Run("rules", "test", needsModel, "--data-dir", dir.Path, "--lang", "en");

        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(["days_since_last_login"], JsonDocument.Parse(check.Out).RootElement.GetProperty("rules")[0].GetProperty("reads")
            .EnumerateArray().Select(e => e.GetString()));
        Assert.True(test.ExitCode == 0, test.Error);
        var root = JsonDocument.Parse(test.Out).RootElement;
        Assert.Equal(10, root.GetProperty("days").GetInt32());
        var stop = root.GetProperty("rules")[0];
        var daily = stop.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(10, daily.Count);
        Assert.Equal(stop.GetProperty("hitsNow").GetInt32(), daily[0].GetProperty("matches").GetInt32());
        Assert.Equal(stop.GetProperty("hitsNow").GetInt32(), stop.GetProperty("customers").GetArrayLength());
        Assert.True(daily.Sum(d => d.GetProperty("matches").GetInt32()) > 0);
        Assert.True(daily.Sum(d => d.GetProperty("fired").GetInt32()) <= daily.Sum(d => d.GetProperty("matches").GetInt32()));
        Assert.All(root.GetProperty("rules")[1].GetProperty("daily").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("matches").GetInt32()));
        Assert.Equal(1, noModel.ExitCode);
        Assert.Contains("no active model", noModel.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_EcDemoModelWithLifetimeFeatures_RunsProbabilityAndLifetimeRules()
    {
        using var dir = new TempDirectory();
        var demo = CliRunner.Run("demo", "--scenario", "ec", "--customers", "300", "--data-dir", dir.Path);
        Assert.True(demo.ExitCode == 0, demo.Error);
        var file = dir.File("ec.rules");
        File.WriteAllText(file, """
            rule "risk" when churn_probability >= 0% then severity high
            rule "outlook" when top_reason = 'purchase_outlook' and p_alive >= 0 then severity low
            """);

        var check = CliRunner.Run("rules", "check", file, "--data-dir", dir.Path, "--json");
        var test = CliRunner.Run("rules", "test", file, "--days", "2", "--data-dir", dir.Path, "--json");
        var english = CliRunner.Run("rules", "test", file, "--days", "2", "--data-dir", dir.Path, "--lang", "en");
        var japanese = CliRunner.Run("rules", "test", file, "--days", "2", "--data-dir", dir.Path, "--lang", "ja");

        Assert.True(check.ExitCode == 0, check.Error);
        Assert.True(test.ExitCode == 0, test.Error);
        var root = JsonDocument.Parse(test.Out).RootElement;
        var risk = root.GetProperty("rules")[0];
        Assert.True(risk.GetProperty("hitsNow").GetInt32() > 0, test.Out);
        Assert.Equal(risk.GetProperty("hitsNow").GetInt32(), risk.GetProperty("customers").GetArrayLength());

        // A top_reason hit needs the row explained (unknown never equals a reason), so the outlook rule's matches bound the count from below.
        var explained = root.GetProperty("explained").GetInt64();
        var evaluations = root.GetProperty("evaluations").GetInt64();
        var outlookMatches = root.GetProperty("rules")[1].GetProperty("daily").EnumerateArray().Sum(d => d.GetProperty("matches").GetInt64());
        Assert.InRange(explained, Math.Max(1, outlookMatches), evaluations);
        var (e, n) = (explained.ToString("N0", CultureInfo.InvariantCulture), evaluations.ToString("N0", CultureInfo.InvariantCulture));
        Assert.True(english.ExitCode == 0, english.Error);
        Assert.Contains($"Explained {e} of {n} customer-days for top_reason", english.Out, StringComparison.Ordinal);
        Assert.True(japanese.ExitCode == 0, japanese.Error);
        Assert.Contains($"top_reason のため {e} 顧客日（全 {n} 顧客日のうち）を説明しました", japanese.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_RulesWithoutTopReason_ReportZeroExplainedAndNoExplanationLine()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "100", "--no-train", "--data-dir", dir.Path).ExitCode);
        var file = dir.File("r.rules");
        File.WriteAllText(file, "rule \"quiet\" when days_without_login >= 14 then severity high");

        var json = CliRunner.Run("rules", "test", file, "--days", "3", "--data-dir", dir.Path, "--json");
        var english = CliRunner.Run("rules", "test", file, "--days", "3", "--data-dir", dir.Path, "--lang", "en");

        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(0, JsonDocument.Parse(json.Out).RootElement.GetProperty("explained").GetInt64());
        Assert.True(english.ExitCode == 0, english.Error);
        Assert.Contains("Replayed 3 days", english.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("top_reason", english.Out, StringComparison.Ordinal);
    }
}
