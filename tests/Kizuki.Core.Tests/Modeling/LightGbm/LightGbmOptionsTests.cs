using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

public sealed class LightGbmOptionsTests
{
    public static TheoryData<LightGbmOptions, string> BadOptions => new()
    {
        { new LightGbmOptions { NumLeaves = 1 }, nameof(LightGbmOptions.NumLeaves) },
        { new LightGbmOptions { LearningRate = 0 }, nameof(LightGbmOptions.LearningRate) },
        { new LightGbmOptions { LearningRate = double.NaN }, nameof(LightGbmOptions.LearningRate) },
        { new LightGbmOptions { MinDataInLeaf = 0 }, nameof(LightGbmOptions.MinDataInLeaf) },
        { new LightGbmOptions { FeatureFraction = 1.5 }, nameof(LightGbmOptions.FeatureFraction) },
        { new LightGbmOptions { BaggingFraction = 0 }, nameof(LightGbmOptions.BaggingFraction) },
        { new LightGbmOptions { BaggingFreq = -1 }, nameof(LightGbmOptions.BaggingFreq) },
        { new LightGbmOptions { LambdaL2 = -0.1 }, nameof(LightGbmOptions.LambdaL2) },
        { new LightGbmOptions { MaxRounds = 0 }, nameof(LightGbmOptions.MaxRounds) },
        { new LightGbmOptions { EarlyStoppingRounds = -1 }, nameof(LightGbmOptions.EarlyStoppingRounds) },
        { new LightGbmOptions { Threads = -2 }, nameof(LightGbmOptions.Threads) },
        { new LightGbmOptions { Verbosity = 9 }, nameof(LightGbmOptions.Verbosity) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_OptionOutOfRange_ThrowsNamingTheOptionInBothLanguages(LightGbmOptions options, string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(option, error.ParamName);
        Assert.Contains($"LightGBM option {option} must be", error.Message, StringComparison.Ordinal);
        Assert.Contains($"LightGBM の {option} は", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Passes()
    {
        var options = new LightGbmOptions();

        options.Validate();

        Assert.Equal((31, 0.05, 500, 30), (options.NumLeaves, options.LearningRate, options.MaxRounds, options.EarlyStoppingRounds));
    }

    [Fact]
    public void Fit_BadOptions_IsRejectedBeforeTraining()
    {
        var data = LightGbmTestData.Noise(100, seed: 1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LightGbmEstimator(new LightGbmOptions { NumLeaves = 0 }).Fit(data.X, data.Y));

        Assert.Equal(nameof(LightGbmOptions.NumLeaves), error.ParamName);
    }
}
