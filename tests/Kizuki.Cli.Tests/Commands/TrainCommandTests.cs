using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_ThenModelsAndEvaluate_ShowTheActiveVersion()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "400", "--no-train", "--data-dir", dir.Path).ExitCode);

        var train = CliRunner.Run("train", "--data-dir", dir.Path, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        using var trained = JsonDocument.Parse(train.Out);
        Assert.Equal(1, trained.RootElement.GetProperty("version").GetInt32());
        Assert.InRange(trained.RootElement.GetProperty("auc").GetDouble(), 0.5, 1.0);
        var stages = trained.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("encode", stages);
        Assert.Contains("logistic (search)", stages);

        var models = CliRunner.Run("models", "--data-dir", dir.Path, "--json");
        using var list = JsonDocument.Parse(models.Out);
        Assert.Equal(1, list.RootElement.GetProperty("active").GetInt32());

        var evaluate = CliRunner.Run("evaluate", "--data-dir", dir.Path, "--lang", "en");
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        Assert.Contains("ROC-AUC", evaluate.Out);
        Assert.Contains("Small data", evaluate.Out);

        var activate = CliRunner.Run("models", "activate", "9", "--data-dir", dir.Path);
        Assert.NotEqual(0, activate.ExitCode);
        Assert.Contains("v9", activate.Error);
    }

    [Fact]
    public void Evaluate_NoModel_FailsWithOneLine()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("evaluate", "--data-dir", dir.Path, "--lang", "en");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("kizuki train", result.Error);
    }
}
